"""The open follow-ups Today shows, chosen and counted in one query over the follow-ups alone,
then read with their person, organization and reply as plain values in a second."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Case, Count, F, Value, When, Window
from django.db.models.functions import RowNumber

from coffeechat.foundation.accounts.models import User
from coffeechat.method.today import HORIZON
from coffeechat.network.people.models import full_name
from coffeechat.pipeline.followups.models import FollowUp


@dataclass(frozen=True)
class Owed:
    """What an item needs of an open follow-up, its person, their organization and the reply it
    answers, read as plain values (the long texts, notes and research, stay in the database)."""

    pk: int
    kind: str
    due_on: date
    due_at: datetime | None
    note: str
    contact_id: int
    conversation_id: int | None
    first_name: str
    last_name: str
    organization_id: int | None
    organization: str | None
    organization_finished_on: date | None
    reply_outcome: str | None

    @property
    def full_name(self) -> str:
        return full_name(self.first_name, self.last_name)


_SHOWN = (
    "pk",
    "kind",
    "due_on",
    "due_at",
    "note",
    "contact_id",
    "conversation_id",
    "contact__first_name",
    "contact__last_name",
    "contact__organization_id",
    "contact__organization__name",
    "contact__organization__finished_on",
    "reply__outcome",
)


# Which part of Today an open follow-up falls in, by its day: what the one query below sorts
# and counts by.
LATE, TODAY, UPCOMING = 0, 1, 2
_EVERY = 10**9  # what is due today is never capped


def chosen(
    user: User, today: date, late_cap: int, upcoming_cap: int
) -> tuple[dict[int, list[int]], dict[int, int]]:
    """The follow-ups Today shows, by part, and how many each part holds, in one query over the
    follow-ups alone (their index): each part numbered in Today's order (an exact deadline, a
    thank-you's 24 hours, first, then the oldest) and cut at its cap, with its true total."""
    part = Case(
        When(due_on__lt=today, then=Value(LATE)),
        When(due_on=today, then=Value(TODAY)),
        default=Value(UPCOMING),
    )
    order = (F("due_at").asc(nulls_last=True), F("due_on").asc(), F("id").asc())
    cap = Case(
        When(due_on__lt=today, then=Value(late_cap)),
        When(due_on=today, then=Value(_EVERY)),
        default=Value(upcoming_cap),
    )
    rows = (
        FollowUp.objects.owned_by(user)
        .owed(today)
        .filter(due_on__lte=today + HORIZON)
        .annotate(
            part=part,
            place=Window(RowNumber(), partition_by=[part], order_by=order),
            total=Window(Count("id"), partition_by=[part]),
        )
        .filter(place__lte=cap)
        .order_by("part", "place")
        .values_list("pk", "part", "total")
    )
    picked: dict[int, list[int]] = {LATE: [], TODAY: [], UPCOMING: []}
    totals = dict.fromkeys(picked, 0)
    for pk, which, total in rows:
        picked[which].append(pk)
        totals[which] = total
    return picked, totals


def owed(ids: list[int]) -> dict[int, Owed]:
    """The chosen follow-ups with their person, organization and reply, as plain values."""
    if not ids:
        return {}
    rows = FollowUp.objects.filter(pk__in=ids).order_by().values_list(*_SHOWN)
    return {row[0]: Owed(*row) for row in rows}
