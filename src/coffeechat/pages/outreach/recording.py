"""Between a posted message form and the sending services (pipeline/services/sending): what
the compose and network-update pages record, and what they tell the user once it is."""

from __future__ import annotations

from coffeechat.foundation.accounts.models import User
from coffeechat.network.people.models import Contact
from coffeechat.pipeline.conversations.models import Conversation
from coffeechat.pipeline.outreach.forms import SendForm
from coffeechat.pipeline.outreach.models import Purpose
from coffeechat.pipeline.services import sending


def send(
    user: User,
    form: SendForm,
    *,
    to: Contact,
    contact: Contact,
    purpose: Purpose,
    conversation: Conversation | None,
    introduction_to: Contact | None = None,
) -> str | None:
    """Send the valid `form` now and record it on `contact`; the confirmation, or None with
    the reason on the form (so the text stays on the page)."""
    data = form.cleaned_data
    try:
        sent = sending.send_now(
            user=user, to=to, contact=contact, purpose=purpose, conversation=conversation,
            introduction_to=introduction_to, subject=data["subject"], body=data["body"],
            template=data["template"],
        )  # fmt: skip
    except sending.NotSent as problem:
        form.add_error(None, str(problem))
        return None
    if introduction_to is not None:
        return (
            f"Sent {to.full_name} ({to.email}) your request to introduce you to "
            f"{introduction_to.full_name}, through {sent.server.where}."
        )
    kind = purpose.label.lower()
    return f"Sent your {kind} to {to.full_name} ({to.email}) through {sent.server.where}."


def mark_sent(
    user: User,
    form: SendForm,
    *,
    contact: Contact,
    purpose: Purpose,
    conversation: Conversation | None,
    introduction_to: Contact | None = None,
) -> str:
    """Record the valid `form` as sent another way, on `contact`; the confirmation."""
    data = form.cleaned_data
    sending.mark_sent(
        user=user, contact=contact, purpose=purpose, conversation=conversation,
        channel=data["channel"], sent_on=data["sent_on"], introduction_to=introduction_to,
        subject=data["subject"], body=data["body"], template=data["template"],
    )  # fmt: skip
    if introduction_to is not None:
        return (
            f"Marked your request to {contact.full_name} to introduce you to "
            f"{introduction_to.full_name} as sent."
        )
    return f"Marked your {purpose.label.lower()} to {contact.full_name} as sent."
