from datetime import UTC, date, datetime, timedelta

from coffeechat.method.business_days import public_holidays
from coffeechat.method.cadence import (
    ReplySpeed,
    move_on_due,
    no_reply_check_due,
    nudge_due,
    referral_contact_due,
    reply_speed,
    responsiveness_rank,
    thank_you_due,
)
from coffeechat.method.today import Kind, TodayItem, order_today

TUESDAY = date(2026, 11, 24)  # the week of Thanksgiving (Thursday 26 November)
US = public_holidays("US")


def test_the_3b7_routine_skips_thanksgiving():
    assert no_reply_check_due(TUESDAY, US) == date(2026, 11, 30)
    assert no_reply_check_due(TUESDAY) == date(2026, 11, 27)
    assert nudge_due(TUESDAY, US) == date(2026, 12, 4)
    assert move_on_due(TUESDAY, US) == date(2026, 12, 9)


def test_referrals_are_due_three_business_days_after_the_conversation():
    assert referral_contact_due(date(2026, 11, 20)) == date(2026, 11, 25)


def test_the_thank_you_is_due_24_hours_after_the_end():
    ended = datetime(2026, 11, 20, 15, 30, tzinfo=UTC)
    assert thank_you_due(ended) == ended + timedelta(hours=24)


def speed(reply: date | None, nudged: date | None = None, today: date = date(2026, 12, 20)):
    return reply_speed(
        first_request_on=TUESDAY, first_reply_on=reply, nudged_on=nudged, today=today, holidays=US
    )


def test_a_reply_within_three_business_days_is_quick():
    assert speed(date(2026, 11, 30)) is ReplySpeed.QUICK  # Thanksgiving does not count


def test_a_later_reply_or_one_after_a_nudge_is_slow():
    assert speed(date(2026, 12, 1)) is ReplySpeed.SLOW
    assert speed(date(2026, 11, 25), nudged=date(2026, 11, 25)) is ReplySpeed.SLOW


def test_a_nudge_after_the_reply_does_not_make_it_slow():
    assert speed(date(2026, 11, 25), nudged=date(2026, 12, 4)) is ReplySpeed.QUICK


def test_silence_is_judged_only_once_the_routine_has_run():
    assert speed(None, today=date(2026, 12, 8)) is None
    assert speed(None, today=date(2026, 12, 9)) is ReplySpeed.SILENT


def test_no_request_means_nothing_to_judge():
    assert (
        reply_speed(first_request_on=None, first_reply_on=None, nudged_on=None, today=TUESDAY)
        is None
    )


def test_today_favours_quick_people_among_equal_items():
    def item(title: str, speed: ReplySpeed | None) -> TodayItem:
        return TodayItem(
            kind=Kind.CONTACT_REFERRAL, title=title, detail="", due=TUESDAY, url="/",
            action="Go", responsiveness=responsiveness_rank(speed),
        )  # fmt: skip

    items = [item("silent", ReplySpeed.SILENT), item("new", None), item("quick", ReplySpeed.QUICK)]
    assert [i.title for i in order_today(items, TUESDAY)] == ["quick", "new", "silent"]
