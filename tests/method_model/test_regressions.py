"""Every failure the model of the method found, replayed as the shortest sequence that shows it.

Each test is named after what the user sees; each step is one of the user's actions, and the
check is the invariant that broke (invariants.py), read as the method says it.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from coffeechat.pipeline.followups.models import FollowUp
from coffeechat.pipeline.followups.services import NotReopenable
from method_model import actions
from method_model.invariants import (
    Moment,
    agreed_to_talk_is_owed_a_schedule,
    done_only_if_the_user_did_it,
    never_write_to_someone_already_written_to,
    nothing_chases_someone_who_declined,
    top_five_targets_always_have_a_next_step,
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
    # "Closed: Grace declined" has no Reopen: her answer closed it, and only correcting that
    # answer (or deleting it) would open it again.
    with pytest.raises(NotReopenable):
        actions.reopen(closed)

    nothing_chases_someone_who_declined(moment(alice))


def test_reopening_contact_referral_after_writing_to_them_never_asks_to_write_again(alice, clock):
    lee = actions.add_contact(alice, "Lee", "Wong", how_known="friend")
    talk = actions.schedule(lee, days_ahead=0, hour=14)
    clock.shift(timedelta(hours=6))
    actions.start(talk)
    actions.end(talk)
    mei = actions.capture_referral(talk, "Mei", "Chan", "Blue")
    actions.send(mei, "request")
    written = FollowUp.objects.get(contact=mei, kind="contact_referral")
    # "Done: you wrote to Mei" was done by the message, not by hand: it does not reopen.
    with pytest.raises(NotReopenable):
        actions.reopen(written)

    never_write_to_someone_already_written_to(moment(alice))


def test_after_the_only_person_at_a_top_target_declines_it_still_has_a_next_move(alice, clock):
    acme = actions.add_organization(alice, "Acme", motivation=3, posting=3)
    sam = actions.add_contact(alice, "Sam", "Lee", organization=acme, how_known="alumni")
    actions.send(sam, "request")
    clock.shift(timedelta(days=1))
    actions.log_reply(sam, "declined")

    # "Find someone else at Acme" (or whoever Sam named), not silence.
    top_five_targets_always_have_a_next_step(moment(alice))


def test_after_the_introduction_reminder_is_done_the_target_still_has_a_next_move(alice, clock):
    acme = actions.add_organization(alice, "Acme", motivation=3, posting=3)
    sam = actions.add_contact(alice, "Sam", "Lee", organization=acme, how_known="alumni")
    jo = actions.add_contact(alice, "Jo", "Park", organization=acme, how_known="linkedin")
    actions.ask_introduction(sam, jo)
    reminder = FollowUp.objects.get(contact=sam, kind="follow_up")
    actions.mark_done(reminder)

    top_five_targets_always_have_a_next_step(moment(alice, {reminder.pk}))


def test_after_an_update_is_corrected_into_a_follow_up_keep_in_touch_is_not_shown_done(
    alice, clock
):
    lee = actions.add_contact(alice, "Lee", "Wong", how_known="friend")
    talk = actions.schedule(lee, days_ahead=0, hour=14)
    clock.shift(timedelta(hours=6))
    actions.start(talk)
    actions.end(talk)
    clock.shift(timedelta(days=3))
    actions.send(lee, "update")  # "Done: you sent an update on Thu 24 Dec"
    update = lee.messages.get(purpose="update")
    actions.edit_message(update, days_earlier=0, purpose="follow_up")  # it was a follow-up

    # No update was sent: keeping in touch is open again, not "Done: you sent an update".
    done_only_if_the_user_did_it(moment(alice))
    assert FollowUp.objects.filter(contact=lee, kind="keep_in_touch", done_at=None).exists()


def test_after_merging_two_referrals_from_one_conversation_today_never_asks_to_write_again(
    alice, clock
):
    lee = actions.add_contact(alice, "Lee", "Wong", how_known="friend")
    talk = actions.schedule(lee, days_ahead=0, hour=14)
    clock.shift(timedelta(hours=6))
    actions.start(talk)
    actions.end(talk)
    mei = actions.capture_referral(talk, "Mei", "Chan", "Blue")
    again = actions.capture_referral(talk, "Mei", "C.", "Blue")  # noted twice by mistake
    actions.send(again, "request")
    kept = actions.merge(mei, again)

    # Not "Contact referral Mei Chan: Write to them" beside "Done: you wrote to Mei".
    never_write_to_someone_already_written_to(moment(alice))
    assert FollowUp.objects.filter(contact=kept, kind="contact_referral").count() == 1
