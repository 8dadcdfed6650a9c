"""The Follow-ups list: every follow-up, one page at a time, filtered and sorted from the URL.

Filters: ?status=open (default) or done, ?kind=<kind>, and for open ones ?due=overdue, today,
now (overdue or today: where Today's "show all" leads), week (the next 7 days) or later.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet
from django.http import QueryDict

from coffeechat.foundation.accounts.models import User
from coffeechat.foundation.core.listing import Column, Listing, paginate
from coffeechat.method.today import HORIZON
from coffeechat.pipeline.followups.models import FollowUp

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


def followup_listing(
    user: User, query: QueryDict, today: date
) -> tuple[Filters, Listing[FollowUp]]:
    """One page of the user's follow-ups as the URL asks: open ones are those still owed (the
    same as Today counts), done ones those done by hand, by what was recorded, or retired."""
    filters = Filters.from_query(query)
    followups = FollowUp.objects.owned_by(user).select_related(
        "contact__organization", "conversation", "reply"
    )
    if filters.kind:
        followups = followups.filter(kind=filters.kind)
    if filters.status == "done":
        done = followups.filter(done_at__isnull=False)
        return filters, paginate(query, done, columns=DONE_COLUMNS, default_sort="-done")
    owed = _within(followups.owed(today), filters.due, today)
    return filters, paginate(query, owed, columns=OPEN_COLUMNS, default_sort="due")
