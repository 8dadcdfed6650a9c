"""Changes to a conversation that move the follow-ups with them: agreeing a time, cancelling,
moving it, holding it (a thank-you falls due), a referral met, advice acted on."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from coffeechat.foundation.accounts.models import User
from coffeechat.method import clock as clock_rules
from coffeechat.method.clock import ClockError, ClockState
from coffeechat.network.people.models import Contact, HowKnown, Source
from coffeechat.network.research.models import Organization
from coffeechat.network.research.services import organization_named
from coffeechat.pipeline.conversations.models import Conversation, Referral, Status, Takeaway
from coffeechat.pipeline.followups import close_the_loop, plan


def after_scheduled(conversation: Conversation) -> None:
    """A time agreed is an answer, even one given by phone: the no-reply routine ends, and so
    does the reminder to schedule it."""
    plan.replan(conversation.contact)


def correct_time(
    conversation: Conversation,
    *,
    started_at: datetime,
    held_minutes: int,
    now: datetime | None = None,
) -> None:
    """Set a held conversation's real start and length after the fact (the clock was forgotten,
    or left running). It ended that long after it started, so the thank-you's 24 hours count
    from then."""
    if conversation.status != Status.HELD:
        raise ClockError("Only a conversation that was held has a start and length to correct.")
    problem = clock_rules.start_error(started_at, now or timezone.now())
    problem = problem or clock_rules.length_error(held_minutes)
    if problem:
        raise ClockError(problem)
    conversation.started_at = started_at
    conversation.held_minutes = held_minutes
    ended = started_at + timedelta(minutes=held_minutes)
    conversation.ended_at = min(ended, now or timezone.now())
    conversation.save(update_fields=["started_at", "held_minutes", "ended_at", "updated_at"])
    plan.replan(conversation.contact)


@transaction.atomic
def set_acted_on(takeaway: Takeaway, acted: bool, now: datetime | None = None) -> None:
    """Tick (or untick) a piece of advice as acted upon; its giver is owed a "close the loop"
    update, withdrawn again if the tick is undone before it was sent."""
    if acted == (takeaway.acted_on_at is not None):
        return  # a double click must not move the date or open a second follow-up
    takeaway.acted_on_at = (now or timezone.now()) if acted else None
    takeaway.save(update_fields=["acted_on_at"])
    close_the_loop.sync_advice_loop(takeaway.conversation, now=now)


def _organization_named(owner: User, name: str) -> Organization | None:
    # Matched however it is written; a new one arrives with the referral, so it is a known
    # employer, not a target, until the user makes it one.
    return organization_named(owner, name, target=False)


@transaction.atomic
def add_referral(
    conversation: Conversation,
    *,
    first_name: str,
    last_name: str = "",
    organization: str = "",
    role: str = "",
    email: str = "",
    may_use_name: bool = False,
) -> Referral:
    """A referral becomes a contact introduced by this person, to contact within 3 business days."""
    owner = conversation.owner
    contact = Contact.objects.create(
        owner=owner,
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        email=email.strip(),
        role=role.strip(),
        organization=_organization_named(owner, organization),
        how_known=HowKnown.REFERRAL,
        source=Source.REFERRAL,
        introduced_by=conversation.contact,
    )
    referral = Referral.objects.create(
        conversation=conversation, contact=contact, may_use_name=may_use_name
    )
    plan.replan(contact)  # to contact within 3 business days (method.situation)
    return referral


@transaction.atomic
def end(
    conversation: Conversation,
    *,
    learned: str,
    still_unknown: str,
    next_steps: str,
    now: datetime | None = None,
) -> None:
    """Record the outcome; a thank-you is then due within 24 hours."""
    now = now or timezone.now()
    already_held = conversation.status == Status.HELD
    conversation.learned = learned
    conversation.still_unknown = still_unknown
    conversation.next_steps = next_steps
    if already_held:
        conversation.save()  # only the outcome changes: the clock was stopped the first time
        return
    conversation.status = Status.HELD
    conversation.ended_at = now
    clock = conversation.clock()
    if clock.state is not ClockState.NOT_STARTED:
        # What the clock measured is what the conversation records; a pause running at the end
        # is folded in, so the stored state reads the same measure afterwards.
        conversation.held_minutes = clock_rules.held_minutes(clock.elapsed(now))
        if clock.state is ClockState.PAUSED:
            clock = clock.resume(now)
        conversation.paused_seconds, conversation.paused_at = clock.paused_seconds, None
    conversation.save()
    # A thank-you is owed within 24 hours, and meeting them starts the keep-in-touch cadence.
    plan.replan(conversation.contact)
    # Whoever suggested them should hear of it.
    close_the_loop.after_referral_met(conversation)


def cancel(conversation: Conversation) -> None:
    if conversation.status == Status.CANCELLED:
        return
    conversation.status = Status.CANCELLED
    conversation.save(update_fields=["status", "updated_at"])  # a new version for calendars
    plan.replan(conversation.contact)  # they agreed once: scheduling it is owed again


def logistics_edited(conversation: Conversation, *, before: tuple[object, ...]) -> None:
    """What an edit of when, how and where sets in motion beyond the new version of the calendar
    event (Conversation.save): only when it moved in time, the contact's follow-ups planned again
    (the form autosaves as the user types: a new place or link must not replan each keystroke)."""
    if before[Conversation.CALENDAR_FIELDS.index("scheduled_at")] != conversation.scheduled_at:
        plan.replan(conversation.contact)
