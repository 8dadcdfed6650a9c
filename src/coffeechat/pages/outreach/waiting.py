"""Who is waiting for a reply (Outreach's box): found by the database in one query.

A contact is waiting while their stage (method.stages.contact_stage) is "contacted": a request
is out, unanswered, and fewer than 10 business days old. The business days stay the method's:
still_waiting_since turns them into the first day a request can be that recent, so the
database needs only the people asked since then, and judges each from the facts the Contacts
list reads (people.queries.with_history), folded into SQL below: only those the stage of a
recently asked person can turn on, each asked the cheapest way that gives the same answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo
from typing import Any, TypedDict

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Subquery, Window
from django.db.models.functions import TruncDate
from django.utils import timezone

from coffeechat.foundation.accounts.models import User
from coffeechat.foundation.core.links import link_to
from coffeechat.method.stages import still_waiting_since
from coffeechat.network.people.models import Contact, full_name
from coffeechat.pipeline.conversations.models import Conversation, Status
from coffeechat.pipeline.outreach.models import Message, Purpose, Reply


class WaitingRow(TypedDict):
    """One person waiting, as the box shows them: every link and date ready to print (a dict,
    which the template engine reads fastest)."""

    name: str
    url: str
    organization: str
    organization_url: str
    asked_on: str  # the day of the first request to them
    reply_url: str


@dataclass(frozen=True)
class Waiting:
    rows: list[WaitingRow]  # the first ones by name
    total: int  # everyone waiting


def start_of_day(day: date, tz: tzinfo) -> datetime:
    """The first moment of `day` where the user lives: a moment is on that day or later there
    exactly when it is at or after this one."""
    return datetime.combine(day, time(), tzinfo=tz)


def _first(queryset: QuerySet[Any], column: str) -> Subquery:
    return Subquery(queryset.values(column)[:1])


def waiting(contacts: QuerySet[Contact], since: datetime, tz: tzinfo) -> QuerySet[Contact]:
    """Those of `contacts` (each asked since `since`) whose stage is "contacted", as
    contact_stage decides it from with_history's facts: nobody met (h_met, the same subquery)
    or to meet (h_upcoming: any open conversation); then either asked again on a later day than
    their last reply (h_new_request, the same subquery) since then, or never answered at all
    (h_last_reply) and first asked since then (h_first_request: no request before it).
    A decline, or a reply with no newer request, is not waiting. Each contact's first request
    is annotated as h_first_request, the day the box shows."""
    requests = Message.objects.filter(contact=OuterRef("pk"), purpose=Purpose.REQUEST)
    replies = Reply.objects.filter(contact=OuterRef("pk"))
    conversations = Conversation.objects.filter(contact=OuterRef("pk"))
    asked_again = (
        requests.annotate(day=TruncDate("sent_at", tzinfo=tz))
        .filter(day__gt=OuterRef("h_last_reply"))
        .order_by("sent_at")
    )
    first_ask = ~Exists(replies) & ~Exists(requests.filter(sent_at__lt=since))
    return (
        contacts.annotate(
            h_met=_first(
                conversations.filter(status=Status.HELD).order_by("-ended_at"), "ended_at"
            ),
            h_last_reply=_first(replies.order_by("-received_on", "-id"), "received_on"),
        )
        .annotate(h_new_request=_first(asked_again, "sent_at"))
        .filter(
            ~Exists(conversations.filter(status__in=[Status.SCHEDULED, Status.IN_PROGRESS])),
            Q(h_met__isnull=True) & (Q(h_new_request__gte=since) | first_ask),
        )
        .annotate(h_first_request=_first(requests.order_by("sent_at"), "sent_at"))
    )


def _day(moment: datetime, tz: tzinfo) -> str:
    local = timezone.localtime(moment, tz)
    return f"{local:%a} {local.day} {local:%b %Y}"


def waiting_for_reply(user: User, *, limit: int, today: date | None = None) -> Waiting:
    """The first `limit` people waiting for a reply by name (ties by id), and how many wait in
    all, in one query whose cost follows the requests of the last two weeks or so."""
    profile = user.profile
    tz = profile.tz()
    today = today or timezone.localdate(timezone=tz)
    since = start_of_day(still_waiting_since(today, profile.holidays()), tz)
    recent = Message.objects.owned_by(user).filter(purpose=Purpose.REQUEST, sent_at__gte=since)
    candidates = Contact.objects.owned_by(user).filter(pk__in=recent.values("contact_id"))
    found = (
        waiting(candidates, since, tz)
        .annotate(total=Window(Count("pk")))
        .order_by(F("first_name").asc(nulls_last=True), F("last_name").asc(nulls_last=True), "pk")
        .values(
            "pk",
            "first_name",
            "last_name",
            "organization_id",
            "organization__name",
            "h_first_request",
            "total",
        )[:limit]
    )
    rows = list(found)
    contact, organization = link_to("people:contact"), link_to("research:organization")
    reply = link_to("outreach:reply")
    shown = [
        WaitingRow(
            name=full_name(row["first_name"], row["last_name"]),
            url=contact(row["pk"]),
            organization=row["organization__name"] or "",
            organization_url=organization(row["organization_id"]) if row["organization_id"] else "",
            asked_on=_day(row["h_first_request"], tz),
            reply_url=reply(row["pk"]),
        )
        for row in rows
    ]
    return Waiting(shown, rows[0]["total"] if shown else 0)
