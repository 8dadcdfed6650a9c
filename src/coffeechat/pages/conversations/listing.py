"""The conversations list: the next ones up, then one page at a time of whichever kind the
user asked for (past by default), sorted and filtered from the URL."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.http import QueryDict

from coffeechat.foundation.accounts.models import User
from coffeechat.foundation.core.listing import Column, Listing, paginate
from coffeechat.pages.conversations.queries import OPEN_STATUSES, PAST_STATUSES
from coffeechat.pipeline.conversations.models import Conversation, Status

UPCOMING_SHOWN = 50
COLUMNS = [
    Column("when", "When", ("scheduled_at",)),
    Column("with", "With", ("contact__first_name", "contact__last_name")),
    Column("how", "How", ("mode", "duration_minutes", "contact__first_name", "contact__last_name")),
    Column("status", "Status", ("status", "contact__first_name", "contact__last_name")),
]


@dataclass(frozen=True)
class Show:
    key: str
    label: str  # the option in the filter
    heading: str  # the table's heading
    statuses: tuple[str, ...]
    default_sort: str


SHOWS = {
    show.key: show
    for show in (
        Show("past", "Past (held or cancelled)", "Past", PAST_STATUSES, "-when"),
        Show("upcoming", "Upcoming (scheduled or in progress)", "Upcoming", OPEN_STATUSES, "when"),
        Show("held", "Held", "Held", (Status.HELD,), "-when"),
        Show("cancelled", "Cancelled", "Cancelled", (Status.CANCELLED,), "-when"),
        Show("all", "All", "All conversations", tuple(Status.values), "-when"),
    )
}


@dataclass
class ConversationList:
    show: Show
    listing: Listing[Any]
    upcoming: list[Conversation]  # the next ones, above the past ones on the default view
    upcoming_total: int


def _listed(user: User) -> QuerySet[Conversation]:
    return Conversation.objects.owned_by(user).select_related("contact__organization")


def conversation_listing(user: User, query: QueryDict) -> ConversationList:
    show = SHOWS.get(query.get("show", ""), SHOWS["past"])
    chosen = _listed(user).filter(status__in=show.statuses)
    listing: Listing[Any] = paginate(query, chosen, columns=COLUMNS, default_sort=show.default_sort)
    upcoming: list[Conversation] = []
    upcoming_total = 0
    if show.key == "past":
        soonest = _listed(user).filter(status__in=OPEN_STATUSES).order_by("scheduled_at", "id")
        upcoming = list(soonest[:UPCOMING_SHOWN])
        upcoming_total = len(upcoming)
        if upcoming_total == UPCOMING_SHOWN:
            upcoming_total = soonest.count()
    return ConversationList(show, listing, upcoming, upcoming_total)
