"""Today's follow-ups and Next moves kept in Django's cache under a version of everything they
are read from (pipeline/followups/versions.py: one query), the user's day, time zone and
public holidays. A change however written makes a new version and the next request reads
afresh: an entry is never stale, only unused, and no process keeps anything that can go
stale (each keeps its own entries, all under versions read from the database).

What moves with the clock inside a day is never kept: conversations (begun or not yet),
drafts, and which section an item with an exact deadline falls in (decided per request from
the kept item's deadline).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import date
from typing import TypeVar

from django.core.cache import cache

from coffeechat.foundation.accounts.models import User
from coffeechat.pipeline.followups.versions import records_version

# An entry is never stale (a change makes a new key); the time limit only frees the space.
CACHE_SECONDS = 24 * 60 * 60

T = TypeVar("T")


def today_version(user: User, today: date) -> str:
    """A fingerprint of everything Today's follow-ups and Next moves are read from, for this
    user on this day: one query."""
    profile = user.profile
    parts = [today, profile.time_zone, profile.country, profile.region, records_version(user)]
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:32]


def remembered(user: User, version: str, what: str, read: Callable[[], T]) -> T:
    """`read()` as of this version: from the cache if it was read under it, else read now and
    kept. The version is read before, so what is kept is never older than it."""
    key = f"today:{user.pk}:{what}:{version}"
    found: T | None = cache.get(key)
    if found is None:
        found = read()
        cache.set(key, found, CACHE_SECONDS)
    return found
