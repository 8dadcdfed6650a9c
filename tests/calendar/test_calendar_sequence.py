"""SEQUENCE grows when what a calendar shows changes, so the event is replaced, not doubled."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from calendar_helpers import event, fetch
from django.urls import reverse

from coffeechat.conversations import services
from coffeechat.conversations.models import Conversation

LOGISTICS = {
    "date": "2026-12-01",
    "time": "09:30",
    "time_zone": "America/New_York",
    "duration_minutes": "20",
    "mode": "video",
    "video_link": "https://meet.example/priya",
    "phone": "",
    "place": "",
}


def edit(client, chat, headers=None, **changes):
    url = reverse("conversations:edit", args=[chat.pk])
    return client.post(url, {**LOGISTICS, **changes}, headers=headers)


def feed_event(client, chat, feed_url):
    return event(fetch(client, feed_url), f"conversation-{chat.pk}@coffeechat")


def test_moving_the_time_grows_the_sequence_and_keeps_the_uid(alice_client, chat, feed_url):
    response = edit(alice_client, chat, time="11:00")
    assert response.status_code == 302

    moved = feed_event(alice_client, chat, feed_url)

    assert moved["SEQUENCE"] == 1
    assert moved.start == datetime(2026, 12, 1, 11, 0, tzinfo=ZoneInfo("America/New_York"))
    assert len(fetch(alice_client, feed_url).events) == 1


@pytest.mark.parametrize(
    "change",
    [
        {"time_zone": "Europe/London"},
        {"duration_minutes": "30"},
        {"mode": "phone", "phone": "+1 212 555 0100"},
        {"video_link": "https://meet.example/other"},
    ],
    ids=["time zone", "length", "mode", "video link"],
)
def test_each_change_a_calendar_shows_grows_the_sequence(alice_client, chat, change):
    edit(alice_client, chat, **change)

    chat.refresh_from_db()
    assert chat.sequence == 1


def test_autosaving_the_same_logistics_leaves_the_sequence_alone(alice_client, chat, feed_url):
    for _ in range(3):  # HTMX autosaves post the whole form again and again
        response = edit(alice_client, chat, headers={"HX-Request": "true"})
        assert response.status_code == 200
        assert "Saved" in response.content.decode()

    assert feed_event(alice_client, chat, feed_url)["SEQUENCE"] == 0


def test_editing_the_goal_or_notes_leaves_the_sequence_alone(alice_client, chat, feed_url):
    alice_client.post(
        reverse("conversations:detail", args=[chat.pk]),
        {"person_research": "Joined Acme in 2021.", "goal": "Ask about the desk"},
    )
    chat.refresh_from_db()
    assert chat.goal == "Ask about the desk"

    assert feed_event(alice_client, chat, feed_url)["SEQUENCE"] == 0


def test_each_move_grows_it_again(alice_client, chat):
    edit(alice_client, chat, time="11:00")
    edit(alice_client, chat, time="11:00", date="2026-12-02")

    chat.refresh_from_db()
    assert chat.sequence == 2


def test_cancelling_twice_counts_once(chat):
    services.cancel(chat)
    services.cancel(Conversation.objects.get(pk=chat.pk))

    chat.refresh_from_db()
    assert chat.sequence == 1
