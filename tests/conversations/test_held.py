"""After the conversation: its page is the record (outcome, notes under each question, what was
captured), not preparation advice; its real start and length can be corrected."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine
from django.urls import reverse

from coffeechat.pipeline.conversations import services
from coffeechat.pipeline.services import conversation_changes

END = {
    "learned": "Analysts come from audit",
    "still_unknown": "Pay bands",
    "next_steps": "Call Priya",
}
# The moment the tests stand at: after Sam's call on Friday 20 November, 10:00 in London (UTC).
AFTER = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)


@pytest.fixture
def held(chat):
    chat.person_research = "Sam moved from audit to **carbon markets** in 2021."
    chat.goal = "Learn how analysts are hired"
    chat.notes = "Sounded busy; keep the thank-you short."
    chat.save()
    services.add_questions(
        chat,
        [("their path", "How did you get here?"), ("advice", "What would you focus on?")],
    )
    first, _second = chat.questions.all()
    first.notes = "Audit for two years, then a secondment."
    first.save()
    services.add_takeaway(chat, kind="advice", text="Learn SQL")
    conversation_changes.add_referral(chat, first_name="Priya", may_use_name=True)
    services.start(chat, now=datetime(2026, 11, 20, 10, 3, tzinfo=UTC))
    conversation_changes.end(chat, **END, now=datetime(2026, 11, 20, 10, 29, tzinfo=UTC))
    return chat


def record(client, chat) -> str:
    with time_machine.travel(AFTER, tick=False):
        return client.get(chat.get_absolute_url()).content.decode()


def test_the_held_page_shows_the_record_with_the_notes_under_each_question(alice_client, held):
    page = record(alice_client, held)
    assert "Analysts come from audit" in page
    assert "Pay bands" in page
    assert "Call Priya" in page
    first = page.index("<strong>How did you get here?</strong>")
    notes = page.index("Audit for two years, then a secondment.")
    second = page.index("<strong>What would you focus on?</strong>")
    assert first < notes < second
    assert "No notes." in page[second:]
    assert "Sounded busy; keep the thank-you short." in page
    assert ">Priya</a>" in page
    assert "Learn SQL" in page
    assert "Held Friday 20 November 2026, 10:03" in page
    assert "for 26 minutes" in page


def test_the_held_page_gives_no_preparation_advice_and_the_research_once(alice_client, held):
    page = record(alice_client, held)
    assert "Dress as for a job interview" not in page
    assert "Elevator pitch" not in page
    assert "Pick from your question bank" not in page
    assert "Start the conversation" not in page
    assert page.count("carbon markets") == 1
    assert "Learn how analysts are hired" in page


def correct(client, chat, **data):
    with time_machine.travel(AFTER, tick=False):
        return client.post(reverse("conversations:correct_time", args=[chat.pk]), data)


def test_the_real_start_and_length_can_be_corrected_in_the_conversations_own_zone(
    alice_client, alice, held
):
    held.time_zone = "America/New_York"
    held.save()
    response = correct(alice_client, held, date="2026-11-20", time="04:55", held_minutes="35")
    assert response.status_code == 302
    held.refresh_from_db()
    assert held.started_at == datetime(2026, 11, 20, 9, 55, tzinfo=UTC)
    assert held.held_minutes == 35
    page = record(alice_client, held)
    assert "Held Friday 20 November 2026, 04:55" in page
    assert "for 35 minutes" in page
    # It ended 35 minutes after it started: the thank-you's 24 hours count from then.
    assert held.ended_at == datetime(2026, 11, 20, 10, 30, tzinfo=UTC)
    thanks = held.followups.get(kind="thank_you")
    assert thanks.due_at == datetime(2026, 11, 21, 10, 30, tzinfo=UTC)


def test_the_form_offers_what_was_measured(alice_client, held):
    page = record(alice_client, held)
    assert 'name="date" value="2026-11-20"' in page
    assert 'name="time" value="10:03"' in page
    assert 'name="held_minutes" value="26"' in page


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"held_minutes": "0"}, "between 1 and 240 (0 cannot be right)"),
        ({"held_minutes": "600"}, "between 1 and 240 (600 cannot be right)"),
        ({"held_minutes": "half an hour"}, "whole number of minutes"),
        ({"date": "2026-11-22"}, "That start is in the future"),
        ({"time": ""}, "This field is required"),
    ],
)
def test_an_impossible_start_or_length_is_a_clear_error(alice_client, held, data, error):
    posted = {"date": "2026-11-20", "time": "10:00", "held_minutes": "25", **data}
    response = correct(alice_client, held, **posted)
    assert response.status_code == 200
    assert error in response.content.decode()
    held.refresh_from_db()
    assert (held.started_at, held.held_minutes) == (
        datetime(2026, 11, 20, 10, 3, tzinfo=UTC),
        26,
    )


def test_only_a_held_conversation_has_a_time_to_correct(alice_client, chat):
    correct(alice_client, chat, date="2026-11-20", time="10:00", held_minutes="25")
    chat.refresh_from_db()
    assert (chat.started_at, chat.held_minutes) == (None, None)
