"""The user's private calendar feed: one secret link per user, which they can replace."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models

from coffeechat.foundation.core.models import OwnedModel


def new_token() -> str:
    """A link nobody can guess: 32 random bytes, URL-safe (43 characters)."""
    return secrets.token_urlsafe(32)


class CalendarFeed(OwnedModel):
    # One feed per user: replacing the link changes the token, it never adds a second feed.
    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    token = models.CharField(max_length=64, unique=True, default=new_token)

    def __str__(self) -> str:
        return f"Calendar feed of {self.owner}"
