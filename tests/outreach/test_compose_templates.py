"""Composing from a template: the right one by default, switching re-drafts, the LinkedIn cap,
and the template recorded on the message for its reply rate."""

from __future__ import annotations

import pytest
import time_machine
from django.urls import reverse

import factories as make
from coffeechat.network.people.models import HowKnown
from coffeechat.pipeline.outreach.models import Message, MessageTemplate

FRIDAY = "2026-11-20 10:00 +00:00"


def compose_page(client, contact, **query: object) -> str:
    return client.get(reverse("outreach:compose", args=[contact.pk]), query).content.decode()


def selected_template(page: str) -> str:
    select = page.split('<select id="template-choice" name="template">')[1].split("</select>")[0]
    return select.split(" selected>")[1].split("</option>")[0]


def own(user, situation: str) -> MessageTemplate:
    return make.built_in_template(user, situation)


@pytest.mark.parametrize(
    ("details", "query", "expected"),
    [
        ({"how_known": HowKnown.COLD, "email": "kim@x.example"}, {}, "Cold email"),
        ({"how_known": HowKnown.ALUMNI}, {}, "Fellow alumni"),
        ({"linkedin_url": "https://www.linkedin.com/in/kim"}, {}, "LinkedIn connection note"),
        (
            {"linkedin_url": "https://www.linkedin.com/in/kim", "email": "kim@x.example"},
            {},
            "Cold email",
        ),
        ({}, {"purpose": "follow_up"}, "First follow-up"),
        ({}, {"purpose": "update"}, "Keeping in touch"),
        ({}, {"purpose": "update", "situation": "update"}, "Closing the loop"),
    ],
)
def test_the_template_suits_the_contact_and_purpose(alice_client, alice, details, query, expected):
    kim = make.contact(alice, "Kim", **details)
    assert selected_template(compose_page(alice_client, kim, **query)) == expected


def test_someone_referred_with_permission_gets_the_after_referral_template(alice_client, sam):
    make.may_name_introducer(sam)
    page = compose_page(alice_client, sam)
    assert selected_template(page) == "After a referral"
    assert "Dear Sam,\n\nPriya Shah suggested I get in touch with you." in page


def test_someone_introduced_without_permission_is_not_told_who_suggested_it(alice_client, sam):
    page = compose_page(alice_client, sam)
    assert selected_template(page) == "After a referral (without naming them)"
    assert "Dear Sam,\n\nA mutual contact suggested I get in touch with you." in page
    assert "Priya" not in page.split('name="body"')[1].split("</textarea>")[0]
    assert "without naming them" in page.split('id="template-reason"')[1].split("</p>")[0]


def test_a_linkedin_note_is_marked_sent_by_linkedin_and_counts_to_300(alice_client, alice):
    kim = make.contact(alice, "Kim", linkedin_url="https://www.linkedin.com/in/kim")
    page = compose_page(alice_client, kim)
    assert '<option value="linkedin" selected>LinkedIn</option>' in page
    assert "/300 characters" in page


@time_machine.travel(FRIDAY, tick=False)
def test_switching_template_re_drafts_the_message(alice_client, alice, sam):
    alumni = own(alice, "alumni")
    page = compose_page(alice_client, sam, template=alumni.pk)
    assert selected_template(page) == "Fellow alumni"
    assert "I found you through the Leeds alumni network" in page
    assert f'<input type="hidden" name="template" value="{alumni.pk}" id="id_template">' in page
    assert 'hx-get="/outreach/write/' in page and 'hx-select="#compose"' in page


def test_the_template_list_offers_only_templates_for_this_kind_of_message(alice_client, sam):
    page = compose_page(alice_client, sam, purpose="follow_up")
    select = page.split('<select id="template-choice"')[1].split("</select>")[0]
    assert "First follow-up" in select
    assert "Cold email" not in select
    assert '<input type="hidden" name="purpose" value="follow_up">' in page


@time_machine.travel(FRIDAY, tick=False)
def test_the_message_records_the_template_it_came_from(alice_client, alice, sam):
    referral = own(alice, "after_referral")
    alice_client.post(
        reverse("outreach:compose_mark", args=[sam.pk]),
        {"subject": "Hi", "body": "Dear Sam, ...", "sent_on": "2026-11-20", "channel": "email",
         "template": referral.pk},
    )  # fmt: skip
    assert Message.objects.get().template == referral


def test_bob_cannot_compose_with_alices_template(bob_client, bob, alice):
    alices = own(alice, "cold_email")
    bobs_kim = make.contact(bob, "Kim")
    url = reverse("outreach:compose", args=[bobs_kim.pk])
    assert bob_client.get(url, {"template": alices.pk}).status_code == 404
    for action in ("mark", "send", "eml", "save"):
        response = bob_client.post(
            reverse(f"outreach:compose_{action}", args=[bobs_kim.pk]),
            {"subject": "Hi", "body": "Hello", "sent_on": "2020-01-01", "channel": "email",
             "template": alices.pk},
        )  # fmt: skip
        assert response.status_code == 404
    assert not Message.objects.exists()
    preview = bob_client.post(
        reverse("outreach:preview"), {"contact": bobs_kim.pk, "template": alices.pk, "body": "x"}
    )
    assert preview.status_code == 404


@time_machine.travel(FRIDAY, tick=False)
def test_a_linkedin_note_over_300_characters_cannot_be_marked_sent(alice_client, alice, sam):
    url = reverse("outreach:compose_mark", args=[sam.pk])
    note = "Hi Sam, " + "x" * 293  # 301 characters
    data = {"subject": "", "body": note, "sent_on": "2026-11-20", "channel": "linkedin"}
    page = alice_client.post(url, data).content.decode()
    assert "LinkedIn caps connection notes at 300 characters; this one has 301." in page
    assert not Message.objects.exists()
    alice_client.post(url, {**data, "body": note[:-1] + "\r\n"})  # 300, the line end not pasted
    assert Message.objects.get().channel == "linkedin"


@time_machine.travel(FRIDAY, tick=False)
def test_a_long_linkedin_follow_up_is_not_a_connection_note(alice_client, sam):
    url = reverse("outreach:compose_mark", args=[sam.pk])
    data = {"purpose": "follow_up", "subject": "", "body": "word " * 80, "sent_on": "2026-11-20",
            "channel": "linkedin"}  # fmt: skip
    alice_client.post(url, data)
    assert Message.objects.get().purpose == "follow_up"


def test_the_preview_counts_characters_against_300_for_linkedin(alice_client, sam):
    page = alice_client.post(
        reverse("outreach:preview"),
        {"contact": sam.pk, "purpose": "request", "channel": "linkedin", "body": "y" * 310},
    ).content.decode()
    assert '<span class="character-count warning">310/300 characters</span>' in page
    assert "LinkedIn caps connection notes at 300 characters." in page
    email = alice_client.post(
        reverse("outreach:preview"),
        {"contact": sam.pk, "purpose": "request", "channel": "email", "body": "y" * 310},
    ).content.decode()
    assert '<span class="character-count">310 characters</span>' in email


def test_asking_for_an_introduction_is_addressed_to_the_mutual_contact(alice_client, alice, sam):
    ask = own(alice, "ask_introduction")
    page = compose_page(alice_client, sam, template=ask.pk)
    assert "who can introduce you to" in page
    assert 'To <a href="/contacts/' in page and "Priya Shah</a> &lt;priya@acme.example&gt;" in page
    assert "Hi Priya," in page
    assert 'href="mailto:priya%40acme.example?subject=Would%20you%20introduce%20me' in page
    assert 'data-rule="greeting-name"' not in page


@time_machine.travel(FRIDAY, tick=False)
def test_someone_already_a_linkedin_connection_gets_a_message_not_a_capped_note(alice_client, sam):
    sam.how_known = "linkedin"
    sam.save()
    url = reverse("outreach:compose_mark", args=[sam.pk])
    data = {"subject": "", "body": "word " * 80, "sent_on": "2026-11-20", "channel": "linkedin"}
    alice_client.post(url, data)
    assert Message.objects.get().channel == "linkedin"
