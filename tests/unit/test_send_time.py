"""When a message should leave: the next business morning where the reader is, the quiet end of
the week, the back-off after a failed send, and telling a time zone from a written location."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coffeechat.method.business_days import public_holidays
from coffeechat.method.places import place_of, zone_of
from coffeechat.method.send_time import (
    MAX_ATTEMPTS,
    MORNING,
    QUIET_REASON,
    RETRY_WAITS,
    is_quiet_time,
    moment_label,
    next_business_morning,
    retry_at,
    suggested_moment,
)

NEW_YORK = ZoneInfo("America/New_York")
CHICAGO = ZoneInfo("America/Chicago")
LONDON = ZoneInfo("Europe/London")
SEOUL = ZoneInfo("Asia/Seoul")


def at(text: str, tz: ZoneInfo) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=tz)


def test_the_next_business_morning_after_a_tuesday_afternoon_is_wednesday_at_nine():
    morning = next_business_morning(at("2026-11-24 15:00", CHICAGO), CHICAGO)
    assert morning == at("2026-11-25 09:00", CHICAGO)


def test_before_nine_on_a_business_day_it_is_the_same_morning():
    assert next_business_morning(at("2026-11-24 07:30", CHICAGO), CHICAGO) == at(
        "2026-11-24 09:00", CHICAGO
    )


def test_at_nine_exactly_it_is_the_next_day():
    assert next_business_morning(at("2026-11-24 09:00", CHICAGO), CHICAGO) == at(
        "2026-11-25 09:00", CHICAGO
    )


def test_the_weekend_is_skipped():
    friday_evening = at("2026-11-20 18:00", CHICAGO)
    assert next_business_morning(friday_evening, CHICAGO) == at("2026-11-23 09:00", CHICAGO)
    sunday = at("2026-11-22 08:00", CHICAGO)
    assert next_business_morning(sunday, CHICAGO) == at("2026-11-23 09:00", CHICAGO)


def test_their_public_holidays_are_skipped():
    # Thanksgiving (Thu 26 Nov 2026) in the US; the Friday after is a working day.
    us = public_holidays("US")
    wednesday = at("2026-11-25 10:00", CHICAGO)
    assert next_business_morning(wednesday, CHICAGO, us) == at("2026-11-27 09:00", CHICAGO)
    # Christmas and Boxing Day in England: Friday 25 Dec 2026, then Monday 28 Dec (substitute).
    england = public_holidays("GB", "ENG")
    christmas_eve = at("2026-12-24 12:00", LONDON)
    assert next_business_morning(christmas_eve, LONDON, england) == at("2026-12-29 09:00", LONDON)


def test_the_moment_is_nine_in_their_zone_whatever_the_writers_zone():
    # Written at 22:00 in New York on Monday: already Tuesday 12:00 in Seoul, so Wednesday 9:00.
    written = at("2026-11-23 22:00", NEW_YORK)
    morning = next_business_morning(written, SEOUL)
    assert morning == at("2026-11-25 09:00", SEOUL)
    assert morning.astimezone(NEW_YORK) == at("2026-11-24 19:00", NEW_YORK)


def test_a_change_of_daylight_saving_time_keeps_the_local_nine_oclock():
    # US clocks go forward on Sunday 8 March 2026: Friday 9:00 is 14:00 UTC, Monday 9:00 13:00.
    friday = next_business_morning(at("2026-03-06 08:00", NEW_YORK), NEW_YORK)
    monday = next_business_morning(at("2026-03-06 17:00", NEW_YORK), NEW_YORK)
    assert friday.astimezone(ZoneInfo("UTC")).hour == 14
    assert monday == at("2026-03-09 09:00", NEW_YORK)
    assert monday.astimezone(ZoneInfo("UTC")).hour == 13
    # Europe goes back on Sunday 25 October 2026: Monday 9:00 in London is 09:00 UTC again.
    london_monday = next_business_morning(at("2026-10-23 18:00", LONDON), LONDON)
    assert london_monday.astimezone(ZoneInfo("UTC")) == datetime(
        2026, 10, 26, 9, tzinfo=ZoneInfo("UTC")
    )
    # Between the two changes, New York is 4 hours behind London for a week, not 5.
    both = next_business_morning(at("2026-03-23 10:00", LONDON), NEW_YORK)
    assert both.astimezone(LONDON) == at("2026-03-23 13:00", LONDON)


@pytest.mark.parametrize(
    ("written", "quiet"),
    [
        ("2026-11-20 16:59", False),  # Friday afternoon
        ("2026-11-20 17:00", True),  # Friday evening
        ("2026-11-21 10:00", True),  # Saturday
        ("2026-11-22 10:00", False),  # Sunday: the issue names Fridays and Saturdays only
        ("2026-11-23 18:00", False),  # Monday evening
    ],
)
def test_friday_evening_and_saturday_are_the_quiet_time(written, quiet):
    assert is_quiet_time(at(written, CHICAGO)) is quiet


def test_a_message_written_on_friday_evening_defaults_to_monday_morning_with_the_reason():
    suggestion = suggested_moment(
        at("2026-11-20 19:30", NEW_YORK), writer_tz=NEW_YORK, reader_tz=CHICAGO
    )
    assert suggestion is not None
    assert suggestion.at == at("2026-11-23 09:00", CHICAGO)
    assert (
        suggestion.reason
        == QUIET_REASON
        == ("replies are lowest to messages sent on Fridays and Saturdays")
    )


def test_friday_evening_is_the_writers_friday_evening():
    # 16:00 Friday in New York is already Saturday 06:00 in Seoul: the writer's clock decides.
    assert (
        suggested_moment(at("2026-11-20 16:00", NEW_YORK), writer_tz=NEW_YORK, reader_tz=SEOUL)
        is None
    )
    saturday = suggested_moment(at("2026-11-21 11:00", SEOUL), writer_tz=SEOUL, reader_tz=NEW_YORK)
    assert saturday is not None and saturday.at == at("2026-11-23 09:00", NEW_YORK)


def test_monday_a_public_holiday_moves_the_default_to_tuesday():
    # Memorial Day, Monday 25 May 2026.
    suggestion = suggested_moment(
        at("2026-05-22 20:00", NEW_YORK),
        writer_tz=NEW_YORK,
        reader_tz=NEW_YORK,
        reader_holidays=public_holidays("US"),
    )
    assert suggestion is not None and suggestion.at == at("2026-05-26 09:00", NEW_YORK)


def test_on_other_days_there_is_no_default_delay():
    assert (
        suggested_moment(at("2026-11-24 21:00", NEW_YORK), writer_tz=NEW_YORK, reader_tz=NEW_YORK)
        is None
    )


def test_a_failed_send_is_tried_again_later_and_later_then_given_up():
    failed = datetime(2026, 11, 23, 9, tzinfo=NEW_YORK)
    waits = [retry_at(attempt, failed) for attempt in range(1, MAX_ATTEMPTS + 1)]
    assert waits[:-1] == [failed + wait for wait in RETRY_WAITS]
    assert waits[0] < waits[1] < waits[2]
    assert waits[-1] is None
    assert RETRY_WAITS[0] >= timedelta(minutes=1)


def test_the_moment_reads_as_a_weekday_within_the_week_and_a_date_beyond():
    now = at("2026-11-20 19:00", CHICAGO)
    assert moment_label(at("2026-11-23 09:00", CHICAGO), CHICAGO, now) == "Monday 9:00"
    assert moment_label(at("2026-11-21 09:00", CHICAGO), CHICAGO, now) == "tomorrow 9:00"
    assert moment_label(at("2026-11-20 21:30", CHICAGO), CHICAGO, now) == "today 21:30"
    assert moment_label(at("2026-12-14 09:00", CHICAGO), CHICAGO, now) == "Mon 14 Dec 9:00"


@pytest.mark.parametrize(
    ("location", "zone", "country"),
    [
        ("Chicago, IL", "America/Chicago", "US"),
        ("chicago", "America/Chicago", "US"),
        ("Greater Chicago Area", "America/Chicago", "US"),
        ("San Francisco Bay Area", "America/Los_Angeles", "US"),
        ("Denver, Colorado, United States", "America/Denver", "US"),
        ("Austin, TX", "America/Chicago", "US"),
        ("Paris, TX", "America/Chicago", "US"),
        ("Cambridge, MA", "America/New_York", "US"),
        ("Portland, ME", "America/New_York", "US"),
        ("Washington, DC", "America/New_York", "US"),
        ("Seattle, Washington", "America/Los_Angeles", "US"),
        ("London", "Europe/London", "GB"),
        ("London, United Kingdom", "Europe/London", "GB"),
        ("London, Ontario", "America/Toronto", "CA"),
        ("Montréal, QC", "America/Toronto", "CA"),
        ("Seoul, South Korea", "Asia/Seoul", "KR"),
        ("Berlin, DE", "Europe/Berlin", "DE"),
        ("São Paulo, Brazil", "America/Sao_Paulo", "BR"),
        ("Zürich", "Europe/Zurich", "CH"),
        ("Texas", "America/Chicago", "US"),
        ("India", "Asia/Kolkata", "IN"),
    ],
)
def test_a_time_zone_is_told_from_a_location_as_people_write_it(location, zone, country):
    place = place_of(location)
    assert place is not None
    assert (place.zone, place.country) == (zone, country)
    ZoneInfo(place.zone)  # a real IANA name


@pytest.mark.parametrize(
    "location", ["", "   ", "United States", "Canada", "Remote", "Springfield", "Earth"]
)
def test_a_location_that_does_not_tell_a_zone_gives_none(location):
    assert zone_of(location) is None


def test_a_us_state_gives_its_holidays_region():
    place = place_of("Boston, MA")
    assert place is not None and (place.country, place.region) == ("US", "MA")
    # Patriots' Day (20 April 2026) is a holiday in Massachusetts only.
    assert date(2026, 4, 20) in public_holidays(place.country, place.region)
    assert date(2026, 4, 20) not in public_holidays("US", "IL")


def test_every_kept_zone_is_a_real_time_zone():
    from coffeechat.method import places  # reason: the tables, read only here

    zones = {zone for zone, _, _ in places._CITIES.values()}
    zones |= {zone for _, zone in places._US_STATES.values()}
    zones |= {zone for _, zone in places._CA_PROVINCES.values()}
    zones |= {zone for zone, _ in places._COUNTRIES.values()}
    for zone in zones:
        ZoneInfo(zone)


def test_every_kept_place_has_a_holiday_calendar():
    from coffeechat.method import places  # reason: the tables, read only here

    for _, country, region in places._CITIES.values():
        public_holidays(country, region)
    for region in places._US_STATES:
        public_holidays("US", region)
    for region in places._CA_PROVINCES:
        public_holidays("CA", region)
    for _, country in places._COUNTRIES.values():
        public_holidays(country)


ZONES = ["America/New_York", "America/Chicago", "Europe/London", "Asia/Seoul", "Australia/Sydney"]


@settings(max_examples=300, deadline=None)
@given(
    moment=st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2028, 12, 31)),
    zone=st.sampled_from(ZONES),
)
def test_the_next_business_morning_is_the_first_nine_oclock_on_a_business_day_still_to_come(
    moment, zone
):
    tz = ZoneInfo(zone)
    holidays = public_holidays("US")
    now = moment.replace(tzinfo=ZoneInfo("UTC"))
    morning = next_business_morning(now, tz, holidays)
    local = morning.astimezone(tz)
    assert (local.hour, local.minute) == (9, 0)
    assert morning > now
    assert local.weekday() < 5 and local.date() not in holidays
    # None earlier: every day between now and then has its 9:00 passed or is not a business day.
    day = now.astimezone(tz).date()
    while day < local.date():
        earlier = datetime.combine(day, MORNING, tzinfo=tz)
        assert earlier <= now or day.weekday() >= 5 or day in holidays
        day += timedelta(days=1)
