"""A backlog of overdue follow-ups never hides what is due today, and every count is the truth:
the tester's case, 53 overdue and 6 due today."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse

import factories as make
from coffeechat.edges.cli import main
from coffeechat.pages.reminders import digest
from coffeechat.pages.today.queries import LATE_CAP, today_list
from coffeechat.pipeline.followups.models import FollowUp

NOW = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)  # a Wednesday
TODAY = date(2026, 12, 2)


def _backlog(owner, *, overdue: int = 53, due_today: int = 6) -> list[FollowUp]:
    """`overdue` follow-ups from weeks ago and `due_today` due today; returns those due today."""
    late = [make.contact(owner, f"Late{n:02d} Backlog") for n in range(overdue)]
    FollowUp.objects.bulk_create(
        FollowUp(owner=owner, contact=person, kind="no_reply", due_on=TODAY - timedelta(days=20))
        for person in late
    )
    fresh = [make.contact(owner, f"Fresh{n} Today") for n in range(due_today)]
    return [
        FollowUp.objects.create(owner=owner, contact=person, kind="follow_up", due_on=TODAY)
        for person in fresh
    ]


def _badges(page: str) -> dict[str, str]:
    return dict(re.findall(r'id="count-(\w+)"[^>]*>(\d+)<', page))


@pytest.fixture
def backlog(alice):
    with time_machine.travel(NOW, tick=False):
        yield _backlog(alice)


@time_machine.travel(NOW, tick=False)
def test_everything_due_today_shows_whatever_the_overdue_backlog(alice_client, alice, backlog):
    listed = today_list(alice)
    assert (listed.late, listed.shown_late, listed.due_today) == (53, LATE_CAP, 6)
    page = alice_client.get(reverse("followups:today")).content.decode()
    for n in range(6):
        assert f"Fresh{n} Today" in page
    assert page.count('" id="followup-') == LATE_CAP + 6
    assert _badges(page) == {"overdue": "53", "today": "6"}
    assert f"Showing {LATE_CAP} of 53 overdue follow-ups" in page
    assert '?due=overdue">Show all 53 overdue</a>' in page


@time_machine.travel(NOW, tick=False)
def test_a_thank_you_due_later_today_is_never_capped_away(alice_client, alice, backlog):
    person = make.contact(alice, "Thea Thanks")
    # Held yesterday afternoon: the thank-you is owed within 24 hours, by 15:00 today.
    held = NOW - timedelta(hours=19)
    make.conversation(person, at=held - timedelta(minutes=30), status="held", ended_at=held)
    thanks = FollowUp.objects.get(contact=person, kind="thank_you")
    assert thanks.due_at == NOW + timedelta(hours=5)
    page = alice_client.get(reverse("followups:today")).content.decode()
    assert "Thank Thea Thanks" in page
    assert _badges(page) == {"overdue": "53", "today": "7"}


@time_machine.travel(NOW, tick=False)
def test_mark_done_in_place_sends_the_new_counts_out_of_band(alice_client, alice, backlog):
    response = alice_client.post(
        reverse("followups:done", args=[backlog[0].pk]), headers={"HX-Request": "true"}
    )
    page = response.content.decode()
    assert "Done: follow up for Fresh0 Today." in page
    assert 'id="count-today" hx-swap-oob="true">5<' in page
    assert 'id="count-overdue" hx-swap-oob="true">53<' in page
    assert 'id="show-all-due" hx-swap-oob="true">Showing 30 of 53' in page


@time_machine.travel(NOW, tick=False)
def test_mark_done_on_another_users_follow_up_is_a_404(bob_client, backlog):
    response = bob_client.post(
        reverse("followups:done", args=[backlog[0].pk]), headers={"HX-Request": "true"}
    )
    assert response.status_code == 404
    assert FollowUp.objects.get(pk=backlog[0].pk).done_at is None


@time_machine.travel(NOW, tick=False)
def test_the_digest_lists_all_due_today_and_counts_the_overdue(alice, backlog):
    mail = digest.compose(alice, NOW, base="https://cc.example")
    assert mail is not None
    assert mail.subject == "Coffeechat: 59 things due today (53 overdue)"
    for n in range(6):
        assert f"Fresh{n} Today" in mail.body
    assert "And 23 more overdue, oldest first: https://cc.example/followups/?due=overdue" in (
        mail.body
    )


@time_machine.travel(NOW, tick=False)
def test_the_command_line_prints_all_due_today(alice, backlog, capsys):
    assert main(["today", "--user", "alice"]) == 0
    printed = capsys.readouterr().out
    for n in range(6):
        assert f"Fresh{n} Today" in printed
    assert "... and 23 more overdue: the Follow-ups page (/followups/?due=overdue)" in printed
