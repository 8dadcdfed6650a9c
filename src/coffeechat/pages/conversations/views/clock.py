"""The conversation clock: Start, Pause, Resume and Reset on the conduct page, and correcting a
held conversation's start and length on its own page."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_POST

from coffeechat.foundation.core.requests import AuthedRequest
from coffeechat.method.clock import ClockError
from coffeechat.pages.conversations import queries
from coffeechat.pages.conversations.views import prepare
from coffeechat.pages.conversations.views.common import conversation_or_404
from coffeechat.pipeline.conversations import services
from coffeechat.pipeline.conversations.forms import CorrectTimeForm
from coffeechat.pipeline.conversations.models import Conversation, Status
from coffeechat.pipeline.services import conversation_changes


def _clock_url(conversation: Conversation) -> str:
    return reverse("conversations:conduct", args=[conversation.pk])  # the clock is on top


def clock_context(conversation: Conversation) -> dict[str, object]:
    return {"conversation": conversation, "clock": queries.clock_of(conversation)}


def _press(request: AuthedRequest, pk: int, action: Callable[[Conversation], None]) -> HttpResponse:
    """One press of a clock button: HTMX gets the clock back, a plain form the page."""
    conversation = conversation_or_404(request, pk)
    try:
        action(conversation)
    except ClockError as refused:
        messages.error(request, str(refused))
        if conversation.status == Status.CANCELLED:
            return HttpResponseRedirect(conversation.get_absolute_url())
        return HttpResponseRedirect(_clock_url(conversation))
    if request.htmx:
        return TemplateResponse(request, "conversations/_clock.html", clock_context(conversation))
    return HttpResponseRedirect(_clock_url(conversation))


@login_required
@require_POST
def start(request: AuthedRequest, pk: int) -> HttpResponse:
    """Start the clock (from the conduct page, or the prep page's Start) and show it running."""
    return _press(request, pk, services.start)


@login_required
@require_POST
def pause(request: AuthedRequest, pk: int) -> HttpResponse:
    return _press(request, pk, services.pause)


@login_required
@require_POST
def resume(request: AuthedRequest, pk: int) -> HttpResponse:
    return _press(request, pk, services.resume)


@login_required
def reset(request: AuthedRequest, pk: int) -> HttpResponse:
    """Asks first: a reset throws away the time measured so far."""
    conversation = conversation_or_404(request, pk)
    if request.method == "POST":
        try:
            services.reset(conversation)
        except ClockError as refused:
            messages.error(request, str(refused))
        else:
            messages.success(
                request, "The clock is reset. Press Start when the conversation begins."
            )
        return HttpResponseRedirect(_clock_url(conversation))
    context = clock_context(conversation)
    return TemplateResponse(request, "conversations/confirm_reset.html", context)


@login_required
@require_POST
def correct_time(request: AuthedRequest, pk: int) -> HttpResponse:
    """A held conversation's real start and length, corrected by hand."""
    conversation = conversation_or_404(request, pk)
    form = CorrectTimeForm(request.POST, conversation=conversation)
    if not form.is_valid():
        return prepare.held_page(request, conversation, time_form=form)
    try:
        conversation_changes.correct_time(conversation, **form.cleaned_data)
    except ClockError as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, "Saved when it started and how long it lasted.")
    return HttpResponseRedirect(conversation.get_absolute_url() + "#outcome-heading")
