"""Compose opens with the template written for how you know the person, says why in one line,
and lets you switch; existing accounts get the texts for each tie without losing their edits."""

from __future__ import annotations

import html
import importlib
import re

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import factories as make
from coffeechat.method.messages import BUILT_IN_TEMPLATES
from coffeechat.method.wording.kinds import ties_text
from coffeechat.pipeline.outreach.drafts import Slot
from coffeechat.pipeline.outreach.models import MessageTemplate, Purpose

MIGRATION = "coffeechat.pipeline.outreach.migrations.0010_template_ties_and_a_text_for_each_tie"


def compose(client, contact, **query: object) -> str:
    url = reverse("outreach:compose", args=[contact.pk])
    return html.unescape(client.get(url, query).content.decode())


def selected(page: str) -> str:
    select = page.split('<select id="template-choice" name="template">')[1].split("</select>")[0]
    return select.split(" selected>")[1].split("</option>")[0]


def body(page: str) -> str:
    return page.split('name="body"')[1].split(">", 1)[1].split("</textarea>")[0].lstrip("\n")


def reason(page: str) -> str:
    return (
        page.split('id="template-reason">')[1].split("</p>")[0] if "template-reason" in page else ""
    )


@pytest.fixture
def johnny(alice, acme):
    """A former colleague who goes by Johnny, with a title and a suffix on file."""
    return make.contact(
        alice, "John Public", honorific="Dr.", suffix="III", goes_by="Johnny", org=acme,
        email="john@acme.example", how_known="former_colleague",
    )  # fmt: skip


def test_a_former_colleague_gets_a_warm_note_without_a_self_introduction(alice_client, johnny):
    page = compose(alice_client, johnny)
    assert selected(page) == "Email to a former colleague"
    text = body(page)
    assert text.startswith("Hi Johnny,\n\nIt's been a while since we worked together")
    assert "I'm Alice" not in text and "came across your work" not in text
    assert reason(page) == "Former colleague: no need to introduce yourself."


def test_a_cold_contact_with_a_title_is_greeted_formally(alice_client, alice, acme):
    public = make.contact(
        alice, "John Public", honorific="Dr.", org=acme, email="jp@acme.example", how_known="cold"
    )
    page = compose(alice_client, public)
    assert selected(page) == "Cold email"
    text = body(page)
    assert text.startswith("Dear Dr. Public,\n\nI came across your work at Acme Climate")
    assert "I'm Alice Martin, a final-year economics student at Leeds, exploring climate" in text
    assert reason(page).startswith("No connection yet: introduces you")


def test_someone_only_on_linkedin_gets_a_note_and_is_told_why(alice_client, alice):
    kim = make.contact(alice, "Kim", linkedin_url="https://www.linkedin.com/in/kim")
    page = compose(alice_client, kim)
    assert selected(page) == "LinkedIn connection note"
    assert "a LinkedIn note, as there is no email address" in reason(page)


def test_switching_template_says_what_it_is_for_and_redrafts(alice_client, alice, johnny):
    cold = make.built_in_template(alice, "cold_email")
    page = compose(alice_client, johnny, template=cold.pk)
    assert selected(page) == "Cold email"
    assert reason(page) == (
        "Written for someone you have no connection with yet: an email asking for 15-20 minutes "
        "of advice."
    )
    # The greeting still fits the tie, whichever text the user picks.
    assert body(page).startswith("Hi Johnny,")


def test_a_saved_draft_reopens_with_what_its_template_is_for(alice_client, alice, johnny):
    template = make.built_in_template(alice, "cold_email")
    saved = Slot(johnny, Purpose.REQUEST, template, None).save(subject="Hi", body="My own words")
    assert saved is not None
    page = compose(alice_client, johnny, draft=saved.pk)  # the link on Today
    assert body(page).startswith("My own words")
    assert reason(page).startswith("Written for someone you have no connection with yet")


def test_an_update_closes_the_loop_when_advice_was_acted_on_and_not_yet_reported(
    alice_client, alice, johnny
):
    page = compose(alice_client, johnny, purpose="update")
    assert selected(page) == "Keeping in touch"
    assert reason(page) == "Former colleague: a short update."
    assert "[Write what happened]" in body(page) and "{{" not in body(page)
    assert "Tell them you followed their advice" not in page  # close-the-loop's tip only
    chat = make.conversation(johnny, status="held")
    advice = make.takeaway(chat, "Focus on research methods courses")
    advice.acted_on_at = timezone.now()
    advice.save()
    page = compose(alice_client, johnny, purpose="update")
    assert selected(page) == "Closing the loop"
    assert reason(page) == "Former colleague: says what came of their advice."
    assert "I followed your advice to focus on research methods courses" in body(page)
    assert "Tell them you followed their advice and what came of it." in page
    make.sent(johnny, Purpose.UPDATE)  # they have heard since
    assert selected(compose(alice_client, johnny, purpose="update")) == "Keeping in touch"


def test_a_users_own_template_for_the_tie_is_picked_over_the_general_one(alice_client, alice):
    mine = MessageTemplate.objects.create(
        owner=alice, name="My friends' note", situation="cold_email", ties="friend",
        body="{{greeting}}! Coffee soon? Would you have 20 minutes?",
    )  # fmt: skip
    MessageTemplate.objects.filter(owner=alice, built_in=True, ties__contains="friend").delete()
    lee = make.contact(alice, "Lee Park", email="lee@x.example", how_known="friend")
    page = compose(alice_client, lee)
    assert selected(page) == mine.name
    assert body(page).startswith("Hi Lee! Coffee soon?")


def test_the_thank_you_names_the_most_useful_advice_as_a_sentence(alice_client, alice, sam):
    chat = make.conversation(sam, status="held")
    make.takeaway(chat, "Just Enough Research (Erika Hall)", kind="resource")
    make.takeaway(
        chat, "turn the district tablet pilot into a portfolio case study: method, findings, impact"
    )
    page = html.unescape(
        alice_client.get(reverse("outreach:thank_you", args=[chat.pk])).content.decode()
    )
    text = body(page)
    assert (
        "You suggested I turn the district tablet pilot into a portfolio case study; "
        "I am going to do just that." in text
    )
    assert "impact" not in text and ": method" not in text


def test_the_migration_gives_existing_accounts_each_ties_text_and_keeps_their_edits(alice):
    migration = importlib.import_module(MIGRATION)
    MessageTemplate.objects.filter(owner=alice).delete()
    old = {
        situation: MessageTemplate.objects.create(
            owner=alice, name=situation, situation=situation, subject=subject, body=text,
            built_in=True, channel="linkedin" if situation == "linkedin_note" else "email",
        )
        for situation, (subject, text) in migration.OLD_TEXTS.items()
    }  # fmt: skip
    old.pop("thank_you").delete()  # deleted on purpose: not brought back
    edited = old["alumni"]
    edited.body = "Dear {{first_name}}, a fellow {{school}} alum here. 20 minutes?"
    edited.save()

    migration.each_tie(apps, connection.schema_editor())
    migration.each_tie(apps, connection.schema_editor())  # a second run changes nothing

    mine = MessageTemplate.objects.filter(owner=alice)
    assert mine.count() == len(BUILT_IN_TEMPLATES) - 1
    assert not mine.filter(situation="thank_you").exists()
    cold = MessageTemplate.objects.get(pk=old["cold_email"].pk)  # same row: its reply rate stays
    assert (cold.name, cold.ties) == ("Cold email", "cold")
    assert "[[ at {{organization}}]]" in cold.body
    edited.refresh_from_db()
    assert edited.body == "Dear {{first_name}}, a fellow {{school}} alum here. 20 minutes?"
    assert (edited.situation, edited.ties) == ("alumni", "alumni")
    assert not mine.filter(name="Fellow alumni").exclude(pk=edited.pk).exists()
    assert mine.filter(name="Email to a former colleague", ties="former_colleague").exists()


def test_picking_reads_the_same_number_of_queries_however_many_templates(alice_client, alice, sam):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            compose(alice_client, sam)
        return len(captured)

    before = queries()
    MessageTemplate.objects.bulk_create(
        MessageTemplate(
            owner=alice, name=f"Mine {n}", situation="cold_email", ties="referral_unnamed",
            body="{{greeting}}, would you have 20 minutes?",
        )
        for n in range(30)
    )  # fmt: skip
    assert queries() == before


def test_the_migration_gives_the_texts_seeded_by_an_older_migration_their_ties(alice):
    """An install older than message templates gets today's texts from 0003, without ties."""
    migration = importlib.import_module(MIGRATION)
    MessageTemplate.objects.filter(owner=alice).update(ties="")
    migration.each_tie(apps, connection.schema_editor())
    mine = MessageTemplate.objects.filter(owner=alice)
    assert mine.count() == len(BUILT_IN_TEMPLATES)
    assert set(mine.values_list("ties", flat=True)) == {
        ties_text(template.ties) for template in BUILT_IN_TEMPLATES
    }
    assert mine.get(name="Email to a former colleague").ties == "former_colleague"


def test_the_editor_says_who_a_template_is_for_and_explains_the_syntax(alice_client, alice):
    cold = make.built_in_template(alice, "cold_email")
    url = reverse("outreach:template_edit", args=[cold.pk])
    page = html.unescape(alice_client.get(url).content.decode())
    assert re.search(r'value="cold"[^>]*checked', page)
    assert not re.search(r'value="friend"[^>]*checked', page)
    assert "Words that come and go" in page and "[[ at {{organization}}]]" in page
    data = {
        "name": "Cold email", "situation": "cold_email", "channel": "email",
        "ties": ["friend", "family"], "subject": cold.subject, "body": cold.body,
    }  # fmt: skip
    alice_client.post(url, data)
    cold.refresh_from_db()
    assert cold.ties == "friend family"
    listing = alice_client.get(reverse("outreach:templates")).content.decode()
    assert "for Friend, Family" in listing


def guidance(page: str) -> str:
    return " ".join(page.split('id="request-guidance">')[1].split("</p>")[0].split())


def test_the_guidance_follows_the_tie(alice_client, alice, acme, johnny):
    assert guidance(compose(alice_client, johnny)) == (
        "No need to introduce yourself: ask for information and advice rather than a job, and "
        "leave your questions for the conversation itself."
    )
    cold = make.contact(alice, "Grace Kelly", org=acme, email="g@x.example", how_known="cold")
    assert guidance(compose(alice_client, cold)).startswith(
        "Introduce yourself, say how you got their name, ask for information"
    )
