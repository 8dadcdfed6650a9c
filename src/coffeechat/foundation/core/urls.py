from django.urls import path

from coffeechat.foundation.core import views

app_name = "core"
urlpatterns = [path("", views.help_page, name="help")]
