"""Step 3 pages: composing and sending, logging replies, templates and email settings."""

from coffeechat.pages.outreach.views.compose import compose, preview, thank_you
from coffeechat.pages.outreach.views.email_settings import email_settings
from coffeechat.pages.outreach.views.messages import message_list, reply
from coffeechat.pages.outreach.views.previewing import template_live_preview, template_preview
from coffeechat.pages.outreach.views.templates import (
    template_delete,
    template_edit,
    template_list,
    template_new,
)

__all__ = [
    "compose",
    "email_settings",
    "message_list",
    "preview",
    "reply",
    "template_delete",
    "template_edit",
    "template_list",
    "template_live_preview",
    "template_new",
    "template_preview",
    "thank_you",
]
