"""The morning digest's rules: when it is due, when a claim may be taken over, what it says."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from coffeechat.method.digest import (
    RETRY_FAILED_AFTER,
    STALE_CLAIM,
    Links,
    compose,
    is_due,
    may_take_over,
    subject_line,
)
from coffeechat.method.today import Kind, TodayItem, order_today

LONDON = ZoneInfo("Europe/London")
TODAY = date(2026, 11, 20)
NOW = datetime(2026, 11, 20, 8, 30, tzinfo=LONDON)
LINKS = Links(
    base="https://cc.example.edu",
    today="https://cc.example.edu/",
    profile="https://cc.example.edu/profile/",
)


def item(kind: Kind, due: date, title: str, **extra: object) -> TodayItem:
    return TodayItem(
        kind=kind, title=title, detail=extra.pop("detail", ""), due=due,
        url=extra.pop("url", "/contacts/1/"), action=extra.pop("action", "Open contact"), **extra,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("hour_now", "digest_hour", "due"),
    [(6, 7, False), (7, 7, True), (23, 7, True), (0, 0, True), (22, 23, False)],
)
def test_the_digest_is_due_from_the_chosen_hour_on(hour_now, digest_hour, due):
    assert is_due(datetime(2026, 11, 20, hour_now, 59, tzinfo=LONDON), digest_hour) is due


def test_a_digest_hour_skipped_by_the_clocks_going_forward_still_comes():
    # 29 March 2026: London's clocks jump from 01:00 to 02:00; at 02:00 the 01:00 digest is due.
    assert is_due(datetime(2026, 3, 29, 2, 0, tzinfo=LONDON), 1)


def test_a_sent_day_is_never_claimed_again_whoever_asks():
    claimed = NOW - timedelta(days=1)
    assert not may_take_over("sent", claimed, NOW, retry_failed=True, reconsider_empty=True)


def test_a_sending_claim_is_taken_over_only_once_it_is_stale():
    assert not may_take_over("sending", NOW - timedelta(minutes=1), NOW, retry_failed=True)
    assert may_take_over("sending", NOW - STALE_CLAIM, NOW)


def test_a_failed_send_is_retried_at_once_on_request_and_after_a_pause_by_the_scheduler():
    just_failed = NOW - timedelta(minutes=1)
    assert may_take_over("failed", just_failed, NOW, retry_failed=True)
    assert not may_take_over("failed", just_failed, NOW)
    assert may_take_over("failed", NOW - RETRY_FAILED_AFTER, NOW)


def test_a_day_with_nothing_due_is_looked_at_again_only_when_asked():
    assert not may_take_over("nothing_due", NOW - timedelta(hours=3), NOW, retry_failed=True)
    assert may_take_over("nothing_due", NOW, NOW, reconsider_empty=True)


def test_the_subject_counts_what_is_due_and_what_is_overdue():
    assert subject_line(3, 1) == "Coffeechat: 3 things due today (1 overdue)"
    assert subject_line(1, 0) == "Coffeechat: 1 thing due today"


def test_nothing_overdue_or_due_today_makes_no_digest():
    upcoming = [item(Kind.CONVERSATION, TODAY + timedelta(days=2), "Conversation with Lee")]
    assert compose(upcoming, today=TODAY, now=NOW, tz=LONDON, name="Alice", links=LINKS) is None


def test_the_digest_lists_overdue_then_today_in_the_todays_list_order_with_links():
    items = order_today(
        [
            item(Kind.CONTACT_REFERRAL, TODAY, "Contact referral Priya Shah", action="Write"),
            item(Kind.CONVERSATION, TODAY + timedelta(days=1), "Conversation with Lee Wong"),
            item(
                Kind.NO_REPLY,
                date(2026, 11, 17),
                "No reply from Sam Lee",
                detail="Find another contact at Acme.",
                url="/research/3/",
                action="Find someone else there",
            ),
            item(
                Kind.THANK_YOU,
                TODAY,
                "Thank Jo Park",
                action="Write thank-you",
                deadline=datetime(2026, 11, 20, 17, 0, tzinfo=UTC),
            ),
        ],
        TODAY,
        NOW,
    )

    digest = compose(items, today=TODAY, now=NOW, tz=LONDON, name="Alice", links=LINKS)

    assert digest.subject == "Coffeechat: 3 things due today (1 overdue)"
    assert digest.body.startswith(
        "Good morning, Alice.\n\nOn your list: 3 things due today (1 overdue), most urgent first.\n"
    )
    overdue, today = digest.body.split("\nOVERDUE\n")[1].split("\nTODAY\n")
    assert overdue.splitlines() == [
        "- No reply from Sam Lee (due Tue 17 Nov)",
        "  Find another contact at Acme.",
        "  Find someone else there: https://cc.example.edu/research/3/",
    ]
    assert today.splitlines()[:4] == [
        "- Thank Jo Park (by 17:00)",
        "  Write thank-you: https://cc.example.edu/contacts/1/",
        "- Contact referral Priya Shah (due today)",
        "  Write: https://cc.example.edu/contacts/1/",
    ]
    assert "Conversation with Lee Wong" not in digest.body
    assert "Your Today list: https://cc.example.edu/" in digest.body
    assert "turn it off: https://cc.example.edu/profile/" in digest.body
