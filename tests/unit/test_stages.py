from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from coffeechat.method.business_days import public_holidays
from coffeechat.method.cadence import move_on_due
from coffeechat.method.stages import ContactHistory, Stage, contact_stage, still_waiting_since

TODAY = date(2026, 11, 20)


def at(day: int, month: int = 11) -> datetime:
    return datetime(2026, month, day, 12, 0, tzinfo=UTC)


def stage(**facts) -> Stage:
    return contact_stage(ContactHistory(**facts), TODAY, tz=UTC)


def test_a_contact_with_no_history_is_identified():
    assert stage() is Stage.IDENTIFIED


def test_a_request_makes_them_contacted():
    assert stage(first_request_sent_at=at(18)) is Stage.CONTACTED


def test_ten_business_days_of_silence_is_no_response():
    assert stage(first_request_sent_at=at(6)) is Stage.NO_RESPONSE
    assert stage(first_request_sent_at=at(9)) is Stage.CONTACTED


def test_a_reply_makes_them_replied():
    assert stage(first_request_sent_at=at(1), last_reply_on=date(2026, 11, 3)) is Stage.REPLIED


def test_a_decline_is_declined_unless_a_conversation_follows():
    assert stage(last_reply_on=date(2026, 11, 3), declined=True) is Stage.DECLINED
    assert (
        stage(last_reply_on=date(2026, 11, 3), declined=True, upcoming_conversation_at=at(25))
        is Stage.SCHEDULED
    )


def test_an_upcoming_conversation_is_scheduled():
    assert (
        stage(last_reply_on=date(2026, 11, 3), upcoming_conversation_at=at(25)) is Stage.SCHEDULED
    )


def test_meeting_then_thanking_then_writing_again():
    assert stage(last_met_at=at(10)) is Stage.MET
    assert stage(last_met_at=at(10), thanked_at=at(11)) is Stage.THANKED
    assert (
        stage(last_met_at=at(10), thanked_at=at(11), last_message_sent_at=at(11)) is Stage.THANKED
    )
    assert (
        stage(last_met_at=at(10), thanked_at=at(11), last_message_sent_at=at(19))
        is Stage.KEEPING_IN_TOUCH
    )


def test_a_thank_you_before_a_second_meeting_does_not_count_for_it():
    assert stage(last_met_at=at(15), thanked_at=at(11)) is Stage.MET


def test_stages_have_readable_labels():
    assert Stage.KEEPING_IN_TOUCH.label == "Keeping in touch"


NEW_YORK = ZoneInfo("America/New_York")


def test_silence_is_counted_from_the_day_the_request_went_out_where_the_user_lives():
    # Thursday 20:30 in New York is already Friday in UTC; the follow-ups count from Thursday.
    sent = datetime(2026, 11, 5, 20, 30, tzinfo=NEW_YORK)
    us = public_holidays("US")
    move_on = move_on_due(date(2026, 11, 5), us)
    history = ContactHistory(first_request_sent_at=sent.astimezone(UTC))
    assert contact_stage(history, move_on, us, tz=NEW_YORK) is Stage.NO_RESPONSE
    the_day_before = date(2026, 11, 19)
    assert move_on == date(2026, 11, 20)
    assert contact_stage(history, the_day_before, us, tz=NEW_YORK) is Stage.CONTACTED


def test_a_request_on_a_later_day_than_a_decline_makes_them_contacted_again():
    # Declined in spring ("try me in autumn"), written to again in November.
    history = ContactHistory(
        first_request_sent_at=at(3, month=4),
        last_reply_on=date(2026, 4, 7),
        declined=True,
        new_request_sent_at=at(18),
    )
    assert contact_stage(history, TODAY, tz=UTC) is Stage.CONTACTED


def test_the_new_wait_runs_out_ten_business_days_after_the_new_request_not_the_old_one():
    history = ContactHistory(
        first_request_sent_at=at(3, month=4),
        last_reply_on=date(2026, 4, 7),
        declined=True,
        new_request_sent_at=at(2),
    )
    assert contact_stage(history, date(2026, 11, 13), tz=UTC) is Stage.CONTACTED
    assert contact_stage(history, date(2026, 11, 16), tz=UTC) is Stage.NO_RESPONSE


def test_a_request_on_the_day_of_the_reply_leaves_the_reply_standing():
    # A reply carries only its day: a request that day may be what it answered.
    same_day = dict(first_request_sent_at=at(2), last_reply_on=date(2026, 11, 18))
    assert stage(**same_day, new_request_sent_at=at(18)) is Stage.REPLIED
    assert stage(**same_day, declined=True, new_request_sent_at=at(18)) is Stage.DECLINED


def test_asking_again_is_counted_on_the_users_own_day():
    # 20:30 on Wednesday in New York is already Thursday in UTC: still the reply's own day.
    wednesday_evening = datetime(2026, 11, 18, 20, 30, tzinfo=NEW_YORK).astimezone(UTC)
    history = ContactHistory(
        first_request_sent_at=at(2),
        last_reply_on=date(2026, 11, 18),
        declined=True,
        new_request_sent_at=wednesday_evening,
    )
    assert contact_stage(history, TODAY, tz=NEW_YORK) is Stage.DECLINED
    assert contact_stage(history, TODAY, tz=UTC) is Stage.CONTACTED


def test_a_conversation_still_outranks_asking_again():
    history = ContactHistory(
        last_reply_on=date(2026, 11, 3), new_request_sent_at=at(18), upcoming_conversation_at=at(25)
    )
    assert contact_stage(history, TODAY, tz=UTC) is Stage.SCHEDULED


@given(
    today=st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)),
    back=st.integers(min_value=-3, max_value=40),
    holidays=st.sets(st.integers(min_value=0, max_value=40), max_size=6),
)
@settings(max_examples=300, deadline=None)
def test_a_request_is_waiting_exactly_when_sent_on_or_after_still_waiting_since(
    today, back, holidays
):
    off = frozenset(today - timedelta(days=days) for days in holidays)
    sent_on = today - timedelta(days=back)
    sent_at = datetime.combine(sent_on, time(9), tzinfo=UTC)
    judged = contact_stage(ContactHistory(first_request_sent_at=sent_at), today, off, tz=UTC)
    since = still_waiting_since(today, off)
    assert (judged is Stage.CONTACTED) == (sent_on >= since)


def test_still_waiting_since_is_ten_business_days_back_counting_today():
    # Friday 20 Nov 2026: Mon 9 Nov is the tenth business day back (20, 19, ... 9).
    assert still_waiting_since(TODAY) == date(2026, 11, 9)
    # A holiday on a weekday in between (Wed 11 Nov) reaches one business day further back.
    assert still_waiting_since(TODAY, {date(2026, 11, 11)}) == date(2026, 11, 6)
