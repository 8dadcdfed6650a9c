"""Follow-ups follow the recorded history: what Coffeechat closes says why, corrections carry
through, someone who agreed is scheduled, and a decline that names someone gives a next move."""

from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse

import factories as make
from coffeechat.network.people.models import Contact, HowKnown
from coffeechat.network.research.services import set_finished
from coffeechat.pages.research.queries import next_moves_for
from coffeechat.pages.today.queries import today_items
from coffeechat.pipeline.conversations.models import Conversation
from coffeechat.pipeline.followups import plan, services
from coffeechat.pipeline.services import correspondence
from coffeechat.pipeline.services.conversation_changes import after_scheduled

SENT = datetime(2026, 11, 2, 15, 0, tzinfo=UTC)  # Monday


@pytest.fixture
def acme(alice):
    return make.organization(alice, "Acme", motivation=3)


@pytest.fixture
def grace(alice, acme):
    return make.contact(alice, "Grace Hopper", org=acme)


def send(contact, purpose="request", at=SENT):
    return correspondence.record_message(
        contact=contact, purpose=purpose, channel="email", subject="Hello", body="Hi", sent_at=at
    )


def open_kinds(contact):
    return sorted(contact.followups.open().values_list("kind", flat=True))


def test_an_agreement_closes_the_routine_saying_why_and_asks_to_schedule(alice, grace):
    send(grace)
    correspondence.record_reply(contact=grace, received_on=date(2026, 11, 3), outcome="agreed")
    assert open_kinds(grace) == ["schedule"]
    closed = grace.followups.filter(kind="nudge").get()
    assert (closed.closed_by, closed.ending) == ("retired", "Closed: Grace agreed to talk")
    assert not closed.was_done_by_hand


def test_today_asks_to_schedule_with_a_link_that_schedules_until_it_is_in_the_calendar(
    alice, grace
):
    correspondence.record_reply(contact=grace, received_on=date(2026, 11, 3), outcome="agreed")
    moment = datetime(2026, 11, 3, 17, 0, tzinfo=UTC)
    [item] = today_items(alice, moment)
    assert item.title == "Schedule with Grace Hopper (Acme)"
    assert item.url == reverse("conversations:new", args=[grace.pk])
    assert item.done_label == "It fell through"
    with time_machine.travel(moment, tick=False):
        conversation = Conversation.objects.create(
            owner=alice, contact=grace, scheduled_at=moment + timedelta(days=5)
        )
        after_scheduled(conversation)
    assert [i.kind.value for i in today_items(alice, moment)] == ["conversation"]
    schedule = grace.followups.get(kind="schedule")
    assert schedule.ending == "Done: scheduled for Sun 8 Nov"


def test_cancelling_brings_back_the_reminder_to_schedule(alice, grace):
    correspondence.record_reply(contact=grace, received_on=date(2026, 11, 3), outcome="agreed")
    conversation = Conversation.objects.create(
        owner=alice, contact=grace, scheduled_at=SENT + timedelta(days=5)
    )
    after_scheduled(conversation)
    from coffeechat.pipeline.services.conversation_changes import cancel

    cancel(conversation)
    assert open_kinds(grace) == ["schedule"]


def test_deleting_the_request_takes_its_follow_ups_with_it(alice, grace):
    message = send(grace)
    assert open_kinds(grace) == ["move_on", "no_reply", "nudge"]
    message.delete()
    plan.replan(grace)
    assert open_kinds(grace) == []


def test_a_back_dated_request_moves_its_follow_ups_and_raises_their_sequence(alice, grace):
    message = send(grace)
    nudge = grace.followups.get(kind="nudge")
    message.sent_at = SENT - timedelta(days=7)
    message.save()
    plan.replan(grace)
    nudge.refresh_from_db()
    assert nudge.due_on == date(2026, 11, 4)
    assert nudge.sequence == 1


def test_writing_again_after_the_routine_ran_out_never_leaves_move_on_beside_a_nudge(alice, grace):
    send(grace)
    send(grace, at=SENT + timedelta(days=21))
    moment = SENT + timedelta(days=21 + 9)
    due = [i.kind.value for i in today_items(alice, moment) if i.due <= moment.date()]
    assert "nudge" in due and "move_on" not in due  # the first wait is over: you wrote again
    old_move_on = grace.followups.filter(kind="move_on").order_by("due_on").first()
    assert old_move_on.ending == "Closed: you wrote to Grace again on Mon 23 Nov"


def test_only_what_you_marked_done_by_hand_can_be_reopened(alice, grace):
    send(grace)
    correspondence.record_reply(contact=grace, received_on=date(2026, 11, 3), outcome="declined")
    retired = grace.followups.get(kind="no_reply")
    with pytest.raises(services.NotReopenable):
        services.reopen(retired)
    schedule_free = grace.followups.get(kind="move_on")
    assert schedule_free.ending == "Closed: Grace declined"


def test_marked_done_by_hand_stays_done_whatever_is_recorded_later(alice, grace):
    send(grace)
    no_reply = grace.followups.get(kind="no_reply")
    services.complete(no_reply)
    send(grace, purpose="follow_up", at=SENT + timedelta(days=9))
    no_reply.refresh_from_db()
    assert no_reply.was_done_by_hand and no_reply.ending == "Done"
    services.reopen(no_reply)
    assert "no_reply" in open_kinds(grace)


def test_the_follow_ups_page_tells_done_from_closed(alice, alice_client, grace):
    send(grace)
    send(grace, purpose="follow_up", at=SENT + timedelta(days=9))
    correspondence.record_reply(contact=grace, received_on=date(2026, 11, 12), outcome="declined")
    page = alice_client.get(reverse("followups:list")).content.decode()
    assert "Done: you sent the follow-up on Wed 11 Nov" in page
    assert "Closed: Grace declined" in page


def test_a_decline_that_names_someone_makes_them_the_next_move_there(alice, grace):
    send(grace)
    correspondence.record_reply(
        contact=grace,
        received_on=date(2026, 11, 3),
        outcome="declined",
        suggested_first_name="Sam",
        suggested_last_name="Lee",
    )
    sam = Contact.objects.get(owner=alice, first_name="Sam")
    assert (sam.organization, sam.introduced_by, sam.how_known) == (
        grace.organization,
        grace,
        HowKnown.REFERRAL,
    )
    [move] = next_moves_for(alice)
    assert move.title == "Write to Sam Lee at Acme"
    assert move.detail.startswith("Grace Hopper suggested them")


def test_a_top_target_with_nothing_under_way_always_has_a_next_move_until_finished(
    alice, grace, acme
):
    send(grace)
    assert next_moves_for(alice) == []  # Grace is waiting for an answer
    correspondence.record_reply(contact=grace, received_on=date(2026, 11, 3), outcome="declined")
    [move] = next_moves_for(alice)
    assert move.title == "Find someone else at Acme"
    set_finished(acme, True)
    assert next_moves_for(alice) == []


def test_the_logged_agreement_links_to_scheduling(alice, alice_client, grace):
    send(grace)
    response = alice_client.post(
        reverse("outreach:reply", args=[grace.pk]),
        {"received_on": "2026-11-03", "outcome": "agreed"},
        follow=True,
    )
    page = response.content.decode()
    assert f'href="{reverse("conversations:new", args=[grace.pk])}">Schedule it now</a>' in page


def test_marking_finished_is_for_the_owner_only(alice, bob_client, acme):
    response = bob_client.post(
        reverse("research:organization_finished", args=[acme.pk]), {"finished": "1"}
    )
    assert response.status_code == 404
    acme.refresh_from_db()
    assert acme.finished_on is None


def test_moving_to_another_country_moves_every_due_date_to_its_business_days(
    alice, alice_client, grace
):
    send(grace, at=datetime(2026, 11, 23, 15, 0, tzinfo=UTC))  # Monday of Thanksgiving week
    assert grace.followups.get(kind="no_reply").due_on == date(2026, 11, 26)
    profile = alice.profile
    data = {
        name: getattr(profile, name)
        for name in (
            "full_name", "headline", "school", "fields_of_interest", "elevator_pitch",
            "background_summary", "time_zone", "region", "message_rules", "digest_hour",
            "weekly_conversation_goal",
        )
    }  # fmt: skip
    data.update(country="US", region="", digest_enabled="")
    response = alice_client.post(reverse("accounts:profile"), data, headers={"HX-Request": "true"})
    assert "Saved" in response.content.decode()
    # Thanksgiving (Thu 26 Nov) no longer counts as a business day.
    assert grace.followups.get(kind="no_reply").due_on == date(2026, 11, 27)


def test_an_undecided_answer_keeps_the_target_in_play_with_an_item_to_answer(alice, grace):
    send(grace)
    correspondence.record_reply(contact=grace, received_on=date(2026, 11, 3), outcome="replied")
    [item] = today_items(alice, datetime(2026, 11, 3, 17, 0, tzinfo=UTC))
    assert item.title == "Answer Grace Hopper (Acme)"
    assert item.url == reverse("outreach:reply", args=[grace.pk])
    assert next_moves_for(alice) == []


def test_no_reply_asks_for_nobody_else_where_someone_already_said_yes_or_you_finished(
    alice, grace, acme
):
    hana = make.contact(alice, "Hana Sato", org=acme)
    make.contact(alice, "Marco Bianchi", org=acme)
    send(grace)
    # Hana said yes when you met her at a meetup (no request in writing).
    correspondence.record_reply(contact=hana, received_on=date(2026, 11, 3), outcome="agreed")
    thursday = datetime(2026, 11, 5, 17, 0, tzinfo=UTC)
    [no_reply] = [i for i in today_items(alice, thursday) if i.kind.value == "no_reply"]
    assert no_reply.detail == (
        "3 business days without a reply, but you are already talking to Hana Sato at Acme: "
        "nobody else there is needed for now."
    )
    set_finished(acme, True)
    [no_reply] = [i for i in today_items(alice, thursday) if i.kind.value == "no_reply"]
    assert "you marked Acme finished, so nobody else there" in no_reply.detail


def test_the_too_late_wording_waits_until_moving_on_is_due(alice, grace):
    send(grace)
    nudge_day = datetime(2026, 11, 11, 17, 0, tzinfo=UTC)
    items = {i.kind.value: i for i in today_items(alice, nudge_day)}
    assert "too late" not in items["move_on"].detail  # coming up, while the nudge is due
    move_on_day = datetime(2026, 11, 16, 17, 0, tzinfo=UTC)
    items = {i.kind.value: i for i in today_items(alice, move_on_day)}
    assert "too late now for the follow-up you did not send" in items["move_on"].detail
    assert "nudge" not in items


def test_it_fell_through_says_so_everywhere_instead_of_done(alice, alice_client, grace):
    correspondence.record_reply(contact=grace, received_on=date(2026, 11, 3), outcome="agreed")
    schedule = grace.followups.get(kind="schedule")
    response = alice_client.post(
        reverse("followups:done", args=[schedule.pk]), headers={"HX-Request": "true"}
    )
    assert "It fell through: schedule the conversation with Grace Hopper." in (
        response.content.decode()
    )
    listed = alice_client.get(reverse("followups:list")).content.decode()
    assert 'Grace Hopper</a> — <span class="ending">It fell through</span>' in listed
    page = alice_client.get(grace.get_absolute_url()).content.decode()
    assert "It fell through." in page
    assert "Next: Grace agreed to talk" not in page  # nothing left to schedule


def test_a_maybe_corrected_to_a_yes_asks_to_schedule_again(alice, grace):
    from coffeechat.pipeline.services.message_corrections import edit_reply

    send(grace)
    maybe = correspondence.record_reply(
        contact=grace, received_on=date(2026, 11, 3), outcome="replied"
    )
    services.complete(grace.followups.get(kind="schedule"))  # "Nothing more to do"
    edit_reply(maybe, received_on=date(2026, 11, 3), outcome="agreed")
    [schedule] = grace.followups.filter(kind="schedule")
    assert not schedule.is_done
    assert schedule.note == "Grace agreed to talk: agree a time and put it in the calendar."


def test_a_decline_naming_someone_you_already_have_there_adds_no_second_record(alice, grace):
    ines = make.contact(alice, "Ines Duarte", org=grace.organization)
    correspondence.record_reply(
        contact=grace,
        received_on=date(2026, 11, 3),
        outcome="declined",
        suggested_first_name="ines",
        suggested_last_name="duarte",
    )
    assert Contact.objects.filter(owner=alice, first_name__iexact="ines").count() == 1
    ines.refresh_from_db()
    assert ines.introduced_by == grace


def _met(contact, at=SENT):
    conversation = Conversation.objects.create(
        owner=contact.owner, contact=contact, scheduled_at=at, duration_minutes=30,
        status="held", started_at=at, ended_at=at + timedelta(minutes=30),
    )  # fmt: skip
    plan.replan(contact)
    return conversation


def test_an_update_deleted_leaves_keeping_in_touch_open_not_done_by_it(alice, grace):
    from coffeechat.pipeline.services import message_corrections as corrections

    _met(grace)
    update = send(grace, "update", at=SENT + timedelta(days=3))
    assert grace.followups.get(kind="keep_in_touch", done_at__isnull=False).ending.startswith(
        "Done: you sent an update"
    )
    corrections.delete_message(update)
    assert not grace.followups.filter(kind="keep_in_touch", done_at__isnull=False).exists()
    assert grace.followups.open().filter(kind="keep_in_touch").count() == 1


def test_an_introducers_answer_closes_the_reminder_without_calling_it_done(alice, acme, grace):
    priya = make.contact(alice, "Priya Shah")
    correspondence.record_message(
        contact=priya, purpose="introduction", channel="email", subject="Intro?", body="Hi",
        sent_at=SENT, introduction_to=grace,
    )  # fmt: skip
    correspondence.record_reply(contact=priya, received_on=date(2026, 11, 4), outcome="replied")
    reminder = priya.followups.get(kind="follow_up")
    assert reminder.ending == "Closed: Priya replied on Wed 4 Nov"
