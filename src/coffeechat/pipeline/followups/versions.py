"""A version of a user's records as the follow-ups' pages read them, from the database in one
query: what a page may keep in Django's cache under, so that an entry is never stale, only
unused (pages/today/cached.py).

Per table (contacts, organizations, messages, replies, conversations, follow-ups): how many
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

from django.db import connection
from django.db.models import Model

from coffeechat.foundation.accounts.models import User
from coffeechat.network.people.models import Contact
from coffeechat.network.research.models import Organization
from coffeechat.pipeline.conversations.models import Conversation
from coffeechat.pipeline.followups.models import FollowUp
from coffeechat.pipeline.outreach.models import Message, Reply

TABLES: tuple[type[Model], ...] = (Contact, Organization, Message, Reply, Conversation, FollowUp)


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
