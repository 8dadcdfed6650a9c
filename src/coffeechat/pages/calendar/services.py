"""Writing calendar feeds: made on first visit, replaced when the user revokes the link."""

from __future__ import annotations

from coffeechat.foundation.accounts.models import User
from coffeechat.pages.calendar.models import CalendarFeed, new_token, token_hash


def _with_new_token(feed: CalendarFeed) -> CalendarFeed:
    feed.token = new_token()
    feed.token_hash = token_hash(feed.token)
    return feed


def existing_feed(user: User) -> CalendarFeed | None:
    return CalendarFeed.objects.owned_by(user).first()


def feed_for(user: User) -> CalendarFeed:
    """The user's feed, made the first time they open the calendar page; `token` is set only
    on the call that made it (the link is shown that once)."""
    feed = existing_feed(user)
    if feed is None:
        feed = _with_new_token(CalendarFeed(owner=user))
        feed.save()
    return feed


def regenerate(user: User) -> CalendarFeed:
    """A new secret link, on the returned feed's `token`; the old one stops working at once."""
    feed = existing_feed(user) or CalendarFeed(owner=user)
    _with_new_token(feed).save()
    return feed
