"""Writing to contacts: drafting from templates, recording what was sent and what came back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from urllib.parse import quote

from django.db import transaction
from django.utils import timezone

from coffeechat.accounts.models import Profile
from coffeechat.followups import services as followups
from coffeechat.method.messages import (
    REQUEST,
    THANK_YOU,
    MessageTemplate,
    connection_line,
    merge,
    subject_line,
)
from coffeechat.outreach.models import Channel, Message, Purpose, Reply
from coffeechat.people.models import Contact


@dataclass(frozen=True)
class Draft:
    subject: str
    body: str

    def mailto(self, to: str) -> str:
        return f"mailto:{quote(to)}?subject={quote(self.subject)}&body={quote(self.body)}"


def _personal_fields(contact: Contact, profile: Profile) -> dict[str, str]:
    organization = contact.organization.name if contact.organization else ""
    field = profile.fields_of_interest
    if not field and contact.organization and contact.organization.field:
        field = contact.organization.field.name
    introducer = contact.introduced_by.full_name if contact.introduced_by else ""
    return {
        "first_name": contact.first_name,
        "last_name": contact.last_name,
        "organization": organization,
        "role": contact.role,
        "introducer_name": introducer,
        "my_name": profile.display_name,
        "my_headline": profile.headline,
        "school": profile.school,
        "field": field or "this field",
        "connection_line": connection_line(
            contact.how_known, introducer=introducer, school=profile.school,
            organization=organization,
        ),
        "subject_connection": subject_line(
            contact.how_known, introducer=introducer, school=profile.school, field=field
        ),
    }  # fmt: skip


def draft_request(contact: Contact, profile: Profile) -> Draft:
    fields = _personal_fields(contact, profile)
    return Draft(merge(REQUEST.subject, fields), merge(REQUEST.body, fields))


# The one polite nudge (7 business days without a reply) and the later "your advice worked" note.
FOLLOW_UP = MessageTemplate(
    name="One polite follow-up",
    subject="Following up: {{subject_connection}}",
    body=(
        "Dear {{first_name}},\n\n"
        "I wrote to you recently and know how busy things get. I would still value 15-20 minutes "
        "of your advice about {{field}}, whenever suits you.\n\n"
        "Thank you,\n{{my_name}}"
    ),
)
UPDATE = MessageTemplate(
    name="An update after your advice",
    subject="An update, and thanks again",
    body=(
        "Dear {{first_name}},\n\n"
        "I wanted to let you know that I followed your advice and how it went: "
        "{{what_happened}}\n\n"
        "Thank you again for your help,\n{{my_name}}"
    ),
)


def draft_for(contact: Contact, profile: Profile, purpose: str) -> Draft:
    """A draft for a request, the follow-up nudge or an update (thank-yous need a conversation)."""
    if purpose == Purpose.FOLLOW_UP:
        template = FOLLOW_UP
    elif purpose == Purpose.UPDATE:
        template = UPDATE
    else:
        return draft_request(contact, profile)
    fields = _personal_fields(contact, profile)
    return Draft(merge(template.subject, fields), merge(template.body, fields))


def word_count(text: str) -> int:
    return len(text.split())


def sent_at_on(day: date, tz: tzinfo, now: datetime | None = None) -> datetime:
    """When a message marked sent on `day` went out: now if today, else that day at this time."""
    now = now or timezone.now()
    local_now = now.astimezone(tz)
    if day == local_now.date():
        return now
    return datetime.combine(day, local_now.time().replace(tzinfo=None), tzinfo=tz)


def draft_thank_you(conversation: object, profile: Profile) -> Draft:
    contact = conversation.contact
    fields = _personal_fields(contact, profile)
    advice = [t.text for t in conversation.takeaways.all() if t.kind == "advice"]
    referrals = [r.contact.first_name for r in conversation.referrals.select_related("contact")]
    start = conversation.local_start()
    fields["conversation_date"] = f"{start:%A} {start.day} {start:%B}"
    fields["learned_line"] = (
        f"Your advice to {advice[0][0].lower()}{advice[0][1:].rstrip('.')} was especially useful."
        if advice
        else "I learned a great deal about your work and the field."
    )
    fields["referral_line"] = (
        f" Thank you also for suggesting I speak with {_join(referrals)}; I will get in touch."
        if referrals
        else ""
    )
    return Draft(merge(THANK_YOU.subject, fields), merge(THANK_YOU.body, fields))


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


@transaction.atomic
def record_message(
    *,
    contact: Contact,
    purpose: str,
    channel: str,
    subject: str,
    body: str,
    sent_at: datetime,
    conversation: object = None,
) -> Message:
    """Store a sent message exactly as sent, and open or settle the follow-ups it affects."""
    message = Message.objects.create(
        owner=contact.owner,
        contact=contact,
        conversation=conversation,
        purpose=purpose,
        channel=channel,
        subject=subject,
        body=body,
        sent_at=sent_at,
    )
    followups.after_message_sent(contact, purpose=purpose, sent_at=sent_at)
    return message


@transaction.atomic
def record_reply(*, contact: Contact, received_on: date, outcome: str, note: str = "") -> Reply:
    reply = Reply.objects.create(
        owner=contact.owner, contact=contact, received_on=received_on, outcome=outcome, note=note
    )
    followups.after_reply(contact, received_on=received_on)
    return reply


def default_channel(contact: Contact) -> str:
    if contact.introduced_by_id:
        return Channel.EMAIL
    if not contact.email and contact.linkedin_url:
        return Channel.LINKEDIN
    return Channel.EMAIL
