"""The two ways a written message is recorded, shared by the compose page and the network
update page: sent now through the user's SMTP server, or marked sent from wherever it went."""

from __future__ import annotations

from django.utils import timezone

from coffeechat.foundation.core.requests import AuthedRequest
from coffeechat.network.people.models import Contact
from coffeechat.pipeline.conversations.models import Conversation
from coffeechat.pipeline.outreach import mail, services
from coffeechat.pipeline.outreach.forms import SendForm
from coffeechat.pipeline.outreach.models import Channel, Purpose
from coffeechat.pipeline.services import correspondence

NOT_SENDABLE = {
    "no_server": "Sending needs a mail server: set one up under Email sending on your profile.",
    "no_email": "{name} has no email address on file, so Coffeechat cannot send to them.",
}


def send_state(request: AuthedRequest, to: Contact) -> dict[str, object]:
    """Whether "Send" can work, and if not, why (the page says it beside the button)."""
    server = mail.smtp_server_for(request.user)
    if server is None:
        return {"server": None, "reason": "no_server"}
    if not to.email:
        return {"server": server, "reason": "no_email"}
    return {"server": server, "reason": ""}


def send_now(
    request: AuthedRequest,
    form: SendForm,
    *,
    contact: Contact,
    to: Contact,
    purpose: Purpose,
    conversation: Conversation | None,
    introduction_to: Contact | None = None,
) -> str | None:
    """Send through SMTP, then record exactly what went out on `contact` (the person it went
    to); returns what to tell the user, or None with the failure added to the form (so the
    text stays on it)."""
    state = send_state(request, to)
    if state["reason"]:
        form.add_error(None, NOT_SENDABLE[state["reason"]].format(name=to.full_name))
        return None
    server, data = state["server"], form.cleaned_data
    body = mail.plain_text(data["body"])
    try:
        mail.send(
            server,
            to_name=to.full_name,
            to_email=to.email,
            subject=data["subject"],
            body=body,
            sender_name=request.user.profile.display_name,
            reply_to=request.user.email,
        )
    except mail.SendFailed as error:
        form.add_error(None, str(error))
        return None
    correspondence.record_message(
        contact=contact,
        purpose=purpose,
        channel=Channel.EMAIL,
        subject=data["subject"],
        body=body,
        sent_at=timezone.now(),
        conversation=conversation,
        template=data["template"],
        introduction_to=introduction_to,
    )
    if introduction_to is not None:
        return (
            f"Sent {to.full_name} ({to.email}) your request to introduce you to "
            f"{introduction_to.full_name}, through {server.where}."
        )
    kind = purpose.label.lower()
    return f"Sent your {kind} to {to.full_name} ({to.email}) through {server.where}."


def mark_sent(
    request: AuthedRequest,
    form: SendForm,
    *,
    contact: Contact,
    purpose: Purpose,
    conversation: Conversation | None,
    introduction_to: Contact | None = None,
) -> str:
    """Record a message sent another way, on the day the user says, on `contact` (the person
    it went to); returns the confirmation."""
    data = form.cleaned_data
    correspondence.record_message(
        contact=contact,
        purpose=purpose,
        channel=data["channel"],
        subject=data["subject"],
        body=data["body"],
        sent_at=services.sent_at_on(data["sent_on"], request.user.profile.tz()),
        conversation=conversation,
        template=data["template"],
        introduction_to=introduction_to,
    )
    if introduction_to is not None:
        return (
            f"Marked your request to {contact.full_name} to introduce you to "
            f"{introduction_to.full_name} as sent."
        )
    return f"Marked your {purpose.label.lower()} to {contact.full_name} as sent."
