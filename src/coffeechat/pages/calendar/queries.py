"""Reading what a calendar feed shows, in a fixed number of queries whatever the rows."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import QuerySet
from django.utils import timezone

from coffeechat.foundation.accounts.models import User
from coffeechat.pages.calendar.models import CalendarFeed
from coffeechat.pipeline.conversations.models import Conversation
from coffeechat.pipeline.followups.models import FollowUp

# Recent past conversations stay visible (calendars drop events missing from the feed, and a
# conversation vanishing the day after it happened would be confusing); older ones are left out
# so the feed stays small for years of use.
FEED_PAST_DAYS = 90


def feed_by_token(token: str) -> CalendarFeed | None:
    """The feed behind a link; a deactivated account's calendar stops being served."""
    feeds = CalendarFeed.objects.select_related("owner__profile").filter(owner__is_active=True)
    return feeds.filter(token=token).first()


def feed_conversations(user: User, *, now: datetime) -> QuerySet[Conversation]:
    """Every conversation from FEED_PAST_DAYS ago on, cancelled ones included (shown as such)."""
    since = now - timedelta(days=FEED_PAST_DAYS)
    return (
        Conversation.objects.owned_by(user)
        .filter(scheduled_at__gte=since)
        .select_related("contact__organization")
        .order_by("scheduled_at", "id")
    )


def feed_followups(user: User, *, now: datetime) -> QuerySet[FollowUp]:
    """Every open follow-up, however old (an overdue one is still owed), but for a polite
    follow-up never sent whose move-on has come: Today no longer asks for it either."""
    today = timezone.localdate(now, timezone=user.profile.tz())
    return (
        FollowUp.objects.owned_by(user)
        .owed(today)
        .select_related("contact__organization")
        .order_by("due_on", "id")
    )
