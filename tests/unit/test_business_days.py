from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coffeechat.method.business_days import (
    UnknownRegion,
    add_business_days,
    business_days_between,
    is_business_day,
    public_holidays,
)

FRIDAY = date(2026, 11, 20)


def test_three_business_days_after_a_friday_is_the_wednesday():
    assert add_business_days(FRIDAY, 3) == date(2026, 11, 25)


def test_zero_business_days_is_the_same_day():
    assert add_business_days(FRIDAY, 0) == FRIDAY


def test_a_request_sent_on_saturday_counts_from_monday():
    assert add_business_days(date(2026, 11, 21), 1) == date(2026, 11, 23)


def test_public_holidays_are_skipped():
    us = public_holidays("US")
    # Thanksgiving 2026 is Thursday 26 November.
    assert not is_business_day(date(2026, 11, 26), us)
    assert add_business_days(date(2026, 11, 24), 3, us) == date(2026, 11, 30)


def test_regional_holidays_depend_on_the_region():
    # Saint Andrew's Day substitute (Mon 30 Nov 2026) is a bank holiday in Scotland only.
    scotland = public_holidays("GB", "SCT")
    england = public_holidays("GB", "ENG")
    assert date(2026, 11, 30) in scotland
    assert date(2026, 11, 30) not in england


def test_christmas_week_in_england_skips_both_bank_holidays():
    england = public_holidays("GB", "ENG")
    # Thu 24 Dec 2026 + 3 business days: Fri 25 and Mon 28 (Boxing Day substitute) don't count.
    assert add_business_days(date(2026, 12, 24), 3, england) == date(2026, 12, 31)


def test_business_days_between_counts_only_working_days_after_the_start():
    assert business_days_between(FRIDAY, date(2026, 11, 23)) == 1
    assert business_days_between(FRIDAY, date(2026, 12, 4)) == 10
    assert business_days_between(FRIDAY, FRIDAY) == 0
    assert business_days_between(FRIDAY, date(2026, 11, 1)) == 0


def test_an_unknown_country_is_a_clear_error():
    with pytest.raises(UnknownRegion):
        public_holidays("ZZ")


def test_negative_days_are_refused():
    with pytest.raises(ValueError):
        add_business_days(FRIDAY, -1)


# Counting arithmetically must give exactly what counting day by day gives.


def _naive_between(start: date, end: date, holidays) -> int:
    count, current = 0, start
    while current < end:
        current += timedelta(days=1)
        if is_business_day(current, holidays):
            count += 1
    return count


class _OnlyContainer:
    """A calendar that can only answer "is this day a holiday?"."""

    def __init__(self, days: frozenset[date]) -> None:
        self.days = days

    def __contains__(self, day: object) -> bool:
        return day in self.days


_days = st.dates(min_value=date(2023, 1, 1), max_value=date(2028, 12, 31))


@settings(max_examples=400, deadline=None)
@given(start=_days, span=st.integers(-10, 900), holidays=st.frozensets(_days, max_size=40))
def test_counting_matches_day_by_day_over_random_ranges_and_holidays(start, span, holidays):
    end = start + timedelta(days=span)
    # Holidays at the very edges of the range (the start, the end, a weekend) are the traps.
    edges = holidays | {start, end, end - timedelta(days=1)}
    for calendar in (holidays, edges, _OnlyContainer(edges)):
        expected = _naive_between(start, end, calendar)
        assert business_days_between(start, end, calendar) == expected
        for threshold in (1, 3, 4, 10):
            capped = business_days_between(start, end, calendar, at_most=threshold)
            assert capped == min(expected, threshold)


@settings(max_examples=100, deadline=None)
@given(start=_days, span=st.integers(0, 1200))
def test_counting_matches_day_by_day_with_a_real_holiday_calendar(start, span):
    england = public_holidays("GB", "ENG")
    end = start + timedelta(days=span)
    assert business_days_between(start, end, england) == _naive_between(start, end, england)
    assert business_days_between(start, end, england, at_most=10) == min(
        _naive_between(start, end, england), 10
    )


def test_a_request_sent_years_ago_stops_counting_at_the_threshold():
    us = public_holidays("US")
    assert business_days_between(date(2019, 1, 4), date(2026, 11, 20), us, at_most=10) == 10
