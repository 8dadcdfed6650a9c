"""What the "Your data" page says is in each download."""

from __future__ import annotations

from coffeechat.foundation.accounts.models import User
from coffeechat.network.people.models import Contact
from coffeechat.network.research.models import Organization
from coffeechat.pipeline.conversations.models import Conversation


def record_counts(user: User) -> dict[str, int]:
    """How many contacts, organizations and conversations the user has, in three queries."""
    return {
        name: model.objects.owned_by(user).count()
        for name, model in (
            ("contacts", Contact),
            ("organizations", Organization),
            ("conversations", Conversation),
        )
    }
