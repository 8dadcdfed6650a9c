"""Scheduling a conversation: time zones, length, mode and logistics, cancelling, deleting."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
import time_machine
from django.urls import reverse

from coffeechat.pipeline.conversations.forms import ScheduleForm
from coffeechat.pipeline.conversations.models import Conversation, Status
from coffeechat.pipeline.followups import keep_in_touch
from coffeechat.pipeline.followups.models import FollowUp
from coffeechat.pipeline.services import conversation_changes, correspondence


def schedule(client, contact, **overrides):
    data = {
        "date": "2026-12-01",
        "time": "09:30",
        "time_zone": "America/New_York",
        "duration_minutes": "20",
        "mode": "video",
        "video_link": "https://meet.example/abc",
        "goal": "Learn how analysts get hired",
        **overrides,
    }
    return client.post(reverse("conversations:new", args=[contact.pk]), data, follow=True)


def test_the_schedule_page_defaults_to_20_minutes_and_your_time_zone(alice_client, sam):
    page = alice_client.get(reverse("conversations:new", args=[sam.pk])).content.decode()
    assert "Schedule a conversation with Sam Lee" in page
    assert 'name="duration_minutes" value="20"' in page
    assert '<option value="Europe/London" selected>' in page
    assert 'value="+44 20 7946 0000"' in page  # the contact's phone, ready for a call


def test_the_time_is_read_in_the_chosen_zone_and_shown_in_both(alice_client, sam):
    response = schedule(alice_client, sam)
    conversation = Conversation.objects.get(contact=sam)
    assert conversation.scheduled_at == datetime(2026, 12, 1, 14, 30, tzinfo=UTC)
    assert conversation.time_zone == "America/New_York"
    assert conversation.duration_minutes == 20
    page = response.content.decode()
    assert response.redirect_chain[-1][0] == conversation.get_absolute_url()
    assert "Tuesday 1 December 2026, 09:30\N{EN DASH}09:50" in page
    assert "America/New_York" in page
    # Alice lives in London: her own time is shown too.
    assert "Tuesday 1 December 2026, 14:30" in page
    assert "Europe/London" in page


def test_a_length_of_5_minutes_is_a_clear_error(alice_client, sam):
    response = schedule(alice_client, sam, duration_minutes="5")
    assert "Choose a length between 10 and 90 minutes" in response.content.decode()
    assert not Conversation.objects.exists()


def test_an_end_before_the_start_is_a_clear_error(alice_client, sam):
    response = schedule(alice_client, sam, end_time="09:00")
    assert "The end (09:00) is before the start (09:30): check the times." in (
        response.content.decode()
    )
    assert not Conversation.objects.exists()


def test_an_end_time_sets_the_length(alice_client, sam):
    schedule(alice_client, sam, end_time="10:00", duration_minutes="")
    assert Conversation.objects.get(contact=sam).duration_minutes == 30


def test_neither_length_nor_end_is_a_clear_error(alice_client, sam):
    response = schedule(alice_client, sam, duration_minutes="")
    assert "Choose a length between 10 and 90 minutes" in response.content.decode()
    assert not Conversation.objects.exists()


def test_a_video_call_without_a_link_is_a_clear_error(alice_client, sam):
    response = schedule(alice_client, sam, video_link="")
    assert "A video call needs its link" in response.content.decode()
    assert not Conversation.objects.exists()


def test_coffee_needs_a_place_and_a_call_needs_a_number(alice_client, sam):
    page = schedule(alice_client, sam, mode="coffee").content.decode()
    assert "Say where you will meet" in page
    page = schedule(alice_client, sam, mode="phone", phone="").content.decode()
    assert "Add the phone number for the call" in page
    assert not Conversation.objects.exists()


def test_a_past_date_is_allowed_for_logging_a_chat_after_the_fact(alice_client, sam):
    schedule(alice_client, sam, date="2025-01-10", mode="coffee", place="Café Nero")
    assert Conversation.objects.get(contact=sam).place == "Café Nero"


def test_a_time_skipped_by_the_clocks_going_forward_is_refused(alice, sam):
    form = ScheduleForm(
        {"date": "2026-03-29", "time": "01:30", "time_zone": "Europe/London",
         "duration_minutes": 20, "mode": "phone", "phone": "123"},
        owner=alice, contact=sam,
    )  # fmt: skip
    assert not form.is_valid()
    assert "01:30 does not exist in Europe/London" in str(form.errors["time"])


def test_editing_logistics_autosaves_and_keeps_the_local_time(alice_client, chat):
    url = reverse("conversations:edit", args=[chat.pk])
    page = alice_client.get(url).content.decode()
    assert 'value="2026-11-20"' in page
    assert 'value="10:00"' in page
    data = {"date": "2026-11-20", "time": "11:15", "time_zone": "Europe/Paris",
            "duration_minutes": 30, "mode": "coffee", "place": "Café Loustic"}  # fmt: skip
    response = alice_client.post(url, data, HTTP_HX_REQUEST="true")
    assert "Saved" in response.content.decode()
    chat.refresh_from_db()
    assert chat.scheduled_at == datetime(2026, 11, 20, 10, 15, tzinfo=UTC)
    assert (chat.place, chat.duration_minutes) == ("Café Loustic", 30)
    assert chat.time_zone == "Europe/Paris"
    response = alice_client.post(url, {**data, "place": ""}, HTTP_HX_REQUEST="true")
    assert "Not saved" in response.content.decode()


def test_typing_a_new_place_does_not_replan_keep_in_touch_but_a_new_date_does(
    alice_client, chat, monkeypatch
):
    conversation_changes.end(
        chat, learned="", still_unknown="", next_steps="", now=chat.scheduled_at
    )
    replanned = []
    real_replan = keep_in_touch.replan
    monkeypatch.setattr(keep_in_touch, "replan", lambda c: replanned.append(c) or real_replan(c))
    url = reverse("conversations:edit", args=[chat.pk])
    data = {"date": "2026-11-20", "time": "10:00", "time_zone": "Europe/London",
            "duration_minutes": 20, "mode": "coffee", "place": "C"}  # fmt: skip

    for typed in ("C", "Ca", "Caf", "Café"):  # the autosave posts as the user types
        alice_client.post(url, {**data, "place": typed}, HTTP_HX_REQUEST="true")

    assert replanned == []
    assert Conversation.objects.get(pk=chat.pk).place == "Café"
    alice_client.post(url, {**data, "date": "2026-11-13"}, HTTP_HX_REQUEST="true")
    assert replanned == [chat.contact]
    keep = FollowUp.objects.open().get(contact=chat.contact, kind="keep_in_touch")
    assert keep.due_on == date(2026, 12, 11)  # 28 days after 13 November


def test_cancelling_asks_first_then_keeps_the_record(alice_client, chat):
    url = reverse("conversations:cancel", args=[chat.pk])
    assert "Yes, cancel conversation" in alice_client.get(url).content.decode()
    chat.refresh_from_db()
    assert chat.status == Status.SCHEDULED
    page = alice_client.post(url, follow=True).content.decode()
    chat.refresh_from_db()
    assert chat.status == Status.CANCELLED
    assert "Cancelled the conversation with Sam Lee" in page
    assert "Start the conversation" not in page


def test_a_cancelled_conversation_cannot_be_started(alice_client, chat):
    alice_client.post(reverse("conversations:cancel", args=[chat.pk]))
    alice_client.post(reverse("conversations:start", args=[chat.pk]))
    chat.refresh_from_db()
    assert chat.status == Status.CANCELLED
    assert chat.started_at is None


def test_deleting_asks_for_confirmation_first(alice_client, chat):
    url = reverse("conversations:delete", args=[chat.pk])
    assert "Yes, delete conversation" in alice_client.get(url).content.decode()
    assert Conversation.objects.filter(pk=chat.pk).exists()
    response = alice_client.post(url, follow=True)
    assert not Conversation.objects.filter(pk=chat.pk).exists()
    assert response.redirect_chain[-1][0] == reverse("conversations:list")


@pytest.mark.parametrize("minutes", ["9", "91"])
def test_lengths_outside_10_to_90_are_refused(alice, sam, minutes):
    form = ScheduleForm(
        {"date": "2026-12-01", "time": "09:30", "time_zone": "UTC", "duration_minutes": minutes,
         "mode": "phone", "phone": "123"},
        owner=alice, contact=sam,
    )  # fmt: skip
    assert not form.is_valid()
    assert "between 10 and 90 minutes" in str(form.errors["duration_minutes"])


@time_machine.travel(datetime(2026, 11, 27, 12, 0, tzinfo=UTC), tick=False)
def test_scheduling_ends_the_no_reply_routine_even_without_a_logged_reply(alice_client, sam):
    # Sam said yes on the phone: nobody logged a reply, but a time is now agreed.
    correspondence.record_message(
        contact=sam,
        purpose="request",
        channel="email",
        subject="Hello",
        body="Hi",
        sent_at=datetime(2026, 11, 16, 9, 0, tzinfo=UTC),
    )
    before = alice_client.get(reverse("followups:today")).content.decode()
    assert "3 business days without a reply" in before
    schedule(alice_client, sam)
    assert not FollowUp.objects.filter(contact=sam).open().exists()
    after = alice_client.get(reverse("followups:today")).content.decode()
    assert "3 business days without a reply" not in after
    assert "polite follow-up" not in after
