from django.urls import path

from coffeechat.pages.search import views

app_name = "search"
urlpatterns = [path("", views.search, name="search")]
