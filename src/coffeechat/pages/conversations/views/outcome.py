"""After the conversation: ticking the advice you acted on, so its giver hears what came of it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST

from coffeechat.foundation.core.requests import AuthedRequest
from coffeechat.method.today import Kind
from coffeechat.pipeline.conversations.models import Takeaway
from coffeechat.pipeline.followups.models import FollowUp
from coffeechat.pipeline.services import conversation_changes


def _advice_or_404(request: AuthedRequest, pk: int) -> Takeaway:
    """A piece of advice from one of the user's conversations; anyone else's is a 404."""
    return get_object_or_404(
        Takeaway.objects.select_related("conversation__contact"),
        pk=pk,
        kind=Takeaway.Kind.ADVICE,
        conversation__owner=request.user,
    )


def _loop(takeaway: Takeaway) -> FollowUp | None:
    """The open close-the-loop follow-up this advice is part of."""
    conversation = takeaway.conversation
    return (
        FollowUp.objects.owned_by(conversation.owner)
        .open()
        .filter(kind=Kind.CLOSE_THE_LOOP.value, contact=conversation.contact)
        .filter(conversation=conversation)
        .first()
    )


@login_required
@require_POST
def acted_on(request: AuthedRequest, pk: int) -> HttpResponse:
    takeaway = _advice_or_404(request, pk)
    acted = request.POST.get("acted") == "1"
    conversation_changes.set_acted_on(takeaway, acted)
    loop = _loop(takeaway) if acted else None
    if request.htmx:
        context = {"t": takeaway, "loop": loop, "just_changed": True}
        return TemplateResponse(request, "conversations/_advice_item.html", context)
    name = takeaway.conversation.contact.first_name
    if loop:
        due = f"{loop.due_on:%a} {loop.due_on.day} {loop.due_on:%b}"
        messages.success(request, f"Noted. Tell {name} what came of it by {due}.")
    else:
        messages.success(request, "Noted.")
    return HttpResponseRedirect(takeaway.conversation.get_absolute_url() + "#outcome-heading")
