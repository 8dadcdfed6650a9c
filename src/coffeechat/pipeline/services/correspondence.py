"""Recording messages sent and replies received, and the follow-ups each sets in motion."""

from __future__ import annotations

from datetime import date, datetime

from django.db import transaction

from coffeechat.network.people.models import Contact, HowKnown, Source
from coffeechat.pipeline.conversations.models import Conversation
from coffeechat.pipeline.followups import services as followups
from coffeechat.pipeline.outreach.models import Message, MessageTemplate, Purpose, Reply


@transaction.atomic
def record_message(
    *,
    contact: Contact,
    purpose: str,
    channel: str,
    subject: str,
    body: str,
    sent_at: datetime,
    conversation: Conversation | None = None,
    template: MessageTemplate | None = None,
    introduction_to: Contact | None = None,
) -> Message:
    """Store a sent message exactly as sent, on the person it went to, and open or settle the
    follow-ups it affects. A request for an introduction goes to the mutual contact (`contact`)
    and names whom to introduce (`introduction_to`)."""
    if (purpose == Purpose.INTRODUCTION) != (introduction_to is not None):
        raise ValueError("A request for an introduction, and only one, names whom to introduce.")
    message = Message.objects.create(
        owner=contact.owner,
        contact=contact,
        conversation=conversation,
        purpose=purpose,
        channel=channel,
        subject=subject,
        body=body,
        sent_at=sent_at,
        template=template,
        introduction_to=introduction_to,
    )
    followups.after_message_sent(
        contact, purpose=purpose, sent_at=sent_at, introduction_to=introduction_to
    )
    return message


@transaction.atomic
def record_reply(
    *,
    contact: Contact,
    received_on: date,
    outcome: str,
    note: str = "",
    suggested_first_name: str = "",
    suggested_last_name: str = "",
    suggested_role: str = "",
) -> Reply:
    """Log an answer; someone they suggested instead joins your contacts at the same
    organization, introduced by them, and is the next person to write to there."""
    reply = Reply.objects.create(
        owner=contact.owner, contact=contact, received_on=received_on, outcome=outcome, note=note
    )
    if suggested_first_name.strip():
        _suggested(
            contact,
            first_name=suggested_first_name.strip(),
            last_name=suggested_last_name.strip(),
            role=suggested_role.strip(),
        )
    followups.after_reply(contact, received_on=received_on)
    return reply


def _suggested(contact: Contact, *, first_name: str, last_name: str, role: str) -> Contact:
    """The colleague someone suggested: the one you already have there if the name matches
    (now introduced by them, unless someone else did), else a new contact there."""
    existing = (
        Contact.objects.owned_by(contact.owner)
        .filter(
            organization=contact.organization_id,  # none: those with no organization either
            first_name__iexact=first_name,
            last_name__iexact=last_name,
        )
        .exclude(pk=contact.pk)
        .first()
    )
    if existing is not None:
        if existing.introduced_by_id is None:
            existing.introduced_by = contact
            existing.save(update_fields=["introduced_by", "updated_at"])
        return existing
    return Contact.objects.create(
        owner=contact.owner,
        first_name=first_name,
        last_name=last_name,
        role=role,
        organization_id=contact.organization_id,
        how_known=HowKnown.REFERRAL,
        source=Source.REFERRAL,
        introduced_by=contact,
    )
