"""The user's private calendar feed: one secret link per user, which they can replace.

Only a hash of the link's token is stored, as for passwords: whoever reads the database (a
backup, a stolen laptop) cannot subscribe to anyone's calendar. The link is shown once, when
it is made; after that the user can only revoke it and make a new one.
"""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models

from coffeechat.foundation.core.models import OwnedModel


def new_token() -> str:
    """A link nobody can guess: 32 random bytes, URL-safe (43 characters)."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    # 256 random bits need no salt or slow hash: nothing short of the token itself matches.
    return hashlib.sha256(token.encode()).hexdigest()


class CalendarFeed(OwnedModel):
    # One feed per user: replacing the link changes the token, it never adds a second feed.
    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    token_hash = models.CharField(max_length=64, unique=True)

    # The token itself, on the instance that just made it (never stored): to show it once.
    token: str = ""

    def __str__(self) -> str:
        return f"Calendar feed of {self.owner}"
