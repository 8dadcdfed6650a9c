from django.urls import path

from coffeechat.pages.research import views

app_name = "research"
urlpatterns = [
    path("", views.organizations, name="organizations"),
    path("organizations/new/", views.organization_new, name="organization_new"),
    path("organizations/<int:pk>/", views.organization_detail, name="organization"),
    path("organizations/<int:pk>/edit/", views.organization_edit, name="organization_edit"),
    path("organizations/<int:pk>/delete/", views.organization_delete, name="organization_delete"),
    path(
        "organizations/<int:pk>/finished/",
        views.organization_finished,
        name="organization_finished",
    ),
    path(
        "organizations/<int:pk>/target/",
        views.organization_target,
        name="organization_target",
    ),
    path("fields/", views.fields, name="fields"),
    path("fields/<int:pk>/", views.field_detail, name="field"),
    path("fields/<int:pk>/delete/", views.field_delete, name="field_delete"),
]
