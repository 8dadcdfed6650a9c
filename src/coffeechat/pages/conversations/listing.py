"""The conversations list: the next ones up, then one page at a time of whichever kind the
user asked for (past by default), sorted and filtered from the URL."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import tzinfo
from typing import Any, TypedDict

from django.db.models import QuerySet
from django.http import QueryDict
from django.utils import timezone

from coffeechat.foundation.accounts.models import User
from coffeechat.foundation.core.links import link_to
from coffeechat.foundation.core.listing import Column, Listing, chosen_sort, paginate
from coffeechat.network.people.models import full_name
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
        name = full_name(value["contact__first_name"], value["contact__last_name"])
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
    # A few conversations among many (the open ones): sorted by time, read status by status
    # (by_time) rather than by walking every conversation in time order.
    few: bool = False


SHOWS = {
    show.key: show
    for show in (
        Show("past", "Past (held or cancelled)", "Past", PAST_STATUSES, "-when"),
        Show(
            "upcoming",
            "Upcoming (scheduled or in progress)",
            "Upcoming",
            OPEN_STATUSES,
            "when",
            few=True,
        ),
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


def by_time(user: User, statuses: tuple[str, ...], *fields: str) -> QuerySet[Any]:
    """The user's conversations in these statuses as `fields` values, ready to be ordered by
    time: one SELECT per status, joined by UNION ALL. Ordered by time, SQLite then merges the
    statuses along their (owner, status, time) index and stops at the page. Asked for the open
    ones with `status IN (...)`, it walks every conversation by time instead, the held ones
    before the first upcoming one, so the cost grew with the history."""
    parts: list[QuerySet[Any]] = [
        _listed(user).filter(status=status).order_by().values(*fields) for status in statuses
    ]
    return parts[0].union(*parts[1:], all=True)


def conversation_listing(user: User, query: QueryDict) -> ConversationList:
    tz = user.profile.tz()
    show = SHOWS.get(query.get("show", ""), SHOWS["past"])
    chosen: QuerySet[Any] = _listed(user).filter(status__in=show.statuses).values("pk")
    if show.few and chosen_sort(query, COLUMNS, show.default_sort).column.key == "when":
        chosen = by_time(user, show.statuses, "pk", "scheduled_at")
    # The page is chosen on the conversations alone (a count with no joins), then its rows are
    # read with their people.
    listing: Listing[Any] = paginate(query, chosen, columns=COLUMNS, default_sort=show.default_sort)
    page_ids = [row["pk"] for row in listing.rows]
    read = _listed(user).filter(pk__in=page_ids).order_by().values(*FIELDS)
    values = {row["pk"]: row for row in read}
    listing.rows = conversation_rows((values[pk] for pk in page_ids), tz)
    upcoming: list[ConversationRow] = []
    upcoming_total = 0
    if show.key == "past":
        soonest = by_time(user, OPEN_STATUSES, *FIELDS).order_by("scheduled_at", "pk")
        upcoming = conversation_rows(soonest[:UPCOMING_SHOWN], tz)
        upcoming_total = len(upcoming)
        if upcoming_total == UPCOMING_SHOWN:
            upcoming_total = _listed(user).filter(status__in=OPEN_STATUSES).count()
    return ConversationList(show, listing, upcoming, upcoming_total)
