"""The Follow-ups list: every follow-up, one page at a time, filtered and sorted from the URL.

Filters: ?status=open (default) or done, ?kind=<kind>, and for open ones ?due=overdue, today,
now (overdue or today: where Today's "show all" leads), week (the next 7 days) or later.

A page's rows arrive as FollowUpRows, their texts and links worked out here once per page (one
reverse() per kind of link, dates formatted directly): the template only prints them, which
is what keeps a 50-row page cheap.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeVar

from django.db.models import QuerySet
from django.http import QueryDict
from django.utils import timezone
from django.utils.dates import MONTHS_3, WEEKDAYS_ABBR

from coffeechat.foundation.accounts.models import User
from coffeechat.foundation.core.links import link_to
from coffeechat.foundation.core.listing import Column, Listing, paginate
from coffeechat.method.today import HORIZON, Kind
from coffeechat.pipeline.followups.models import FollowUp
from coffeechat.pipeline.outreach.models import Outcome

STATUSES = {"open": "Open", "done": "Done or closed"}
DUE_WINDOWS = {
    "": "Any time",
    "now": "Overdue or due today",
    "overdue": "Overdue",
    "today": "Due today",
    "week": "In the next 7 days",
    "later": "Later",
}
# The filter names kinds as groups, apart from the row labels they select.
KINDS = {
    "thank_you": "Thank-yous",
    "schedule": "Scheduling",
    "no_reply": "No replies",
    "nudge": "Polite follow-ups",
    "move_on": "Moving on",
    "contact_referral": "Referrals to contact",
    "follow_up": "Other follow-ups",
    "keep_in_touch": "Keeping in touch",
    "close_the_loop": "Closing the loop",
}
OPEN_COLUMNS = (
    Column("due", "Due", ("due_on", "due_at")),
    Column("kind", "What", ("kind",)),
    Column("who", "Who", ("contact__first_name", "contact__last_name")),
)
DONE_COLUMNS = (
    Column("done", "Done", ("done_at",)),
    Column("kind", "What", ("kind",)),
    Column("who", "Who", ("contact__first_name", "contact__last_name")),
)


@dataclass(frozen=True)
class Filters:
    status: str
    kind: str
    due: str

    @classmethod
    def from_query(cls, query: QueryDict) -> Filters:
        status = query.get("status", "open")
        kind = query.get("kind", "")
        due = query.get("due", "")
        return cls(
            status=status if status in STATUSES else "open",
            kind=kind if kind in KINDS else "",
            due=due if due in DUE_WINDOWS else "",
        )


def _within(followups: QuerySet[FollowUp], due: str, today: date) -> QuerySet[FollowUp]:
    if due == "now":
        return followups.filter(due_on__lte=today)
    if due == "overdue":
        return followups.filter(due_on__lt=today)
    if due == "today":
        return followups.filter(due_on=today)
    if due == "week":
        return followups.filter(due_on__gt=today, due_on__lte=today + HORIZON)
    if due == "later":
        return followups.filter(due_on__gt=today + HORIZON)
    return followups


KIND_LABELS = dict(FollowUp.KIND_CHOICES)
# What a row shows, and nothing more: no model field the list does not print is read.
SHOWN_FIELDS = (
    "kind",
    "due_on",
    "due_at",
    "note",
    "done_at",
    "closed_by",
    "closed_reason",
    "contact__first_name",
    "contact__last_name",
    "contact__organization__name",
    "reply__outcome",
)


@dataclass(frozen=True)
class FollowUpRow:
    """One follow-up as the list prints it."""

    pk: int
    what: str  # its kind, as a label
    who: str
    who_url: str
    organization: str  # where they work, or ""
    due: str  # open: "Mon 7 Dec", or "today"
    due_state: str  # open: "overdue", "today" or ""
    done: str  # done: the day it was done or closed, in the user's time zone
    note: str
    ending: str  # done: how it ended ("Closed: Grace agreed to talk")
    retired: bool  # closed by Coffeechat, not done
    reopen_url: str  # done by hand: where Reopen posts; else ""
    done_url: str  # open: where Mark done posts
    done_label: str  # open: what its button says


class Days:
    """Days written as the template's |date:"D j M" writes them ("Mon 7 Dec", datetimes in the
    active time zone, the user's), with the names translated once per page rather than once
    per date."""

    def __init__(self) -> None:
        self.weekdays = [str(WEEKDAYS_ABBR[number]) for number in range(7)]
        self.months = [""] + [str(MONTHS_3[number]).title() for number in range(1, 13)]

    def __call__(self, value: date | datetime) -> str:
        if isinstance(value, datetime):
            value = timezone.localtime(value)
        return f"{self.weekdays[value.weekday()]} {value.day} {self.months[value.month]}"


def _done_label(followup: FollowUp) -> str:
    if followup.kind != Kind.SCHEDULE:
        return "Mark done"
    # A schedule follow-up for a reply that said yes has nothing left; otherwise it fell through.
    replied = followup.reply is not None and followup.reply.outcome == Outcome.REPLIED
    return "Nothing more to do" if replied else "It fell through"


def followup_rows(followups: Iterable[FollowUp], today: date) -> list[FollowUpRow]:
    """The rows for these follow-ups (selected with their contact, organization and reply)."""
    contact_url: Callable[[int], str] = link_to("people:contact")
    done_url = link_to("followups:done")
    reopen_url = link_to("followups:reopen")
    day = Days()
    rows = []
    for followup in followups:
        contact = followup.contact
        organization = contact.organization
        if followup.done_at is None:
            due_state = "overdue" if followup.due_on < today else ""
            due_state = "today" if followup.due_on == today else due_state
            due = "today" if due_state == "today" else day(followup.due_on)
        else:
            due_state = due = ""
        rows.append(
            FollowUpRow(
                pk=followup.pk,
                what=KIND_LABELS.get(followup.kind, followup.kind),
                who=contact.full_name,
                who_url=contact_url(contact.pk),
                organization=organization.name if organization else "",
                due=due,
                due_state=due_state,
                done=day(followup.done_at) if followup.done_at else "",
                note=followup.note,
                ending=followup.ending,
                retired=followup.is_retired,
                reopen_url=reopen_url(followup.pk) if followup.was_done_by_hand else "",
                done_url=done_url(followup.pk),
                done_label=_done_label(followup),
            )
        )
    return rows


Shown = TypeVar("Shown", bound=QuerySet[FollowUp])


def _shown(followups: Shown) -> Shown:
    return followups.select_related("contact__organization", "reply").only(*SHOWN_FIELDS)


def followup_listing(user: User, query: QueryDict, today: date) -> tuple[Filters, Listing[Any]]:
    """One page of the user's follow-ups as the URL asks (its rows are FollowUpRows): open ones
    are those still owed (the same as Today counts), done ones those done by hand, by what was
    recorded, or retired."""
    filters = Filters.from_query(query)
    followups = _shown(FollowUp.objects.owned_by(user))
    if filters.kind:
        followups = followups.filter(kind=filters.kind)
    listing: Listing[Any]
    if filters.status == "done":
        done = followups.filter(done_at__isnull=False)
        listing = paginate(query, done, columns=DONE_COLUMNS, default_sort="-done")
    else:
        owed = _within(followups.owed(today), filters.due, today)
        listing = paginate(query, owed, columns=OPEN_COLUMNS, default_sort="due")
    listing.rows = followup_rows(listing.rows, today)
    return filters, listing


def recently_done(user: User, today: date, limit: int) -> list[FollowUpRow]:
    """The last few follow-ups done or closed, newest first."""
    done = FollowUp.objects.owned_by(user).filter(done_at__isnull=False)
    return followup_rows(_shown(done).order_by("-done_at", "-id")[:limit], today)
