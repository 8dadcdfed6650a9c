"""Step 4, the prep page: who and when, your pitch, research and goal, and the questions."""

from __future__ import annotations

from django.urls import reverse

from coffeechat.method.questions import Category
from coffeechat.pipeline.conversations.models import Question


def detail(client, conversation) -> str:
    return client.get(reverse("conversations:detail", args=[conversation.pk])).content.decode()


def test_a_new_user_has_a_bank_of_open_questions_in_six_categories(alice):
    bank = Question.objects.owned_by(alice)
    assert bank.count() >= 25
    assert set(bank.values_list("category", flat=True)) == {c.value for c in Category}


def test_the_prep_page_shows_who_when_and_how(alice_client, chat):
    page = detail(alice_client, chat)
    assert "Conversation with Sam Lee" in page
    assert "Carbon analyst" in page
    assert "Acme Climate" in page
    assert "MSc Environmental Economics, LSE" in page
    assert "Alumni" in page
    assert ">Kim Ode</a>" in page  # introduced by
    assert "Friday 20 November 2026, 10:00\N{EN DASH}10:20" in page
    assert "Your time" not in page  # same zone as Alice's
    assert '<a href="https://meet.example/sam"' in page


def test_the_prep_page_renders_your_pitch_from_the_profile(alice_client, alice, chat):
    alice.profile.elevator_pitch = "I study **economics** and explore climate finance."
    alice.profile.save()
    page = detail(alice_client, chat)
    assert "I study <strong>economics</strong> and explore climate finance." in page


def test_an_empty_pitch_links_to_the_profile(alice_client, chat):
    page = detail(alice_client, chat)
    assert "No elevator pitch yet." in page
    assert reverse("accounts:profile") in page


def test_research_notes_are_markdown_and_scripts_stay_inert(alice_client, chat):
    chat.person_research = "Led the **green bond** team.\n\n<script>alert(1)</script>"
    chat.save()
    page = detail(alice_client, chat)
    assert "<strong>green bond</strong>" in page
    assert "<script>alert(1)</script>" not in page


def test_research_and_goal_autosave(alice_client, chat):
    url = reverse("conversations:detail", args=[chat.pk])
    response = alice_client.post(
        url, {"person_research": "Joined in 2019", "goal": "Hiring paths"}, HTTP_HX_REQUEST="true"
    )
    assert "Saved" in response.content.decode()
    chat.refresh_from_db()
    assert (chat.person_research, chat.goal) == ("Joined in 2019", "Hiring paths")
    assert "Joined in 2019" in detail(alice_client, chat)


def test_picking_questions_adds_them_in_the_banks_order(alice_client, alice, chat):
    path = Question.objects.owned_by(alice).filter(category=Category.PATH).order_by("id")
    people = Question.objects.owned_by(alice).filter(category=Category.PEOPLE).first()
    picked = [people.pk, path[1].pk, path[0].pk]
    response = alice_client.post(
        reverse("conversations:pick_questions", args=[chat.pk]), {"questions": picked}, follow=True
    )
    assert "Added 3 questions." in response.content.decode()
    texts = list(chat.questions.values_list("text", flat=True))
    assert texts == [path[0].text, path[1].text, people.text]
    # Picking one again does not add it twice.
    alice_client.post(
        reverse("conversations:pick_questions", args=[chat.pk]), {"questions": [path[0].pk]}
    )
    assert chat.questions.count() == 3


def test_picking_nothing_is_a_clear_error(alice_client, chat):
    response = alice_client.post(reverse("conversations:pick_questions", args=[chat.pk]), {})
    assert "Tick at least one question to add." in response.content.decode()


def test_the_bank_is_grouped_by_category_and_marks_chosen_questions(alice_client, alice, chat):
    first = Question.objects.owned_by(alice).filter(category=Category.PATH).first()
    alice_client.post(
        reverse("conversations:pick_questions", args=[chat.pk]), {"questions": [first.pk]}
    )
    page = detail(alice_client, chat)
    assert "<legend>Their path</legend>" in page
    assert page.index("<legend>Their path</legend>") < page.index("<legend>People to meet</legend>")
    assert f'value="{first.pk}"' not in page  # already chosen: not offered again
    assert "(chosen)" in page


def test_your_own_question_joins_the_bank_and_the_conversation(alice_client, alice, chat):
    text = "What would you tell your first-year self about this field?"
    response = alice_client.post(
        reverse("conversations:own_question", args=[chat.pk]),
        {"category": Category.ADVICE.value, "text": text},
        follow=True,
    )
    assert "Open-ended questions only: never ask what a quick search" in response.content.decode()
    assert Question.objects.owned_by(alice).filter(text=text, built_in=False).exists()
    assert list(chat.questions.values_list("text", flat=True)) == [text]


def test_removing_a_question_takes_it_off_the_conversation_only(alice_client, alice, chat):
    question = Question.objects.owned_by(alice).first()
    alice_client.post(
        reverse("conversations:pick_questions", args=[chat.pk]), {"questions": [question.pk]}
    )
    asked = chat.questions.get()
    page = alice_client.post(
        reverse("conversations:remove_question", args=[asked.pk]), follow=True
    ).content.decode()
    assert "Removed" in page
    assert not chat.questions.exists()
    assert Question.objects.filter(pk=question.pk).exists()


def test_starting_sets_the_clock_once_and_opens_the_conduct_page(alice_client, chat):
    response = alice_client.post(reverse("conversations:start", args=[chat.pk]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("conversations:conduct", args=[chat.pk])
    chat.refresh_from_db()
    first_start = chat.started_at
    assert chat.status == "in_progress"
    alice_client.post(reverse("conversations:start", args=[chat.pk]))
    chat.refresh_from_db()
    assert chat.started_at == first_start
    assert "Continue the conversation" in detail(alice_client, chat)
