"""Every conversation page and endpoint belongs to its owner; anyone else gets a 404."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.urls import reverse

import factories as make
from coffeechat.pipeline.conversations import services
from coffeechat.pipeline.conversations.models import Conversation, ConversationQuestion, Question
from coffeechat.pipeline.services import conversation_changes

PAGES = ["detail", "conduct", "edit", "cancel", "delete", "reset"]
POSTS = [
    "detail", "edit", "cancel", "delete", "start", "pause", "resume", "reset", "agenda", "notes",
    "referral", "end", "pick_questions", "own_question", "correct_time",
]  # fmt: skip


@pytest.fixture
def asked(chat):
    services.add_questions(chat, [("their path", "How did you get here?")])
    return chat.questions.get()


@pytest.mark.parametrize("name", PAGES)
def test_another_users_conversation_page_is_a_404(bob_client, chat, name):
    response = bob_client.get(reverse(f"conversations:{name}", args=[chat.pk]))
    assert response.status_code == 404


@pytest.mark.parametrize("name", POSTS)
def test_another_user_cannot_post_to_a_conversation(bob_client, chat, name):
    response = bob_client.post(
        reverse(f"conversations:{name}", args=[chat.pk]),
        {"first_name": "Eve", "learned": "x", "notes": "x", "person_research": "x"},
    )
    assert response.status_code == 404
    chat.refresh_from_db()
    assert chat.status == "scheduled"
    assert chat.started_at is None
    assert chat.notes == ""
    assert chat.person_research == ""
    assert not chat.referrals.exists()


@pytest.mark.parametrize("name", ["pause", "resume", "reset", "correct_time"])
def test_another_user_cannot_touch_the_clock_of_a_started_or_held_conversation(
    bob_client, chat, name
):
    services.start(chat, now=datetime(2026, 11, 20, 10, 0, tzinfo=UTC))
    if name == "resume":
        services.pause(chat, now=datetime(2026, 11, 20, 10, 5, tzinfo=UTC))
    if name == "correct_time":
        conversation_changes.end(chat, learned="x", still_unknown="", next_steps="")
    before = (chat.status, chat.started_at, chat.paused_at, chat.held_minutes)
    response = bob_client.post(
        reverse(f"conversations:{name}", args=[chat.pk]),
        {"date": "2026-11-19", "time": "09:00", "held_minutes": "30"},
    )
    assert response.status_code == 404
    chat.refresh_from_db()
    assert (chat.status, chat.started_at, chat.paused_at, chat.held_minutes) == before


def test_another_user_cannot_capture_a_takeaway(bob_client, chat):
    url = reverse("conversations:takeaway", args=[chat.pk, "advice"])
    assert bob_client.post(url, {"advice-text": "x"}).status_code == 404
    assert not chat.takeaways.exists()


def test_another_user_cannot_autosave_notes_under_a_question(bob_client, asked):
    url = reverse("conversations:answer_notes", args=[asked.pk])
    response = bob_client.post(url, {"notes": "bob was here"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 404
    asked.refresh_from_db()
    assert asked.notes == ""


def test_another_user_cannot_remove_a_question(bob_client, asked):
    response = bob_client.post(reverse("conversations:remove_question", args=[asked.pk]))
    assert response.status_code == 404
    assert ConversationQuestion.objects.filter(pk=asked.pk).exists()


def test_another_user_cannot_schedule_with_your_contact(bob_client, sam):
    url = reverse("conversations:new", args=[sam.pk])
    assert bob_client.get(url).status_code == 404
    assert bob_client.post(url, {}).status_code == 404


def test_bob_cannot_add_alices_questions_to_his_conversation(bob_client, bob, alice):
    his_contact = make.contact(bob, "Pat")
    his = Conversation.objects.create(
        owner=bob, contact=his_contact, scheduled_at=datetime(2026, 12, 1, tzinfo=UTC)
    )
    alices = Question.objects.owned_by(alice).first()
    response = bob_client.post(
        reverse("conversations:pick_questions", args=[his.pk]), {"questions": [alices.pk]}
    )
    assert "Select a valid choice" in response.content.decode()
    assert not his.questions.exists()


def test_another_users_bank_question_is_a_404(bob_client, alice):
    question = Question.objects.owned_by(alice).first()
    for name in ("question_edit", "question_delete"):
        url = reverse(f"conversations:{name}", args=[question.pk])
        assert bob_client.get(url).status_code == 404
        assert bob_client.post(url, {"category": "advice", "text": "x"}).status_code == 404
    assert Question.objects.filter(pk=question.pk, text=question.text).exists()


def test_the_list_shows_only_your_own_conversations(bob_client, chat):
    assert "Sam Lee" not in bob_client.get(reverse("conversations:list")).content.decode()


def test_pages_need_a_login(client, chat):
    response = client.get(reverse("conversations:detail", args=[chat.pk]))
    assert response.status_code == 302
    assert "/login/" in response["Location"]
