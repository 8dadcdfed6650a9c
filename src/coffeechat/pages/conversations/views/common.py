"""What the conversation views share: finding the user's own rows and answering autosaves."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.forms import ModelForm
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone

from coffeechat.foundation.core.requests import AuthedRequest
from coffeechat.foundation.core.views import owned_or_404
from coffeechat.pages.conversations.queries import with_people
from coffeechat.pipeline.conversations.models import Conversation, ConversationQuestion


def conversation_or_404(request: AuthedRequest, pk: int) -> Conversation:
    return owned_or_404(with_people(), request, pk)


def chosen_question_or_404(request: AuthedRequest, pk: int) -> ConversationQuestion:
    """A question on one of the user's conversations; anyone else's is a 404."""
    return get_object_or_404(
        ConversationQuestion.objects.select_related("conversation"),
        pk=pk,
        conversation__owner=request.user,
    )


def status_line(
    request: AuthedRequest, *, status_id: str, errors: object = None
) -> TemplateResponse:
    """The "Saved 10:42:03" line an autosaving field swaps in under itself."""
    context = {"status_id": status_id, "errors": errors}
    if not errors:
        context["saved_at"] = timezone.localtime()
    return TemplateResponse(request, "core/autosave_status.html", context)


def autosave(
    request: AuthedRequest,
    form: ModelForm[Any],
    *,
    status_id: str,
    redirect_to: str,
    page: Callable[[], HttpResponse],
) -> HttpResponse:
    """Save a small form posted by HTMX (answer: the status line) or as a plain form."""
    if form.is_valid():
        form.save()
        if request.htmx:
            return status_line(request, status_id=status_id)
        return HttpResponseRedirect(redirect_to)
    if request.htmx:
        return status_line(request, status_id=status_id, errors=form.errors)
    return page()
