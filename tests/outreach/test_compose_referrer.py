"""Choosing "After a referral" for someone whose referrer may not be named leaves
{{referrer_name}} unfilled on purpose, and the checker's finding says why."""

from __future__ import annotations

import html

import time_machine
from django.urls import reverse

import factories as make
from coffeechat.pipeline.outreach.models import MessageTemplate

FRIDAY = "2026-11-20 10:00 +00:00"


def compose(client, contact, **query: object) -> str:
    url = reverse("outreach:compose", args=[contact.pk])
    return html.unescape(client.get(url, query).content.decode())


def _after_a_referral(client, alice, contact) -> str:
    template = MessageTemplate.objects.get(owner=alice, name="After a referral")
    return compose(client, contact, template=template.pk)


def unfilled(page: str) -> str:
    return " ".join(page.split('data-rule="unfilled-field">')[1].split("</li>")[0].split())


@time_machine.travel(FRIDAY, tick=False)
def test_a_referrer_left_unnamed_says_why_where_the_field_is_reported(
    alice_client, alice, acme, priya
):
    sam = make.contact(
        alice, "Sam Lee", org=acme, email="sam@acme.example", how_known="referral",
        introduced_by=priya,
    )  # fmt: skip
    page = _after_a_referral(alice_client, alice, sam)
    assert "{{referrer_name}}" in unfilled(page)
    assert "you have not noted that you may use Priya Shah's name" in unfilled(page)
    referral = make.may_name_introducer(sam)
    referral.may_use_name = False
    referral.save()
    page = _after_a_referral(alice_client, alice, sam)
    assert "Priya Shah has not said you may use their name" in unfilled(page)
    referral.may_use_name = True
    referral.save()
    page = _after_a_referral(alice_client, alice, sam)
    assert 'data-rule="unfilled-field"' not in page
    assert "Priya Shah suggested I get in touch" in page


def test_the_template_preview_says_why_for_its_made_up_person(alice_client):
    data = {
        "name": "Named", "situation": "cold_email", "channel": "email",
        "ties": "referral_unnamed", "subject": "{{referrer_name}} suggested I write",
        "body": "Dear {{first_name}}, {{referrer_name}} suggested I get in touch.",
    }  # fmt: skip
    page = alice_client.post(reverse("outreach:template_live_preview"), data).content.decode()
    assert "you have not noted that you may use Priya Shah&#x27;s name" in page
