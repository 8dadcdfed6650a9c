"""Writing calendar feeds: made on first visit, replaced when the user revokes the link."""

from __future__ import annotations

from django.db import models

from coffeechat.pages.calendar.models import CalendarFeed, new_token


def feed_for(user: models.Model) -> CalendarFeed:
    """The user's feed, made the first time they open the calendar page."""
    feed, _ = CalendarFeed.objects.get_or_create(owner=user)
    return feed


def regenerate(user: models.Model) -> CalendarFeed:
    """A new secret link; the old one stops working at once (the token is the only key)."""
    feed = feed_for(user)
    feed.token = new_token()
    feed.save(update_fields=["token", "updated_at"])
    return feed
