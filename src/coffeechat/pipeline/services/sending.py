"""The two ways a written message is recorded: sent now through the user's SMTP server, or
marked sent from wherever it went. Either way it is kept exactly as written, on the timeline of
the person it went to, and the follow-ups it affects are planned again
(correspondence.record_message)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from coffeechat.foundation.accounts.models import User
from coffeechat.network.people.models import Contact
from coffeechat.pipeline.conversations.models import Conversation
from coffeechat.pipeline.outreach import mail
from coffeechat.pipeline.outreach import services as outreach
from coffeechat.pipeline.outreach.models import Channel, Message, MessageTemplate, Purpose
from coffeechat.pipeline.services import correspondence

TEST_SUBJECT = "Coffeechat test message"
TEST_BODY = (
    "This is a test message from Coffeechat.\n\n"
    "If you can read it, your outreach can be sent straight from the compose page."
)
NOT_SENDABLE = {
    "no_server": "Sending needs a mail server: set one up under Email sending on your profile.",
    "no_email": "{name} has no email address on file, so Coffeechat cannot send to them.",
}


class NotSent(Exception):
    """Nothing went out and nothing was recorded; str() says why, in words for the user."""


@dataclass(frozen=True)
class SendState:
    """Whether "Send" can work for a message to `to`, and if not, why."""

    server: mail.SmtpServer | None
    reason: str  # "", "no_server" or "no_email"
    to: Contact

    @property
    def problem(self) -> str:
        return NOT_SENDABLE[self.reason].format(name=self.to.full_name) if self.reason else ""


@dataclass(frozen=True)
class Sent:
    message: Message
    server: mail.SmtpServer  # where it went through, for the confirmation


def send_state(user: User, to: Contact) -> SendState:
    return send_state_through(mail.smtp_server_for(user), to)


def send_state_through(server: mail.SmtpServer | None, to: Contact) -> SendState:
    """send_state with the user's server already looked up (a page sending to many people)."""
    if server is None:
        return SendState(server=None, reason="no_server", to=to)
    return SendState(server=server, reason="" if to.email else "no_email", to=to)


def send_now(
    *,
    user: User,
    to: Contact,
    contact: Contact,
    purpose: Purpose,
    subject: str,
    body: str,
    template: MessageTemplate | None,
    conversation: Conversation | None = None,
    introduction_to: Contact | None = None,
) -> Sent:
    """Send through the user's SMTP server to `to`, then record exactly what went out on
    `contact`, dated now; raises NotSent (recording nothing) if it cannot go or the server
    refuses it."""
    state = send_state(user, to)
    if state.reason or state.server is None:
        raise NotSent(state.problem)
    body = mail.plain_text(body)
    try:
        mail.send(
            state.server,
            to_name=to.full_name,
            to_email=to.email,
            subject=subject,
            body=body,
            sender_name=user.profile.display_name,
            reply_to=user.email,
        )
    except mail.SendFailed as error:
        raise NotSent(str(error)) from error
    message = correspondence.record_message(
        contact=contact,
        purpose=purpose,
        channel=Channel.EMAIL,
        subject=subject,
        body=body,
        sent_at=timezone.now(),
        conversation=conversation,
        template=template,
        introduction_to=introduction_to,
    )
    return Sent(message=message, server=state.server)


def mark_sent(
    *,
    user: User,
    contact: Contact,
    purpose: Purpose,
    channel: str,
    sent_on: date,
    subject: str,
    body: str,
    template: MessageTemplate | None,
    conversation: Conversation | None = None,
    introduction_to: Contact | None = None,
) -> Message:
    """Record a message sent another way, on the day the user says (in their time zone), on
    `contact`, the person it went to."""
    return correspondence.record_message(
        contact=contact,
        purpose=purpose,
        channel=channel,
        subject=subject,
        body=body,
        sent_at=outreach.sent_at_on(sent_on, user.profile.tz()),
        conversation=conversation,
        template=template,
        introduction_to=introduction_to,
    )


def send_test_message(user: User) -> tuple[str, mail.SmtpServer]:
    """Mail the user a test message through their server; returns the address it went to and
    the server, or raises NotSent. Nothing is recorded."""
    server = mail.smtp_server_for(user)
    if server is None:
        raise NotSent("Fill in the SMTP server and From address first.")
    to = user.email or server.from_address
    name = user.profile.display_name
    try:
        mail.send(
            server, to_name=name, to_email=to, subject=TEST_SUBJECT, body=TEST_BODY,
            sender_name=name,
        )  # fmt: skip
    except mail.SendFailed as error:
        raise NotSent(f"The test email was not sent. {error}") from error
    return to, server
