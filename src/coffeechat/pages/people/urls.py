from django.urls import path

from coffeechat.pages.people import bulk, views, views_quick_add

app_name = "people"
urlpatterns = [
    path("", views.contacts, name="contacts"),
    path("new/", views.contact_new, name="contact_new"),
    path("quick-add/", views_quick_add.quick_add_view, name="quick_add"),
    path(
        "quick-add/organizations/",
        views_quick_add.organization_suggestions,
        name="organization_suggestions",
    ),
    path("bulk/", bulk.bulk_action, name="bulk"),
    path("<int:pk>/", views.contact_detail, name="contact"),
    path("<int:pk>/edit/", views.contact_edit, name="contact_edit"),
    path("<int:pk>/delete/", views.contact_delete, name="contact_delete"),
    path("<int:pk>/keep-in-touch/", views.contact_keep_in_touch, name="keep_in_touch"),
]
