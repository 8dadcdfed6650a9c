"""Finding duplicates and merging them; included by network/urls.py."""

from django.urls import path

from coffeechat.network.views import duplicates

duplicate_patterns = [
    path("duplicates/", duplicates.duplicate_list, name="duplicates"),
    path("duplicates/merge/<int:keep_pk>/<int:other_pk>/", duplicates.merge, name="merge"),
    path(
        "duplicates/different/<int:first_pk>/<int:second_pk>/",
        duplicates.not_duplicate,
        name="not_duplicate",
    ),
]
