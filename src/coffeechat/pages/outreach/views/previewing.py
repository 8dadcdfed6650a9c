"""A template merged for someone, checked: on its own page, and live beside the editor as the
user types (see pages/outreach/previews)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST

from coffeechat.foundation.core.requests import AuthedRequest
from coffeechat.foundation.core.views import owned_or_404
from coffeechat.network.people.models import Contact
from coffeechat.pages.outreach import previews
from coffeechat.pages.outreach.queries import preview_choices
from coffeechat.pipeline.outreach.models import MessageTemplate


def chosen_contact(request: AuthedRequest, value: str) -> Contact | None:
    """The contact picked to preview with (another user's is a 404); none means the sample."""
    return owned_or_404(Contact, request, int(value)) if value.isdigit() else None


@login_required
@require_POST
def template_live_preview(request: AuthedRequest) -> HttpResponse:
    """The preview beside the template editor, refreshed as the user types."""
    template = previews.unsaved_template(request.user, request.POST)
    contact = chosen_contact(request, request.POST.get("preview_contact", ""))
    context = {"live": previews.preview(request.user, template, contact)}
    return TemplateResponse(request, "outreach/_template_live_preview.html", context)


@login_required
def template_preview(request: AuthedRequest, pk: int) -> HttpResponse:
    """The saved template merged for a sample contact, or for one of the user's contacts."""
    template = owned_or_404(MessageTemplate, request, pk)
    contact = chosen_contact(request, request.GET.get("contact", ""))
    context = previews.preview(request.user, template, contact)
    context["choices"] = preview_choices(request.user, contact)
    return TemplateResponse(request, "outreach/template_preview.html", context)
