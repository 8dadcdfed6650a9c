"""Business-day arithmetic: weekends and the user's public holidays do not count."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Container, Iterable, Sequence
from datetime import date, timedelta
from functools import lru_cache
from typing import TypeAlias

import holidays as holidays_lib

SATURDAY = 5

# The days that do not count in a user's country and region (a `holidays` calendar, or any
# container of dates in tests): what every business-day rule takes.
HolidayCalendar: TypeAlias = Container[date]


class UnknownRegion(ValueError):
    """The country or region code is not one the holidays calendar knows."""


@lru_cache(maxsize=64)
def public_holidays(country: str, region: str = "") -> HolidayCalendar:
    """Public holidays of a country (ISO 3166-1 alpha-2) and optional region/subdivision."""
    if not country:
        return frozenset()
    try:
        return holidays_lib.country_holidays(country.upper(), subdiv=region or None)
    except NotImplementedError:
        raise UnknownRegion(f"No holiday calendar for country {country!r}.") from None
    except ValueError as error:
        raise UnknownRegion(str(error)) from None


def is_business_day(day: date, holidays: Container[date] = frozenset()) -> bool:
    return day.weekday() < SATURDAY and day not in holidays


def add_business_days(start: date, days: int, holidays: Container[date] = frozenset()) -> date:
    """The date `days` business days after `start` (start itself never counts).

    A request sent on Friday with 3 business days to wait is due on Wednesday.
    """
    if days < 0:
        raise ValueError("days must not be negative")
    current = start
    remaining = days
    while remaining:
        current += timedelta(days=1)
        if is_business_day(current, holidays):
            remaining -= 1
    return current


def business_days_between(
    start: date,
    end: date,
    holidays: Container[date] = frozenset(),
    *,
    at_most: int | None = None,
) -> int:
    """How many business days have passed after `start` up to and including `end`.

    Counted arithmetically (whole weeks, then the few days left, minus the holidays on weekdays
    in the range), so a request sent years ago costs no more than one sent yesterday. With
    `at_most`, the answer is capped there: a caller asking "have 10 days passed?" gets 10 as soon
    as that is known, without looking up holidays for the rest of the range.
    """
    if end <= start:
        return 0
    if at_most is not None:
        # Two spare weeks cover any holidays in the first stretch; if the threshold is reached
        # there, the rest of the range cannot lower it.
        probe = start + timedelta(weeks=at_most // 5 + 2)
        if probe < end and _count(start, probe, holidays) >= at_most:
            return at_most
        return min(_count(start, end, holidays), at_most)
    return _count(start, end, holidays)


def _count(start: date, end: date, holidays: Container[date]) -> int:
    return _weekdays_after(start, end) - _weekday_holidays_after(start, end, holidays)


def _weekdays_after(start: date, end: date) -> int:
    """Monday-to-Friday days in (start, end]."""
    span = (end - start).days
    weeks, rest = divmod(span, 7)
    first = start.weekday() + 1
    return weeks * 5 + sum(1 for offset in range(rest) if (first + offset) % 7 < SATURDAY)


def _weekday_holidays_after(start: date, end: date, holidays: Container[date]) -> int:
    """Holidays falling on a weekday in (start, end], found by bisection in a sorted list."""
    if isinstance(holidays, holidays_lib.HolidayBase):
        ordered: Sequence[date] = _sorted_weekday_holidays(holidays, start.year, end.year)
    elif isinstance(holidays, Iterable):
        ordered = sorted(day for day in holidays if day.weekday() < SATURDAY)
    else:
        # A bare container can only be asked about one day at a time.
        return sum(
            1
            for offset in range(1, (end - start).days + 1)
            if (day := start + timedelta(days=offset)).weekday() < SATURDAY and day in holidays
        )
    return bisect_right(ordered, end) - bisect_right(ordered, start)


# Sorted weekday holidays per calendar and year span. The calendar object is kept in the value so
# its id() cannot be reused by another calendar while the entry lives.
_SORTED: dict[tuple[int, int, int], tuple[object, tuple[date, ...]]] = {}
_SORTED_LIMIT = 256


def _sorted_weekday_holidays(
    calendar: holidays_lib.HolidayBase, first_year: int, last_year: int
) -> tuple[date, ...]:
    key = (id(calendar), first_year, last_year)
    cached = _SORTED.get(key)
    if cached is not None and cached[0] is calendar:
        return cached[1]
    for year in range(first_year, last_year + 1):
        # Asking about a day makes an expanding calendar populate that year.
        _ = date(year, 1, 1) in calendar
    ordered = tuple(
        sorted(
            day
            for day in calendar
            if first_year <= day.year <= last_year and day.weekday() < SATURDAY
        )
    )
    if len(_SORTED) >= _SORTED_LIMIT:
        _SORTED.clear()
    _SORTED[key] = (calendar, ordered)
    return ordered
