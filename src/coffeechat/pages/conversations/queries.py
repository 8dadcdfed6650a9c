"""Reading conversations and question banks in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import QuerySet
from django.utils import timezone

from coffeechat.foundation.accounts.models import User
from coffeechat.method.clock import ClockState, time_left
from coffeechat.method.questions import AGENDA, Category
from coffeechat.pipeline.conversations.models import (
    CATEGORY_CHOICES,
    Conversation,
    Question,
    Status,
)

OPEN_STATUSES = (Status.SCHEDULED, Status.IN_PROGRESS)
PAST_STATUSES = (Status.HELD, Status.CANCELLED)
# The bank reads in the order the method teaches, not alphabetically.
CATEGORY_ORDER = {category.value: rank for rank, category in enumerate(Category)}


@dataclass(frozen=True)
class AgendaItem:
    key: str
    label: str
    done: bool


@dataclass(frozen=True)
class QuestionGroup:
    category: str
    label: str
    questions: list[Question]


@dataclass(frozen=True)
class ClockReading:
    """The clock as the conduct page shows it, read on the server so a reload shows the same."""

    state: str
    elapsed_seconds: int
    remaining_seconds: int  # of the agreed time; negative once over it
    left: str

    @property
    def shown(self) -> str:
        minutes, seconds = divmod(self.elapsed_seconds, 60)
        return f"{minutes}:{seconds:02d}"

    @property
    def tone(self) -> str:
        """As the script colours a running clock: nearly up, or over the agreed time."""
        if not self.started:
            return ""
        return (
            "over"
            if self.remaining_seconds <= 0
            else "near"
            if self.remaining_seconds <= 300
            else ""
        )

    @property
    def running(self) -> bool:
        return self.state == ClockState.RUNNING

    @property
    def paused(self) -> bool:
        return self.state == ClockState.PAUSED

    @property
    def started(self) -> bool:
        return self.state != ClockState.NOT_STARTED


def clock_of(conversation: Conversation, now: datetime | None = None) -> ClockReading:
    clock = conversation.clock()
    elapsed = clock.elapsed(now or timezone.now())
    return ClockReading(
        state=clock.state.value,
        elapsed_seconds=int(elapsed.total_seconds()),
        remaining_seconds=conversation.duration_minutes * 60 - int(elapsed.total_seconds()),
        left=time_left(elapsed, conversation.duration_minutes),
    )


def with_people() -> QuerySet[Conversation]:
    """Conversations with the contact, organization and introducer a page shows."""
    return Conversation.objects.select_related("contact__organization", "contact__introduced_by")


def bank_order(question: Question) -> tuple[int, int]:
    return (CATEGORY_ORDER.get(question.category, len(CATEGORY_ORDER)), question.pk)


def ordered_bank(user: User) -> list[Question]:
    """The user's questions, category by category in the method's order."""
    return sorted(Question.objects.owned_by(user), key=bank_order)


def question_bank(user: User) -> list[QuestionGroup]:
    """The user's questions grouped by category, for pickers and the bank page."""
    labels = dict(CATEGORY_CHOICES)
    groups: dict[str, list[Question]] = {}
    for question in ordered_bank(user):
        groups.setdefault(question.category, []).append(question)
    return [
        QuestionGroup(category, labels.get(category, category.capitalize()), questions)
        for category, questions in groups.items()
    ]


def agenda_of(conversation: Conversation) -> list[AgendaItem]:
    done = set(conversation.agenda_done)
    return [AgendaItem(key, label, key in done) for key, label in AGENDA]
