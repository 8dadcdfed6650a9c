"""The sending services the compose and network-update pages call: a message goes out and is
recorded, or nothing is recorded and the reason is said in words for the user."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
import time_machine

from coffeechat.network.people.models import Contact
from coffeechat.pipeline.followups.models import FollowUp
from coffeechat.pipeline.outreach.models import Message, Purpose
from coffeechat.pipeline.services import sending
from outreach.conftest import use_smtp

FRIDAY = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


def words(**fields: object) -> dict[str, object]:
    return {"subject": "Coffee?", "body": "Dear Sam,\r\nWould you have 20 minutes?",
            "template": None, **fields}  # fmt: skip


def test_without_a_mail_server_nothing_is_sent_or_recorded(alice, sam, settings):
    settings.EMAIL_HOST = ""
    assert sending.send_state(alice, sam).reason == "no_server"
    with pytest.raises(sending.NotSent, match="Sending needs a mail server"):
        sending.send_now(user=alice, to=sam, contact=sam, purpose=Purpose.REQUEST, **words())
    assert not Message.objects.exists()


def test_someone_without_an_address_cannot_be_sent_to(alice, smtp_server):
    use_smtp(alice, smtp_server.port)
    kim = Contact.objects.create(owner=alice, first_name="Kim", last_name="Ek")
    state = sending.send_state(alice, kim)
    assert (
        state.problem == "Kim Ek has no email address on file, so Coffeechat cannot send to them."
    )
    with pytest.raises(sending.NotSent, match="Kim Ek has no email address"):
        sending.send_now(user=alice, to=kim, contact=kim, purpose=Purpose.REQUEST, **words())
    assert not smtp_server.received and not Message.objects.exists()


def test_a_refused_message_is_not_recorded(alice, sam, refusing_smtp_server):
    use_smtp(alice, refusing_smtp_server.port)
    with pytest.raises(sending.NotSent, match=r"refused the recipient sam@acme\.example"):
        sending.send_now(user=alice, to=sam, contact=sam, purpose=Purpose.REQUEST, **words())
    assert not Message.objects.exists()


@time_machine.travel(FRIDAY, tick=False)
def test_a_sent_request_is_recorded_as_sent_and_starts_its_follow_ups(alice, sam, smtp_server):
    use_smtp(alice, smtp_server.port)
    sent = sending.send_now(user=alice, to=sam, contact=sam, purpose=Purpose.REQUEST, **words())
    assert sent.server.where == f"127.0.0.1:{smtp_server.port}"
    assert len(smtp_server.received) == 1
    message = Message.objects.get()
    assert (message.channel, message.sent_at) == ("email", FRIDAY)
    assert message.body == "Dear Sam,\nWould you have 20 minutes?"  # as the mail carried it
    assert FollowUp.objects.filter(contact=sam, kind="no_reply").exists()


@time_machine.travel(FRIDAY, tick=False)
def test_marked_sent_is_recorded_on_the_day_given_in_the_users_time_zone(alice, sam):
    message = sending.mark_sent(
        user=alice, contact=sam, purpose=Purpose.REQUEST, channel="linkedin",
        sent_on=date(2026, 11, 18), **words(),
    )  # fmt: skip
    local = message.sent_at.astimezone(alice.profile.tz())
    assert (local.date(), message.channel) == (date(2026, 11, 18), "linkedin")
    assert message.body == "Dear Sam,\r\nWould you have 20 minutes?"  # exactly as written
