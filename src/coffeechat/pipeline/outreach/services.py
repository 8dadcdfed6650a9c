"""Writing to contacts: drafting from templates, recording what was sent and what came back."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from urllib.parse import quote

from django.utils import timezone

from coffeechat.foundation.accounts.models import Profile, User
from coffeechat.method.messages import (
    BUILT_IN_TEMPLATES,
    BuiltInTemplate,
    Situation,
    built_in_for,
    merge,
)
from coffeechat.method.wording import choice, thanks
from coffeechat.method.wording.fields import Me, personal_fields
from coffeechat.method.wording.grammar import join_list
from coffeechat.method.wording.kinds import Tie, template_key, tie_of, ties_text
from coffeechat.network.people.models import Contact
from coffeechat.pipeline.conversations.models import Conversation, Referral, Status
from coffeechat.pipeline.outreach import crypto
from coffeechat.pipeline.outreach.models import (
    Channel,
    EmailSettings,
    Message,
    MessageTemplate,
    Purpose,
)


@dataclass(frozen=True)
class Draft:
    subject: str
    body: str

    def mailto(self, to: str) -> str:
        return f"mailto:{quote(to)}?subject={quote(self.subject)}&body={quote(self.body)}"


def built_in_rows(user: User) -> list[MessageTemplate]:
    """The user's own, editable copy of every built-in template (unsaved)."""
    return [
        MessageTemplate(
            owner=user,
            name=template.name,
            situation=template.situation.value,
            channel=template.channel,
            ties=ties_text(template.ties),
            subject=template.subject,
            body=template.body,
            built_in=True,
        )
        for template in BUILT_IN_TEMPLATES
    ]


def seed_templates(user: User) -> None:
    """Give a new user their own, editable copy of the built-in message templates."""
    MessageTemplate.objects.bulk_create(built_in_rows(user))


def _may_use_name(contact: Contact) -> bool | None:
    """Whether the referral that named `contact` lets the user say who suggested writing; None
    when no referral is on file (or the contact, the template editor's made-up person, was
    never saved). One query."""
    if contact.pk is None:
        return None
    referral = Referral.objects.filter(contact=contact)
    return referral.values_list("may_use_name", flat=True).first()


def tie_for(contact: Contact) -> Tie:
    """How the user knows the contact, as the wording needs it. Naming who suggested you write
    takes their permission, asked when the referral was noted (one query, only for referrals)."""
    introduced = contact.introduced_by_id is not None
    may_use_name = None
    if introduced or contact.how_known == "referral":
        may_use_name = _may_use_name(contact)
    return tie_of(contact.how_known, introduced=introduced, may_use_name=may_use_name)


def referrer_withheld(contact: Contact) -> str:
    """Why a message to `contact` leaves who suggested writing unnamed ({{referrer_name}}
    unfilled), "" when it may name them (one query, only for referrals)."""
    introducer = contact.introduced_by
    if introducer is None:
        if contact.how_known != "referral":
            return ""
        return "you have not said who suggested you write (“Introduced by” on their contact)"
    may = _may_use_name(contact)
    if may:
        return ""
    if may is None:
        return f"you have not noted that you may use {introducer.full_name}'s name"
    return (
        f"{introducer.full_name} has not said you may use their name (“May you use their "
        "name?” is not ticked on the referral)"
    )


def _personal_fields(
    contact: Contact, profile: Profile, tie: Tie, situation: Situation | None = None
) -> dict[str, str]:
    organization = contact.organization.name if contact.organization else ""
    field = profile.fields_of_interest
    if not field and contact.organization and contact.organization.field:
        field = contact.organization.field.name
    introducer = contact.introduced_by
    me = Me(
        name=profile.display_name, headline=profile.headline, school=profile.school,
        pitch=profile.elevator_pitch, field=field,
    )  # fmt: skip
    return personal_fields(
        contact.person_name, tie, me, organization=organization, role=contact.role,
        introducer=introducer.person_name if introducer else None, situation=situation,
    )  # fmt: skip


def conversation_lines(
    held_on: date,
    advice: Sequence[str] | Sequence[thanks.Note],
    referral_names: Sequence[str],
) -> dict[str, str]:
    """The thank-you's and update's lines about a conversation, from plain values: the day it
    was held (local to the user), what was noted in it (advice as text, or notes of advice and
    resources) and the first names it referred you to."""
    notes = [note if isinstance(note, thanks.Note) else thanks.Note(note) for note in advice]
    useful = thanks.useful_line(notes)
    names = join_list(referral_names)
    return {
        "conversation_date": f"{held_on:%A} {held_on.day} {held_on:%B}",
        "useful_line": useful,
        "learned_line": useful,
        "advice": thanks.acted_advice(notes),
        "referral_names": names,
        "referral_line": (
            f" Thank you also for suggesting I speak with {names}; I will get in touch."
            if names
            else ""
        ),
    }


def _conversation_fields(conversation: Conversation | None) -> dict[str, str]:
    """Those lines for a conversation that was held, read from the database."""
    if conversation is None:
        return {}
    notes = [
        thanks.Note(t.text, advice=t.kind == "advice", acted_on=t.acted_on_at is not None)
        for t in conversation.takeaways.all()
    ]
    referrals = [r.contact.first_name for r in conversation.referrals.select_related("contact")]
    return conversation_lines(conversation.local_happened_at().date(), notes, referrals)


def _last_held_conversation(contact: Contact) -> Conversation | None:

    return contact.conversations.filter(status=Status.HELD).order_by("-scheduled_at").first()


def advice_to_report(contact: Contact) -> bool:
    """Whether advice from the last conversation held was acted on and no update has been sent
    since (as Today's close-the-loop item has it): an update then closes the loop. Two queries."""
    conversation = _last_held_conversation(contact)
    if conversation is None:
        return False
    acted = (
        conversation.takeaways.filter(kind="advice", acted_on_at__isnull=False)
        .order_by("-acted_on_at")
        .values_list("acted_on_at", flat=True)
        .first()
    )
    if acted is None:
        return False
    sent = Message.objects.filter(
        owner_id=contact.owner_id, contact=contact, purpose=Purpose.UPDATE, sent_at__gte=acted
    )
    return not sent.exists()


def suggested_situation(contact: Contact, purpose: str, tie: Tie | None = None) -> Situation:
    return choice.situation_for(
        purpose,
        tie=tie if tie is not None else tie_for(contact),
        has_email=bool(contact.email),
        has_linkedin=bool(contact.linkedin_url),
        has_phone=bool(contact.phone),
        advice_to_report=purpose == Purpose.UPDATE and advice_to_report(contact),
    )


@dataclass(frozen=True)
class Suggestion:
    """The template compose opens with for this person and purpose, and why in one line."""

    template: MessageTemplate | None
    tie: Tie
    reason: str


def suggestion(contact: Contact, purpose: str) -> Suggestion:
    """The user's template that suits this person best: written for their tie, of the kind
    their details allow (two queries at most: the referral's permission, the templates)."""
    tie = tie_for(contact)
    situation = suggested_situation(contact, purpose, tie)
    return Suggestion(
        _best_template(contact.owner, situation, tie), tie, choice.reason(situation, tie)
    )


def _best_template(user: User, situation: Situation, tie: Tie) -> MessageTemplate | None:
    rows = list(
        MessageTemplate.objects.owned_by(user).filter(
            situation__in=[
                s.value for s in Situation if template_key(s, frozenset())[0] == situation
            ]
        )
    )
    candidates = [choice.Candidate(t.pk, t.situation_enum, t.tie_set, t.built_in) for t in rows]
    chosen = choice.best(candidates, situation, tie)
    return next((t for t in rows if t.pk == chosen), None)


def suggested_template(contact: Contact, purpose: str) -> MessageTemplate | None:
    """The user's template for the kind of message and tie that suit the contact."""
    return suggestion(contact, purpose).template


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
    tie: Tie | None = None,
) -> Draft:
    """The template with the contact's details merged in (the built-in text if none is left).
    The lines about a conversation come from `conversation` (an update without one uses the
    last held), unless given ready-made in `about_conversation` (see conversation_lines)."""
    tie = tie if tie is not None else tie_for(contact)
    text: MessageTemplate | BuiltInTemplate = (
        template
        if template is not None
        else built_in_for(suggested_situation(contact, purpose, tie), tie)
    )
    situation = Situation(text.situation)
    fields = _personal_fields(contact, profile, tie, situation)
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


def default_channel(contact: Contact, template: MessageTemplate | None = None) -> str:
    """How a message to `contact` most likely goes: the template's channel, but never email to
    someone with no address on file (LinkedIn if theirs is, else "" for the user to say)."""
    channel = template.channel if template is not None else Channel.EMAIL
    if channel == Channel.EMAIL and not contact.email:
        return Channel.LINKEDIN if contact.linkedin_url else ""
    return channel


# What a message written for another channel is, and what to do with it instead of e-mailing it.
_NOT_BY_EMAIL = {
    Channel.LINKEDIN: "written for LinkedIn: copy it into LinkedIn, then mark it as sent below",
    Channel.PHONE: "a script for a phone call: make the call, then mark it as sent below",
    Channel.IN_PERSON: "what to say in person: once you have asked, mark it as sent below",
    Channel.INTRODUCTION: "a note for a mutual contact to pass on: give it to them, then mark "
    "it as sent below",
}


def not_by_email(template: MessageTemplate | None) -> str:
    """Why the message is not sent (now or later) by e-mail from Coffeechat: its template is
    written for another channel. "" for an e-mail."""
    if template is None or template.channel == Channel.EMAIL:
        return ""
    what = _NOT_BY_EMAIL.get(Channel(template.channel), "not an e-mail")
    return f"“{template.name}” is {what}."


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
