"""What the "Your data" page says is in each download."""

from __future__ import annotations

from typing import Any

from coffeechat.conversations.models import Conversation
from coffeechat.people.models import Contact
from coffeechat.research.models import Organization


def record_counts(user: Any) -> dict[str, int]:
    """How many contacts, organizations and conversations the user has, in three queries."""
    return {
        name: model.objects.owned_by(user).count()
        for name, model in (
            ("contacts", Contact),
            ("organizations", Organization),
            ("conversations", Conversation),
        )
    }
