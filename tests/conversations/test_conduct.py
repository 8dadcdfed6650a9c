"""Step 5, the conduct page: agenda, notes that autosave, the timer, quick capture, ending."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse

from coffeechat.method.business_days import add_business_days, public_holidays
from coffeechat.network.people.models import Contact, HowKnown
from coffeechat.network.research.models import Organization
from coffeechat.pipeline.conversations import services
from coffeechat.pipeline.conversations.models import Conversation
from coffeechat.pipeline.followups.models import FollowUp
from coffeechat.pipeline.services import conversation_changes


@pytest.fixture
def asked(chat):
    services.add_questions(
        chat,
        [("their path", "How did you get here?"), ("advice", "What would you focus on?")],
    )
    return list(chat.questions.all())


def conduct(client, conversation) -> str:
    return client.get(reverse("conversations:conduct", args=[conversation.pk])).content.decode()


def test_the_conduct_page_shows_the_agenda_and_your_questions(alice_client, asked, chat):
    page = conduct(alice_client, chat)
    assert "Thank them for their time" in page
    assert "Ask for referrals, and whether you may use their name" in page
    assert "1. How did you get here?" in page
    assert "2. What would you focus on?" in page


def test_a_conversation_not_yet_started_offers_start_and_no_running_timer(alice_client, chat):
    page = conduct(alice_client, chat)
    assert "Start the conversation" in page
    assert "The clock is not running" in page
    assert "data-timer-running" not in page


@time_machine.travel(datetime(2026, 11, 20, 10, 9, 30, tzinfo=UTC), tick=False)
def test_a_started_conversation_shows_the_timer_against_the_agreed_length(alice_client, chat):
    services.start(chat, now=datetime(2026, 11, 20, 10, 2, tzinfo=UTC))
    page = conduct(alice_client, chat)
    assert 'data-timer-elapsed="450"' in page
    assert 'data-timer-minutes="20"' in page
    assert "data-timer-running" in page
    assert ">7:30</span>" in page
    assert "13 min left of the 20 you asked for" in page
    assert "Start the conversation" not in page


def test_notes_under_a_question_autosave_and_survive_a_reload(alice_client, asked, chat):
    first = asked[0]
    response = alice_client.post(
        reverse("conversations:answer_notes", args=[first.pk]),
        {"notes": "Started in audit, moved after 2 years"},
        HTTP_HX_REQUEST="true",
    )
    body = response.content.decode()
    assert "Saved" in body
    assert f'id="answer-status-{first.pk}"' in body
    page = conduct(alice_client, chat)
    assert "Started in audit, moved after 2 years</textarea>" in page
    assert f'id="answer-status-{asked[1].pk}"' in page  # each question has its own status line


def test_notes_also_save_without_javascript(alice_client, asked, chat):
    response = alice_client.post(
        reverse("conversations:answer_notes", args=[asked[1].pk]), {"notes": "Get a CFA"}
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"#question-{asked[1].pk}")
    assert "Get a CFA</textarea>" in conduct(alice_client, chat)


def test_general_notes_autosave(alice_client, chat):
    response = alice_client.post(
        reverse("conversations:notes", args=[chat.pk]),
        {"notes": "Warm, busy"},
        HTTP_HX_REQUEST="true",
    )
    assert "Saved" in response.content.decode()
    assert 'id="notes-status"' in response.content.decode()
    assert "Warm, busy</textarea>" in conduct(alice_client, chat)


def test_ticking_agenda_items_saves_them(alice_client, chat):
    url = reverse("conversations:agenda", args=[chat.pk])
    response = alice_client.post(url, {"done": ["thank", "purpose"]}, HTTP_HX_REQUEST="true")
    assert "Saved" in response.content.decode()
    chat.refresh_from_db()
    assert chat.agenda_done == ["purpose", "thank"]
    assert 'value="thank" checked' in conduct(alice_client, chat)
    alice_client.post(url, {"done": ["purpose"]}, HTTP_HX_REQUEST="true")
    chat.refresh_from_db()
    assert chat.agenda_done == ["purpose"]
    assert alice_client.post(url, {"done": ["nonsense"]}).status_code == 400


def capture_referral(client, conversation, **fields):
    data = {
        "first_name": "Priya",
        "last_name": "Shah",
        "organization": "acme climate",
        "role": "Fund manager",
        "email": "priya@example.org",
        "may_use_name": "on",
        **fields,
    }
    return client.post(
        reverse("conversations:referral", args=[conversation.pk]), data, HTTP_HX_REQUEST="true"
    )


def test_a_referral_becomes_a_contact_introduced_by_the_person_met(alice_client, chat, sam, acme):
    response = capture_referral(alice_client, chat)
    priya = Contact.objects.get(first_name="Priya")
    assert priya.introduced_by == sam
    assert priya.how_known == HowKnown.REFERRAL
    assert priya.organization == acme  # reused, whatever the case
    assert Organization.objects.filter(name__iexact="acme climate").count() == 1
    fragment = response.content.decode()
    assert f'href="{priya.get_absolute_url()}">Priya Shah</a>' in fragment
    assert "may use name: yes" in fragment
    assert 'value="Priya"' not in fragment  # the form comes back empty for the next one


def test_a_referral_to_a_new_organization_creates_it(alice_client, alice, chat):
    capture_referral(alice_client, chat, organization="Green Bank", may_use_name="")
    assert Contact.objects.get(first_name="Priya").organization.name == "Green Bank"
    assert "may use name: no" in conduct(alice_client, chat)


def test_a_referral_is_due_three_business_days_after_the_conversation(alice_client, chat):
    capture_referral(alice_client, chat)  # the conversation is on Friday 2026-11-20
    followup = FollowUp.objects.get(kind="contact_referral")
    assert followup.contact.first_name == "Priya"
    assert followup.done_at is None
    assert followup.due_on == date(2026, 11, 25)  # Wednesday


def test_christmas_and_boxing_day_do_not_count_as_business_days(alice_client, alice, sam):
    christmas_eve = Conversation.objects.create(
        owner=alice, contact=sam, scheduled_at=datetime(2026, 12, 24, 15, 0, tzinfo=UTC)
    )
    capture_referral(alice_client, christmas_eve)
    due = FollowUp.objects.get(kind="contact_referral").due_on
    holidays = public_holidays("GB", "ENG")
    assert date(2026, 12, 25) in holidays and date(2026, 12, 28) in holidays
    assert due == add_business_days(date(2026, 12, 24), 3, holidays)
    assert due == date(2026, 12, 31)


def test_a_referral_without_a_first_name_is_a_clear_error(alice_client, chat):
    response = capture_referral(alice_client, chat, first_name="")
    assert "This field is required." in response.content.decode()
    assert not chat.referrals.exists()


def test_referral_capture_works_without_javascript(alice_client, chat):
    response = alice_client.post(
        reverse("conversations:referral", args=[chat.pk]), {"first_name": "Ola"}, follow=True
    )
    page = response.content.decode()
    assert "Added Ola to your contacts." in page
    assert ">Ola</a>" in page


def test_advice_and_resources_are_captured_in_their_own_lists(alice_client, chat):
    url = reverse("conversations:takeaway", args=[chat.pk, "advice"])
    response = alice_client.post(url, {"advice-text": "Learn SQL"}, HTTP_HX_REQUEST="true")
    assert "<li>Learn SQL</li>" in response.content.decode()
    url = reverse("conversations:takeaway", args=[chat.pk, "resource"])
    alice_client.post(url, {"resource-text": "Carbon Brief newsletter"})
    page = conduct(alice_client, chat)
    advice_at, resources_at = page.index('id="advice"'), page.index('id="resources"')
    assert advice_at < page.index("Learn SQL") < resources_at < page.index("Carbon Brief")
    bad = reverse("conversations:takeaway", args=[chat.pk, "gossip"])
    assert alice_client.post(bad, {"gossip-text": "x"}).status_code == 404


END = {"learned": "Analysts come from audit", "still_unknown": "Pay", "next_steps": "Call Priya"}


@time_machine.travel(datetime(2026, 11, 20, 10, 25, tzinfo=UTC), tick=False)
def test_ending_records_the_outcome_and_a_thank_you_due_within_24_hours(alice_client, chat):
    response = alice_client.post(reverse("conversations:end", args=[chat.pk]), END, follow=True)
    assert response.redirect_chain[-1][0] == chat.get_absolute_url()
    page = response.content.decode()
    assert "Analysts come from audit" in page
    assert "Call Priya" in page
    assert "Write thank-you" in page
    assert reverse("outreach:thank_you", args=[chat.pk]) in page
    chat.refresh_from_db()
    assert chat.status == "held"
    thanks = FollowUp.objects.get(kind="thank_you")
    assert thanks.due_at == chat.ended_at + timedelta(hours=24)
    assert thanks.due_at == datetime(2026, 11, 21, 10, 25, tzinfo=UTC)


def test_ending_twice_keeps_one_thank_you(alice_client, chat):
    url = reverse("conversations:end", args=[chat.pk])
    alice_client.post(url, END)
    alice_client.post(url, {**END, "next_steps": "Call Priya, then Tom"})
    assert FollowUp.objects.filter(kind="thank_you").count() == 1
    chat.refresh_from_db()
    assert chat.next_steps == "Call Priya, then Tom"
    assert "Save outcome" in conduct(alice_client, chat)


def test_ending_without_what_you_learned_is_a_clear_error(alice_client, chat):
    response = alice_client.post(reverse("conversations:end", args=[chat.pk]), {})
    assert "Write down at least one thing you learned" in response.content.decode()
    chat.refresh_from_db()
    assert chat.status == "scheduled"


def test_the_held_page_lists_referrals_and_takeaways(alice_client, chat):
    conversation_changes.add_referral(chat, first_name="Priya", may_use_name=True)
    services.add_takeaway(chat, kind="advice", text="Learn SQL")
    conversation_changes.end(chat, **END)
    page = alice_client.get(chat.get_absolute_url()).content.decode()
    assert "How it went" in page
    assert ">Priya</a>" in page
    assert "Learn SQL" in page
    assert "Start the conversation" not in page


def test_today_offers_to_continue_a_conversation_started_early(alice_client, chat):
    # Scheduled for Friday 10:00, started at 09:50: Today leads back to the notes, not to prep.
    with time_machine.travel(datetime(2026, 11, 20, 9, 50, tzinfo=UTC), tick=False):
        before = alice_client.get(reverse("followups:today")).content.decode()
        assert ">Prepare</a>" in before
        services.start(chat)
        after = alice_client.get(reverse("followups:today")).content.decode()
    assert ">Continue the conversation</a>" in after
    assert reverse("conversations:conduct", args=[chat.pk]) in after
