"""Keeping in touch after a conversation: one open follow-up per person met, about 4 weeks after
the last interaction, then at the contact's cadence; replanned by whatever happens next."""

from __future__ import annotations

import importlib
import json
from datetime import UTC, date, datetime

import pytest
import time_machine
from django.db.migrations.loader import MigrationLoader
from django.urls import reverse

import factories as make
from coffeechat.edges import cli
from coffeechat.pages.today.queries import today_items
from coffeechat.pipeline.conversations.models import Conversation
from coffeechat.pipeline.followups import services as followups
from coffeechat.pipeline.followups.keep_in_touch import replan, set_cadence
from coffeechat.pipeline.followups.models import FollowUp
from coffeechat.pipeline.outreach.models import Message
from coffeechat.pipeline.services import correspondence
from coffeechat.pipeline.services.merge import merge_contacts

FRIDAY_10AM = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)  # Europe/London is on UTC in November


def hold(contact, at=FRIDAY_10AM):
    return make.held(contact, at=at)


def send(contact, purpose, at):
    return correspondence.record_message(
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
    correspondence.record_reply(contact=priya, received_on=date(2026, 11, 23), outcome="agreed")
    assert open_keep_in_touch(priya) == []


def test_the_thank_you_restarts_the_count_from_the_day_it_went(alice, priya):
    hold(priya)
    send(priya, "thank_you", datetime(2026, 11, 21, 9, tzinfo=UTC))
    assert open_keep_in_touch(priya) == [date(2026, 12, 21)]  # Sat 19 Dec moves to Monday


def test_a_reply_counts_from_the_day_it_came_across_the_christmas_holidays(alice, priya):
    hold(priya)
    correspondence.record_reply(contact=priya, received_on=date(2026, 11, 30), outcome="replied")
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
    twin = make.contact(alice, "Priya", email="p.shah@acme.example")
    hold(twin, at=datetime(2026, 11, 27, 10, tzinfo=UTC))
    assert FollowUp.objects.open().filter(kind="keep_in_touch").count() == 2
    merge_contacts(priya, twin)
    # From the later meeting: 28 days is Christmas Day, then the weekend and Boxing Day.
    assert open_keep_in_touch(priya) == [date(2026, 12, 29)]


def test_another_users_contacts_are_not_touched(alice, bob, priya):
    hold(priya)
    bobs = make.contact(bob, "Priya")
    replan(bobs)
    assert FollowUp.objects.filter(owner=bob).count() == 0
    assert open_keep_in_touch(priya) == [date(2026, 12, 18)]


# A held conversation deleted, or its date corrected, plans the next update from what remains.
LOGISTICS = {
    "time": "10:00", "time_zone": "Europe/London", "duration_minutes": "30",
    "mode": "coffee", "place": "Green Bank café", "video_link": "", "phone": "",
}  # fmt: skip


def test_deleting_the_latest_conversation_plans_from_the_one_before(alice_client, priya):
    hold(priya)
    later = hold(priya, at=datetime(2026, 11, 27, 10, tzinfo=UTC))
    assert open_keep_in_touch(priya) == [date(2026, 12, 29)]

    response = alice_client.post(reverse("conversations:delete", args=[later.pk]))

    assert response.status_code == 302
    assert not Conversation.objects.filter(pk=later.pk).exists()
    assert open_keep_in_touch(priya) == [date(2026, 12, 18)]  # 28 days after 20 November


def test_deleting_a_conversation_plans_from_the_latest_interaction_left(alice_client, priya):
    hold(priya)
    later = hold(priya, at=datetime(2026, 11, 27, 10, tzinfo=UTC))
    send(priya, "thank_you", datetime(2026, 12, 2, 9, tzinfo=UTC))

    alice_client.post(reverse("conversations:delete", args=[later.pk]))

    assert open_keep_in_touch(priya) == [date(2026, 12, 30)]  # 28 days after the thank-you


def test_correcting_the_date_of_a_held_conversation_moves_the_next_update(alice_client, priya):
    conversation = hold(priya)
    assert open_keep_in_touch(priya) == [date(2026, 12, 18)]

    response = alice_client.post(
        reverse("conversations:edit", args=[conversation.pk]), {**LOGISTICS, "date": "2026-11-13"}
    )

    assert response.status_code == 302
    assert open_keep_in_touch(priya) == [date(2026, 12, 11)]  # 28 days after 13 November


def test_deleting_someone_elses_conversation_is_a_404_and_plans_nothing(bob_client, priya):
    conversation = hold(priya)

    response = bob_client.post(reverse("conversations:delete", args=[conversation.pk]))

    assert response.status_code == 404
    assert open_keep_in_touch(priya) == [date(2026, 12, 18)]


def test_merging_two_records_keeps_the_notes_of_both_keep_in_touch_follow_ups(alice, priya):
    hold(priya)
    twin = make.contact(alice, "Priya", email="p.shah@acme.example")
    hold(twin, at=datetime(2026, 11, 27, 10, tzinfo=UTC))
    # Notes of their own, as a restored backup brings them: after the planned sentence or alone.
    mine = FollowUp.objects.open().get(kind="keep_in_touch", contact=priya)
    mine.note = f"{mine.note} · Ask about the Berlin office"
    mine.save()
    FollowUp.objects.open().filter(kind="keep_in_touch", contact=twin).update(
        note="Send her the green bond article"
    )

    merge_contacts(priya, twin)

    [kept] = FollowUp.objects.open().filter(kind="keep_in_touch", contact=priya)
    assert kept.due_on == date(2026, 12, 29)
    assert kept.note == (
        "About 4 weeks since you were last in touch: tell them what you did with their advice "
        "and how your search is going. · Ask about the Berlin office · "
        "Send her the green bond article"
    )
    # Replanned again by a later message, the next update keeps both notes, once each.
    send(priya, "update", datetime(2026, 12, 29, 12, tzinfo=UTC))
    [following] = FollowUp.objects.open().filter(kind="keep_in_touch", contact=priya)
    assert following.note == (
        "Quarterly update: a few lines on how your search is going."
    )  # the update was sent: those notes stay with the one it settled
    kept.refresh_from_db()
    assert kept.done_at is not None
    assert "Ask about the Berlin office · Send her the green bond article" in kept.note


def test_a_message_that_moves_the_next_update_keeps_its_own_note(alice, priya):
    hold(priya)
    FollowUp.objects.open().filter(kind="keep_in_touch").update(note="Mention the CFA exam")

    send(priya, "follow_up", datetime(2026, 11, 25, 12, tzinfo=UTC))

    [moved] = FollowUp.objects.open().filter(kind="keep_in_touch")
    assert moved.due_on == date(2026, 12, 23)
    assert moved.note.endswith(" · Mention the CFA exam")
    assert moved.note.startswith("About 4 weeks since you were last in touch")


# Everyone met before keeping in touch existed gets an update planned by a data migration.
PLAN_MIGRATION = importlib.import_module(
    "coffeechat.pipeline.followups.migrations.0005_plan_keep_in_touch_for_people_already_met"
)
# The day the migration runs: a Wednesday, before anyone's update is due.
MIGRATED = datetime(2026, 11, 25, 12, tzinfo=UTC)


@pytest.fixture(scope="module")
def historical_apps():
    """The models as the migration sees them: the project's state just before it runs."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    return loader.project_state(
        ("followups", "0005_plan_keep_in_touch_for_people_already_met"), at_end=False
    ).apps


def migrate(apps, at=MIGRATED):
    with time_machine.travel(at, tick=False):
        return PLAN_MIGRATION.plan_missing_keep_in_touch(apps)


def met_before_keep_in_touch(contact, at):
    """A conversation held before keep-in-touch existed: no follow-up was planned for it."""
    return Conversation.objects.create(
        owner=contact.owner, contact=contact, scheduled_at=at, time_zone="Europe/London",
        status="held",
    )  # fmt: skip


def test_the_migration_plans_an_update_for_everyone_already_met(alice, bob, priya, historical_apps):
    met_before_keep_in_touch(priya, FRIDAY_10AM)
    sam = make.contact(alice, "Sam Lee")
    met_before_keep_in_touch(sam, datetime(2026, 10, 1, 10, tzinfo=UTC))
    Message.objects.create(
        owner=alice, contact=sam, purpose="update", body="News!",
        sent_at=datetime(2026, 10, 20, 12, tzinfo=UTC),
    )  # fmt: skip
    bobs = make.contact(bob, "Ravi")
    met_before_keep_in_touch(bobs, datetime(2026, 11, 2, 15, tzinfo=UTC))

    assert migrate(historical_apps) == 3

    assert open_keep_in_touch(priya) == [date(2026, 12, 18)]  # 4 weeks after meeting
    assert open_keep_in_touch(sam) == [date(2027, 1, 20)]  # a quarter after the update
    assert open_keep_in_touch(bobs) == [date(2026, 11, 30)]  # his own, on his calendar
    assert FollowUp.objects.get(contact=bobs).owner == bob
    # Exactly what replanning would say: it changes nothing, not even the calendar's SEQUENCE.
    for contact in (priya, sam, bobs):
        planned = FollowUp.objects.open().get(contact=contact, kind="keep_in_touch")
        assert replan(contact) == planned
        replanned = FollowUp.objects.get(pk=planned.pk)
        assert (replanned.due_on, replanned.note, replanned.sequence) == (
            planned.due_on, planned.note, 0,
        )  # fmt: skip


def test_people_met_long_ago_are_due_from_the_next_business_day_not_overdue_at_once(
    alice, priya, historical_apps
):
    met_before_keep_in_touch(priya, datetime(2026, 3, 12, 10, tzinfo=UTC))
    sam = make.contact(alice, "Sam Lee")
    met_before_keep_in_touch(sam, datetime(2026, 6, 1, 10, tzinfo=UTC))
    # Run on Christmas Eve in England: Christmas, the weekend and Boxing Day (Monday) go by.
    christmas_eve = datetime(2026, 12, 24, 9, tzinfo=UTC)

    assert migrate(historical_apps, at=christmas_eve) == 2

    assert open_keep_in_touch(priya) == [date(2026, 12, 29)]
    assert open_keep_in_touch(sam) == [date(2026, 12, 29)]
    with time_machine.travel(christmas_eve, tick=False):
        sections = {item.section(date(2026, 12, 24), christmas_eve) for item in today_items(alice)}
    assert sections == {"coming up"}  # nothing overdue, nothing for today


def test_the_migration_skips_people_not_met_set_to_never_or_already_planned(
    alice, priya, historical_apps
):
    hold(priya)  # planned already, the usual way
    never = make.contact(alice, "Kim", keep_in_touch="never")
    met_before_keep_in_touch(never, FRIDAY_10AM)
    not_met = make.contact(alice, "Jo")
    Conversation.objects.create(
        owner=alice, contact=not_met, scheduled_at=datetime(2026, 12, 1, 10, tzinfo=UTC)
    )

    assert migrate(historical_apps) == 0

    assert open_keep_in_touch(priya) == [date(2026, 12, 18)]
    assert FollowUp.objects.filter(contact__in=[never, not_met]).count() == 0
    assert migrate(historical_apps) == 0  # run twice: no more
