from datetime import date

import pytest

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
