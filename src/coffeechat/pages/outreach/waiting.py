"""Who is waiting for a reply (Outreach's box): found by the database in one query.

A contact is waiting while their stage (method.stages.contact_stage) is "contacted": a request
is out, unanswered, and fewer than 10 business days old. The business days stay the method's:
still_waiting_since turns them into the first day a request can be that recent, so the
database needs only the people asked since then, and judges each with the same history the
Contacts list reads (people.queries.with_history), folded into SQL below.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo

from django.db.models import Count, F, Q, Window
from django.utils import timezone

from coffeechat.foundation.accounts.models import User
from coffeechat.foundation.core.links import link_to
from coffeechat.method.stages import still_waiting_since
from coffeechat.network.people.models import Contact
from coffeechat.pages.people.queries import with_history
from coffeechat.pipeline.outreach.models import Message, Purpose


@dataclass(frozen=True)
class WaitingRow:
    """One person waiting, as the box shows them: every link and date ready to print."""

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


def is_waiting(since: datetime) -> Q:
    """contact_stage(...) == CONTACTED over with_history's facts, for a request counted as
    recent from `since`: nobody met or to meet; then either asked again on a day after their
    last reply (h_new_request), or never answered at all and first asked since then. A decline
    or a reply with no newer request is not waiting."""
    asked_again = Q(h_new_request__gte=since)
    first_ask = Q(h_new_request__isnull=True, h_last_reply__isnull=True, h_first_request__gte=since)
    return Q(h_met__isnull=True, h_upcoming__isnull=True) & (asked_again | first_ask)


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
        with_history(candidates, tz)
        .filter(is_waiting(since))
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
            name=f"{row['first_name']} {row['last_name']}".strip(),
            url=contact(row["pk"]),
            organization=row["organization__name"] or "",
            organization_url=organization(row["organization_id"]) if row["organization_id"] else "",
            asked_on=_day(row["h_first_request"], tz),
            reply_url=reply(row["pk"]),
        )
        for row in rows
    ]
    return Waiting(shown, rows[0]["total"] if shown else 0)
