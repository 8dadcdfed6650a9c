"""Finding duplicates and merging them; included by edges/imports/urls.py (namespace "network")."""

from django.urls import path

from coffeechat.pages.duplicates import views as duplicates
from coffeechat.pages.duplicates import views_organizations as organizations

duplicate_patterns = [
    path("duplicates/", duplicates.duplicate_list, name="duplicates"),
    path("duplicates/merge/<int:keep_pk>/<int:other_pk>/", duplicates.merge, name="merge"),
    path(
        "duplicates/different/<int:first_pk>/<int:second_pk>/",
        duplicates.not_duplicate,
        name="not_duplicate",
    ),
    path(
        "duplicates/organizations/",
        organizations.organization_duplicates,
        name="organization_duplicates",
    ),
    path(
        "duplicates/organizations/merge/<int:keep_pk>/<int:other_pk>/",
        organizations.organization_merge,
        name="organization_merge",
    ),
    path(
        "duplicates/organizations/different/<int:first_pk>/<int:second_pk>/",
        organizations.organizations_different,
        name="organizations_different",
    ),
]
