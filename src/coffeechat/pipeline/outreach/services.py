"""Writing to contacts: drafting from templates, recording what was sent and what came back."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from urllib.parse import quote

from django.utils import timezone

from coffeechat.foundation.accounts.models import Profile, User
from coffeechat.method.messages import (
    BUILT_IN,
    BUILT_IN_TEMPLATES,
    BuiltInTemplate,
    Situation,
    connection_line,
    default_situation,
    merge,
)
from coffeechat.network.people.models import Contact
from coffeechat.pipeline.conversations.models import Conversation, Status
from coffeechat.pipeline.outreach import crypto
from coffeechat.pipeline.outreach.models import (
    Channel,
    EmailSettings,
    MessageTemplate,
    Purpose,
)


@dataclass(frozen=True)
class Draft:
    subject: str
    body: str

    def mailto(self, to: str) -> str:
        return f"mailto:{quote(to)}?subject={quote(self.subject)}&body={quote(self.body)}"


def seed_templates(user: User) -> None:
    """Give a new user their own, editable copy of the built-in message templates."""
    MessageTemplate.objects.bulk_create(
        MessageTemplate(
            owner=user,
            name=template.name,
            situation=template.situation.value,
            channel=template.channel,
            subject=template.subject,
            body=template.body,
            built_in=True,
        )
        for template in BUILT_IN_TEMPLATES
    )


def _personal_fields(contact: Contact, profile: Profile) -> dict[str, str]:
    organization = contact.organization.name if contact.organization else ""
    field = profile.fields_of_interest
    if not field and contact.organization and contact.organization.field:
        field = contact.organization.field.name
    introducer = contact.introduced_by
    referrer = introducer.full_name if introducer else ""
    return {
        "first_name": contact.first_name,
        "last_name": contact.last_name,
        "organization": organization,
        "role": contact.role,
        "referrer_name": referrer,
        "referrer_first_name": introducer.first_name if introducer else "",
        "my_name": profile.display_name,
        "my_headline": profile.headline,
        "school": profile.school,
        "pitch": profile.elevator_pitch.strip(),
        "field": field or "this field",
        "connection_line": connection_line(
            contact.how_known, introducer=referrer, school=profile.school,
            organization=organization,
        ),
    }  # fmt: skip


def conversation_lines(
    held_on: date, advice: Sequence[str], referral_names: Sequence[str]
) -> dict[str, str]:
    """The thank-you's and update's lines about a conversation, from plain values: the day it
    was held (local to the user), the advice given in it and the first names it referred you to."""
    return {
        "conversation_date": f"{held_on:%A} {held_on.day} {held_on:%B}",
        "learned_line": (
            f"Your advice to {advice[0][0].lower()}{advice[0][1:].rstrip('.')} "
            "was especially useful."
            if advice
            else "I learned a great deal about your work and the field."
        ),
        "referral_line": (
            f" Thank you also for suggesting I speak with {_join(referral_names)}; "
            "I will get in touch."
            if referral_names
            else ""
        ),
    }


def _conversation_fields(conversation: Conversation | None) -> dict[str, str]:
    """Those lines for a conversation that was held, read from the database."""
    if conversation is None:
        return {}
    advice = [t.text for t in conversation.takeaways.all() if t.kind == "advice"]
    referrals = [r.contact.first_name for r in conversation.referrals.select_related("contact")]
    return conversation_lines(conversation.local_happened_at().date(), advice, referrals)


def _last_held_conversation(contact: Contact) -> Conversation | None:

    return contact.conversations.filter(status=Status.HELD).order_by("-scheduled_at").first()


def suggested_situation(contact: Contact, purpose: str) -> Situation:
    return default_situation(
        purpose,
        how_known=contact.how_known,
        introduced=contact.introduced_by_id is not None,
        has_email=bool(contact.email),
        has_linkedin=bool(contact.linkedin_url),
    )


def suggested_template(contact: Contact, purpose: str) -> MessageTemplate | None:
    """The user's template for the situation that suits the contact (the oldest, if several)."""
    return template_for(contact.owner, suggested_situation(contact, purpose))


def template_for(user: User, situation: Situation) -> MessageTemplate | None:
    """The user's template for a situation: the built-in one, else the oldest of theirs."""
    return (
        MessageTemplate.objects.owned_by(user)
        .filter(situation=situation.value)
        .order_by("-built_in", "id")
        .first()
    )


def draft(
    contact: Contact,
    profile: Profile,
    template: MessageTemplate | None,
    *,
    purpose: str = Purpose.REQUEST,
    conversation: Conversation | None = None,
    about_conversation: Mapping[str, str] | None = None,
) -> Draft:
    """The template with the contact's details merged in (the built-in text if none is left).
    The lines about a conversation come from `conversation` (an update without one uses the
    last held), unless given ready-made in `about_conversation` (see conversation_lines)."""
    text: MessageTemplate | BuiltInTemplate = (
        template if template is not None else BUILT_IN[suggested_situation(contact, purpose)]
    )
    fields = _personal_fields(contact, profile)
    if about_conversation is None:
        if conversation is None and purpose == Purpose.UPDATE:
            conversation = _last_held_conversation(contact)
        about_conversation = _conversation_fields(conversation)
    fields.update(about_conversation)
    return Draft(merge(text.subject, fields), merge(text.body, fields))


def draft_thank_you(conversation: Conversation, profile: Profile) -> Draft:
    contact = conversation.contact
    template = suggested_template(contact, Purpose.THANK_YOU)
    return draft(contact, profile, template, purpose=Purpose.THANK_YOU, conversation=conversation)


def word_count(text: str) -> int:
    return len(text.split())


def sent_at_on(day: date, tz: tzinfo, now: datetime | None = None) -> datetime:
    """When a message marked sent on `day` went out: now if today, else that day at this time."""
    now = now or timezone.now()
    local_now = now.astimezone(tz)
    if day == local_now.date():
        return now
    return datetime.combine(day, local_now.time().replace(tzinfo=None), tzinfo=tz)


def _join(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def default_channel(contact: Contact, template: MessageTemplate | None = None) -> str:
    """How a message to `contact` most likely goes: the template's channel, but never email to
    someone with no address on file (LinkedIn if theirs is, else "" for the user to say)."""
    channel = template.channel if template is not None else Channel.EMAIL
    if channel == Channel.EMAIL and not contact.email:
        return Channel.LINKEDIN if contact.linkedin_url else ""
    return channel


def save_email_settings(
    user: User,
    *,
    host: str,
    port: int,
    username: str,
    security: str,
    from_address: str,
    password: str = "",
    forget_password: bool = False,
) -> EmailSettings:
    """Store the user's SMTP server; a new password is encrypted, an empty one keeps the old."""
    own, _ = EmailSettings.objects.get_or_create(user=user)
    own.host, own.port, own.username = host.strip(), port, username.strip()
    own.security, own.from_address = security, from_address.strip()
    if forget_password:
        own.password_encrypted = ""
    elif password:
        own.password_encrypted = crypto.encrypt(password)
    own.save()
    return own


@dataclass(frozen=True)
class Addressed:
    """Where a message written on a contact's compose page goes, and what it is recorded as."""

    to: Contact  # who receives it, and on whose timeline it is kept
    purpose: str
    introduction_to: Contact | None = None  # asking `to` to introduce you to this person
    problem: str = ""  # why it cannot be recorded as it stands


def addressed(contact: Contact, template: MessageTemplate | None, purpose: str) -> Addressed:
    """Asking Priya to introduce you to Sam (or sending her the blurb to forward) goes to Priya
    and is kept on her timeline as a request for an introduction, never as a request to Sam:
    Sam has received nothing, so his reply routine does not start."""
    if (
        purpose != Purpose.REQUEST
        or template is None
        or not template.situation_enum.goes_to_introducer
    ):
        return Addressed(contact, purpose)
    if contact.introduced_by is None:
        return Addressed(
            contact,
            purpose,
            problem=f"“{template.name}” goes to the person who can introduce you to "
            f"{contact.full_name}: say who that is under “Introduced by” on their contact first, "
            "or pick another template.",
        )
    return Addressed(contact.introduced_by, Purpose.INTRODUCTION, introduction_to=contact)


def recipient(contact: Contact, template: MessageTemplate | None) -> Contact:
    """Who it is sent to: the mutual contact when asking them for an introduction, and with
    the blurb they will forward."""
    if template is not None and template.situation_enum.goes_to_introducer:
        return contact.introduced_by or contact
    return contact


def reader(contact: Contact, template: MessageTemplate | None) -> Contact:
    """Who it is written to: the person, except in a request for an introduction."""
    if template is not None and template.situation_enum.read_by_introducer:
        return contact.introduced_by or contact
    return contact
