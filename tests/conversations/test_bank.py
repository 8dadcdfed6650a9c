"""The question bank: the user's own questions, by category, to add, edit and delete."""

from __future__ import annotations

from django.urls import reverse

from coffeechat.pipeline.conversations import services
from coffeechat.pipeline.conversations.models import Question


def test_the_bank_lists_questions_by_category(alice_client, alice):
    page = alice_client.get(reverse("conversations:questions")).content.decode()
    assert "Their path" in page
    assert "People to meet" in page
    assert Question.objects.owned_by(alice).first().text in page


def test_adding_a_question_puts_it_in_the_bank(alice_client, alice):
    text = "What do you wish more newcomers asked you?"
    page = alice_client.post(
        reverse("conversations:questions"), {"category": "advice", "text": text}, follow=True
    ).content.decode()
    assert "Added your question to the bank." in page
    assert text in page
    assert Question.objects.owned_by(alice).filter(text=text, built_in=False).exists()


def test_a_duplicate_question_is_refused(alice_client, alice):
    existing = Question.objects.owned_by(alice).first()
    response = alice_client.post(
        reverse("conversations:questions"),
        {"category": existing.category, "text": existing.text.upper()},
    )
    assert "already in your bank" in response.content.decode()


def test_editing_a_question_autosaves_its_text(alice_client, alice):
    question = Question.objects.owned_by(alice).first()
    url = reverse("conversations:question_edit", args=[question.pk])
    response = alice_client.post(
        url, {"category": question.category, "text": "How did you start out?"},
        HTTP_HX_REQUEST="true",
    )  # fmt: skip
    assert "Saved" in response.content.decode()
    question.refresh_from_db()
    assert question.text == "How did you start out?"


def test_deleting_a_question_asks_first_and_leaves_conversations_alone(alice_client, alice, chat):
    question = Question.objects.owned_by(alice).first()
    services.add_questions(chat, [(question.category, question.text)])
    url = reverse("conversations:question_delete", args=[question.pk])
    assert "Delete question" in alice_client.get(url).content.decode()
    assert Question.objects.filter(pk=question.pk).exists()
    alice_client.post(url)
    assert not Question.objects.filter(pk=question.pk).exists()
    assert chat.questions.filter(text=question.text).exists()
