"""The Contacts list: one page of people, sorted and filtered from the URL.

Stage and reply speed are judged in Python from each contact's history (method/stages.py), so
a page judges its 50 rows only. Filtering or sorting by them has to judge every matching
contact: that path reads plain values (no model instances, no templates). Either way the
page's own rows are read as plain values too and become ContactLines, every text and link
worked out once per page (one reverse() per kind of link), so that the template only prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import QueryDict
from django.utils import timezone

from coffeechat.foundation.accounts.models import User
from coffeechat.foundation.core.links import link_to
from coffeechat.foundation.core.listing import Column, Listing, Sort, chosen_sort, paginate
from coffeechat.method.cadence import ReplySpeed
from coffeechat.method.search_query import parse
from coffeechat.method.stages import Stage, still_waiting_since
from coffeechat.method.today import Kind
from coffeechat.network.people.models import Contact, HowKnown, Source, full_name
from coffeechat.network.research.services import organization_ids_named
from coffeechat.pages.people.queries import (
    HISTORY_FIELDS,
    histories_of,
    judge,
    with_history,
)
from coffeechat.pages.search import engine
from coffeechat.pages.search.sources import Kind as IndexKind
from coffeechat.pipeline.followups.models import FollowUp
from coffeechat.pipeline.outreach.models import Message, Purpose

COLUMNS = [
    Column("name", "Name", ("first_name", "last_name")),
    Column("role", "Role", ("role", "first_name", "last_name")),
    Column("organization", "Organization", ("organization__name", "first_name", "last_name")),
    Column("how", "How you know them", ("how_known", "first_name", "last_name")),
    Column(
        "introducer",
        "Introduced by",
        ("introduced_by__first_name", "introduced_by__last_name", "first_name", "last_name"),
    ),
    # Judged in Python, not stored: sorted on the lean path below (fields unused).
    Column("stage", "Stage", ()),
    Column("speed", "Reply speed", ()),
]
JUDGED = {"stage", "speed"}
# Contacts taken from the search index per word: every one of 20,000, yet a bounded IN list.
INDEXED_MATCHES = 25_000
STAGE_ORDER = {stage: rank for rank, stage in enumerate(Stage)}
SPEEDS = {speed.name.lower(): speed for speed in ReplySpeed}


@dataclass(frozen=True)
class ContactFilters:
    """What the user narrowed the list to, as read (and cleaned) from the query string."""

    q: str = ""
    org: str = ""
    stage: str = ""
    how: str = ""
    speed: str = ""
    source: str = ""
    due: bool = False

    @classmethod
    def from_query(cls, query: QueryDict) -> ContactFilters:
        def chosen(name: str, allowed: Sequence[str]) -> str:
            value = query.get(name, "")
            return value if value in allowed else ""

        return cls(
            q=query.get("q", "").strip(),
            org=query.get("org", "").strip(),
            stage=chosen("stage", [stage.value for stage in Stage]),
            how=chosen("how", HowKnown.values),
            speed=chosen("speed", list(SPEEDS)),
            source=chosen("source", Source.values),
            due=query.get("due") == "1",
        )

    @property
    def any(self) -> bool:
        return any((self.q, self.org, self.stage, self.how, self.speed, self.source, self.due))


def filtered_contacts(user: User, filters: ContactFilters, today: date) -> QuerySet[Contact]:
    """The user's contacts matching every filter the database can decide."""
    contacts = Contact.objects.owned_by(user)
    # Every word must match somewhere, so "Priya Shah" finds first name + last name.
    for word in filters.q.split():
        contacts = contacts.filter(
            Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
            | Q(email__icontains=word)
            | Q(role__icontains=word)
            | Q(pk__in=_indexed_ids(user, word))
            | Q(organization__in=organization_ids_named(user, word))
        )
    if filters.org:
        contacts = contacts.filter(organization__in=organization_ids_named(user, filters.org))
    if filters.how:
        contacts = contacts.filter(how_known=filters.how)
    if filters.source:
        contacts = contacts.filter(source=filters.source)
    if filters.due:
        # Due as Today counts it: an open keep-in-touch follow-up whose day has come.
        due = FollowUp.objects.filter(
            contact=OuterRef("pk"),
            kind=Kind.KEEP_IN_TOUCH.value,
            done_at__isnull=True,
            due_on__lte=today,
        )
        contacts = contacts.filter(Exists(due))
    if filters.stage == Stage.CONTACTED.value:
        # Waiting for a reply means a request sent fewer than 10 business days ago: on or after
        # still_waiting_since, where the user lives (as Outreach's box finds them). Only those
        # are judged, so the cost follows the last two weeks' outreach, not the network's size.
        profile = user.profile
        first_day = still_waiting_since(today, profile.holidays())
        since = datetime.combine(first_day, time(), tzinfo=profile.tz())
        recent = Message.objects.owned_by(user).filter(purpose=Purpose.REQUEST, sent_at__gte=since)
        contacts = contacts.filter(pk__in=recent.values("contact_id"))
    return contacts


def _indexed_ids(user: User, word: str) -> list[int]:
    """The user's contacts whose name, role or e-mail has a word starting with `word`, accents
    and case aside ("zoe" finds "Zoë"), from the search index: the database's own icontains
    cannot ignore accents, and not the same way on SQLite and PostgreSQL."""
    query = parse(word)
    hits = engine.page_of_kind(query, user.pk, IndexKind.CONTACT, 0, INDEXED_MATCHES)
    return [hit.object_id for hit in hits]


def judged_ids(
    user: User, contacts: QuerySet[Contact], filters: ContactFilters, sort: Sort
) -> list[int]:
    """Ids of the contacts whose judged stage and speed match, in the order asked for: one
    values() query for all of them, then the method's rules on plain dicts."""
    profile = user.profile
    tz, holidays = profile.tz(), profile.holidays()
    today = timezone.localdate(timezone=tz)
    judged = sort.column.key in JUDGED
    if not judged:  # the database orders by the stored column, as on the plain path
        contacts = contacts.order_by(*sort.column.order_by(sort.descending), "pk")
    values = with_history(contacts, tz).values("pk", "first_name", "last_name", *HISTORY_FIELDS)
    found: list[tuple[tuple[object, ...], int]] = []
    for row in values:
        stage, speed = judge(row, today, holidays, tz)
        if filters.stage and stage.value != filters.stage:
            continue
        if filters.speed and speed != SPEEDS[filters.speed]:
            continue
        rank = STAGE_ORDER[stage] if sort.column.key == "stage" else (speed.rank if speed else None)
        if rank is not None and sort.descending:
            rank = -rank
        # Not yet judged for speed goes last either way; ties by name.
        name = (row["first_name"].lower(), row["last_name"].lower(), row["pk"])
        found.append(((rank is None, rank, name), row["pk"]))
    if judged:
        found.sort(key=lambda item: item[0])
    return [pk for _, pk in found]


HOW_KNOWN = dict(HowKnown.choices)
# What a line shows of a contact, its organization and its introducer, read as plain values.
LINE_FIELDS = (
    "pk",
    "first_name",
    "last_name",
    "role",
    "how_known",
    "organization_id",
    "organization__name",
    "introduced_by_id",
    "introduced_by__first_name",
    "introduced_by__last_name",
)


@dataclass(frozen=True)
class ContactLine:
    """One contact as the Contacts list prints it."""

    pk: int
    name: str
    url: str
    role: str
    organization: str  # "" when none
    organization_url: str
    how: str
    introducer: str  # "" when nobody introduced them
    introducer_url: str
    stage: str
    speed: str  # "" until judged
    speed_class: str  # "quick", "slow" or "silent"


def contact_lines(user: User, rows: Sequence[dict[str, Any]]) -> list[ContactLine]:
    """The lines of a page of contacts read as values(*LINE_FIELDS), in the same order, with
    their history (histories_of) judged as ContactRows are (queries.judge)."""
    profile = user.profile
    tz, holidays = profile.tz(), profile.holidays()
    today = timezone.localdate(timezone=tz)
    contact_url = link_to("people:contact")
    organization_url = link_to("research:organization")
    histories = histories_of([row["pk"] for row in rows], tz)
    lines = []
    for row in rows:
        stage, speed = judge(histories[row["pk"]], today, holidays, tz)
        organization, introducer = row["organization_id"], row["introduced_by_id"]
        line = ContactLine(
            pk=row["pk"],
            name=full_name(row["first_name"], row["last_name"]),
            url=contact_url(row["pk"]),
            role=row["role"],
            organization=row["organization__name"] if organization else "",
            organization_url=organization_url(organization) if organization else "",
            how=HOW_KNOWN.get(row["how_known"], row["how_known"]),
            introducer=full_name(row["introduced_by__first_name"], row["introduced_by__last_name"])
            if introducer
            else "",
            introducer_url=contact_url(introducer) if introducer else "",
            stage=stage.label,
            speed=speed.value[:1].upper() + speed.value[1:] if speed else "",
            speed_class=speed.name.lower() if speed else "",
        )
        lines.append(line)
    return lines


def contact_listing(user: User, query: QueryDict) -> tuple[Listing[Any], ContactFilters]:
    """One page of the user's contacts (its rows are ContactLines), with the filters it was
    read with."""
    filters = ContactFilters.from_query(query)
    today = timezone.localdate(timezone=user.profile.tz())
    contacts = filtered_contacts(user, filters, today)
    sort = chosen_sort(query, COLUMNS, "name")
    listing: Listing[Any]
    if filters.stage or filters.speed or sort.column.key in JUDGED:
        ids = judged_ids(user, contacts, filters, sort)
        listing = paginate(query, ids, columns=COLUMNS, default_sort="name")
        found = contacts.filter(pk__in=listing.rows).values(*LINE_FIELDS)
        by_id = {row["pk"]: row for row in found}
        rows = [by_id[pk] for pk in listing.rows if pk in by_id]
    else:  # the database sorts, and the page's rows come with what their lines show
        listing = paginate(
            query, contacts.values(*LINE_FIELDS), columns=COLUMNS, default_sort="name"
        )
        rows = listing.rows
    listing.rows = contact_lines(user, rows)
    return listing, filters
