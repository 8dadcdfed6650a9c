from django.urls import path

from coffeechat.pages.outreach import views
from coffeechat.pages.outreach.views import corrections, drafts, network_update, scheduling
from coffeechat.pages.outreach.views.compose import download_eml, mark_sent, save_draft, send
from coffeechat.pages.outreach.views.email_settings import email_settings_test

# The compose page's buttons, each posting to its own address (views.compose).
COMPOSE_ACTIONS = [
    ("save", save_draft),
    ("eml", download_eml),
    ("send", send),
    ("mark", mark_sent),
    ("schedule", scheduling.schedule),
]

app_name = "outreach"
urlpatterns = [
    path("", views.message_list, name="messages"),
    path("write/<int:contact_pk>/", views.compose, name="compose"),
    path("reply/<int:contact_pk>/", views.reply, name="reply"),
    path("thank-you/<int:conversation_pk>/", views.thank_you, name="thank_you"),
    *(
        path(f"write/<int:contact_pk>/{action}/", view, name=f"compose_{action}")
        for action, view in COMPOSE_ACTIONS
    ),
    *(
        path(f"thank-you/<int:conversation_pk>/{action}/", view, name=f"thank_you_{action}")
        for action, view in COMPOSE_ACTIONS
    ),
    path("preview/", views.preview, name="preview"),
    path("scheduled/<int:pk>/", scheduling.scheduled_edit, name="scheduled_edit"),
    path("scheduled/<int:pk>/cancel/", scheduling.scheduled_cancel, name="scheduled_cancel"),
    path("drafts/save/", drafts.draft_save, name="draft_save"),
    path("drafts/<int:pk>/discard/", drafts.draft_discard, name="draft_discard"),
    path("network-update/", network_update.network_update, name="network_update"),
    path(
        "network-update/<int:contact_pk>/save/",
        network_update.network_update_save,
        name="network_update_save",
    ),
    path(
        "network-update/<int:contact_pk>/send/",
        network_update.network_update_send,
        name="network_update_send",
    ),
    path(
        "network-update/<int:contact_pk>/mark/",
        network_update.network_update_mark,
        name="network_update_mark",
    ),
    path("templates/", views.template_list, name="templates"),
    path("templates/new/", views.template_new, name="template_new"),
    path("templates/preview/", views.template_live_preview, name="template_live_preview"),
    path("templates/<int:pk>/", views.template_edit, name="template_edit"),
    path("templates/<int:pk>/delete/", views.template_delete, name="template_delete"),
    path("templates/<int:pk>/preview/", views.template_preview, name="template_preview"),
    path("email-settings/", views.email_settings, name="email_settings"),
    path("email-settings/test/", email_settings_test, name="email_settings_test"),
    path("messages/<int:pk>/edit/", corrections.message_edit, name="message_edit"),
    path("messages/<int:pk>/delete/", corrections.message_delete, name="message_delete"),
    path("replies/<int:pk>/edit/", corrections.reply_edit, name="reply_edit"),
    path("replies/<int:pk>/delete/", corrections.reply_delete, name="reply_delete"),
]
