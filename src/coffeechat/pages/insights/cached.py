"""Insights' figures kept in Django's cache under a version of everything they are counted from.

Counting the figures reads every message, reply, conversation and contact the user has; the
version reads only a few figures per table, from indexes, in one query. It comes from the
database (never from this process's memory), so every process and server agrees on it, and a
change, however it is written (a form, an import, a merge's bulk update, a delete), makes a new
version: the next request counts again. An entry is never stale, only unused.

Per table: how many rows (an add or a delete changes it), the highest id (ids are never reused,
so an add and a delete between two requests still change it) and the last change (`updated_at`,
moved by every save, and by the bulk updates of fields Insights reads). Referrals have no owner
or change time: a referral's edit changes its contact, and a merge that moves one deletes a
contact. The user's day and time zone are part of it too: they decide the weeks and each
message's day.
"""

from __future__ import annotations

import functools
import hashlib
from datetime import date, datetime

from django.core.cache import cache
from django.db import connection
from django.db.models import Model
from django.utils import timezone

from coffeechat.foundation.accounts.models import User
from coffeechat.network.people.models import Contact
from coffeechat.network.research.models import Organization
from coffeechat.pages.insights.queries import insight_facts
from coffeechat.pages.insights.sections import Figures, figures
from coffeechat.pipeline.conversations.models import Conversation, Referral
from coffeechat.pipeline.outreach.models import Message, MessageTemplate, Reply

# An entry is never stale (a change makes a new key); the time limit only frees the space.
FIGURES_CACHE_SECONDS = 24 * 60 * 60

_OWNED: tuple[type[Model], ...] = (
    Contact,
    Organization,
    MessageTemplate,
    Message,
    Reply,
    Conversation,
)


@functools.cache
def _version_sql() -> str:
    """One statement of scalar subqueries, each answered from an index (the counts walk the
    owner's index entries, the highest id and last change are one lookup each). Written out
    once: compiling some twenty ORM subqueries per request cost more than running them."""
    quote = connection.ops.quote_name
    parts = []
    for model in _OWNED:
        table = quote(model._meta.db_table)
        for column in ("COUNT(*)", "MAX(id)", "MAX(updated_at)"):
            parts.append(f"(SELECT {column} FROM {table} WHERE owner_id = %(owner)s)")
    referral = quote(Referral._meta.db_table)
    conversation = quote(Conversation._meta.db_table)
    # Referrals are reached through a join, so their count and highest id come from one walk
    # of it, as one number (ids stay below 2**32 long before the count could spill into them).
    parts.append(
        f"(SELECT COUNT(*) * 4294967296 + COALESCE(MAX(r.id), 0) FROM {referral} r "
        f"JOIN {conversation} c ON c.id = r.conversation_id WHERE c.owner_id = %(owner)s)"
    )
    return "SELECT " + ", ".join(parts)


def facts_version(user: User, today: date) -> str:
    """A fingerprint of everything Insights counts, for this user on this day: one query."""
    with connection.cursor() as cursor:
        cursor.execute(_version_sql(), {"owner": user.pk})
        stamps = cursor.fetchone()
    parts = [today, user.profile.time_zone, stamps]
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:32]


def cached_figures(user: User, now: datetime | None = None) -> Figures:
    """The page's figures: from the cache when nothing they count has changed, else counted
    afresh (and kept). The version is read first, so what is kept is never older than it."""
    now = now or timezone.now()
    today = timezone.localdate(now, user.profile.tz())
    key = f"insights:{user.pk}:{facts_version(user, today)}"
    found: Figures | None = cache.get(key)
    if found is None:
        found = figures(insight_facts(user, now))
        cache.set(key, found, FIGURES_CACHE_SECONDS)
    return found
