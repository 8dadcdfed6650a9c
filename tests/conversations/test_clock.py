"""The conversation clock: it runs only once Start is pressed, pauses and resumes, survives a
reload, and what it measured is what the held conversation records (correctable later)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse

from coffeechat.method.clock import ClockError
from coffeechat.pipeline.conversations import services
from coffeechat.pipeline.conversations.models import Status
from coffeechat.pipeline.services import conversation_changes

# Sam's call was agreed for 10:00 on Friday 20 November (London is on UTC then).
OPENED = datetime(2026, 11, 20, 9, 47, tzinfo=UTC)
END = {"learned": "Analysts come from audit", "still_unknown": "", "next_steps": ""}


def at(minutes: float) -> datetime:
    return datetime(2026, 11, 20, 10, 0, tzinfo=UTC) + timedelta(minutes=minutes)


def url(name: str, chat) -> str:
    return reverse(f"conversations:{name}", args=[chat.pk])


def page(client, chat) -> str:
    return client.get(url("conduct", chat)).content.decode()


def test_opening_the_conduct_page_does_not_start_the_clock(alice_client, chat):
    with time_machine.travel(OPENED, tick=False):
        prep = alice_client.get(chat.get_absolute_url()).content.decode()
        assert f'href="{url("conduct", chat)}">Open the conversation page</a>' in prep
        shown = page(alice_client, chat)
    chat.refresh_from_db()
    assert (chat.status, chat.started_at) == (Status.SCHEDULED, None)
    assert "The clock is not running" in shown
    assert "Pause" not in shown


def test_the_clock_starts_when_start_is_pressed_and_a_second_press_keeps_the_first(
    alice_client, chat
):
    with time_machine.travel(at(1), tick=False):
        response = alice_client.post(url("start", chat))
    assert response["Location"] == url("conduct", chat)
    with time_machine.travel(at(3), tick=False):
        alice_client.post(url("start", chat))
    chat.refresh_from_db()
    assert (chat.status, chat.started_at) == (Status.IN_PROGRESS, at(1))


def test_a_pause_stops_the_clock_and_a_reload_shows_the_same_time(alice_client, chat):
    with time_machine.travel(at(0), tick=False):
        alice_client.post(url("start", chat))
    with time_machine.travel(at(6.5), tick=False):
        alice_client.post(url("pause", chat))
    with time_machine.travel(at(15), tick=False):
        shown = page(alice_client, chat)
    assert ">6:30</span>" in shown
    assert "Paused at 10:06" in shown
    assert "data-timer-running" not in shown
    assert ">Resume</button>" in shown


def test_resuming_leaves_the_pause_out_of_the_time(alice_client, chat):
    with time_machine.travel(at(0), tick=False):
        alice_client.post(url("start", chat))
    with time_machine.travel(at(5), tick=False):
        alice_client.post(url("pause", chat))
    with time_machine.travel(at(9), tick=False):
        alice_client.post(url("resume", chat))
    with time_machine.travel(at(20), tick=False):
        shown = page(alice_client, chat)
    assert ">16:00</span>" in shown
    assert "4 min left of the 20 you asked for" in shown
    assert ">Pause</button>" in shown


def test_a_clock_past_the_agreed_time_says_so_even_while_paused(alice_client, chat):
    services.start(chat, now=at(0))
    services.pause(chat, now=at(23))
    with time_machine.travel(at(40), tick=False):
        shown = page(alice_client, chat)
    assert '<span class="timer over" role="timer"' in shown
    assert "3 min over the agreed 20: start wrapping up" in shown


def test_a_press_from_htmx_gets_the_clock_back_not_the_page(alice_client, chat):
    with time_machine.travel(at(0), tick=False):
        response = alice_client.post(url("start", chat), HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert body.lstrip().startswith('<div id="clock"')
    assert "data-timer-running" in body
    assert "Agenda" not in body


def test_the_end_records_what_the_clock_measured(alice_client, chat):
    with time_machine.travel(at(-2), tick=False):
        alice_client.post(url("start", chat))
    with time_machine.travel(at(10), tick=False):
        alice_client.post(url("pause", chat))
    with time_machine.travel(at(13), tick=False):
        alice_client.post(url("resume", chat))
    with time_machine.travel(at(23), tick=False):
        alice_client.post(url("end", chat), END)
    chat.refresh_from_db()
    assert (chat.status, chat.started_at, chat.held_minutes) == (Status.HELD, at(-2), 22)
    assert chat.ended_at == at(23)
    held = alice_client.get(chat.get_absolute_url()).content.decode()
    assert "Held Friday 20 November 2026, 09:58" in held
    assert "for 22 minutes" in held


def test_ending_while_paused_does_not_count_the_pause(alice_client, chat):
    services.start(chat, now=at(0))
    services.pause(chat, now=at(18))
    conversation_changes.end(chat, **END, now=at(30))
    chat.refresh_from_db()
    assert chat.held_minutes == 18
    assert chat.paused_at is None
    assert chat.clock().elapsed(chat.ended_at) == timedelta(minutes=18)


def test_ending_without_the_clock_records_no_start_and_no_length(alice_client, chat):
    conversation_changes.end(chat, **END, now=at(30))
    chat.refresh_from_db()
    assert (chat.started_at, chat.held_minutes) == (None, None)
    held = alice_client.get(chat.get_absolute_url()).content.decode()
    assert "the clock was not run" in held


def test_ending_a_second_time_keeps_the_measured_length(chat):
    services.start(chat, now=at(0))
    conversation_changes.end(chat, **END, now=at(25))
    conversation_changes.end(chat, **{**END, "next_steps": "Call Priya"}, now=at(90))
    chat.refresh_from_db()
    assert (chat.held_minutes, chat.ended_at, chat.next_steps) == (25, at(25), "Call Priya")


def test_reset_asks_first_then_puts_the_clock_back_to_not_started(alice_client, chat):
    services.start(chat, now=at(-13))
    services.pause(chat, now=at(-10))
    with time_machine.travel(at(-9), tick=False):
        question = alice_client.get(url("reset", chat)).content.decode()
    assert "Yes, reset the clock" in question
    assert "The 3:00 measured so far is thrown away" in question
    chat.refresh_from_db()
    assert chat.started_at == at(-13)  # asking changed nothing
    response = alice_client.post(url("reset", chat), follow=True)
    chat.refresh_from_db()
    assert (chat.status, chat.started_at, chat.paused_at, chat.paused_seconds) == (
        Status.SCHEDULED,
        None,
        None,
        0,
    )
    assert "The clock is reset" in response.content.decode()


def test_a_held_conversations_clock_cannot_be_reset_paused_or_started(alice_client, chat):
    services.start(chat, now=at(0))
    conversation_changes.end(chat, **END, now=at(20))
    for name in ("reset", "pause", "resume", "start"):
        alice_client.post(url(name, chat))
    chat.refresh_from_db()
    assert (chat.status, chat.started_at, chat.held_minutes) == (Status.HELD, at(0), 20)
    with pytest.raises(ClockError, match="correct its start and length"):
        services.reset(chat)
    assert "can no longer be reset" in alice_client.get(url("reset", chat)).content.decode()


def test_a_cancelled_conversation_cannot_be_started(chat):
    conversation_changes.cancel(chat)
    with pytest.raises(ClockError, match="cancelled"):
        services.start(chat)
