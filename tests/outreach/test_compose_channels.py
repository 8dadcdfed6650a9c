"""The compose page's channel, character limit and actions agree with the template and the
person: a LinkedIn connection gets a LinkedIn message (no 300-character note limit), mail
actions only for an e-mail to an address on file, and Send / Send later only for an e-mail."""

from __future__ import annotations

import html

import time_machine
from django.urls import reverse

import factories as make
from coffeechat.pipeline.outreach.models import Message, MessageTemplate, ScheduledMessage
from outreach.conftest import use_smtp

FRIDAY = "2026-11-20 10:00 +00:00"
LINKEDIN = "https://www.linkedin.com/in/ravi"


def compose(client, contact, **query: object) -> str:
    url = reverse("outreach:compose", args=[contact.pk])
    return html.unescape(client.get(url, query).content.decode())


def check_panel(page: str) -> str:
    return page.split('id="message-check"')[1].split("</div>")[0]


@time_machine.travel(FRIDAY, tick=False)
def test_a_linkedin_connection_without_email_gets_a_linkedin_message_not_a_note(
    alice_client, alice, acme
):
    ravi = make.contact(alice, "Ravi Kumar", org=acme, linkedin_url=LINKEDIN, how_known="linkedin")
    page = compose(alice_client, ravi)
    assert '<option value="linkedin" selected>' in page  # it goes as a LinkedIn message
    panel = check_panel(page)
    assert "/300" not in panel and "connection note" not in panel
    assert 'data-rule="too-long"' not in panel
    assert "Open in mail app" not in page and "Download .eml" not in page
    assert "Ravi Kumar has no email address on file" in page
    assert "send it yourself as a LinkedIn message" in page
    for purpose in ("follow_up", "update"):
        assert "/300" not in check_panel(compose(alice_client, ravi, purpose=purpose))


@time_machine.travel(FRIDAY, tick=False)
def test_a_linkedin_note_to_someone_not_yet_connected_keeps_the_300_limit(
    alice_client, alice, acme
):
    kim = make.contact(alice, "Kim Park", org=acme, linkedin_url=LINKEDIN, how_known="cold")
    page = compose(alice_client, kim)
    assert "LinkedIn connection note" in page
    assert "/300 character" in check_panel(page)
    body = {"contact": kim.pk, "purpose": "request", "subject": "", "body": "Hi Kim! " * 50,
            "channel": "linkedin", "template": MessageTemplate.objects.get(
                owner=alice, name="LinkedIn connection note").pk}  # fmt: skip
    preview = html.unescape(alice_client.post(reverse("outreach:preview"), body).content.decode())
    assert "LinkedIn caps connection notes at 300 characters." in preview


@time_machine.travel(FRIDAY, tick=False)
def test_only_an_email_template_offers_send_and_send_later(alice_client, alice, acme, smtp_server):
    use_smtp(alice, smtp_server.port)
    sam = make.contact(
        alice, "Sam Lee", org=acme, email="sam@acme.example", linkedin_url=LINKEDIN,
        how_known="cold",
    )  # fmt: skip
    send_url = reverse("outreach:compose_send", args=[sam.pk])
    schedule_url = reverse("outreach:compose_schedule", args=[sam.pk])
    page = compose(alice_client, sam)
    assert f'formaction="{send_url}"' in page and f'formaction="{schedule_url}"' in page
    assert "Open in mail app" in page
    for name in ("LinkedIn connection note", "Phone script", "Asking in person"):
        template = MessageTemplate.objects.get(owner=alice, name=name)
        page = compose(alice_client, sam, template=template.pk)
        assert f'formaction="{send_url}"' not in page, name
        assert f'formaction="{schedule_url}"' not in page, name
        assert "Open in mail app" not in page and "Download .eml" not in page, name
        assert f"“{template.name}” is " in page, name
    note = MessageTemplate.objects.get(owner=alice, name="LinkedIn connection note")
    data = {"contact": sam.pk, "purpose": "request", "subject": "", "template": note.pk,
            "body": "Hi Sam, would you have 15 minutes?", "sent_on": "2026-11-20",
            "channel": "linkedin", "send_later": "morning"}  # fmt: skip
    refused = html.unescape(alice_client.post(send_url, data).content.decode())
    assert "“LinkedIn connection note” is written for LinkedIn" in refused
    alice_client.post(schedule_url, data)
    assert not Message.objects.exists() and not ScheduledMessage.objects.exists()
    assert not smtp_server.received
