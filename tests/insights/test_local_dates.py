"""A message's local day worked out in plain SQL (foundation.core.local_dates) is the day Django's
TruncDate gives, for moments on either side of every change of offset, in time zones with summer
time, half-hour and quarter-hour offsets, southern summers and none at all."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db.models import Max, Min
from django.db.models.functions import TruncDate

import factories as make
from coffeechat.foundation.core.local_dates import LocalDate, offsets
from coffeechat.pipeline.outreach.models import Message

ZONES = [
    "UTC",
    "Europe/London",
    "America/New_York",
    "Australia/Lord_Howe",  # summer time of half an hour
    "Asia/Kathmandu",  # +05:45
    "Pacific/Chatham",  # +12:45, +13:45 in the southern summer
    "America/St_Johns",  # -03:30 with summer time
    "America/Santiago",  # changes at local midnight: a second decides the day
    "Asia/Beirut",  # likewise
]


def moments(tz: ZoneInfo) -> list[datetime]:
    """Around every change of offset in 2025-2026 (a second either side, and on it), near
    local midnight on either side of it, and a few ordinary moments."""
    since, until = datetime(2025, 1, 1, tzinfo=UTC), datetime(2026, 12, 31, tzinfo=UTC)
    found = [since, until, datetime(2025, 7, 1, 12, 0, 0, 123456, tzinfo=UTC)]
    for start, _ in offsets(tz, since, until)[1:]:
        for delta in (-1, 0, 1, -3600 * 5, 3600 * 5):
            found.append(start + timedelta(seconds=delta))
        found.append(start + timedelta(microseconds=-1))
    for day in range(0, 730, 29):
        local_midnight = datetime(2025, 1, 1, tzinfo=tz) + timedelta(days=day)
        for delta in (-1, 0, 1):
            found.append(local_midnight.astimezone(UTC) + timedelta(seconds=delta))
    return found


@pytest.mark.parametrize("zone", ZONES)
def test_the_local_day_in_sql_is_truncdates(alice, zone):
    tz = ZoneInfo(zone)
    contact = make.contact(alice, "Ana Lopez")
    Message.objects.bulk_create(
        Message(owner=alice, contact=contact, body="Hi", sent_at=moment) for moment in moments(tz)
    )
    rows = Message.objects.filter(owner=alice)
    span = rows.aggregate(since=Min("sent_at"), until=Max("sent_at"))
    days = rows.annotate(
        theirs=TruncDate("sent_at", tzinfo=tz),
        ours=LocalDate("sent_at", tzinfo=tz, since=span["since"], until=span["until"]),
    ).values_list("sent_at", "theirs", "ours")
    wrong = [(moment, theirs, ours) for moment, theirs, ours in days if theirs != ours]
    assert not wrong
    assert len(days) > 40


def test_offsets_lists_each_change_once_with_its_exact_second():
    london = ZoneInfo("Europe/London")
    pieces = offsets(london, datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 12, 31, tzinfo=UTC))
    assert pieces[1:] == (
        (datetime(2026, 3, 29, 1, 0, tzinfo=UTC), 3600),
        (datetime(2026, 10, 25, 1, 0, tzinfo=UTC), 0),
    )
    assert pieces[0][1] == 0
