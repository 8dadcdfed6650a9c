"""Test data in one call, so a test states only what matters to it.

    acme = organization(alice, "Acme Climate", motivation=3)
    priya = contact(alice, "Priya Shah", org=acme, how_known="alumni")
    request_sent(priya, on=date(2026, 11, 16))
    reply(priya, on=date(2026, 11, 18), outcome="declined")
    chat = conversation(priya, at=FRIDAY_10AM, status="held")

Records with history go through the app's own service functions (record_message, record_reply,
add_referral, end, cancel...), so follow-ups are planned exactly as when a person clicks; plain
rows (organizations, contacts) are created directly, as their forms do. Any model field can be
given as a keyword to override a default.
"""

from __future__ import annotations

from datetime import date, datetime, time

from django.utils import timezone

from coffeechat.method.messages import BUILT_IN, Situation
from coffeechat.network.people.models import Contact
from coffeechat.network.research.models import Field, Organization
from coffeechat.pipeline.conversations import services as conversations
from coffeechat.pipeline.conversations.models import Conversation, Referral, Status, Takeaway
from coffeechat.pipeline.outreach.models import (
    Message,
    MessageTemplate,
    Purpose,
    Reply,
    ScheduledMessage,
)
from coffeechat.pipeline.services import conversation_changes, correspondence

# A dated message with no time of day goes out at 09:00, the owner's local time.
MORNING = time(9, 0)


def field(owner: object, name: str = "Climate finance", **fields: object) -> Field:
    return Field.objects.create(owner=owner, name=name, **fields)


def organization(owner: object, name: str = "Acme Climate", **fields: object) -> Organization:
    return Organization.objects.create(owner=owner, name=name, **fields)


def _organization(owner: object, org: Organization | str | None) -> Organization | None:
    """An organization given by name is the owner's one of that name, created if need be, so
    two contacts "at Acme" share it."""
    if not isinstance(org, str):
        return org
    return Organization.objects.owned_by(owner).filter(name=org).first() or organization(owner, org)


def contact(
    owner: object,
    name: str = "Priya Shah",
    *,
    org: Organization | str | None = None,
    **fields: object,
) -> Contact:
    """A contact: "Priya Shah" is first name Priya, last name Shah ("Kim" has no last name);
    first_name (and last_name) as keywords replace the name, for names it would split wrong."""
    org = fields.pop("organization", org)  # the model's own name for it works too
    if "first_name" in fields:
        fields.setdefault("last_name", "")
    else:
        fields["first_name"], _, fields["last_name"] = name.partition(" ")
    return Contact.objects.create(owner=owner, organization=_organization(owner, org), **fields)


def _moment(owner: object, on: date | datetime | None) -> datetime:
    if on is None:
        return timezone.now()
    if isinstance(on, datetime):
        return on
    return datetime.combine(on, MORNING, tzinfo=owner.profile.tz())


def sent(
    to: Contact,
    purpose: str = Purpose.REQUEST,
    *,
    on: date | datetime | None = None,
    channel: str = "email",
    subject: str = "",
    body: str = "Hello",
    **extra: object,
) -> Message:
    """A message recorded as sent (now, at a moment, or at 09:00 local on a day), with what it
    sets in motion; `extra` goes to record_message (template, conversation, introduction_to)."""
    return correspondence.record_message(
        contact=to,
        purpose=purpose,
        channel=channel,
        subject=subject,
        body=body,
        sent_at=_moment(to.owner, on),
        **extra,
    )


def request_sent(to: Contact, *, on: date | datetime | None = None, **extra: object) -> Message:
    """A request for a conversation: starts the 3B7 no-reply routine."""
    return sent(to, Purpose.REQUEST, on=on, **extra)


def scheduled(
    to: Contact,
    *,
    at: datetime,
    time_zone: str = "UTC",
    purpose: str = Purpose.REQUEST,
    body: str = "Hello",
    **fields: object,
) -> ScheduledMessage:
    """A message kept to go out by e-mail at `at` ("Send later"), nothing sent yet."""
    return ScheduledMessage.objects.create(
        owner=to.owner, contact=to, purpose=purpose, body=body, send_at=at, next_try_at=at,
        time_zone=time_zone, **fields,
    )  # fmt: skip


def reply(
    by: Contact,
    *,
    on: date | None = None,
    outcome: str = "agreed",
    note: str = "",
    **suggested: str,
) -> Reply:
    """An answer logged (today, in the owner's time zone, unless `on`); `suggested` takes
    suggested_first_name/_last_name/_role for a colleague they pointed to instead."""
    received_on = on or timezone.localdate(timezone=by.owner.profile.tz())
    return correspondence.record_reply(
        contact=by, received_on=received_on, outcome=outcome, note=note, **suggested
    )


def conversation(
    with_: Contact,
    *,
    at: datetime | None = None,
    status: str = Status.SCHEDULED,
    ended_at: datetime | None = None,
    **fields: object,
) -> Conversation:
    """A conversation scheduled as on the schedule page (in the owner's time zone unless
    `time_zone` says otherwise), then taken to `status`: held (ended at `ended_at`, default its
    start), cancelled, or in progress (the clock started at its start)."""
    fields.setdefault("time_zone", with_.owner.profile.time_zone)
    chat = Conversation.objects.create(
        owner=with_.owner, contact=with_, scheduled_at=at or timezone.now(), **fields
    )
    conversation_changes.after_scheduled(chat)
    if status == Status.HELD:
        conversation_changes.end(
            chat,
            learned=chat.learned,
            still_unknown=chat.still_unknown,
            next_steps=chat.next_steps,
            now=ended_at or chat.scheduled_at,
        )
    elif status == Status.CANCELLED:
        conversation_changes.cancel(chat)
    elif status == Status.IN_PROGRESS:
        conversations.start(chat, now=chat.scheduled_at)
    return chat


def held(with_: Contact, *, at: datetime | None = None, **fields: object) -> Conversation:
    """A conversation that took place at `at` and was ended there and then."""
    return conversation(with_, at=at, status=Status.HELD, **fields)


def takeaway(chat: Conversation, text: str, *, kind: str = "advice") -> Takeaway:
    return conversations.add_takeaway(chat, kind=kind, text=text)


def referral(
    chat: Conversation,
    name: str = "Sam Lee",
    *,
    org: str = "",
    may_use_name: bool = False,
    **fields: str,
) -> Referral:
    """Someone suggested in a conversation: a new contact introduced by the person met, to
    write to within 3 business days (`fields`: role, email; organization by name)."""
    first, _, last = name.partition(" ")
    return conversation_changes.add_referral(
        chat,
        first_name=first,
        last_name=last,
        organization=org,
        may_use_name=may_use_name,
        **fields,
    )


def built_in_template(user: object, situation: str) -> MessageTemplate:
    """The user's built-in template for a situation: its general text (the one for a cold
    contact, where the texts differ by tie)."""
    name = BUILT_IN[Situation(situation)].name
    return MessageTemplate.objects.get(owner=user, built_in=True, name=name)


def may_name_introducer(contact: Contact) -> Referral:
    """Record that whoever introduced `contact` said their name may be used (a conversation
    with them, held, in which they suggested `contact`)."""
    assert contact.introduced_by is not None
    chat = Conversation.objects.create(
        owner=contact.owner, contact=contact.introduced_by, scheduled_at=timezone.now(),
        status=Status.HELD,
    )  # fmt: skip
    return Referral.objects.create(conversation=chat, contact=contact, may_use_name=True)
