from datetime import UTC, date, datetime, timedelta

from coffeechat.method.today import Kind, Section, TodayItem, by_section, order_today

TODAY = date(2026, 11, 20)


def item(
    kind: Kind, due: date, title: str = "x", at: datetime | None = None, speed: int = 1
) -> TodayItem:
    return TodayItem(
        kind=kind, title=title, detail="", due=due, url="/", action="Go", at=at,
        responsiveness=speed,
    )  # fmt: skip


QUICK, UNKNOWN, SLOW, SILENT = 0, 1, 2, 3


def test_overdue_comes_first_then_today_then_upcoming():
    items = [
        item(Kind.CONVERSATION, date(2026, 11, 23), "talk"),
        item(Kind.CONTACT_REFERRAL, TODAY, "referral"),
        item(Kind.NO_REPLY, date(2026, 11, 17), "nudge"),
    ]
    ordered = order_today(items, TODAY)
    assert [i.title for i in ordered] == ["nudge", "referral", "talk"]
    assert [i.section(TODAY) for i in ordered] == [Section.OVERDUE, Section.TODAY, Section.UPCOMING]


def test_on_the_same_day_a_thank_you_outranks_a_referral():
    items = [item(Kind.CONTACT_REFERRAL, TODAY, "referral"), item(Kind.THANK_YOU, TODAY, "thanks")]
    assert [i.title for i in order_today(items, TODAY)] == ["thanks", "referral"]


def test_conversations_on_one_day_are_in_time_order():
    items = [
        item(Kind.CONVERSATION, TODAY, "late", datetime(2026, 11, 20, 15, tzinfo=UTC)),
        item(Kind.CONVERSATION, TODAY, "early", datetime(2026, 11, 20, 9, tzinfo=UTC)),
    ]
    assert [i.title for i in order_today(items, TODAY)] == ["early", "late"]


def test_items_beyond_a_week_are_left_out():
    items = [
        item(Kind.CONTACT_REFERRAL, date(2026, 11, 27)),
        item(Kind.THANK_YOU, date(2026, 11, 28)),
    ]
    assert len(order_today(items, TODAY)) == 1


def test_an_item_reports_its_section_and_lateness_for_the_command_line():
    late = item(Kind.THANK_YOU, date(2026, 11, 18))
    assert late.days_late(TODAY) == 2
    assert late.as_dict(TODAY)["section"] == "overdue"
    assert late.as_dict(TODAY)["kind"] == "thank_you"


def test_a_thank_you_is_due_today_until_its_24_hours_pass():
    ended = datetime(2026, 11, 19, 18, 0, tzinfo=UTC)
    thanks = TodayItem(
        kind=Kind.THANK_YOU, title="Thank Jo", detail="", due=ended.date(), url="/",
        action="Write", deadline=ended + timedelta(hours=24),
    )  # fmt: skip
    next_morning = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    assert thanks.section(TODAY, next_morning) is Section.TODAY
    assert thanks.section(TODAY, datetime(2026, 11, 20, 18, 1, tzinfo=UTC)) is Section.OVERDUE


def test_sections_stay_together_even_when_a_deadline_reorders_them():
    ended = datetime(2026, 11, 19, 18, 0, tzinfo=UTC)
    now = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    items = [
        item(Kind.NO_REPLY, date(2026, 11, 19), "late nudge"),
        TodayItem(
            kind=Kind.THANK_YOU,
            title="thanks",
            detail="",
            due=ended.date(),
            url="/",
            action="Write",
            deadline=ended + timedelta(hours=24),
        ),
        item(Kind.NO_REPLY, date(2026, 11, 18), "older nudge"),
    ]
    ordered = order_today(items, TODAY, now)
    assert [i.title for i in ordered] == ["older nudge", "late nudge", "thanks"]
    grouped = by_section(ordered, TODAY, now)
    assert [(section, len(rows)) for section, rows in grouped] == [
        (Section.OVERDUE, 2),
        (Section.TODAY, 1),
    ]


def test_among_things_overdue_people_quick_to_help_come_first_however_late_the_others_are():
    items = [
        item(Kind.NUDGE, date(2026, 11, 16), "nudge a stranger, 4 days late"),
        item(Kind.FOLLOW_UP, date(2026, 11, 19), "follow up with a quick helper", speed=QUICK),
        item(Kind.KEEP_IN_TOUCH, date(2026, 11, 12), "keep in touch with a slow one", speed=SLOW),
        item(Kind.MOVE_ON, date(2026, 11, 18), "move on from a silent one", speed=SILENT),
    ]
    assert [i.title for i in order_today(items, TODAY)] == [
        "follow up with a quick helper",
        "nudge a stranger, 4 days late",
        "keep in touch with a slow one",
        "move on from a silent one",
    ]


def test_among_things_due_today_quick_helpers_come_first_whatever_the_kind():
    items = [
        item(Kind.NO_REPLY, TODAY, "no reply from a stranger"),
        item(Kind.CLOSE_THE_LOOP, TODAY, "close the loop with a quick helper", speed=QUICK),
    ]
    assert [i.title for i in order_today(items, TODAY)] == [
        "close the loop with a quick helper",
        "no reply from a stranger",
    ]


def test_an_overdue_item_still_comes_before_a_quick_helpers_item_due_today():
    items = [
        item(Kind.FOLLOW_UP, TODAY, "quick, due today", speed=QUICK),
        item(Kind.FOLLOW_UP, date(2026, 11, 19), "slow, overdue", speed=SLOW),
    ]
    assert [i.title for i in order_today(items, TODAY)] == ["slow, overdue", "quick, due today"]


def test_a_thank_you_on_the_clock_outranks_a_quick_helper_whoever_it_is_for():
    ended = datetime(2026, 11, 19, 18, 0, tzinfo=UTC)
    thanks = TodayItem(
        kind=Kind.THANK_YOU, title="thank a slow one", detail="", due=ended.date(), url="/",
        action="Write", deadline=ended + timedelta(hours=24), responsiveness=SLOW,
    )  # fmt: skip
    quick = item(Kind.FOLLOW_UP, TODAY, "quick", speed=QUICK)
    now = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    assert [i.title for i in order_today([quick, thanks], TODAY, now)] == [
        "thank a slow one",
        "quick",
    ]


def test_what_is_coming_up_stays_in_date_order_with_quick_helpers_first_within_a_day():
    items = [
        item(Kind.FOLLOW_UP, date(2026, 11, 24), "quick, Tuesday", speed=QUICK),
        item(Kind.NUDGE, date(2026, 11, 23), "stranger, Monday"),
        item(Kind.KEEP_IN_TOUCH, date(2026, 11, 23), "quick, Monday", speed=QUICK),
    ]
    assert [i.title for i in order_today(items, TODAY)] == [
        "quick, Monday",
        "stranger, Monday",
        "quick, Tuesday",
    ]
