"""Outreach fixtures: Sam, whom Priya (tests/personas.py) introduced, and a real SMTP server
on 127.0.0.1 (aiosmtpd)."""

from __future__ import annotations

import logging
import socket
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.header import decode_header, make_header
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

import factories as make
from coffeechat.network.people.models import HowKnown
from coffeechat.pipeline.outreach import services


@pytest.fixture
def sam(alice, acme, priya):
    return make.contact(
        alice,
        "Sam Lee",
        email="sam@acme.example",
        role="Climate risk analyst",
        org=acme,
        how_known=HowKnown.REFERRAL,
        introduced_by=priya,
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Mailbox:
    """What a test SMTP server received; `refuse` answers every RCPT with that reply."""

    port: int = 0
    refuse: str = ""
    received: list[EmailMessage] = field(default_factory=list)
    envelopes: list[tuple[str, list[str]]] = field(default_factory=list)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse:
            return self.refuse
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        self.received.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted for delivery"


def subject_of(message: EmailMessage) -> str:
    """The subject as a mail app shows it, decoded from the raw header. (Python's newer parser
    keeps the blank that Django's folding puts before a long encoded subject; mail apps and
    decode_header drop it.)"""
    raw = message_from_bytes(message.as_bytes(), policy=policy.compat32)["Subject"]
    return str(make_header(decode_header(raw)))


def _serve(mailbox: Mailbox, **options: object):
    # aiosmtpd logs every connection from its own thread, even after pytest has closed the
    # captured streams; its chatter says nothing a test checks.
    logging.getLogger("mail.log").setLevel(logging.WARNING)
    mailbox.port = free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=mailbox.port, **options)
    controller.start()
    return controller


@pytest.fixture
def smtp_server():
    """A real SMTP server on a free local port that accepts everything."""
    mailbox = Mailbox()
    controller = _serve(mailbox)
    yield mailbox
    controller.stop()


@pytest.fixture
def refusing_smtp_server():
    """An SMTP server that answers every recipient with "550 No such user"."""
    mailbox = Mailbox(refuse="550 No such user here")
    controller = _serve(mailbox)
    yield mailbox
    controller.stop()


@pytest.fixture
def login_refusing_smtp_server():
    """An SMTP server that asks for a login and refuses every password."""
    mailbox = Mailbox()
    controller = _serve(
        mailbox,
        authenticator=lambda *args: AuthResult(success=False, handled=False),
        auth_require_tls=False,
    )
    yield mailbox
    controller.stop()


def use_smtp(user, port: int, **overrides: object) -> None:
    """Point the user's own Email sending settings at a local server, without TLS."""
    settings = {
        "host": "127.0.0.1", "port": port, "username": "", "security": "none",
        "from_address": "alice@example.org", **overrides,
    }  # fmt: skip
    services.save_email_settings(user, **settings)
