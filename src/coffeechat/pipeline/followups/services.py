"""Changing follow-ups as the user acts: most of them follow from the recorded history
(followups.plan); here are the user's own marks and the reminders that sit beside the plan."""

from __future__ import annotations

from datetime import date, datetime

from django.db import transaction
from django.utils import timezone

from coffeechat.method.situation import ClosedBy
from coffeechat.method.today import Kind
from coffeechat.network.people.models import Contact
from coffeechat.pipeline.followups import plan
from coffeechat.pipeline.followups.models import FollowUp


class NotReopenable(ValueError):
    """Only what you marked done by hand can be reopened; the rest follows your records."""


def settle(contact: Contact, *kinds: Kind, when: datetime | None = None, reason: str = "") -> int:
    """Mark the contact's open follow-ups of these kinds done by what was just recorded
    (`reason` says what); returns how many."""
    # (updated_at too, as a save would: the versions pages are cached under read it)
    return (
        FollowUp.objects.owned_by(contact.owner)
        .open()
        .filter(contact=contact, kind__in=[kind.value for kind in kinds])
        .update(
            done_at=when or timezone.now(),
            closed_by=ClosedBy.ACTION,
            closed_reason=reason,
            updated_at=timezone.now(),
        )
    )


@transaction.atomic
def complete(followup: FollowUp, when: datetime | None = None) -> None:
    """Marked done by hand: the user's word, kept whatever the records say later."""
    followup.done_at = when or timezone.now()
    followup.closed_by = ClosedBy.USER
    followup.closed_reason = _by_hand_reason(followup)
    followup.save(update_fields=["done_at", "closed_by", "closed_reason", "updated_at"])
    # Done counts as being in touch, and having moved on, a follow-up never sent is not owed.
    plan.replan(followup.contact)


def _by_hand_reason(followup: FollowUp) -> str:
    """What closing it by hand says, where "done" would be untrue: a conversation agreed and
    never scheduled fell through; an answer not decided yet needed nothing more."""
    if followup.kind != Kind.SCHEDULE:
        return ""
    undecided = followup.reply is not None and followup.reply.outcome == "replied"
    return "nothing more to do" if undecided else "it fell through"


@transaction.atomic
def reopen(followup: FollowUp) -> None:
    """Undo a done mark made by hand; the plan then says again whether it is owed."""
    if not followup.was_done_by_hand:
        raise NotReopenable(
            f"{followup.get_kind_display()} for {followup.contact} was closed by what you "
            "recorded: correct that record instead."
        )
    followup.done_at = None
    followup.closed_by = ""
    followup.closed_reason = ""
    followup.save(update_fields=["done_at", "closed_by", "closed_reason", "updated_at"])
    plan.replan(followup.contact)


def _on(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b}"


@transaction.atomic
def after_message_sent(
    contact: Contact,
    *,
    purpose: str,
    sent_at: datetime,
    introduction_to: Contact | None = None,
) -> None:
    """Settle what an update answers, and replan what follows from the message (for a request
    for an introduction, also for the person to be introduced)."""
    if purpose == "update":
        # An update is what keeping in touch and closing the loop both ask for.
        sent_on = timezone.localdate(sent_at, timezone=contact.owner.profile.tz())
        settle(
            contact,
            Kind.KEEP_IN_TOUCH,
            Kind.CLOSE_THE_LOOP,
            when=sent_at,
            reason=f"you sent an update on {_on(sent_on)}",
        )
    plan.replan(contact)
    if introduction_to is not None:
        plan.replan(introduction_to)  # going through the person who suggested them


@transaction.atomic
def after_reply(contact: Contact, *, received_on: date) -> None:
    """An answer, even a no, ends the waiting (and, from a mutual contact, the reminder about an
    introduction): the plan works it out."""
    plan.replan(contact)
