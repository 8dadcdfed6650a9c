"""A version of a user's records as the follow-ups' pages read them, from the database in one
query, and what those pages keep in Django's cache under it (with the user's day, time zone
and public holidays): Today's follow-ups and Next moves, Outreach's "Waiting for a reply".
A change however written makes a new version and the next request reads afresh: an entry is
never stale, only unused, and no process keeps anything that can go stale (each keeps its
own entries, all under versions read from the database). What moves with the clock within a
day is never kept: a page reads it on every request.

Per table (contacts, organizations, messages, replies, conversations, follow-ups, scheduled
messages): how many
rows (an add or a delete changes it), the highest id (ids are never reused, so an add and a
delete between two requests still change it) and the last change (`updated_at`, moved by
every save and by every bulk update of these tables: `settle` stamps it too). A bulk update
that skips it only ever comes with a delete in the same change (a merge moves what the merged
contact or organization had, then deletes it), which changes the count. It comes from the
database, never from this process's memory, so every process and server agrees on it, however
a change was written (a form, an import, a merge, another process's raw SQL).
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable
from datetime import date
from typing import TypeVar

from django.core.cache import cache
from django.db import connection
from django.db.models import Model

from coffeechat.foundation.accounts.models import User
from coffeechat.network.people.models import Contact
from coffeechat.network.research.models import Organization
from coffeechat.pipeline.conversations.models import Conversation
from coffeechat.pipeline.followups.models import FollowUp
from coffeechat.pipeline.outreach.models import Message, Reply, ScheduledMessage

# Scheduled messages count too: one waiting to go out puts its person "under way" in Next moves.
TABLES: tuple[type[Model], ...] = (
    Contact, Organization, Message, Reply, Conversation, FollowUp, ScheduledMessage,
)  # fmt: skip

# An entry is never stale (a change makes a new key); the time limit only frees the space.
CACHE_SECONDS = 24 * 60 * 60

T = TypeVar("T")


@functools.cache
def _version_sql() -> str:
    """One statement of scalar subqueries, each answered from an index (the counts walk the
    owner's index entries; the highest id and the last change are one lookup each). Written
    out once: compiling the ORM's nineteen subqueries per request would cost more than running
    them."""
    quote = connection.ops.quote_name
    parts = [
        f"(SELECT {column} FROM {quote(model._meta.db_table)} WHERE owner_id = %(owner)s)"
        for model in TABLES
        for column in ("COUNT(*)", "MAX(id)", "MAX(updated_at)")
    ]
    # How many follow-ups are open: done and undone (or reopened) within the clock's smallest
    # step still make two versions.
    parts.append(
        f"(SELECT COUNT(*) FROM {quote(FollowUp._meta.db_table)} "
        "WHERE owner_id = %(owner)s AND done_at IS NULL)"
    )
    return "SELECT " + ", ".join(parts)


def records_version(user: User) -> tuple[object, ...]:
    """The count, highest id and last change of each of the user's tables above, and how
    many of their follow-ups are open."""
    with connection.cursor() as cursor:
        cursor.execute(_version_sql(), {"owner": user.pk})
        row = cursor.fetchone()
    return tuple(row)


def day_version(user: User, today: date) -> str:
    """A fingerprint of the user's records (above), day, time zone and holidays: one query."""
    profile = user.profile
    parts = [today, profile.time_zone, profile.country, profile.region, records_version(user)]
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:32]


def remembered(user: User, version: str, what: str, read: Callable[[], T]) -> T:
    """`read()` as of this version: from the cache if it was read under it, else read now and
    kept. The version is read before, so what is kept is never older than it."""
    key = f"versioned:{user.pk}:{what}:{version}"
    found: T | None = cache.get(key)
    if found is None:
        found = read()
        cache.set(key, found, CACHE_SECONDS)
    return found
