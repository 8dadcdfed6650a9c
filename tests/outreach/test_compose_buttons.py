"""Each button of the compose page posts to its own address, and each address does its one
thing: save the draft, download it, send it now, or mark it sent. Nobody else's contact or
conversation can be written to through any of them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine
from django.urls import reverse

import factories as make
from coffeechat.pipeline.conversations.models import Conversation
from coffeechat.pipeline.outreach.models import Draft, Message
from outreach.conftest import use_smtp

FRIDAY = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
ACTIONS = ("save", "eml", "send", "mark")


def written(**fields: object) -> dict[str, object]:
    """The page as the user left it: the text, and last Wednesday by LinkedIn in the
    mark-as-sent fields."""
    return {"purpose": "request", "subject": "Coffee?", "body": "Dear Sam, my own words.",
            "sent_on": "2026-11-18", "channel": "linkedin", **fields}  # fmt: skip


def url(action: str, contact) -> str:
    return reverse(f"outreach:compose_{action}", args=[contact.pk])


@time_machine.travel(FRIDAY, tick=False)
def test_save_keeps_the_draft_and_reopens_it_without_recording(alice_client, sam, smtp_server):
    use_smtp(sam.owner, smtp_server.port)
    response = alice_client.post(url("save", sam), written())
    draft = Draft.objects.get()
    assert response.status_code == 302
    assert response.url == draft.get_absolute_url()
    assert (draft.subject, draft.body) == ("Coffee?", "Dear Sam, my own words.")
    assert not Message.objects.exists()
    assert not smtp_server.received


@time_machine.travel(FRIDAY, tick=False)
def test_eml_downloads_the_draft_and_keeps_it_without_recording(alice_client, sam, smtp_server):
    use_smtp(sam.owner, smtp_server.port)
    response = alice_client.post(url("eml", sam), written())
    assert response["Content-Type"] == "message/rfc822"
    assert b"Dear Sam, my own words." in response.content
    assert Draft.objects.get().body == "Dear Sam, my own words."
    assert not Message.objects.exists()
    assert not smtp_server.received


@time_machine.travel(FRIDAY, tick=False)
def test_send_mails_it_now_by_email_whatever_the_mark_as_sent_fields_say(
    alice_client, sam, smtp_server
):
    use_smtp(sam.owner, smtp_server.port)
    response = alice_client.post(url("send", sam), written())
    assert response.status_code == 302
    assert response.url == sam.get_absolute_url()
    assert len(smtp_server.received) == 1
    message = Message.objects.get()
    assert (message.channel, message.sent_at) == ("email", FRIDAY)
    assert not Draft.objects.exists()


@time_machine.travel(FRIDAY, tick=False)
def test_mark_records_the_day_and_channel_given_and_sends_nothing(alice_client, sam, smtp_server):
    use_smtp(sam.owner, smtp_server.port)
    response = alice_client.post(url("mark", sam), written())
    assert response.status_code == 302
    message = Message.objects.get()
    assert message.channel == "linkedin"
    assert message.sent_at.date().isoformat() == "2026-11-18"
    assert not smtp_server.received
    assert not Draft.objects.exists()


@time_machine.travel(FRIDAY, tick=False)
def test_the_page_itself_takes_no_posts(alice_client, sam):
    response = alice_client.post(reverse("outreach:compose", args=[sam.pk]), written())
    assert response.status_code == 405
    assert not Message.objects.exists()
    assert not Draft.objects.exists()


def test_each_button_posts_to_its_own_address(alice_client, sam):
    page = alice_client.get(reverse("outreach:compose", args=[sam.pk])).content.decode()
    assert f'<form method="post" action="{url("save", sam)}"' in page
    for action in ("send", "eml", "mark"):
        assert f'formaction="{url(action, sam)}"' in page
    assert 'name="action"' not in page


def test_the_thank_you_buttons_post_to_the_conversations_addresses(alice_client, alice, sam):
    conversation = Conversation.objects.create(owner=alice, contact=sam, scheduled_at=FRIDAY)
    page = alice_client.get(reverse("outreach:thank_you", args=[conversation.pk])).content
    for action in ("send", "eml", "mark"):
        posted = reverse(f"outreach:thank_you_{action}", args=[conversation.pk])
        assert f'formaction="{posted}"'.encode() in page


@time_machine.travel(FRIDAY, tick=False)
def test_a_thank_you_marked_sent_belongs_to_its_conversation(alice_client, alice, sam):
    conversation = Conversation.objects.create(owner=alice, contact=sam, scheduled_at=FRIDAY)
    thanks = make.built_in_template(alice, "thank_you")
    alice_client.post(
        reverse("outreach:thank_you_mark", args=[conversation.pk]),
        written(purpose="request", template=thanks.pk),  # the address says what it is
    )
    message = Message.objects.get()
    assert (message.purpose, message.conversation) == ("thank_you", conversation)


@pytest.mark.parametrize("action", ACTIONS)
def test_another_users_contact_is_a_404_on_every_button(bob_client, sam, action):
    assert bob_client.post(url(action, sam), written()).status_code == 404
    assert not Message.objects.exists()
    assert not Draft.objects.exists()


@pytest.mark.parametrize("action", ACTIONS)
def test_another_users_conversation_is_a_404_on_every_button(bob_client, sam, action):
    conversation = Conversation.objects.create(owner=sam.owner, contact=sam, scheduled_at=FRIDAY)
    posted = reverse(f"outreach:thank_you_{action}", args=[conversation.pk])
    assert bob_client.post(posted, written()).status_code == 404
    assert not Message.objects.exists()
    assert not Draft.objects.exists()
