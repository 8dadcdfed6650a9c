from django.urls import path

from coffeechat.pages.reminders import views

app_name = "reminders"

urlpatterns = [
    path("", views.digest_page, name="digest"),
    path("status/", views.status, name="status"),
    path("send/", views.send_now, name="send_now"),
]
