"""Business-day arithmetic: weekends and the user's public holidays do not count."""

from __future__ import annotations

from collections.abc import Container
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


def business_days_between(start: date, end: date, holidays: Container[date] = frozenset()) -> int:
    """How many business days have passed after `start` up to and including `end`."""
    if end <= start:
        return 0
    count = 0
    current = start
    while current < end:
        current += timedelta(days=1)
        if is_business_day(current, holidays):
            count += 1
    return count
