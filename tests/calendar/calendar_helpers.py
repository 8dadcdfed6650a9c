"""Reading the feed back as a calendar app would: shared by this folder's tests."""

from __future__ import annotations

from datetime import UTC, datetime

from icalendar import Calendar, Event

NOW = datetime(2026, 11, 16, 9, 0, tzinfo=UTC)


def fetch(client, url: str) -> Calendar:
    """GET the feed as a calendar app would (no login) and parse it back."""
    client.logout()
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def event(calendar: Calendar, uid: str) -> Event:
    matches = [e for e in calendar.events if str(e["UID"]) == uid]
    assert len(matches) == 1, [str(e["UID"]) for e in calendar.events]
    return matches[0]
