"""What each row of the Follow-ups list shows, and that its texts cost the same at any size."""

from __future__ import annotations

import zoneinfo
from datetime import UTC, date, datetime, timedelta

import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import dateformat, timezone

import factories as make
from coffeechat.method.situation import ClosedBy
from coffeechat.pages.today.followup_list import Days
from coffeechat.pipeline.followups.models import FollowUp

NOW = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)  # a Friday
TODAY = date(2026, 11, 20)


def row_of(page: str, pk: int) -> str:
    start = page.index(f'<tr id="followup-{pk}">')
    return page[start : page.index("</tr>", start)]


def test_a_day_is_written_as_the_date_filter_writes_it_in_the_users_time_zone():
    day = Days()
    with timezone.override(zoneinfo.ZoneInfo("Pacific/Auckland")):
        for offset in range(0, 400, 7):
            on = date(2026, 1, 1) + timedelta(days=offset)
            # 23:30 UTC is the next day in Auckland: the day shown is the user's.
            at = datetime.combine(on, datetime.min.time(), tzinfo=UTC) + timedelta(hours=23.5)
            assert day(on) == dateformat.format(on, "D j M")
            assert day(at) == dateformat.format(timezone.localtime(at), "D j M")


@time_machine.travel(NOW, tick=False)
def test_open_rows_show_when_they_are_due_and_post_back_to_the_same_page(alice_client, alice):
    priya = make.contact(alice, "Priya Shah", org="Acme & Co")
    overdue = FollowUp.objects.create(
        owner=alice, contact=priya, kind="follow_up", due_on=date(2026, 11, 16), note="Ask again"
    )
    today = FollowUp.objects.create(owner=alice, contact=priya, kind="no_reply", due_on=TODAY)
    later = FollowUp.objects.create(
        owner=alice, contact=priya, kind="keep_in_touch", due_on=date(2026, 12, 7)
    )
    url = reverse("followups:list") + "?sort=who&page=1"

    page = alice_client.get(url).content.decode()

    first = row_of(page, overdue.pk)
    assert '<span class="badge overdue">Mon 16 Nov</span>' in first
    assert "<td>Follow up</td>" in first
    assert f'<a href="{reverse("people:contact", args=[priya.pk])}">Priya Shah</a>' in first
    assert '<small class="muted">Acme &amp; Co</small>' in first
    assert "<td>Ask again</td>" in first
    done = reverse("followups:done", args=[overdue.pk])
    assert f'action="{done}" hx-post="{done}"' in first
    assert 'name="next" value="/followups/?sort=who&amp;page=1"' in first
    assert ">Mark done</button>" in first
    assert '<span class="badge today">today</span>' in row_of(page, today.pk)
    assert "<td>Mon 7 Dec</td>" in row_of(page, later.pk)


@time_machine.travel(NOW, tick=False)
def test_a_schedule_row_says_what_marking_it_done_means(alice_client, alice):
    priya = make.contact(alice, "Priya Shah")
    make.request_sent(priya, on=TODAY - timedelta(days=3))
    make.reply(priya, on=TODAY - timedelta(days=1), outcome="agreed")
    schedule = FollowUp.objects.get(contact=priya, kind="schedule", done_at=None)

    page = alice_client.get(reverse("followups:list")).content.decode()

    # They agreed to talk: if it is marked done without a conversation, it fell through.
    assert ">It fell through</button>" in row_of(page, schedule.pk)


@time_machine.travel(NOW, tick=False)
def test_done_rows_say_how_they_ended_and_only_those_done_by_hand_can_be_reopened(
    alice_client, alice
):
    priya = make.contact(alice, "Priya Shah")
    by_hand = FollowUp.objects.create(
        owner=alice,
        contact=priya,
        kind="follow_up",
        due_on=TODAY,
        done_at=NOW - timedelta(hours=12),
        closed_by=ClosedBy.USER,
    )
    retired = FollowUp.objects.create(
        owner=alice,
        contact=priya,
        kind="nudge",
        due_on=TODAY,
        done_at=NOW - timedelta(days=2),
        closed_by=ClosedBy.RETIRED,
        closed_reason="Priya agreed to talk",
    )

    page = alice_client.get(reverse("followups:list"), {"status": "done"}).content.decode()

    mine, closed = row_of(page, by_hand.pk), row_of(page, retired.pk)
    assert "<td>Thu 19 Nov</td>" in mine
    assert reverse("followups:reopen", args=[by_hand.pk]) in mine
    assert '<span class="ending">Closed: Priya agreed to talk</span>' in closed
    assert "Reopen" not in closed
    recent = alice_client.get(reverse("followups:list")).content.decode()
    assert '<li data-ending="closed">Send one polite follow-up:' in recent
    assert "Closed: Priya agreed to talk</span>, Wed 18 Nov" in recent


@time_machine.travel(NOW, tick=False)
def test_the_list_runs_the_same_queries_for_3_or_60_rows(alice_client, alice):
    def count(query: dict[str, str]) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert alice_client.get(reverse("followups:list"), query).status_code == 200
        return len(captured)

    def add(n: int, start: int) -> None:
        for i in range(start, start + n):
            person = make.contact(alice, f"Person Number{i}", org=f"Org {i}")
            FollowUp.objects.create(owner=alice, contact=person, kind="follow_up", due_on=TODAY)
            FollowUp.objects.create(
                owner=alice, contact=person, kind="no_reply", due_on=TODAY, done_at=NOW
            )

    add(3, 0)
    few = count({}), count({"status": "done"})
    add(57, 100)

    assert (count({}), count({"status": "done"})) == few
