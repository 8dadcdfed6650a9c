"""Reminder fixtures: alice's due items, and a real SMTP server on 127.0.0.1 (aiosmtpd)."""

from __future__ import annotations

import logging
import socket
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller

import factories as make
from coffeechat.network.research.models import Organization
from coffeechat.pipeline.conversations.models import Conversation
from coffeechat.pipeline.followups.models import FollowUp
from coffeechat.pipeline.outreach import services as outreach

# Friday 20 November 2026, 08:30 in London (GMT): past alice's 07:00 digest hour.
NOW = datetime(2026, 11, 20, 8, 30, tzinfo=UTC)
TODAY = date(2026, 11, 20)


@dataclass
class Mailbox:
    """What a test SMTP server received; `refuse` answers every RCPT with that reply, and
    `quit_reply` replaces the goodbye (after the message was accepted)."""

    port: int = 0
    refuse: str = ""
    quit_reply: str = ""
    received: list[EmailMessage] = field(default_factory=list)

    async def handle_QUIT(self, server, session, envelope):
        return self.quit_reply or "221 Bye"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse:
            return self.refuse
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.received.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def mailbox():
    """A real SMTP server on a free local port; set `mailbox.refuse` to make it say no."""
    # aiosmtpd logs every connection from its own thread; nothing a test checks.
    logging.getLogger("mail.log").setLevel(logging.WARNING)
    box = Mailbox(port=_free_port())
    controller = Controller(box, hostname="127.0.0.1", port=box.port)
    controller.start()
    yield box
    controller.stop()


def use_smtp(user, port: int, from_address: str = "alice@example.org") -> None:
    """Point the user's own Email sending settings at a local server, without TLS."""
    outreach.save_email_settings(
        user, host="127.0.0.1", port=port, username="", security="none",
        from_address=from_address,
    )  # fmt: skip


def body_of(message: EmailMessage) -> str:
    return message.get_content().replace("\r\n", "\n")


@pytest.fixture
def alice_smtp(alice, mailbox):
    use_smtp(alice, mailbox.port)
    return mailbox


def due(owner, first: str, kind: str, due_on: date, **extra: object) -> FollowUp:
    org, _ = Organization.objects.get_or_create(owner=owner, name="Acme")
    contact = make.contact(owner, first_name=first, last_name="Lee", org=org)
    if kind == "thank_you":  # a thank-you is for a conversation that was held
        extra["conversation"] = Conversation.objects.create(
            owner=owner, contact=contact, scheduled_at=NOW - timedelta(days=1), status="held"
        )
    return FollowUp.objects.create(owner=owner, contact=contact, kind=kind, due_on=due_on, **extra)


@pytest.fixture
def alices_items(alice):
    """One thing overdue, two due today and one coming up, created out of order."""
    return [
        due(alice, "Ravi", "contact_referral", TODAY),
        due(alice, "Sam", "follow_up", TODAY + timedelta(days=2)),
        due(alice, "Jo", "thank_you", TODAY),
        due(alice, "Kim", "nudge", TODAY - timedelta(days=2)),
    ]
