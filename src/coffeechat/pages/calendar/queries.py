"""Reading what a calendar feed shows, in a fixed number of queries whatever the rows."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from django.db.models import Count, Max, QuerySet, Sum
from django.utils import timezone

from coffeechat.foundation.accounts.models import User
from coffeechat.network.people.models import Contact
from coffeechat.network.research.models import Organization
from coffeechat.pages.calendar.models import CalendarFeed, token_hash
from coffeechat.pipeline.conversations.models import Conversation
from coffeechat.pipeline.followups.models import FollowUp

# Recent past conversations stay visible (calendars drop events missing from the feed, and a
# conversation vanishing the day after it happened would be confusing); older ones are left out
# so the feed stays small for years of use.
FEED_PAST_DAYS = 90
# How far ahead: a keep-in-touch a year out is known, but nobody plans further.
FEED_FUTURE_DAYS = 366


def feed_by_token(token: str) -> CalendarFeed | None:
    """The feed behind a link; a deactivated account's calendar stops being served."""
    feeds = CalendarFeed.objects.select_related("owner__profile").filter(owner__is_active=True)
    return feeds.filter(token_hash=token_hash(token)).first()


def feed_conversations(user: User, *, now: datetime) -> QuerySet[Conversation]:
    """Every conversation from FEED_PAST_DAYS ago to FEED_FUTURE_DAYS ahead, cancelled ones
    included (shown as such)."""
    since = now - timedelta(days=FEED_PAST_DAYS)
    until = now + timedelta(days=FEED_FUTURE_DAYS)
    return (
        Conversation.objects.owned_by(user)
        .filter(scheduled_at__gte=since, scheduled_at__lte=until)
        .select_related("contact__organization")
        .order_by("scheduled_at", "id")
    )


def feed_followups(user: User, *, now: datetime) -> QuerySet[FollowUp]:
    """Open follow-ups due from FEED_PAST_DAYS ago to FEED_FUTURE_DAYS ahead (older ones are on
    the Follow-ups list; a calendar is for what is near), but for a polite follow-up never sent
    whose move-on has come: Today no longer asks for it either."""
    today = timezone.localdate(now, timezone=user.profile.tz())
    return (
        FollowUp.objects.owned_by(user)
        .owed(today)
        .filter(
            due_on__gte=today - timedelta(days=FEED_PAST_DAYS),
            due_on__lte=today + timedelta(days=FEED_FUTURE_DAYS),
        )
        .select_related("contact__organization")
        .order_by("due_on", "id")
    )


def _fingerprint(rows: QuerySet[Contact] | QuerySet[Organization]) -> dict[str, object]:
    return rows.aggregate(n=Count("id"), ids=Sum("id"), changed=Max("updated_at"))


def feed_version(user: User, *, now: datetime, base_url: str) -> str:
    """A fingerprint of everything the feed shows, read from the database in a few aggregate
    queries, so every process and server agrees on it without sharing memory.

    Rows are counted and their ids summed (a row added or deleted changes them), their last
    change and their SEQUENCE summed (an edit, or a bulk move that grows the SEQUENCE, changes
    them); the day moves the window, the names come from contacts and organizations.
    """
    today = timezone.localdate(now, timezone=user.profile.tz())
    parts: list[object] = [today, base_url, user.profile.time_zone]
    for rows in (feed_followups(user, now=now), feed_conversations(user, now=now)):
        parts.append(
            rows.order_by().aggregate(
                n=Count("id"), ids=Sum("id"), seq=Sum("sequence"), changed=Max("updated_at")
            )
        )
    parts.append(_fingerprint(Contact.objects.owned_by(user)))
    parts.append(_fingerprint(Organization.objects.owned_by(user)))
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
