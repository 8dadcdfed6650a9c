"""Writing calendar feeds: made on first visit, replaced when the user revokes the link."""

from __future__ import annotations

from coffeechat.foundation.accounts.models import User
from coffeechat.pages.calendar.models import CalendarFeed, new_token


def feed_for(user: User) -> CalendarFeed:
    """The user's feed, made the first time they open the calendar page."""
    feed, _ = CalendarFeed.objects.get_or_create(owner=user)
    return feed


def regenerate(user: User) -> CalendarFeed:
    """A new secret link; the old one stops working at once (the token is the only key)."""
    feed = feed_for(user)
    feed.token = new_token()
    feed.save(update_fields=["token", "updated_at"])
    return feed
