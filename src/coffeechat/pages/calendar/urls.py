from django.urls import path

from coffeechat.pages.calendar import views

app_name = "calendar"

urlpatterns = [
    path("", views.calendar_page, name="page"),
    path("new-link/", views.regenerate, name="regenerate"),
    # token_urlsafe's alphabet is exactly the slug one: letters, digits, "-" and "_".
    path("feed/<slug:token>.ics", views.feed, name="feed"),
    path("conversations/<int:pk>.ics", views.conversation_ics, name="conversation_ics"),
]
