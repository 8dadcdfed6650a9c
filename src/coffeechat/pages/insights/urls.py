from django.urls import path

from coffeechat.pages.insights import views

app_name = "insights"

urlpatterns = [
    path("", views.insights_page, name="insights"),
    path("goal/", views.set_goal, name="goal"),
]
