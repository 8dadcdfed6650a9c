"""Message templates: seeded for every user, written to the method, editable, and measured."""

from __future__ import annotations

import importlib
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import factories as make
from coffeechat.method.checker import RULE_SETS, check_message
from coffeechat.method.messages import (
    BUILT_IN_TEMPLATES,
    LINKEDIN_NOTE_LIMIT,
    Situation,
    unfilled_fields,
)
from coffeechat.network.people.models import Contact, HowKnown
from coffeechat.pipeline.conversations import services as conversations
from coffeechat.pipeline.conversations.models import Conversation
from coffeechat.pipeline.outreach import check, services
from coffeechat.pipeline.outreach.models import Message, MessageTemplate
from coffeechat.pipeline.services import conversation_changes, correspondence

NOW = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


def template(user, situation: Situation) -> MessageTemplate:
    return make.built_in_template(user, situation)


def merged(user, situation: Situation, contact: Contact):
    return services.draft(
        contact, user.profile, template(user, situation), purpose=situation.purpose
    )


@pytest.fixture
def jordan(alice, acme, priya):
    """A realistic contact: a role, an organization, an email and someone who introduced them."""
    return make.contact(
        alice,
        "Jordan Rivera",
        email="jordan@acme.example",
        role="Senior analyst",
        org=acme,
        how_known=HowKnown.ALUMNI,
        introduced_by=priya,
    )


def test_a_new_user_gets_an_editable_template_for_every_situation(alice):
    seeded = MessageTemplate.objects.owned_by(alice)
    # Every kind of message, apart from the two older situations that named a tie.
    older = {Situation.ALUMNI, Situation.AFTER_REFERRAL}
    assert set(seeded.values_list("situation", flat=True)) == {s.value for s in Situation} - older
    assert seeded.filter(name="Fellow alumni", ties="alumni").exists()
    assert all(t.built_in for t in seeded)
    assert template(alice, Situation.LINKEDIN_NOTE).channel == "linkedin"
    assert template(alice, Situation.COLD_EMAIL).channel == "email"


def test_the_migration_seeds_users_who_have_no_templates_yet(alice, bob):
    MessageTemplate.objects.filter(owner=bob).delete()
    migration = importlib.import_module(
        "coffeechat.pipeline.outreach.migrations.0003_seed_templates_for_existing_users"
    )
    migration.seed(apps, connection.schema_editor())
    assert MessageTemplate.objects.filter(owner=bob).count() == len(BUILT_IN_TEMPLATES)
    assert MessageTemplate.objects.filter(owner=alice).count() == len(BUILT_IN_TEMPLATES)


REQUEST_SITUATIONS = [s for s in Situation if s.purpose == "request"]


def problems(draft, *, purpose: str, first_name: str, channel: str = "email") -> list:
    findings = check_message(
        draft.body, subject=draft.subject or None, rules=RULE_SETS["classic"], channel=channel,
        purpose=purpose, first_name=first_name, connection_names=("Priya Shah",),
    )  # fmt: skip
    return [finding for finding in findings if finding.severity == "problem"]


@pytest.mark.parametrize("situation", REQUEST_SITUATIONS, ids=str)
def test_the_built_in_requests_pass_the_classic_rules_once_merged(alice, jordan, situation):
    alice.profile.elevator_pitch = "I want to help companies price climate risk."
    alice.profile.save()
    draft = merged(alice, situation, jordan)
    assert unfilled_fields(draft.subject + draft.body) == []
    reader = services.reader(jordan, template(alice, situation))
    channel = template(alice, situation).channel
    assert problems(draft, purpose="request", first_name=reader.first_name, channel=channel) == []
    # As the compose page checks it: not even a suggestion.
    shown = check.findings(
        contact=jordan, template=template(alice, situation), subject=draft.subject,
        body=draft.body, purpose="request", channel=channel, profile=alice.profile,
    )  # fmt: skip
    assert shown == []
    assert len(draft.body.split()) < 100
    assert "job" not in draft.body.lower()
    assert "15-20 minutes" in draft.body


@pytest.mark.parametrize("situation", [*REQUEST_SITUATIONS, Situation.FOLLOW_UP], ids=str)
def test_the_built_in_requests_have_no_problems_under_the_stricter_rules_either(
    alice, jordan, situation
):
    alice.profile.message_rules = "strict"
    alice.profile.elevator_pitch = "I want to help companies price climate risk."
    draft = merged(alice, situation, jordan)
    shown = check.findings(
        contact=jordan, template=template(alice, situation), subject=draft.subject,
        body=draft.body, purpose=situation.purpose, profile=alice.profile,
        channel=template(alice, situation).channel,
    )  # fmt: skip
    assert [f.rule for f in shown if f.severity == "problem"] == []


@time_machine.travel(NOW, tick=False)
def test_the_built_in_follow_up_and_thank_you_have_no_problems(alice, jordan):
    follow_up = merged(alice, Situation.FOLLOW_UP, jordan)
    assert problems(follow_up, purpose="follow_up", first_name="Jordan") == []
    conversation = Conversation.objects.create(
        owner=alice, contact=jordan, scheduled_at=NOW - timedelta(days=1)
    )
    conversations.add_takeaway(conversation, kind="advice", text="Read the TCFD reports.")
    conversation_changes.end(conversation, learned="", still_unknown="", next_steps="", now=NOW)
    thanks = services.draft_thank_you(conversation, alice.profile)
    assert "You suggested I read the TCFD reports; I am going to do just that." in thanks.body
    assert problems(thanks, purpose="thank_you", first_name="Jordan") == []


def test_the_update_leaves_what_happened_for_the_user_to_write(alice, jordan):
    update = merged(alice, Situation.UPDATE, jordan)
    assert update.body.startswith("Dear Jordan,\n\nI followed your advice")
    [finding] = problems(update, purpose="update", first_name="Jordan")
    assert finding.words == ("[Write what happened]",)  # a prompt in words, not a raw field


def test_the_linkedin_note_stays_under_300_characters_once_merged(alice, jordan):
    alice.profile.headline = "a final-year economics student at the University of Leeds"
    alice.profile.fields_of_interest = "climate finance and sustainable investing"
    alice.profile.save()
    jordan.organization.name = "Acme Climate Risk Analytics International"
    jordan.organization.save()
    draft = merged(alice, Situation.LINKEDIN_NOTE, jordan)
    assert len(draft.body) < LINKEDIN_NOTE_LIMIT
    # A formal tie's note greets as its e-mails do.
    assert draft.body.startswith("Dear Jordan, I came across your work at Acme Climate Risk")


def test_asking_for_an_introduction_is_written_to_the_mutual_contact(alice, jordan, priya):
    draft = merged(alice, Situation.ASK_INTRODUCTION, jordan)
    assert draft.body.startswith("Hi Priya,")
    assert "introduce us" in draft.body
    assert draft.subject == "Would you introduce me to Jordan Rivera?"
    assert services.recipient(jordan, template(alice, Situation.ASK_INTRODUCTION)) == priya
    blurb = merged(alice, Situation.INTRO_BLURB, jordan)
    assert blurb.body.startswith(
        "Hello Jordan,\n\nPriya Shah suggested I write to you and kindly offered to pass this on."
    )


def send_with(contact, template_obj, days_ago: int) -> Message:
    return correspondence.record_message(
        contact=contact, purpose="request", channel="email", subject="Hello", body="Hi",
        sent_at=NOW - timedelta(days=days_ago), template=template_obj,
    )  # fmt: skip


def stats_line(page: str, template_obj: MessageTemplate) -> str:
    row = page.split(f'data-template="{template_obj.pk}"')[1].split("</li>")[0]
    return row.split('class="muted template-stats">')[1].split("</small>")[0]


@time_machine.travel(NOW, tick=False)
def test_the_templates_page_shows_how_many_were_sent_and_what_share_got_a_reply(
    alice_client, alice, acme
):
    cold = template(alice, Situation.COLD_EMAIL)
    people = [make.contact(alice, first_name=name, org=acme) for name in ("Ana", "Ben", "Cy")]
    for person in people:
        send_with(person, cold, days_ago=5)
    # Ana answered after the request; Ben's only reply predates it, so it does not count.
    correspondence.record_reply(contact=people[0], received_on=date(2026, 11, 17), outcome="agreed")
    correspondence.record_reply(
        contact=people[1], received_on=date(2026, 11, 10), outcome="replied"
    )
    page = alice_client.get(reverse("outreach:templates")).content.decode()
    assert stats_line(page, cold) == "3 sent · 33% replied"
    assert stats_line(page, template(alice, Situation.ALUMNI)) == "Not used yet"
    assert page.index("Cold email") < page.index("Fellow alumni") < page.index("Thank-you")
    assert "Preview with a sample contact" in page


@time_machine.travel(NOW, tick=False)
def test_the_templates_page_runs_the_same_queries_for_few_or_many_templates(alice_client, alice):
    def add(n: int) -> None:
        for i in range(n):
            own = MessageTemplate.objects.create(
                owner=alice, name=f"Mine {n}-{i}", situation="cold_email", body="Hi"
            )
            person = make.contact(alice, f"P{n}-{i}")
            send_with(person, own, days_ago=2)
            correspondence.record_reply(
                contact=person, received_on=date(2026, 11, 20), outcome="agreed"
            )

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            alice_client.get(reverse("outreach:templates"))
        return len(queries)

    add(2)
    few = count()
    add(10)
    assert count() == few
    page = alice_client.get(reverse("outreach:templates")).content.decode()
    assert page.count("1 sent · 100% replied") == 12


def test_a_template_of_your_own_is_added_then_autosaved(alice_client, alice):
    response = alice_client.post(
        reverse("outreach:template_new"),
        {"name": "Short and warm", "situation": "cold_email", "channel": "email",
         "subject": "Hello {{first_name}}", "body": "Dear {{first_name}}, ..."},
        follow=True,
    )  # fmt: skip
    mine = MessageTemplate.objects.get(name="Short and warm")
    assert (mine.owner, mine.built_in) == (alice, False)
    page = response.content.decode()
    assert "Added the template “Short and warm”." in page
    assert 'hx-trigger="input delay:700ms, change"' in page
    assert "<form novalidate" in page
    saved = alice_client.post(
        mine.get_absolute_url(),
        {"name": "Short and warm", "situation": "cold_email", "channel": "email",
         "subject": "Hi", "body": "New words"},
        HTTP_HX_REQUEST="true",
    )  # fmt: skip
    assert "Saved " in saved.content.decode()
    mine.refresh_from_db()
    assert mine.body == "New words"
    refused = alice_client.post(
        mine.get_absolute_url(),
        {"name": "", "situation": "cold_email", "channel": "email", "body": " "},
        HTTP_HX_REQUEST="true",
    ).content.decode()
    assert "Not saved:" in refused
    assert "A template needs some text." in refused


def test_a_built_in_template_can_be_edited_and_deleted_after_confirming(alice_client, alice):
    cold = template(alice, Situation.COLD_EMAIL)
    url = reverse("outreach:template_delete", args=[cold.pk])
    page = alice_client.get(url).content.decode()
    assert "Delete template “Cold email”?" in page
    assert MessageTemplate.objects.filter(pk=cold.pk).exists()
    response = alice_client.post(url, follow=True)
    assert "Deleted template “Cold email”." in response.content.decode()
    assert not MessageTemplate.objects.filter(pk=cold.pk).exists()


def test_a_message_keeps_its_text_when_its_template_is_deleted(alice, acme):
    cold = template(alice, Situation.COLD_EMAIL)
    person = make.contact(alice, "Ana", org=acme)
    message = send_with(person, cold, days_ago=1)
    cold.delete()
    message.refresh_from_db()
    assert (message.template, message.body) == (None, "Hi")


def test_the_preview_merges_a_sample_contact_and_checks_it(alice_client, alice):
    referral = template(alice, Situation.AFTER_REFERRAL)
    page = alice_client.get(reverse("outreach:template_preview", args=[referral.pk]))
    page = page.content.decode()
    assert "Merged for a made-up contact, Jordan Rivera" in page
    assert "Dear Jordan," in page
    assert "Priya Shah suggested I get in touch with you." in page
    assert "I&#x27;m Alice Martin, a final-year economics student at Leeds" in page
    assert 'id="message-check"' in page


def test_the_preview_can_use_one_of_your_contacts(alice_client, alice, jordan):
    alumni = template(alice, Situation.ALUMNI)
    url = reverse("outreach:template_preview", args=[alumni.pk])
    page = alice_client.get(url, {"contact": jordan.pk}).content.decode()
    assert "Merged for Jordan Rivera." in page
    assert "I found you through the Leeds alumni network" in page
    assert f"{reverse('outreach:compose', args=[jordan.pk])}?template={alumni.pk}" in page


@pytest.mark.parametrize("name", ["template_edit", "template_delete", "template_preview"])
def test_another_users_template_is_a_404(bob_client, alice, name):
    cold = template(alice, Situation.COLD_EMAIL)
    url = reverse(f"outreach:{name}", args=[cold.pk])
    assert bob_client.get(url).status_code == 404
    data = {"name": "Hijacked", "situation": "cold_email", "channel": "email", "body": "x"}
    assert bob_client.post(url, data).status_code == 404
    cold.refresh_from_db()
    assert cold.name == "Cold email"


def test_the_preview_with_another_users_contact_is_a_404(bob_client, bob, jordan):
    own = template(bob, Situation.COLD_EMAIL)
    url = reverse("outreach:template_preview", args=[own.pk])
    assert bob_client.get(url, {"contact": jordan.pk}).status_code == 404


def test_another_users_templates_are_not_listed(bob_client, alice):
    MessageTemplate.objects.create(owner=alice, name="Alice's secret", body="x")
    page = bob_client.get(reverse("outreach:templates")).content.decode()
    assert "Alice&#x27;s secret" not in page
    assert "Cold email" in page  # bob's own copy


# --- the live preview beside the editor ------------------------------------------------------

EDITING = {
    "name": "Warm and short", "situation": "after_referral", "channel": "email",
    "subject": "{{referrer_name}} suggested I get in touch",
    "body": "Dear {{first_name}},\n\n{{referrer_name}} suggested I write. I'm {{my_name}}, "
    "{{my_headline}}. Would you have 20 minutes for a call about {{organization}}?\n\nAlice",
}  # fmt: skip


def live_preview(client, **changes: object):
    return client.post(reverse("outreach:template_live_preview"), {**EDITING, **changes})


def test_the_editor_shows_a_preview_that_refreshes_as_you_type(alice_client, alice):
    page = alice_client.get(reverse("outreach:template_new")).content.decode()
    assert 'id="template-preview"' in page
    assert f'hx-post="{reverse("outreach:template_live_preview")}"' in page
    assert 'hx-trigger="input from:#template-form delay:400ms' in page
    assert "Write the template to see it merged here." in page
    cold = template(alice, Situation.COLD_EMAIL)
    page = alice_client.get(cold.get_absolute_url()).content.decode()
    assert "Example only:" in page
    assert "Dear Jordan," in page  # the saved template, merged before anything is typed


def test_the_live_preview_merges_what_is_typed_for_a_labelled_example(alice_client, alice):
    before = MessageTemplate.objects.count()

    page = live_preview(alice_client).content.decode()

    assert "<strong>Example only:</strong> merged for a made-up contact, Jordan Rivera" in page
    assert "introduced by Priya Shah" in page
    assert '<strong>Subject:</strong> <span class="preview-subject">Priya Shah suggested I' in page
    assert (
        "Dear Jordan,\n\nPriya Shah suggested I write. I&#x27;m Alice Martin, a final-year" in page
    )
    assert "a call about Northwind Energy?" in page
    assert "No problems found." in page
    assert MessageTemplate.objects.count() == before  # a preview saves nothing

    jobs = live_preview(alice_client, body="Dear {{first_name}}, is your team hiring?")
    assert '<li class="finding" data-rule="mentions-jobs">' in jobs.content.decode()
    assert "<mark>hiring</mark>" in jobs.content.decode()


def test_the_live_preview_can_merge_for_one_of_your_contacts(alice_client, alice, jordan, priya):
    page = live_preview(alice_client, preview_contact=priya.pk).content.decode()

    assert "Merged for Priya Shah, one of your contacts." in page
    assert "Dear Priya," in page
    assert "Example only" not in page
    assert "{{referrer_name}} suggested I write." in page  # nobody introduced Priya: it shows


def test_the_live_preview_of_another_users_contact_is_a_404(bob_client, jordan):
    assert live_preview(bob_client, preview_contact=jordan.pk).status_code == 404


def test_the_live_preview_needs_a_login(client):
    response = client.post(reverse("outreach:template_live_preview"), EDITING)
    assert response.status_code == 302
    assert "/login/" in response["Location"]


@pytest.mark.parametrize("situation", [Situation.THANK_YOU, Situation.UPDATE], ids=str)
def test_thank_yous_and_updates_preview_with_a_made_up_conversation(alice_client, alice, situation):
    saved = template(alice, situation)
    page = alice_client.get(reverse("outreach:template_preview", args=[saved.pk]))
    assert page.status_code == 200
    live = live_preview(
        alice_client, situation=situation.value, subject=saved.subject, body=saved.body
    ).content.decode()
    body = live.split('class="message-preview">')[1].split("</div>")[0]
    assert "Dear Jordan," in body
    if situation == Situation.THANK_YOU:
        assert "You suggested I talk to the risk team before specialising;" in body
        assert "Thank you also for suggesting I speak with Sam" in body
    # What came of the advice is the user's to write, asked for in words; nothing is unfilled.
    assert unfilled_fields(body) == []
    assert ("[Write what happened]" in body) == (situation == Situation.UPDATE)


def test_the_templates_page_and_the_preview_tip_follow_your_rule_set(alice_client, alice):
    assert (
        "keep them under 100 words"
        in alice_client.get(reverse("outreach:templates")).content.decode()
    )
    alice.profile.message_rules = "strict"
    alice.profile.save()
    assert (
        "keep them under 75 words"
        in alice_client.get(reverse("outreach:templates")).content.decode()
    )
    assert "Aim for under 75 words" in live_preview(alice_client).content.decode()
