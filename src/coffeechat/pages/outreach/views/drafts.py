"""Compose drafts: the autosave behind the compose page, and discarding a draft."""

from __future__ import annotations

from datetime import datetime
from typing import TypeVar

from django.contrib.auth.decorators import login_required
from django.db import models
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_POST

from coffeechat.foundation.core.requests import AuthedRequest
from coffeechat.foundation.core.views import confirm_delete, owned_or_404
from coffeechat.network.people.models import Contact
from coffeechat.pipeline.conversations.models import Conversation
from coffeechat.pipeline.outreach.drafts import Slot
from coffeechat.pipeline.outreach.models import Draft, MessageTemplate, Purpose

_M = TypeVar("_M", bound=models.Model)

# What a compose page can be writing (an introduction is recorded as such, written as a request).
PAGE_PURPOSES = frozenset({Purpose.REQUEST, Purpose.FOLLOW_UP, Purpose.UPDATE, Purpose.THANK_YOU})


def _owned_pk(request: AuthedRequest, model: type[_M], name: str) -> _M | None:
    value = request.POST.get(name, "")
    return owned_or_404(model, request, int(value)) if value.isdigit() else None


def _posted_slot(request: AuthedRequest) -> Slot:
    """The draft a compose page is writing, from its hidden fields; every part must be the
    user's own (another user's contact, template or conversation is a 404)."""
    contact = _owned_pk(request, Contact, "contact")
    if contact is None:
        raise Http404("No contact given.")
    template = _owned_pk(request, MessageTemplate, "template")
    conversation = _owned_pk(request, Conversation, "conversation")
    purpose = request.POST.get("purpose", "")
    if purpose not in PAGE_PURPOSES or (purpose == Purpose.THANK_YOU) != bool(conversation):
        raise Http404("No such draft.")
    if conversation is not None and conversation.contact_id != contact.pk:
        raise Http404("No such conversation.")
    return Slot(contact, purpose, template, conversation)


@login_required
@require_POST
def draft_save(request: AuthedRequest) -> HttpResponse:
    """Autosave of the compose page as the user types (and, by beacon, as the page is left)."""
    draft = _posted_slot(request).save(
        subject=request.POST.get("subject", ""),
        body=request.POST.get("body", ""),
        opened_at=_opened_at(request),
    )
    return TemplateResponse(request, "outreach/_draft_note.html", {"saved": draft})


def _opened_at(request: AuthedRequest) -> datetime | None:
    """When the compose page was opened (its hidden field), if it says so readably."""
    try:
        opened = datetime.fromisoformat(request.POST.get("opened_at", ""))
    except ValueError:
        return None
    return opened if opened.tzinfo is not None else None


def _fresh_page(draft: Draft) -> str:
    """The compose page the draft came from, starting again from its template."""
    if draft.conversation_id:
        return reverse("outreach:thank_you", args=[draft.conversation_id])
    query = [] if draft.purpose == Purpose.REQUEST else [f"purpose={draft.purpose}"]
    if draft.template_id:
        query.append(f"template={draft.template_id}")
    page = reverse("outreach:compose", args=[draft.contact_id])
    return f"{page}?{'&'.join(query)}" if query else page


@login_required
def draft_discard(request: AuthedRequest, pk: int) -> HttpResponse:
    """Throw a draft away, after a confirmation: the page starts again from the template."""
    draft = owned_or_404(Draft, request, pk)
    return confirm_delete(
        request,
        draft,
        kind="draft",
        consequence="The text you wrote is lost; the page starts again from the template.",
        cancel_url=draft.get_absolute_url(),
        done_url=_fresh_page(draft),
    )
