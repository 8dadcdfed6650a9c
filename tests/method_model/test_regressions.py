"""Every failure the model of the method found, replayed as the shortest sequence that shows it.

Each test is named after what the user sees; each step is one of the user's actions, and the
check is the invariant that broke (invariants.py), read as the method says it.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from coffeechat.followups.models import FollowUp

from . import actions
from .invariants import (
    Moment,
    agreed_to_talk_is_owed_a_schedule,
    done_only_if_the_user_did_it,
    nothing_chases_someone_who_declined,
)

MONDAY = datetime(2026, 12, 21, 9, 0, tzinfo=UTC)  # London, the week before Christmas


@pytest.fixture
def clock():
    with time_machine.travel(MONDAY, tick=False) as traveller:
        yield traveller


@pytest.fixture
def grace(alice):
    return actions.add_contact(alice, "Grace", "Hopper", how_known="alumni")


def moment(user: object, completed: set[int] | None = None) -> Moment:
    return Moment.read(user, completed or set())


def test_after_grace_agrees_her_timeline_says_why_the_waiting_follow_ups_closed(
    alice, grace, clock
):
    actions.send(grace, "request")
    clock.shift(timedelta(days=1))
    actions.log_reply(grace, "agreed")

    # Not "Done Tue 22 Dec." three times: Alice wrote to nobody and nudged nobody.
    done_only_if_the_user_did_it(moment(alice))


def test_grace_agreed_to_talk_so_today_asks_to_schedule_with_her(alice, grace, clock):
    actions.send(grace, "request")
    clock.shift(timedelta(days=1))
    actions.log_reply(grace, "agreed")

    agreed_to_talk_is_owed_a_schedule(moment(alice))


def test_reopening_a_closed_follow_up_never_chases_someone_who_declined(alice, grace, clock):
    actions.send(grace, "request")
    clock.shift(timedelta(days=1))
    actions.log_reply(grace, "declined")
    closed = FollowUp.objects.filter(contact=grace, done_at__isnull=False).order_by("id").first()
    actions.reopen(closed)  # from "Recently done" on the Follow-ups page

    nothing_chases_someone_who_declined(moment(alice))
