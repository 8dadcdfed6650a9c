"""Keeping in touch after a conversation: one open follow-up per person met, about 4 weeks after
the last interaction, then at the contact's cadence; replanned by whatever happens next."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest
import time_machine
from django.urls import reverse

from coffeechat import cli
from coffeechat.conversations import services as conversations
from coffeechat.conversations.models import Conversation
from coffeechat.followups import services as followups
from coffeechat.followups.keep_in_touch import replan, set_cadence
from coffeechat.followups.models import FollowUp
from coffeechat.followups.queries import today_items
from coffeechat.network.merge import merge_contacts
from coffeechat.outreach import services as outreach
from coffeechat.people.models import Contact
from coffeechat.research.models import Organization

FRIDAY_10AM = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)  # Europe/London is on UTC in November


@pytest.fixture
def priya(alice):
    acme = Organization.objects.create(owner=alice, name="Acme Climate")
    return Contact.objects.create(
        owner=alice, first_name="Priya", last_name="Shah", organization=acme,
        email="priya@acme.example",
    )  # fmt: skip


def hold(contact, at=FRIDAY_10AM):
    conversation = Conversation.objects.create(
        owner=contact.owner, contact=contact, scheduled_at=at, time_zone="Europe/London"
    )
    conversations.end(conversation, learned="", still_unknown="", next_steps="", now=at)
    return conversation


def send(contact, purpose, at):
    return outreach.record_message(
        contact=contact, purpose=purpose, channel="email", subject="Hi", body="Hello", sent_at=at
    )


def open_keep_in_touch(contact):
    return list(
        FollowUp.objects.open()
        .filter(contact=contact, kind="keep_in_touch")
        .values_list("due_on", flat=True)
    )


def test_it_plans_an_update_four_weeks_after_a_conversation(alice, priya):
    hold(priya)
    assert open_keep_in_touch(priya) == [date(2026, 12, 18)]
    monday = datetime(2026, 12, 14, 9, tzinfo=UTC)
    with time_machine.travel(monday, tick=False):
        item = next(i for i in today_items(alice, monday) if i.kind == "keep_in_touch")
    assert item.title == "Keep in touch with Priya Shah (Acme Climate)"
    assert item.action == "Write an update"
    assert item.url == reverse("outreach:compose", args=[priya.pk]) + "?purpose=update"
    assert "About 4 weeks since you were last in touch" in item.detail


def test_it_shows_in_coffeechat_today_json(monkeypatch, capsys, alice, priya):
    monkeypatch.setattr(cli, "_setup_django", lambda: None)
    hold(priya)
    with time_machine.travel(datetime(2026, 12, 18, 9, tzinfo=UTC), tick=False):
        assert cli.main(["today", "--user", "alice", "--json"]) == 0
    kinds = {item["kind"]: item for item in json.loads(capsys.readouterr().out)}
    assert kinds["keep_in_touch"]["title"] == "Keep in touch with Priya Shah (Acme Climate)"
    assert kinds["keep_in_touch"]["section"] == "today"


def test_nobody_is_kept_in_touch_with_before_you_have_met(alice, priya):
    send(priya, "request", FRIDAY_10AM)
    outreach.record_reply(contact=priya, received_on=date(2026, 11, 23), outcome="agreed")
    assert open_keep_in_touch(priya) == []


def test_the_thank_you_restarts_the_count_from_the_day_it_went(alice, priya):
    hold(priya)
    send(priya, "thank_you", datetime(2026, 11, 21, 9, tzinfo=UTC))
    assert open_keep_in_touch(priya) == [date(2026, 12, 21)]  # Sat 19 Dec moves to Monday


def test_a_reply_counts_from_the_day_it_came_across_the_christmas_holidays(alice, priya):
    hold(priya)
    outreach.record_reply(contact=priya, received_on=date(2026, 11, 30), outcome="replied")
    # 28 Dec 2026 is the Boxing Day holiday in England (26 Dec is a Saturday).
    assert open_keep_in_touch(priya) == [date(2026, 12, 29)]


def test_an_update_settles_it_and_the_cadence_runs_from_the_day_it_was_sent(alice, priya):
    hold(priya)
    first = FollowUp.objects.get(kind="keep_in_touch")
    # Logged weeks later, back-dated to when it went out: the date it happened counts.
    sent = datetime(2026, 12, 10, 12, tzinfo=UTC)
    with time_machine.travel(datetime(2027, 1, 20, 9, tzinfo=UTC), tick=False):
        send(priya, "update", sent)
    first.refresh_from_db()
    assert first.done_at == sent
    assert open_keep_in_touch(priya) == [date(2027, 3, 10)]  # quarterly by default
    assert "Quarterly update" in FollowUp.objects.open().get(kind="keep_in_touch").note


def test_a_later_message_moves_the_next_update_but_an_earlier_one_does_not(alice, priya):
    hold(priya)
    send(priya, "update", datetime(2026, 12, 10, 12, tzinfo=UTC))
    send(priya, "follow_up", datetime(2026, 12, 1, 12, tzinfo=UTC))  # logged late, older
    assert open_keep_in_touch(priya) == [date(2027, 3, 10)]
    send(priya, "follow_up", datetime(2027, 1, 5, 12, tzinfo=UTC))
    assert open_keep_in_touch(priya) == [date(2027, 4, 5)]


def test_changing_the_cadence_replans_the_next_update(alice, priya):
    hold(priya)
    send(priya, "update", datetime(2026, 12, 10, 12, tzinfo=UTC))
    set_cadence(priya, "monthly")
    assert open_keep_in_touch(priya) == [date(2027, 1, 11)]  # 10 Jan 2027 is a Sunday
    set_cadence(priya, "twice_a_year")
    assert open_keep_in_touch(priya) == [date(2027, 6, 10)]


def test_never_removes_the_open_follow_up_and_changing_back_plans_it_again(alice, priya):
    hold(priya)
    set_cadence(priya, "never")
    assert not FollowUp.objects.filter(kind="keep_in_touch").exists()
    send(priya, "thank_you", datetime(2026, 11, 21, 9, tzinfo=UTC))
    assert open_keep_in_touch(priya) == []
    set_cadence(priya, "quarterly")
    assert open_keep_in_touch(priya) == [date(2026, 12, 21)]


def test_marking_it_done_counts_as_being_in_touch_and_plans_the_next(alice, priya):
    hold(priya)
    done_at = datetime(2026, 12, 18, 15, tzinfo=UTC)
    followups.complete(FollowUp.objects.get(kind="keep_in_touch"), when=done_at)
    assert open_keep_in_touch(priya) == [date(2027, 3, 18)]
    followups.reopen(FollowUp.objects.get(kind="keep_in_touch", done_at=done_at))
    assert len(open_keep_in_touch(priya)) == 1


def test_replanning_twice_changes_nothing(alice, priya):
    hold(priya)
    replan(priya)
    replan(priya)
    assert open_keep_in_touch(priya) == [date(2026, 12, 18)]


def test_merging_two_records_of_someone_you_met_leaves_one_keep_in_touch(alice, priya):
    hold(priya)
    twin = Contact.objects.create(owner=alice, first_name="Priya", email="p.shah@acme.example")
    hold(twin, at=datetime(2026, 11, 27, 10, tzinfo=UTC))
    assert FollowUp.objects.open().filter(kind="keep_in_touch").count() == 2
    merge_contacts(priya, twin)
    # From the later meeting: 28 days is Christmas Day, then the weekend and Boxing Day.
    assert open_keep_in_touch(priya) == [date(2026, 12, 29)]


def test_another_users_contacts_are_not_touched(alice, bob, priya):
    hold(priya)
    bobs = Contact.objects.create(owner=bob, first_name="Priya")
    replan(bobs)
    assert FollowUp.objects.filter(owner=bob).count() == 0
    assert open_keep_in_touch(priya) == [date(2026, 12, 18)]
