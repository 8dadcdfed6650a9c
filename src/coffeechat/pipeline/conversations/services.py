"""Preparing, holding and closing a conversation, and turning referrals into contacts."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from coffeechat.foundation.core import calendar_sequence
from coffeechat.method import clock as clock_rules
from coffeechat.method.clock import Clock, ClockError, ClockState
from coffeechat.method.questions import AGENDA_KEYS, BUILT_IN_QUESTIONS
from coffeechat.network.people.models import Contact, HowKnown, Source
from coffeechat.network.research.models import Organization
from coffeechat.pipeline.conversations.models import (
    Conversation,
    ConversationQuestion,
    Question,
    Referral,
    Status,
    Takeaway,
)
from coffeechat.pipeline.followups import close_the_loop, plan


def seed_question_bank(user: object) -> None:
    """Give a new user their own, editable copy of the built-in questions."""
    Question.objects.bulk_create(
        Question(owner=user, category=category.value, text=text, built_in=True)
        for category, text in BUILT_IN_QUESTIONS
    )


def add_questions(conversation: Conversation, texts: list[tuple[str, str]]) -> int:
    """Append questions (category, text) to the conversation, skipping ones already there."""
    present = set(conversation.questions.values_list("text", flat=True))
    position = conversation.questions.aggregate(top=Max("position"))["top"] or 0
    new = []
    for category, text in texts:
        if text in present:
            continue
        present.add(text)
        position += 1
        new.append(
            ConversationQuestion(
                conversation=conversation, category=category, text=text, position=position
            )
        )
    ConversationQuestion.objects.bulk_create(new)
    return len(new)


def add_own_question(conversation: Conversation, *, category: str, text: str) -> Question:
    """A question of the user's own: kept in their bank for next time and added here."""
    question, _ = Question.objects.get_or_create(
        owner=conversation.owner, text=text.strip(), defaults={"category": category}
    )
    add_questions(conversation, [(question.category, question.text)])
    return question


def after_scheduled(conversation: Conversation) -> None:
    """A time agreed is an answer, even one given by phone: the no-reply routine ends, and so
    does the reminder to schedule it."""
    plan.replan(conversation.contact)


def _not_held(conversation: Conversation) -> None:
    if not conversation.is_open:
        raise ClockError(
            "This conversation has ended: correct its start and length on its page instead."
            if conversation.status == Status.HELD
            else "This conversation was cancelled: schedule a new one instead."
        )


def _save_clock(conversation: Conversation, clock: Clock, *extra: str) -> None:
    conversation.started_at = clock.started_at
    conversation.paused_seconds = clock.paused_seconds
    conversation.paused_at = clock.paused_at
    fields = ["started_at", "paused_seconds", "paused_at", *extra, "updated_at"]
    conversation.save(update_fields=fields)


def start(conversation: Conversation, now: datetime | None = None) -> None:
    """Start the clock (the user pressed Start); once started, pressing again changes nothing."""
    _not_held(conversation)
    clock = conversation.clock()
    if clock.state is not ClockState.NOT_STARTED:
        return
    conversation.status = Status.IN_PROGRESS
    _save_clock(conversation, clock.start(now or timezone.now()), "status")


def pause(conversation: Conversation, now: datetime | None = None) -> None:
    """Stop the clock for a while (a call dropped, they stepped out); a second press is a no-op."""
    _not_held(conversation)
    clock = conversation.clock()
    if clock.state is ClockState.PAUSED:
        return
    _save_clock(conversation, clock.pause(now or timezone.now()))


def resume(conversation: Conversation, now: datetime | None = None) -> None:
    _not_held(conversation)
    clock = conversation.clock()
    if clock.state is ClockState.RUNNING:
        return
    _save_clock(conversation, clock.resume(now or timezone.now()))


def reset(conversation: Conversation) -> None:
    """Back to not started, as if Start had never been pressed; only before the end is recorded."""
    _not_held(conversation)
    conversation.status = Status.SCHEDULED
    _save_clock(conversation, Clock(), "status")


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


def set_agenda_item(conversation: Conversation, key: str, done: bool) -> None:
    if key not in AGENDA_KEYS:
        raise ValueError(f"Unknown agenda item {key!r}")
    items = set(conversation.agenda_done)
    items.add(key) if done else items.discard(key)
    conversation.agenda_done = sorted(items)
    conversation.save(update_fields=["agenda_done", "updated_at"])


def add_takeaway(conversation: Conversation, *, kind: str, text: str) -> Takeaway:
    return Takeaway.objects.create(conversation=conversation, kind=kind, text=text.strip())


@transaction.atomic
def set_acted_on(takeaway: Takeaway, acted: bool, now: datetime | None = None) -> None:
    """Tick (or untick) a piece of advice as acted upon; its giver is owed a "close the loop"
    update, withdrawn again if the tick is undone before it was sent."""
    if acted == (takeaway.acted_on_at is not None):
        return  # a double click must not move the date or open a second follow-up
    takeaway.acted_on_at = (now or timezone.now()) if acted else None
    takeaway.save(update_fields=["acted_on_at"])
    close_the_loop.sync_advice_loop(takeaway.conversation, now=now)


def _organization_named(owner: object, name: str) -> Organization | None:
    name = name.strip()
    if not name:
        return None
    existing = Organization.objects.owned_by(owner).filter(name__iexact=name).first()
    return existing or Organization.objects.create(owner=owner, name=name)


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


def calendar_version(conversation: Conversation) -> tuple[object, ...]:
    return calendar_sequence.calendar_version(conversation, Conversation.CALENDAR_FIELDS)


def logistics_edited(conversation: Conversation, *, before: tuple[object, ...]) -> None:
    """What an edit of when, how and where sets in motion beyond the new version of the calendar
    event (Conversation.save): only when it moved in time, the contact's follow-ups planned again
    (the form autosaves as the user types: a new place or link must not replan each keystroke)."""
    if before[Conversation.CALENDAR_FIELDS.index("scheduled_at")] != conversation.scheduled_at:
        plan.replan(conversation.contact)


def set_agenda(conversation: Conversation, done_keys: Iterable[str]) -> None:
    """Tick exactly these agenda items (the whole checklist posted at once)."""
    keys = set(done_keys)
    unknown = keys - AGENDA_KEYS
    if unknown:
        raise ValueError(f"Unknown agenda items {sorted(unknown)!r}")
    conversation.agenda_done = sorted(keys)
    conversation.save(update_fields=["agenda_done", "updated_at"])


def remove_question(question: ConversationQuestion) -> None:
    """Take a question off the conversation; the bank keeps it."""
    question.delete()
