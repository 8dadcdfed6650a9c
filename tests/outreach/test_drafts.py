"""Nothing is recorded by accident, and nothing written is lost: Enter only saves the draft,
"Mark as sent" says what it records, and compose drafts are kept per contact, purpose and
template until sent or discarded."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import factories as make
from coffeechat.edges import cli
from coffeechat.method.today import Kind, Section
from coffeechat.network.people.models import Contact
from coffeechat.pages.outreach.queries import unsent_draft_items
from coffeechat.pages.today.queries import today_items
from coffeechat.pipeline.followups.models import FollowUp
from coffeechat.pipeline.outreach.forms import sent_label
from coffeechat.pipeline.outreach.models import Draft, Message, MessageTemplate
from outreach.conftest import use_smtp

FRIDAY = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)  # 10:00 in London too


def own(user, situation: str) -> MessageTemplate:
    return make.built_in_template(user, situation)


def compose_url(contact: Contact, query: str = "") -> str:
    return reverse("outreach:compose", args=[contact.pk]) + (f"?{query}" if query else "")


def button_url(contact: Contact, action: str) -> str:
    """Where one of the compose page's buttons posts (save, eml, send, mark)."""
    return reverse(f"outreach:compose_{action}", args=[contact.pk])


def typed(contact: Contact, template: MessageTemplate | None, **fields: str) -> dict:
    """What the compose form posts, as the user left it."""
    return {
        "contact": contact.pk, "purpose": "request", "template": template.pk if template else "",
        "subject": "Coffee?", "body": "Dear Priya, my own words.", "sent_on": "2026-11-20",
        "channel": "email", **fields,
    }  # fmt: skip


def autosave(client, contact: Contact, template: MessageTemplate | None, **fields: str):
    return client.post(
        reverse("outreach:draft_save"), typed(contact, template, **fields), HTTP_HX_REQUEST="true"
    )


# Nothing is recorded by accident -----------------------------------------------------------


@time_machine.travel(FRIDAY, tick=False)
def test_enter_in_a_field_saves_the_draft_and_records_nothing(alice_client, alice, kim):
    cold = own(alice, "cold_email")
    # Implicit submission posts the form to its own action, the draft's save address.
    response = alice_client.post(button_url(kim, "save"), typed(kim, cold))
    draft = Draft.objects.get()
    assert response.status_code == 302
    assert response.url == compose_url(kim, f"draft={draft.pk}")
    assert not Message.objects.exists()
    assert not FollowUp.objects.exists()
    page = alice_client.get(response.url).content.decode()
    assert 'value="Coffee?"' in page
    assert "Dear Priya, my own words." in page
    assert "Draft saved at 10:00" in page


def test_the_first_submit_button_of_the_compose_form_only_saves(alice_client, alice, priya):
    page = alice_client.get(compose_url(priya)).content.decode()
    form = page.split(f'<form method="post" action="{button_url(priya, "save")}" class="card')[1]
    first = form.split("<button")[1]
    assert 'type="submit" class="default-submit"' in first and "formaction" not in first
    assert "Save draft" in first


@time_machine.travel(FRIDAY, tick=False)
def test_mark_as_sent_says_the_channel_and_the_day_it_records(alice_client, priya):
    page = alice_client.get(compose_url(priya)).content.decode()
    assert "Mark as sent by Email today, Fri 20 Nov</button>" in page


def test_the_sent_label_names_yesterday_another_day_and_another_year():
    today = date(2026, 12, 2)
    assert sent_label("linkedin", today, today) == "by LinkedIn today, Wed 2 Dec"
    assert sent_label("email", "2026-12-01", today) == "by Email yesterday, Tue 1 Dec"
    assert sent_label("phone", "2026-11-30", today) == "by Phone on Mon 30 Nov"
    assert sent_label("in_person", "2025-12-30", today) == "in person on Tue 30 Dec 2025"
    assert sent_label("", "2026-02-31", today) == ""


@time_machine.travel(FRIDAY, tick=False)
def test_marking_an_email_sent_to_someone_without_an_address_is_refused(alice_client, alice, kim):
    data = typed(kim, own(alice, "cold_email"))
    response = alice_client.post(button_url(kim, "mark"), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Kim Ode has no email address on file, so it cannot have gone by email" in page
    assert not Message.objects.exists()
    assert not FollowUp.objects.exists()
    assert Draft.objects.get().body == "Dear Priya, my own words."  # kept, not lost
    by_linkedin = alice_client.post(button_url(kim, "mark"), {**data, "channel": "linkedin"})
    assert by_linkedin.status_code == 302
    assert Message.objects.get().channel == "linkedin"


@time_machine.travel(FRIDAY, tick=False)
def test_nobody_without_an_address_is_preset_to_email(alice_client, alice, kim):
    page = alice_client.get(compose_url(kim)).content.decode()
    assert '<option value="" selected>Choose how you sent it</option>' in page
    assert '<option value="email">Email (no address on file)</option>' in page
    assert "Mark as sent today, Fri 20 Nov</button>" in page
    unsaid = {**typed(kim, own(alice, "cold_email")), "channel": ""}
    assert (
        "Say how you sent it."
        in alice_client.post(button_url(kim, "mark"), unsaid).content.decode()
    )
    assert not Message.objects.exists()
    kim.linkedin_url = "https://www.linkedin.com/in/kim-ode"
    kim.save()
    page = alice_client.get(compose_url(kim)).content.decode()
    assert '<option value="linkedin" selected>LinkedIn</option>' in page
    assert "Mark as sent by LinkedIn today, Fri 20 Nov</button>" in page


def test_enter_on_a_network_update_card_keeps_the_draft_and_records_nothing(alice_client, priya):
    url = reverse("outreach:network_update_save", args=[priya.pk])  # the form's own action
    back = reverse("outreach:network_update") + "?milestone=new_job&detail=News"
    response = alice_client.post(
        url, {"back": back, f"p{priya.pk}-subject": "News", f"p{priya.pk}-body": "Dear Priya",
              f"p{priya.pk}-sent_on": "2026-11-20", f"p{priya.pk}-channel": "email"},
    )  # fmt: skip
    assert response.status_code == 302
    assert response.url == f"{back}#update-{priya.pk}"
    assert not Message.objects.exists()


# Drafts are kept -----------------------------------------------------------------------------


@time_machine.travel(FRIDAY, tick=False)
def test_an_autosave_creates_then_updates_one_draft(alice_client, alice, priya):
    alumni = own(alice, "alumni")
    first = autosave(alice_client, priya, alumni, body="First words")
    assert "Draft saved at 10:00" in first.content.decode()
    draft = Draft.objects.get()
    assert "Discard draft" in first.content.decode()
    autosave(alice_client, priya, alumni, body="Second words")
    draft.refresh_from_db()
    assert (Draft.objects.count(), draft.body, draft.subject) == (1, "Second words", "Coffee?")
    assert (draft.owner, draft.contact, draft.template, draft.purpose) == (
        alice,
        priya,
        alumni,
        "request",
    )


@time_machine.travel(FRIDAY, tick=False)
def test_reopening_compose_restores_the_draft_of_that_template(alice_client, alice, priya):
    alumni, cold = own(alice, "alumni"), own(alice, "cold_email")
    autosave(alice_client, priya, alumni, subject="Edited subject", body="Edited body")
    page = alice_client.get(compose_url(priya, f"template={alumni.pk}")).content.decode()
    assert 'value="Edited subject"' in page
    assert "Edited body</textarea>" in page
    assert "Draft saved at 10:00 — <a href=" in page
    other = alice_client.get(compose_url(priya, f"template={cold.pk}")).content.decode()
    assert "Edited body" not in other  # each template keeps its own draft
    follow_up = alice_client.get(compose_url(priya, "purpose=follow_up")).content.decode()
    assert "Edited body" not in follow_up


@time_machine.travel(FRIDAY, tick=False)
def test_the_suggested_template_restores_its_draft_without_being_named(alice_client, alice, priya):
    autosave(alice_client, priya, own(alice, "alumni"), body="Edited body")  # priya: alumna
    assert "Edited body</textarea>" in alice_client.get(compose_url(priya)).content.decode()


@time_machine.travel(FRIDAY, tick=False)
def test_a_draft_can_be_discarded_after_a_confirmation(alice_client, alice, priya):
    alumni = own(alice, "alumni")
    autosave(alice_client, priya, alumni, body="Edited body")
    draft = Draft.objects.get()
    url = reverse("outreach:draft_discard", args=[draft.pk])
    confirm = alice_client.get(url).content.decode()
    assert "Delete draft" in confirm
    assert "The text you wrote is lost" in confirm
    assert Draft.objects.exists()
    response = alice_client.post(url)
    assert response.url == compose_url(priya, f"template={alumni.pk}")
    assert not Draft.objects.exists()
    assert "Edited body" not in alice_client.get(response.url).content.decode()


@time_machine.travel(FRIDAY, tick=False)
def test_recording_the_message_deletes_its_drafts_but_not_other_messages(
    alice_client, alice, priya
):
    alumni, cold = own(alice, "alumni"), own(alice, "cold_email")
    autosave(alice_client, priya, cold, body="An older try")
    autosave(alice_client, priya, alumni, body="The one to send")
    autosave(alice_client, priya, None, purpose="update", body="An update, later")
    response = alice_client.post(
        button_url(priya, "mark"), typed(priya, alumni, body="The one to send")
    )
    assert response.status_code == 302
    assert Message.objects.get().body == "The one to send"
    assert list(Draft.objects.values_list("purpose", flat=True)) == ["update"]


@time_machine.travel(FRIDAY, tick=False)
def test_sending_through_smtp_deletes_the_draft(alice_client, alice, sam, smtp_server):
    use_smtp(alice, smtp_server.port)
    referral = own(alice, "after_referral")
    autosave(alice_client, sam, referral, body="Dear Sam, edited.")
    response = alice_client.post(
        button_url(sam, "send"), typed(sam, referral, body="Dear Sam, edited.")
    )
    assert response.status_code == 302
    assert len(smtp_server.received) == 1
    assert not Draft.objects.exists()


@time_machine.travel(FRIDAY, tick=False)
def test_a_thank_you_draft_belongs_to_its_conversation(alice_client, alice, sam):
    conversation = make.conversation(sam, at=datetime(2026, 11, 19, 15, tzinfo=UTC))
    thanks = own(alice, "thank_you")
    autosave(alice_client, sam, thanks, purpose="thank_you", conversation=conversation.pk,
             body="Thank you for yesterday, edited.")  # fmt: skip
    draft = Draft.objects.get()
    assert draft.conversation == conversation
    url = reverse("outreach:thank_you", args=[conversation.pk])
    assert "Thank you for yesterday, edited." in alice_client.get(url).content.decode()
    assert draft.get_absolute_url() == f"{url}?draft={draft.pk}"
    response = alice_client.post(
        reverse("outreach:thank_you_mark", args=[conversation.pk]),
        typed(sam, thanks, purpose="thank_you", conversation=conversation.pk),
    )
    assert response.status_code == 302
    assert not Draft.objects.exists()


# Ownership -----------------------------------------------------------------------------------


@time_machine.travel(FRIDAY, tick=False)
def test_another_users_draft_is_a_404(alice_client, alice, priya, bob):
    autosave(alice_client, priya, own(alice, "alumni"), body="Alice's words")
    draft = Draft.objects.get()
    bob_client = Client()
    bob_client.force_login(
        bob, backend="coffeechat.foundation.accounts.backends.UsernameOrEmailBackend"
    )
    bobs_kim = make.contact(bob, "Kim")
    discard = reverse("outreach:draft_discard", args=[draft.pk])
    assert bob_client.get(discard).status_code == 404
    assert bob_client.post(discard).status_code == 404
    assert bob_client.get(compose_url(bobs_kim, f"draft={draft.pk}")).status_code == 404
    assert bob_client.get(draft.get_absolute_url()).status_code == 404
    assert Draft.objects.get().body == "Alice's words"


def test_an_autosave_with_another_users_contact_template_or_conversation_is_a_404(
    alice, priya, bob, bob_client
):
    bobs_kim = make.contact(bob, "Kim")
    bobs_template = MessageTemplate.objects.filter(owner=bob).first()
    alices_chat = make.conversation(priya, at=datetime(2026, 11, 19, 15, tzinfo=UTC))
    for contact, template, extra in [
        (priya, bobs_template, {}),
        (bobs_kim, own(alice, "alumni"), {}),
        (bobs_kim, bobs_template, {"purpose": "thank_you", "conversation": alices_chat.pk}),
    ]:
        assert autosave(bob_client, contact, template, **extra).status_code == 404
    assert not Draft.objects.exists()


def test_a_draft_reopened_on_another_contacts_page_is_a_404(alice_client, alice, priya, kim):
    autosave(alice_client, priya, own(alice, "alumni"))
    draft = Draft.objects.get()
    assert alice_client.get(compose_url(kim, f"draft={draft.pk}")).status_code == 404


def test_a_draft_sent_since_leaves_the_page_to_start_afresh(alice_client, priya):
    page = alice_client.get(compose_url(priya, "draft=999999"))
    assert page.status_code == 200
    assert "Write a request to Priya Shah" in page.content.decode()


# Today ---------------------------------------------------------------------------------------


@time_machine.travel(FRIDAY, tick=False)
def test_today_lists_each_unsent_draft_with_a_link_that_restores_it(alice_client, alice, priya):
    autosave(alice_client, priya, own(alice, "alumni"), subject="Coffee?", body="Edited")
    draft = Draft.objects.get()
    [item] = [item for item in today_items(alice) if item.kind is Kind.DRAFT]
    assert item.title == "Draft to Priya Shah, not sent yet"
    assert item.detail == "Request for a conversation: “Coffee?”. Saved Fri 20 Nov at 10:00."
    assert item.url == draft.get_absolute_url()
    assert item.section(date(2026, 11, 20)) is Section.TODAY
    page = alice_client.get(reverse("followups:today")).content.decode()
    assert "Draft to Priya Shah, not sent yet" in page
    assert f'href="{draft.get_absolute_url()}"' in page
    assert "Edited</textarea>" in alice_client.get(item.url).content.decode()


@time_machine.travel(FRIDAY, tick=False)
def test_a_draft_asking_for_an_introduction_is_a_draft_to_the_introducer(alice_client, alice, sam):
    autosave(alice_client, sam, own(alice, "ask_introduction"), body="Hi Priya")
    [item] = unsent_draft_items(alice, date(2026, 11, 20))
    assert item.title == "Draft to Priya Shah, not sent yet"
    assert item.detail.startswith("Asking Priya to introduce you to Sam Lee: “Coffee?”.")


@time_machine.travel(FRIDAY, tick=False)
def test_the_drafts_on_today_are_read_in_one_query(alice, alice_client, priya):
    def count() -> int:
        alice.profile  # noqa: B018 -- already loaded wherever Today is built
        with CaptureQueriesContext(connection) as queries:
            items = unsent_draft_items(alice, date(2026, 11, 20))
        assert len(items) == Draft.objects.count()
        return len(queries)

    autosave(alice_client, priya, own(alice, "alumni"))
    one = count()
    for situation in ("cold_email", "ask_introduction", "after_referral"):
        for i in range(3):
            person = make.contact(alice, f"P{i}", introduced_by=priya, email=f"{i}@x.example")
            autosave(alice_client, person, own(alice, situation))
    assert count() == one == 1


def test_today_lists_at_most_the_twenty_latest_drafts(alice_client, alice, priya):
    for i in range(22):
        person = make.contact(alice, f"P{i}")
        autosave(alice_client, person, None)
    items = unsent_draft_items(alice, date(2026, 11, 20))
    assert len(items) == 20
    assert items[0].title == "Draft to P21, not sent yet"


@time_machine.travel(FRIDAY, tick=False)
def test_today_json_includes_the_drafts(capsys, monkeypatch, alice, alice_client, priya):
    monkeypatch.setattr(cli, "_setup_django", lambda: None)
    autosave(alice_client, priya, own(alice, "alumni"))
    assert cli.main(["today", "--user", "alice", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    [draft] = [item for item in listed if item["kind"] == "draft"]
    assert draft["title"] == "Draft to Priya Shah, not sent yet"
    assert draft["section"] == "today"
    assert draft["url"] == Draft.objects.get().get_absolute_url()


def test_a_follow_up_draft_leaves_today_once_it_is_time_to_move_on(alice_client, alice, priya):
    from coffeechat.pipeline.services import correspondence

    correspondence.record_message(
        contact=priya, purpose="request", channel="email", subject="Hello", body="Hi",
        sent_at=datetime(2026, 11, 2, 10, tzinfo=UTC),
    )  # fmt: skip
    with time_machine.travel(datetime(2026, 11, 11, 10, tzinfo=UTC), tick=False):
        alice_client.post(
            reverse("outreach:draft_save"),
            {"contact": priya.pk, "purpose": "follow_up", "subject": "Re: Hello", "body": "Hi!"},
        )
    assert Draft.objects.get().purpose == "follow_up"
    nudge_day = date(2026, 11, 11)
    assert [i.kind for i in unsent_draft_items(alice, nudge_day)] == [Kind.DRAFT]
    move_on_day = date(2026, 11, 16)  # 10 business days: no follow-up now, nor its draft
    assert unsent_draft_items(alice, move_on_day) == []


@time_machine.travel(FRIDAY, tick=False)
def test_an_autosave_arriving_after_the_message_was_recorded_keeps_nothing(
    alice_client, alice, priya
):
    """On a busy machine the autosave typed just before "Mark as sent" can reach the server
    after it: it must not bring back a draft of a message already recorded."""
    template = own(alice, "alumni")
    page = alice_client.get(compose_url(priya, f"template={template.pk}"))
    opened_at = page.context["opened_at"]
    alice_client.post(
        button_url(priya, "mark"),
        {**typed(priya, template, subject="Coffee?", body="Hi"),
         "sent_on": "2026-11-20", "channel": "email"},
    )  # fmt: skip
    assert Message.objects.count() == 1
    late = alice_client.post(
        reverse("outreach:draft_save"),
        {**typed(priya, template, subject="Coffee?", body="Hi"), "opened_at": opened_at},
    )
    assert late.status_code == 200
    assert not Draft.objects.exists()
    assert [i for i in today_items(alice) if i.kind is Kind.DRAFT] == []
