"""Preparing, holding and closing a conversation, and turning referrals into contacts."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.db.models import Max
from django.utils import timezone

from coffeechat.foundation.accounts.models import User
from coffeechat.foundation.core import calendar_sequence
from coffeechat.method.clock import Clock, ClockError, ClockState
from coffeechat.method.questions import AGENDA_KEYS, BUILT_IN_QUESTIONS
from coffeechat.pipeline.conversations.models import (
    Conversation,
    ConversationQuestion,
    Question,
    Status,
    Takeaway,
)


def seed_question_bank(user: User) -> None:
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


def set_agenda_item(conversation: Conversation, key: str, done: bool) -> None:
    if key not in AGENDA_KEYS:
        raise ValueError(f"Unknown agenda item {key!r}")
    items = set(conversation.agenda_done)
    items.add(key) if done else items.discard(key)
    conversation.agenda_done = sorted(items)
    conversation.save(update_fields=["agenda_done", "updated_at"])


def add_takeaway(conversation: Conversation, *, kind: str, text: str) -> Takeaway:
    return Takeaway.objects.create(conversation=conversation, kind=kind, text=text.strip())


def calendar_version(conversation: Conversation) -> tuple[object, ...]:
    return calendar_sequence.calendar_version(conversation, Conversation.CALENDAR_FIELDS)


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
