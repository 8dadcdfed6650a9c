"""Reading the Research list: targets in LAMP order (or known employers), with what the user
knows there, and the next moves at the top of it."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce
from django.http import QueryDict

from coffeechat.foundation.accounts.models import User
from coffeechat.foundation.core.links import link_to
from coffeechat.foundation.core.listing import Column, Listing, paginate
from coffeechat.method.next_moves import NextMove, Person, Target, next_moves
from coffeechat.method.today import Kind
from coffeechat.network.people.models import Contact, HowKnown
from coffeechat.network.research.models import Motivation, Organization, Posting
from coffeechat.network.research.services import organization_ids_named
from coffeechat.pipeline.conversations.models import Conversation, Status
from coffeechat.pipeline.followups.models import FollowUp
from coffeechat.pipeline.outreach.models import Message, Purpose, ScheduledMessage, ScheduledState

# How many organizations the method says to work on first.
WORK_FIRST = 5


# Which organizations the Research list shows (?show=).
TARGETS, KNOWN, ALL = "targets", "known", "all"
SHOW_CHOICES = {TARGETS: "Targets", KNOWN: "Known employers", ALL: "All"}
COLUMNS = (
    # Targets before known employers, still to work on before finished, then LAMP:
    # Motivation, Posting, Advocacy; ties by name.
    Column(
        "lamp",
        "Priority",
        ("is_target", "unfinished", "motivation", "posting", "advocacy", "-name"),
    ),
    Column("name", "Organization", ("name",)),
    Column("motivation", "Motivation", ("motivation", "-name")),
    Column("posting", "Postings", ("posting", "-name")),
    Column("advocacy", "Someone you know", ("advocacy", "-name")),
    Column("contacts", "Contacts", ("contact_count", "-name")),
)
DEFAULT_SORT = "-lamp"


@dataclass(frozen=True)
class Filters:
    """What the Research list is narrowed to, as read from its URL."""

    show: str = TARGETS
    search: str = ""
    status: str = ""  # "active", "finished" or any
    motivation: int | None = None
    posting: int | None = None
    advocacy: bool | None = None

    @classmethod
    def from_query(cls, query: QueryDict) -> Filters:
        show = query.get("show", TARGETS)
        status = query.get("status", "")
        advocacy = {"yes": True, "no": False}.get(query.get("advocacy", ""))
        return cls(
            show=show if show in SHOW_CHOICES else TARGETS,
            search=query.get("q", "").strip(),
            status=status if status in ("active", "finished") else "",
            motivation=_choice(query.get("motivation"), Motivation.values),
            posting=_choice(query.get("posting"), Posting.values),
            advocacy=advocacy,
        )

    @property
    def narrowed(self) -> bool:
        """Narrowed beyond which kind is shown (a search, a status or a score)."""
        scores = (self.motivation, self.posting, self.advocacy)
        return bool(self.search or self.status) or any(score is not None for score in scores)


def _choice(value: str | None, allowed: list[int]) -> int | None:
    try:
        number = int(value or "")
    except ValueError:
        return None
    return number if number in allowed else None


def organizations(user: User, filters: Filters) -> QuerySet[Organization]:
    """The owner's organizations as the Research list shows them, annotated with LAMP's
    Advocacy (someone known there, other than cold) and their number of contacts; unsorted
    (the list sorts by the column asked for)."""
    known_there = Contact.objects.filter(organization=OuterRef("pk")).exclude(
        how_known=HowKnown.COLD
    )
    # A correlated count rather than a join and GROUP BY: only the page's rows pay for it.
    counted = (
        Contact.objects.filter(organization=OuterRef("pk"))
        .order_by()
        .values("organization")
        .annotate(n=Count("pk"))
        .values("n")
    )
    rows = (
        Organization.objects.owned_by(user)
        .select_related("field")
        .annotate(
            advocacy=Exists(known_there),
            contact_count=Coalesce(Subquery(counted), 0),
            unfinished=ExpressionWrapper(Q(finished_on__isnull=True), output_field=BooleanField()),
        )
    )
    if filters.show != ALL:
        rows = rows.filter(is_target=filters.show == TARGETS)
    if filters.search:
        search = filters.search
        # The name however it is written ("societe" finds "Société Générale").
        rows = rows.filter(
            Q(pk__in=organization_ids_named(user, search))
            | Q(industry__icontains=search)
            | Q(location__icontains=search)
        )
    if filters.status:
        rows = rows.filter(finished_on__isnull=filters.status == "active")
    if filters.motivation is not None:
        rows = rows.filter(motivation=filters.motivation)
    if filters.posting is not None:
        rows = rows.filter(posting=filters.posting)
    if filters.advocacy is not None:
        rows = rows.filter(advocacy=filters.advocacy)
    return rows


@dataclass(frozen=True)
class OrganizationLine:
    """One organization as the Research list prints it, its texts and links worked out once
    per page (one reverse() per kind of link) so that the template only prints."""

    pk: int
    rank: int | None  # its place in LAMP order, when the list is the targets in that order
    finished: bool
    top: bool  # among the top of the target list (WORK_FIRST), finished ones aside
    is_target: bool
    name: str
    url: str
    location: str
    motivation: int
    posting: int
    advocacy: bool
    contact_count: int
    field_and_industry: str  # "Fintech · Banking", either alone, or ""
    target_url: str


# What a line shows of an organization, read as plain values.
LINE_FIELDS = (
    "pk",
    "name",
    "location",
    "industry",
    "field__name",
    "motivation",
    "posting",
    "is_target",
    "finished_on",
    "advocacy",
    "contact_count",
)


def organization_lines(
    rows: Iterable[dict[str, Any]], *, first_rank: int | None, top: Collection[int]
) -> list[OrganizationLine]:
    """Lines for one page of the list (values(*LINE_FIELDS) of organizations()); numbered
    from `first_rank` when the page shows targets in LAMP order."""
    url = link_to("research:organization")
    target_url = link_to("research:organization_target")
    lines = []
    for number, row in enumerate(rows):
        described = " · ".join(part for part in (row["field__name"], row["industry"]) if part)
        line = OrganizationLine(
            pk=row["pk"],
            rank=None if first_rank is None else first_rank + number,
            finished=row["finished_on"] is not None,
            top=row["pk"] in top,
            is_target=row["is_target"],
            name=row["name"],
            url=url(row["pk"]),
            location=row["location"],
            motivation=row["motivation"],
            posting=row["posting"],
            advocacy=row["advocacy"],
            contact_count=row["contact_count"],
            field_and_industry=described,
            target_url=target_url(row["pk"]),
        )
        lines.append(line)
    return lines


def organization_listing(user: User, query: QueryDict) -> tuple[Filters, Listing[Any]]:
    """One page of the Research list as the URL asks (its rows are OrganizationLines), with
    the filters it was read with.

    Sorting needs the sort's annotations for every organization, showing needs the rest for
    the page's rows only: the page is chosen on ids, then its rows are read."""
    filters = Filters.from_query(query)
    ids = organizations(user, filters).values_list("pk", flat=True)
    listing: Listing[Any] = paginate(query, ids, columns=COLUMNS, default_sort=DEFAULT_SORT)
    page_ids = list(listing.rows)
    found = organizations(user, Filters(show=ALL)).filter(pk__in=page_ids).values(*LINE_FIELDS)
    by_id = {row["pk"]: row for row in found}
    rows = [by_id[pk] for pk in page_ids if pk in by_id]
    # Numbered only when the list is the targets in LAMP order: the number is the priority.
    numbered = filters.show == TARGETS and listing.sort.param == DEFAULT_SORT
    # The top-5 badge marks the real top of the target list, whatever page or sort is shown.
    if filters.show == KNOWN:
        top: Collection[int] = ()
    elif numbered and not filters.narrowed and listing.page.number == 1:
        # The first page of the whole target list in LAMP order holds its top already: those
        # still to work on come before the finished ones, in the order top_targets() uses.
        top = [row["pk"] for row in rows if row["finished_on"] is None][:WORK_FIRST]
    else:
        top = top_target_ids(user)
    listing.rows = organization_lines(
        rows, first_rank=listing.page.start_index() if numbered else None, top=top
    )
    return filters, listing


def top_target_ids(user: User, limit: int = WORK_FIRST) -> set[int]:
    """The ids of top_targets(), without reading the organizations."""
    listed = organizations(user, Filters(status="active"))
    lamp = COLUMNS[0].order_by(descending=True)
    return set(listed.order_by(*lamp, "pk").values_list("pk", flat=True)[:limit])


def top_targets(user: User, limit: int = WORK_FIRST) -> list[Organization]:
    """The top of the target list in LAMP order, leaving out finished ones: what to work on
    first. Only targets: a known employer is not on the list until the user makes it one."""
    known_there = Contact.objects.filter(organization=OuterRef("pk")).exclude(
        how_known=HowKnown.COLD
    )
    # The LAMP order needs only whether someone is known there: no contact count per target.
    listed = (
        Organization.objects.owned_by(user)
        .filter(is_target=True, finished_on__isnull=True)
        .annotate(
            advocacy=Exists(known_there),
            unfinished=ExpressionWrapper(Q(finished_on__isnull=True), output_field=BooleanField()),
        )
        .only("name")
    )
    lamp = COLUMNS[0].order_by(descending=True)
    return list(listed.order_by(*lamp, "pk")[:limit])


def has_targets(user: User) -> bool:
    return Organization.objects.owned_by(user).filter(is_target=True).exists()


def next_moves_for(user: User) -> list[NextMove]:
    """Next moves for the top of the target list not marked finished (two queries, however
    many contacts); known employers never get any."""

    top = top_targets(user)
    people: dict[int | None, list[Person]] = {organization.pk: [] for organization in top}
    contacts = (
        Contact.objects.owned_by(user)
        .filter(organization__in=top)
        .select_related("introduced_by")
        .annotate(
            # Asking someone to introduce you approaches the person to be introduced, not them.
            approached=Exists(
                Message.objects.filter(contact=OuterRef("pk")).exclude(purpose=Purpose.INTRODUCTION)
            )
            | Exists(Message.objects.filter(introduction_to=OuterRef("pk")))
            | Exists(Conversation.objects.filter(contact=OuterRef("pk"))),
            # (a reminder to someone asked for an introduction is about the person they are
            # to introduce, not about their own organization)
            under_way=Exists(
                FollowUp.objects.filter(contact=OuterRef("pk"), done_at__isnull=True).exclude(
                    kind=Kind.FOLLOW_UP
                )
            )
            | Exists(
                Message.objects.filter(
                    introduction_to=OuterRef("pk"),
                    contact__followups__kind=Kind.FOLLOW_UP,
                    contact__followups__done_at__isnull=True,
                )
            )
            | Exists(
                Conversation.objects.filter(
                    contact=OuterRef("pk"), status__in=[Status.SCHEDULED, Status.IN_PROGRESS]
                )
            )
            # A message to them (or asking to be introduced to them) waiting to go out later.
            | Exists(
                ScheduledMessage.objects.filter(
                    Q(contact=OuterRef("pk")) | Q(introduction_to=OuterRef("pk")),
                    state__in=[
                        ScheduledState.SCHEDULED,
                        ScheduledState.SENDING,
                        ScheduledState.FAILED,
                    ],
                )
            ),
        )
        .only(
            "first_name",
            "last_name",
            "how_known",
            "organization_id",
            "introduced_by__first_name",
            "introduced_by__last_name",
        )
        .order_by("id")
    )
    for contact in contacts:
        people[contact.organization_id].append(
            Person(
                id=contact.pk,
                name=contact.full_name,
                how_known=contact.how_known,
                approached=contact.approached,
                introduced_by=contact.introduced_by.full_name if contact.introduced_by else "",
                in_play=contact.under_way,
            )
        )
    return next_moves([Target(id=o.pk, name=o.name, people=tuple(people[o.pk])) for o in top])
