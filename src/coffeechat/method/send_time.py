"""When a message should leave: the next business morning in the reader's time zone, the quiet
end of the week, and how long to wait before trying a failed send again. Plain Python, no Django.

Their time zone comes from their location where it can be told (`places.zone_of`), else the
user's own; their public holidays from the same place, else the user's.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from coffeechat.method.business_days import is_business_day

MORNING = time(9, 0)
# From this hour on Friday, and all of Saturday, a message waits for Monday morning by default.
FRIDAY_EVENING = time(17, 0)
FRIDAY, SATURDAY = 4, 5
QUIET_REASON = "replies are lowest to messages sent on Fridays and Saturdays"

# A failed send is tried again after these waits, then given up and shown as failed.
RETRY_WAITS = (timedelta(minutes=5), timedelta(minutes=30), timedelta(hours=2))
MAX_ATTEMPTS = len(RETRY_WAITS) + 1
# A send claimed this long ago and never finished belongs to a process that died mid-send: it
# may or may not have left, so it is shown as failed for the user to check, never sent again.
STALE_CLAIM = timedelta(minutes=15)
# A message whose moment passed longer ago than this (the laptop was off for days, or the record
# came back from an old backup) is held for the user to look at, not sent late without a word.
LATE_LIMIT = timedelta(days=1)


def next_business_morning(
    now: datetime, tz: tzinfo, holidays: Container[date] = frozenset(), at: time = MORNING
) -> datetime:
    """The first 9:00 in `tz` after `now` that falls on a business day there.

    Built from the local date and hour, so a change of daylight saving time in between moves
    the UTC instant, never the local 9:00.
    """
    local = now.astimezone(tz)
    day = local.date()
    if local.timetz().replace(tzinfo=None) >= at or not is_business_day(day, holidays):
        day += timedelta(days=1)
    while not is_business_day(day, holidays):
        day += timedelta(days=1)
    return datetime.combine(day, at, tzinfo=tz)


def is_quiet_time(local_now: datetime) -> bool:
    """Friday evening or Saturday, in the writer's own time."""
    weekday = local_now.weekday()
    return weekday == SATURDAY or (
        weekday == FRIDAY and local_now.time().replace(tzinfo=None) >= FRIDAY_EVENING
    )


@dataclass(frozen=True)
class Suggestion:
    """When the compose page proposes the message leave, and why."""

    at: datetime
    reason: str


def suggested_moment(
    now: datetime,
    *,
    writer_tz: tzinfo,
    reader_tz: tzinfo,
    reader_holidays: Container[date] = frozenset(),
) -> Suggestion | None:
    """Written on Friday evening or Saturday (the writer's time): the next business morning in
    the reader's time zone, with the reason; else None (send it now)."""
    if not is_quiet_time(now.astimezone(writer_tz)):
        return None
    return Suggestion(next_business_morning(now, reader_tz, reader_holidays), QUIET_REASON)


def retry_at(attempts: int, failed_at: datetime) -> datetime | None:
    """When to try again after the `attempts`-th failed try, or None: give up."""
    if attempts < 1 or attempts > len(RETRY_WAITS):
        return None
    return failed_at + RETRY_WAITS[attempts - 1]


def moment_label(moment: datetime, tz: tzinfo, now: datetime) -> str:
    """ "Monday 9:00" within the coming week, "Mon 14 Dec 9:00" further off, in `tz`."""
    local = moment.astimezone(tz)
    today = now.astimezone(tz).date()
    clock = f"{local.hour}:{local.minute:02d}"
    ahead = (local.date() - today).days
    if ahead == 0:
        return f"today {clock}"
    if ahead == 1:
        return f"tomorrow {clock}"
    if 1 < ahead < 7:
        return f"{local:%A} {clock}"
    return f"{local:%a} {local.day} {local:%b} {clock}"
