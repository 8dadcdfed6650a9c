"""What the conversation views share: finding the user's own rows."""

from __future__ import annotations

from django.shortcuts import get_object_or_404

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
