"""Close the loop: acted on someone's advice, or met someone they suggested? They hear of it."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from django.urls import reverse

import factories as make
from coffeechat.pages.today.queries import today_items
from coffeechat.pipeline.conversations import services as conversations
from coffeechat.pipeline.conversations.models import Conversation
from coffeechat.pipeline.followups.models import FollowUp
from coffeechat.pipeline.services import conversation_changes, correspondence

FRIDAY_10AM = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
MONDAY = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


@pytest.fixture
def chat(priya):
    return make.held(priya, at=FRIDAY_10AM)


@pytest.fixture
def advice(chat):
    return conversations.add_takeaway(chat, kind="advice", text="Learn the green bond principles")


def loops(contact):
    return FollowUp.objects.open().filter(contact=contact, kind="close_the_loop")


def test_acting_on_advice_owes_its_giver_a_close_the_loop_update(alice, priya, advice):
    conversation_changes.set_acted_on(advice, True, now=MONDAY)
    loop = loops(priya).get()
    assert loop.due_on == date(2026, 12, 9)  # two business days
    assert loop.note == (
        "You acted on Priya's advice: “Learn the green bond principles”. "
        "Tell Priya what came of it."
    )
    item = next(i for i in today_items(alice, MONDAY) if i.kind == "close_the_loop")
    assert item.title == "Close the loop with Priya Shah (Acme Climate)"
    assert item.action == "Tell them what came of it"
    assert item.url == (
        reverse("outreach:compose", args=[priya.pk]) + "?purpose=update&situation=update"
    )


def test_more_advice_acted_on_joins_the_same_follow_up(priya, chat, advice):
    conversation_changes.set_acted_on(advice, True, now=MONDAY)
    conversation_changes.set_acted_on(advice, True, now=MONDAY)  # a double click
    other = conversations.add_takeaway(chat, kind="advice", text="Read the FT every day")
    conversation_changes.set_acted_on(other, True, now=MONDAY)
    assert loops(priya).count() == 1
    assert "“Learn the green bond principles”; “Read the FT every day”" in loops(priya).get().note


def test_undoing_the_tick_before_the_update_withdraws_it(priya, chat, advice):
    other = conversations.add_takeaway(chat, kind="advice", text="Read the FT every day")
    conversation_changes.set_acted_on(advice, True, now=MONDAY)
    conversation_changes.set_acted_on(other, True, now=MONDAY)
    conversation_changes.set_acted_on(advice, False)
    assert "green bond" not in loops(priya).get().note
    conversation_changes.set_acted_on(other, False)
    assert not FollowUp.objects.filter(kind="close_the_loop").exists()


def test_an_update_closes_the_loop_and_old_advice_does_not_reopen_it(priya, chat, advice):
    conversation_changes.set_acted_on(advice, True, now=MONDAY)
    correspondence.record_message(
        contact=priya, purpose="update", channel="email", subject="News", body="It worked",
        sent_at=datetime(2026, 12, 8, 12, tzinfo=UTC),
    )  # fmt: skip
    assert not loops(priya).exists()
    other = conversations.add_takeaway(chat, kind="advice", text="Read the FT every day")
    conversation_changes.set_acted_on(other, True, now=datetime(2026, 12, 20, 9, tzinfo=UTC))
    assert "green bond" not in loops(priya).get().note  # only what is new since the update


def test_meeting_someone_they_suggested_owes_the_referrer_an_update_once(priya, chat):
    referral = conversation_changes.add_referral(chat, first_name="Sam", last_name="Lee")
    for day in (1, 8):
        with_sam = Conversation.objects.create(
            owner=priya.owner, contact=referral.contact, time_zone="Europe/London",
            scheduled_at=datetime(2026, 12, day, 10, tzinfo=UTC),
        )  # fmt: skip
        conversation_changes.end(with_sam, learned="", still_unknown="", next_steps="")
    loop = loops(priya).get()
    assert loop.note == "You met Sam Lee, whom Priya suggested. Tell Priya how it went."
    assert loop.due_on == date(2026, 12, 3)
    assert not loops(referral.contact).exists()


def test_someone_introduced_without_a_referral_counts_too(alice, priya):
    kim = make.contact(alice, "Kim", introduced_by=priya)
    with_kim = Conversation.objects.create(owner=alice, contact=kim, scheduled_at=FRIDAY_10AM)
    conversation_changes.end(with_kim, learned="", still_unknown="", next_steps="")
    assert "You met Kim, whom Priya suggested." in loops(priya).get().note


# The toggle on the conversation page.


def test_the_conversation_page_ticks_advice_as_acted_on(alice_client, priya, chat, advice):
    page = alice_client.get(chat.get_absolute_url())
    assert "I acted on this" in page.content.decode()
    url = reverse("conversations:acted_on", args=[advice.pk])
    answer = alice_client.post(url, {"acted": "1"}, HTTP_HX_REQUEST="true")
    text = answer.content.decode()
    assert "Acted on" in text and "Close the loop: tell Priya what came of it" in text
    assert loops(priya).count() == 1
    answer = alice_client.post(url, {"acted": "0"})
    assert answer.status_code == 302
    assert not loops(priya).exists()
    assert "I acted on this" in alice_client.get(chat.get_absolute_url()).content.decode()


def test_another_users_advice_cannot_be_ticked(bob_client, advice):
    url = reverse("conversations:acted_on", args=[advice.pk])
    assert bob_client.post(url, {"acted": "1"}).status_code == 404
    advice.refresh_from_db()
    assert advice.acted_on_at is None
    assert not FollowUp.objects.filter(kind="close_the_loop").exists()
