from datetime import UTC, date, datetime, timedelta

from coffeechat.method.today import Kind, Section, TodayItem, by_section, order_today

TODAY = date(2026, 11, 20)


def item(kind: Kind, due: date, title: str = "x", at: datetime | None = None) -> TodayItem:
    return TodayItem(kind=kind, title=title, detail="", due=due, url="/", action="Go", at=at)


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
