from django.urls import include, path

urlpatterns = [
    path("", include("coffeechat.followups.urls")),
    path("", include("coffeechat.accounts.urls")),
    path("research/", include("coffeechat.research.urls")),
    path("contacts/", include("coffeechat.people.urls")),
    path("outreach/", include("coffeechat.outreach.urls")),
    path("conversations/", include("coffeechat.conversations.urls")),
    path("network/", include("coffeechat.network.urls")),
    path("records/", include("coffeechat.records.urls")),
    path("calendar/", include("coffeechat.calendar.urls")),
    path("reminders/", include("coffeechat.reminders.urls")),
    path("insights/", include("coffeechat.insights.urls")),
    path("help/", include("coffeechat.core.urls")),
]
