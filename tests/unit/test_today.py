from datetime import UTC, date, datetime

from coffeechat.method.today import Kind, Section, TodayItem, order_today

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
