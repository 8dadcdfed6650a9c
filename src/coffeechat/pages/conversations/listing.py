"""The conversations list: the next ones up, then one page at a time of whichever kind the
user asked for (past by default), sorted and filtered from the URL."""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import tzinfo
from typing import Any, TypedDict

from django.db.models import QuerySet
from django.http import QueryDict
from django.utils import timezone

from coffeechat.foundation.accounts.models import User
from coffeechat.foundation.core.links import link_to
from coffeechat.foundation.core.listing import Column, Listing, paginate
from coffeechat.pages.conversations.queries import OPEN_STATUSES, PAST_STATUSES
from coffeechat.pipeline.conversations.models import Conversation, Mode, Status

UPCOMING_SHOWN = 50
COLUMNS = [
    Column("when", "When", ("scheduled_at",)),
    Column("with", "With", ("contact__first_name", "contact__last_name")),
    Column("how", "How", ("mode", "duration_minutes", "contact__first_name", "contact__last_name")),
    Column("status", "Status", ("status", "contact__first_name", "contact__last_name")),
]


# What a row shows, read as plain values: no model instances, no notes or research.
FIELDS = (
    "pk",
    "scheduled_at",
    "mode",
    "duration_minutes",
    "status",
    "contact__first_name",
    "contact__last_name",
    "contact__organization__name",
)
MODES = dict(Mode.choices)
STATUSES = dict(Status.choices)


class ConversationRow(TypedDict):
    """A conversation as the lists show it, every link and label ready to print. A dict, not a
    dataclass: the template engine tries row[name] first, and a miss costs an exception a cell."""

    url: str
    when: str  # in the user's time zone
    with_: str
    organization: str
    how: str
    status: str
    status_label: str


def conversation_rows(values: Iterable[dict[str, Any]], tz: tzinfo) -> list[ConversationRow]:
    """Rows from FIELDS values, the link resolved once for them all."""
    detail = link_to("conversations:detail")
    rows = []
    for value in values:
        when = timezone.localtime(value["scheduled_at"], tz)
        name = f"{value['contact__first_name']} {value['contact__last_name']}".strip()
        rows.append(
            ConversationRow(
                url=detail(value["pk"]),
                when=f"{when:%a} {when.day} {when:%b %Y}, {when:%H:%M}",
                with_=name,
                organization=value["contact__organization__name"] or "",
                how=f"{MODES.get(value['mode'], value['mode'])}, {value['duration_minutes']} min",
                status=value["status"],
                status_label=STATUSES.get(value["status"], value["status"]),
            )
        )
    return rows


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
    listing: Listing[Any]  # its rows are ConversationRows
    upcoming: list[ConversationRow]  # the next ones, above the past ones on the default view
    upcoming_total: int


def _listed(user: User) -> QuerySet[Conversation]:
    return Conversation.objects.owned_by(user)


def conversation_listing(user: User, query: QueryDict) -> ConversationList:
    tz = user.profile.tz()
    show = SHOWS.get(query.get("show", ""), SHOWS["past"])
    chosen = _listed(user).filter(status__in=show.statuses)
    # The page is chosen on the conversations alone (a count with no joins), then its rows are
    # read with their people.
    listing: Listing[Any] = paginate(
        query, chosen.only("pk"), columns=COLUMNS, default_sort=show.default_sort
    )
    page_ids = [conversation.pk for conversation in listing.rows]
    values = {row["pk"]: row for row in _listed(user).filter(pk__in=page_ids).values(*FIELDS)}
    listing.rows = conversation_rows((values[pk] for pk in page_ids), tz)
    upcoming: list[ConversationRow] = []
    upcoming_total = 0
    if show.key == "past":
        soonest = _soonest_open(user)
        upcoming = conversation_rows(soonest, tz)
        upcoming_total = len(upcoming)
        if upcoming_total == UPCOMING_SHOWN:
            upcoming_total = _listed(user).filter(status__in=OPEN_STATUSES).count()
    return ConversationList(show, listing, upcoming, upcoming_total)


def _soonest_open(user: User) -> list[dict[str, Any]]:
    """The first UPCOMING_SHOWN open conversations by time (ties by id), as FIELDS values.

    Read status by status, each the next few along the (owner, status, time) index, and merged
    here: asked for both statuses at once, SQLite walks every conversation by time instead,
    the held ones first, so the box cost more the longer the history."""
    key = ("scheduled_at", "pk")
    runs = [
        _listed(user).filter(status=status).order_by(*key).values(*FIELDS)[:UPCOMING_SHOWN]
        for status in OPEN_STATUSES
    ]
    merged = heapq.merge(*runs, key=lambda row: (row["scheduled_at"], row["pk"]))
    return list(merged)[:UPCOMING_SHOWN]
