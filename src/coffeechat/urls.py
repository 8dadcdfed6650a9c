from django.urls import include, path

urlpatterns = [
    path("", include("coffeechat.pages.today.urls")),
    path("", include("coffeechat.pages.accounts.urls")),
    path("research/", include("coffeechat.pages.research.urls")),
    path("contacts/", include("coffeechat.pages.people.urls")),
    path("outreach/", include("coffeechat.pages.outreach.urls")),
    path("conversations/", include("coffeechat.pages.conversations.urls")),
    path("network/", include("coffeechat.edges.imports.urls")),
    path("records/", include("coffeechat.edges.records.urls")),
    path("calendar/", include("coffeechat.pages.calendar.urls")),
    path("reminders/", include("coffeechat.pages.reminders.urls")),
    path("insights/", include("coffeechat.pages.insights.urls")),
    path("search/", include("coffeechat.pages.search.urls")),
    path("help/", include("coffeechat.foundation.core.urls")),
]
