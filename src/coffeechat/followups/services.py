"""Opening and closing follow-ups as the user's actions make them due or settle them."""

from __future__ import annotations

import re
from datetime import date, datetime

from django.utils import timezone

from coffeechat.followups import keep_in_touch
from coffeechat.followups.models import FollowUp
from coffeechat.method import cadence
from coffeechat.method.today import Kind
from coffeechat.people.models import Contact

# The follow-ups a request with no answer runs through (the "3B7" routine).
WAITING_FOR_REPLY = (Kind.NO_REPLY, Kind.NUDGE, Kind.MOVE_ON)
# How a "try the next contact" follow-up says it was closed by writing to someone there: always
# the end of its note, whole, as " Done: you wrote to Sam Lee on Mon 30 Nov."
_WROTE_TO_NEXT = " Done: you wrote to "
_WROTE_TO_NEXT_TAIL = re.compile(r".+ on [A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2}\.")
_NOTE_LIMIT = FollowUp._meta.get_field("note").max_length


def open_followup(
    *,
    contact: Contact,
    kind: Kind,
    due_on: date,
    due_at: datetime | None = None,
    conversation: object = None,
    note: str = "",
) -> FollowUp:
    return FollowUp.objects.create(
        owner=contact.owner,
        contact=contact,
        kind=kind.value,
        due_on=due_on,
        due_at=due_at,
        conversation=conversation,
        note=note,
    )


def settle(contact: Contact, *kinds: Kind, when: datetime | None = None) -> int:
    """Mark the contact's open follow-ups of these kinds done; returns how many."""
    return (
        FollowUp.objects.owned_by(contact.owner)
        .open()
        .filter(contact=contact, kind__in=[kind.value for kind in kinds])
        .update(done_at=when or timezone.now())
    )


def settle_waiting_for_reply(contact: Contact, when: datetime | None = None) -> int:
    """An answer of any kind (a reply, a decline, a time agreed by phone) ends the no-reply
    routine: no next contact to try, no nudge, nothing to move on from."""
    return settle(contact, *WAITING_FOR_REPLY, when=when)


def complete(followup: FollowUp, when: datetime | None = None) -> None:
    followup.done_at = when or timezone.now()
    followup.save(update_fields=["done_at", "updated_at"])
    if followup.kind == Kind.KEEP_IN_TOUCH:
        keep_in_touch.replan(followup.contact)  # done counts as being in touch: plan the next
    elif followup.kind == Kind.MOVE_ON:
        # Having moved on, a follow-up never sent is not owed any more.
        settle(followup.contact, Kind.NUDGE, when=followup.done_at)


def reopen(followup: FollowUp) -> None:
    followup.done_at = None
    if followup.kind == Kind.NO_REPLY:
        # Reopened, it is owed again: drop what closed it (see _next_contact_written).
        followup.note = _without_wrote_to_next(followup.note)
    followup.save(update_fields=["done_at", "note", "updated_at"])
    if followup.kind == Kind.KEEP_IN_TOUCH:
        keep_in_touch.replan(followup.contact)  # never two open ones


def after_message_sent(
    contact: Contact,
    *,
    purpose: str,
    sent_at: datetime,
    introduction_to: Contact | None = None,
) -> None:
    """Open the follow-ups a sent message starts, and settle the ones it answers."""
    profile = contact.owner.profile
    holidays = profile.holidays()
    sent_on = timezone.localdate(sent_at, timezone=profile.tz())
    if purpose == "introduction":
        _after_introduction_asked(contact, introduction_to, sent_at, sent_on, holidays)
        keep_in_touch.replan(contact)
        return
    # Writing to a referral is what "contact the referral" asks for.
    settle(contact, Kind.CONTACT_REFERRAL, when=sent_at)
    if purpose == "request":
        _next_contact_written(contact, sent_at, sent_on)
        _settle_introduction_reminders(contact, when=sent_at)  # the introduction happened
        waiting = contact.followups.open().filter(kind__in=WAITING_FOR_REPLY).exists()
        if not waiting and _asking_afresh(contact, sent_on):
            _start_reply_routine(contact, sent_on, holidays)
    elif purpose == "follow_up":
        # One polite nudge, never a third message; to a mutual contact, it is the reminder.
        settle(contact, Kind.NUDGE, Kind.FOLLOW_UP, when=sent_at)
    elif purpose == "thank_you":
        settle(contact, Kind.THANK_YOU, when=sent_at)
    elif purpose == "update":
        # An update is what keeping in touch and closing the loop both ask for.
        settle(contact, Kind.KEEP_IN_TOUCH, Kind.CLOSE_THE_LOOP, when=sent_at)
    keep_in_touch.replan(contact)  # any message restarts the cadence from the day it was sent


def _asking_afresh(contact: Contact, sent_on: date) -> bool:
    """A request starts the routine unless they have answered since it (or on its day): one
    sent in autumn to someone who declined in spring ("try me in autumn") waits afresh."""
    last_reply = contact.replies.order_by("-received_on").values_list("received_on", flat=True)
    last_reply_on = last_reply.first()
    return last_reply_on is None or sent_on > last_reply_on


def _after_introduction_asked(
    introducer: Contact,
    target: Contact | None,
    sent_at: datetime,
    sent_on: date,
    holidays: object,
) -> None:
    """Asking Priya to introduce you to Sam: nothing starts for Sam, who received nothing. Priya
    gets one gentle reminder after 7 business days; asking her again about Sam is that reminder,
    and after it nothing more (a favour asked twice is enough)."""
    if target is not None:
        # Going through the person who suggested them is one way of contacting a referral.
        settle(target, Kind.CONTACT_REFERRAL, when=sent_at)
    asked_before = (
        introducer.messages.filter(purpose="introduction", introduction_to=target).count() > 1
    )
    reminder_open = introducer.followups.open().filter(kind=Kind.FOLLOW_UP).exists()
    if asked_before:
        settle(introducer, Kind.FOLLOW_UP, when=sent_at)
    elif not reminder_open:
        about = f" to {target.full_name}" if target is not None else ""
        open_followup(
            contact=introducer,
            kind=Kind.FOLLOW_UP,
            due_on=cadence.nudge_due(sent_on, holidays),
            note=f"No word yet about introducing you{about} after 7 business days: "
            "one short, friendly reminder, then leave it.",
        )


def _settle_introduction_reminders(target: Contact, when: datetime | None = None) -> None:
    """Writing to Sam, or hearing from him, means the introduction is no longer owed: the
    reminders to whoever was asked for it are settled."""
    asked = target.introductions_asked.values("contact_id")
    FollowUp.objects.owned_by(target.owner).open().filter(
        kind=Kind.FOLLOW_UP, contact_id__in=asked
    ).update(done_at=when or timezone.now())


def _next_contact_written(contact: Contact, sent_at: datetime, sent_on: date) -> None:
    """Writing to someone at an organization is what "try the next contact there" asks of the
    others waiting there: their own nudge and move-on still follow, one person at a time."""
    if contact.organization_id is None:
        return
    tried = (
        FollowUp.objects.owned_by(contact.owner)
        .open()
        .filter(kind=Kind.NO_REPLY, contact__organization_id=contact.organization_id)
        .exclude(contact=contact)
    )
    done = f"{_WROTE_TO_NEXT}{contact.full_name} on {sent_on:%a} {sent_on.day} {sent_on:%b}."
    room = _NOTE_LIMIT - len(done)
    for followup in tried:
        followup.done_at = sent_at
        # The note's own words are shortened to make room, never what closed it.
        own = followup.note if len(followup.note) <= room else followup.note[: room - 1] + "…"
        followup.note = own + done
        followup.save(update_fields=["done_at", "note", "updated_at"])


def _without_wrote_to_next(note: str) -> str:
    """The note as it was before writing to the next contact closed it; a note that merely
    contains the words (the user's own) stays whole."""
    own, marker, tail = note.rpartition(_WROTE_TO_NEXT)
    return own if marker and _WROTE_TO_NEXT_TAIL.fullmatch(tail) else note


def _start_reply_routine(contact: Contact, sent_on: date, holidays: object) -> None:
    open_followup(
        contact=contact,
        kind=Kind.NO_REPLY,
        due_on=cadence.no_reply_check_due(sent_on, holidays),
        note="No reply after 3 business days: write to the next contact there.",
    )
    open_followup(
        contact=contact,
        kind=Kind.NUDGE,
        due_on=cadence.nudge_due(sent_on, holidays),
        note="No reply after 7 business days: one short, polite follow-up.",
    )
    open_followup(
        contact=contact,
        kind=Kind.MOVE_ON,
        due_on=cadence.move_on_due(sent_on, holidays),
        note="Still no reply after 10 business days: move on gracefully, no third message.",
    )


def after_reply(contact: Contact, *, received_on: date) -> None:
    """An answer, even a no, ends the waiting routine (and, from a mutual contact, the reminder
    about an introduction); hearing from them restarts the cadence."""
    settle_waiting_for_reply(contact)
    settle(contact, Kind.FOLLOW_UP)
    _settle_introduction_reminders(contact)
    keep_in_touch.replan(contact)
