"""Messages that go out later ("Send later" on the compose page): scheduling, editing and
cancelling them, and sending the ones that are due, exactly once.

`send_due` runs from the scheduler inside `coffeechat serve` each minute and from
`coffeechat remind`, possibly in several processes at the same moment. Each message is claimed
by one UPDATE ... WHERE state = 'scheduled' before its SMTP conversation starts: the database
lets exactly one of them match the row (SQLite takes writes in turn; PostgreSQL re-checks the
WHERE once the other's update commits), and only that one sends it. The claim is committed on
its own before sending, so no write lock is held through a 10-second SMTP timeout.

Only a message that has left becomes a Message (which starts the follow-up routine), dated the
moment it left. A failed try keeps it scheduled with the error shown and tries again later
(send_time.RETRY_WAITS), then marks it failed. A claim left "sending" by a process that died is
marked failed, never sent again: it may have left, and a stranger should not get it twice.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.db.models import Case, Q, When
from django.utils import timezone

from coffeechat.foundation.accounts.models import Profile, User
from coffeechat.method import send_time
from coffeechat.method.business_days import HolidayCalendar, UnknownRegion, public_holidays
from coffeechat.method.places import Place, place_of
from coffeechat.network.people.models import Contact
from coffeechat.pipeline.conversations.models import Conversation
from coffeechat.pipeline.outreach import mail
from coffeechat.pipeline.outreach.drafts import Slot
from coffeechat.pipeline.outreach.models import (
    Channel,
    Draft,
    MessageTemplate,
    Purpose,
    ScheduledMessage,
    ScheduledState,
)
from coffeechat.pipeline.services import correspondence

PENDING = (ScheduledState.SCHEDULED, ScheduledState.FAILED)
# Messages one pass sends at most; the rest wait for the next minute.
BATCH = 100
DIED = (
    "Sending was interrupted (the server stopped while talking to the mail server), so it may "
    "or may not have gone out: check your Sent folder, then send it again or cancel it."
)

TOO_LATE = (
    "Its moment passed more than a day ago while nothing could send it (Coffeechat was not "
    "running, or it came back from a backup), so it was held rather than sent late: check your "
    "Sent folder, then send it again or cancel it."
)


@dataclass(frozen=True)
class ReaderTime:
    """The time zone and public holidays of the person a message goes to, and which they are."""

    tz: zoneinfo.ZoneInfo
    holidays: HolidayCalendar
    note: str  # "Chicago time, from Priya's location" or why the user's own is used


def reader_time(contact: Contact, profile: Profile) -> ReaderTime:
    """Their zone and holidays from their location where it can be told, else from their
    organization's location, else the user's own, saying which."""
    organization = contact.organization
    sources = [(contact.location, f"{contact.first_name}'s location")]
    if organization is not None:
        sources.append((organization.location, f"{organization.name}'s location"))
    for location, whose in sources:
        place = place_of(location)
        if place is not None:
            return _there(place, f"from {whose} “{location.strip()}”")
    note = f"your time zone ({profile.time_zone}): {_why_not(contact)}"
    return ReaderTime(profile.tz(), profile.holidays(), note)


def _there(place: Place, source: str) -> ReaderTime:
    try:
        holidays = public_holidays(place.country, place.region)
    except UnknownRegion:
        holidays = public_holidays(place.country)
    city = place.zone.rsplit("/", 1)[-1].replace("_", " ")
    note = f"{city} time ({place.zone}), {source}"
    return ReaderTime(zoneinfo.ZoneInfo(place.zone), holidays, note)


def _why_not(contact: Contact) -> str:
    """Why neither their location nor their organization's tells a time zone."""
    name, organization = contact.first_name, contact.organization
    if contact.location.strip():
        why = f"{name}'s location “{contact.location.strip()}” does not tell a time zone"
    else:
        why = f"no location on file for {name}"
    if organization is not None and organization.location.strip():
        where = organization.location.strip()
        why += f", and {organization.name}'s location “{where}” does not tell one either"
    return why


def draft_slot(scheduled: ScheduledMessage) -> Slot:
    """The compose page (and so the draft) the message was written on."""
    if scheduled.introduction_to is not None:
        return Slot(scheduled.introduction_to, Purpose.REQUEST, scheduled.template)
    return Slot(scheduled.contact, scheduled.purpose, scheduled.template, scheduled.conversation)


@transaction.atomic
def schedule(
    *,
    contact: Contact,
    purpose: str,
    subject: str,
    body: str,
    send_at: datetime,
    tz: zoneinfo.ZoneInfo,
    zone_note: str,
    template: MessageTemplate | None = None,
    conversation: Conversation | None = None,
    introduction_to: Contact | None = None,
) -> ScheduledMessage:
    """Keep the message to go out at `send_at` to `contact` (who must have an e-mail)."""
    if (purpose == Purpose.INTRODUCTION) != (introduction_to is not None):
        raise ValueError("A request for an introduction, and only one, names whom to introduce.")
    return ScheduledMessage.objects.create(
        owner=contact.owner, contact=contact, purpose=purpose, subject=subject[:300],
        body=mail.plain_text(body), send_at=send_at, next_try_at=send_at, time_zone=str(tz),
        zone_note=zone_note[:200], template=template, conversation=conversation,
        introduction_to=introduction_to,
    )  # fmt: skip


def edit(scheduled: ScheduledMessage, *, subject: str, body: str, send_at: datetime) -> bool:
    """Change the text or the moment of a message not yet gone; False when it is leaving or
    has left (nothing is changed then). A failed one is scheduled again, its tries reset."""
    changed = ScheduledMessage.objects.filter(pk=scheduled.pk, state__in=PENDING).update(
        subject=subject[:300], body=mail.plain_text(body), send_at=send_at, next_try_at=send_at,
        state=ScheduledState.SCHEDULED, attempts=0, error="", updated_at=timezone.now(),
    )  # fmt: skip
    return changed == 1


@transaction.atomic
def cancel(scheduled: ScheduledMessage) -> Draft | None:
    """Take back a message not yet gone: its text becomes a draft again on the page it was
    written on (beside any draft written there since, never over it). None when it is leaving
    or has left."""
    gone, _ = ScheduledMessage.objects.filter(pk=scheduled.pk, state__in=PENDING).delete()
    if not gone:
        return None
    slot = draft_slot(scheduled)
    existing = slot.find()
    if existing is None or not (existing.subject.strip() or existing.body.strip()):
        return slot.save(subject=scheduled.subject, body=scheduled.body)
    if (existing.subject, existing.body) == (scheduled.subject, scheduled.body):
        return existing
    return Draft.objects.create(
        owner=scheduled.owner, contact=slot.contact, purpose=slot.purpose,
        template=slot.template, conversation=slot.conversation,
        subject=scheduled.subject, body=scheduled.body,
    )  # fmt: skip


# Sending -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """What one pass did with one message, with a line to print or log."""

    scheduled: ScheduledMessage
    sent: bool
    error: str = ""
    gave_up: bool = False

    def line(self) -> str:
        s = self.scheduled
        what = f"{s.get_purpose_display().lower()} to {s.contact.full_name}"
        who = s.owner.get_username()
        if self.sent:
            return f"{who}: sent the scheduled {what} <{s.contact.email}>"
        if self.gave_up:
            return f"{who}: the scheduled {what} failed: {self.error}"
        retry = s.next_try_at.astimezone(s.owner.profile.tz())
        return f"{who}: the scheduled {what} was not sent ({self.error}); next try {retry:%H:%M}"


def _claim(pk: int, now: datetime) -> bool:
    """Compare and swap: of several runs claiming the same message, exactly one UPDATE matches."""
    claimed = ScheduledMessage.objects.filter(
        pk=pk, state=ScheduledState.SCHEDULED, next_try_at__lte=now
    ).update(state=ScheduledState.SENDING, claimed_at=now, updated_at=now)
    return claimed == 1


def _give_up_on_stale(now: datetime, owners: list[int] | None) -> None:
    stale = ScheduledMessage.objects.filter(
        state=ScheduledState.SENDING, claimed_at__lt=now - send_time.STALE_CLAIM
    )
    if owners is not None:
        stale = stale.filter(owner__in=owners)
    stale.update(state=ScheduledState.FAILED, error=DIED, updated_at=now)


def _hold_the_long_overdue(now: datetime, owners: list[int] | None) -> None:
    overdue = ScheduledMessage.objects.filter(
        state=ScheduledState.SCHEDULED, next_try_at__lt=now - send_time.LATE_LIMIT
    )
    if owners is not None:
        overdue = overdue.filter(owner__in=owners)
    overdue.update(state=ScheduledState.FAILED, error=TOO_LATE, updated_at=now)


def due(now: datetime, owners: list[int] | None = None) -> list[ScheduledMessage]:
    """The messages whose moment has come (to send, or to say would be sent)."""
    # Longer overdue than LATE_LIMIT is held, not sent (_hold_the_long_overdue).
    found = ScheduledMessage.objects.filter(
        state=ScheduledState.SCHEDULED,
        next_try_at__lte=now,
        next_try_at__gte=now - send_time.LATE_LIMIT,
    )
    if owners is not None:
        found = found.filter(owner__in=owners)
    return list(
        found.select_related("owner__profile", "contact", "introduction_to", "conversation")
        .select_related("template")
        .order_by("next_try_at", "id")[:BATCH]
    )


def send_due(now: datetime | None = None, *, users: Iterable[User] | None = None) -> list[Outcome]:
    """Send every scheduled message that is due (of `users`, or everyone's), each exactly once
    however many processes run this at the same moment."""
    now = now or timezone.now()
    owners = [user.pk for user in users] if users is not None else None
    _give_up_on_stale(now, owners)
    _hold_the_long_overdue(now, owners)
    outcomes = []
    for scheduled in due(now, owners):
        if _claim(scheduled.pk, now):
            outcomes.append(_send_claimed(scheduled, now))
    return outcomes


def _send_claimed(scheduled: ScheduledMessage, now: datetime) -> Outcome:
    owner, to = scheduled.owner, scheduled.contact
    server = mail.smtp_server_for(owner)
    if server is None:
        return _failed(scheduled, now, "no mail server is set up (Email sending on your profile)")
    if not to.email:
        return _failed(scheduled, now, f"{to.full_name} has no e-mail address on file any more")
    try:
        mail.send(
            server, to_name=to.full_name, to_email=to.email, subject=scheduled.subject,
            body=scheduled.body, sender_name=owner.profile.display_name, reply_to=owner.email,
        )  # fmt: skip
    except mail.SendFailed as error:
        return _failed(scheduled, now, str(error), retry=True)
    left_at = timezone.now()  # the moment it left, not the moment the pass began
    with transaction.atomic():
        message = correspondence.record_message(
            contact=to, purpose=scheduled.purpose, channel=Channel.EMAIL,
            subject=scheduled.subject, body=scheduled.body, sent_at=left_at,
            conversation=scheduled.conversation, template=scheduled.template,
            introduction_to=scheduled.introduction_to,
        )  # fmt: skip
        ScheduledMessage.objects.filter(pk=scheduled.pk).update(
            state=ScheduledState.SENT, message=message, attempts=scheduled.attempts + 1,
            error="", updated_at=left_at,
        )  # fmt: skip
    scheduled.state, scheduled.message = ScheduledState.SENT, message
    return Outcome(scheduled, sent=True)


def _failed(
    scheduled: ScheduledMessage, now: datetime, error: str, *, retry: bool = False
) -> Outcome:
    """Keep it scheduled for a later try (a mail server that may come back), or give up."""
    attempts = scheduled.attempts + 1
    again = send_time.retry_at(attempts, now) if retry else None
    state = ScheduledState.SCHEDULED if again else ScheduledState.FAILED
    ScheduledMessage.objects.filter(pk=scheduled.pk, state=ScheduledState.SENDING).update(
        state=state, attempts=attempts, error=error, next_try_at=again or scheduled.next_try_at,
        updated_at=now,
    )  # fmt: skip
    scheduled.state, scheduled.attempts, scheduled.error = state, attempts, error
    scheduled.next_try_at = again or scheduled.next_try_at
    return Outcome(scheduled, sent=False, error=error, gave_up=again is None)


def pending_for(
    user: User, *, contact: Contact | None = None, limit: int | None = None
) -> list[ScheduledMessage]:
    """The user's messages still to leave (scheduled, leaving, or failed and waiting for
    them), the failed first, then the soonest: for Today and a contact's page (one query)."""
    shown = (*PENDING, ScheduledState.SENDING)
    found = ScheduledMessage.objects.owned_by(user).filter(state__in=shown)
    if contact is not None:
        found = found.filter(Q(contact=contact) | Q(introduction_to=contact))
    failed_first = Case(When(state=ScheduledState.FAILED, then=0), default=1)
    found = found.select_related("contact", "introduction_to").order_by(
        failed_first, "send_at", "id"
    )
    return list(found[:limit] if limit is not None else found)
