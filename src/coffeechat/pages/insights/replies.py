"""Reply rates and days to reply, counted by the database with method.insights' rule: a reply
answers the last request or follow-up sent to that person on or before its day (in the user's
time zone), so one reply never counts twice."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from typing import Any

from django.db.models import Count, Exists, Max, Min, OuterRef, Q, QuerySet, Subquery

from coffeechat.foundation.accounts.models import User
from coffeechat.foundation.core.local_dates import LocalDate
from coffeechat.method.insights import RateRow
from coffeechat.network.people.models import Contact
from coffeechat.pipeline.outreach.models import Channel, Message, Purpose, Reply

# The messages that ask for an answer (as pages/outreach counts them for the templates page).
ASKING = (Purpose.REQUEST, Purpose.FOLLOW_UP)
NO_TEMPLATE = "No template"


@dataclass(frozen=True)
class Sending:
    """The user's time zone and the span of their messages, first to last: within it a
    message's local day is plain SQL (foundation.core.local_dates)."""

    tz: tzinfo
    since: datetime
    until: datetime

    def day(self, field: str) -> LocalDate:
        return LocalDate(field, tzinfo=self.tz, since=self.since, until=self.until)


def sending(user: User, tz: tzinfo) -> Sending | None:
    """None when the user has sent nothing: then no message needs a day."""
    span = Message.objects.owned_by(user).aggregate(since=Min("sent_at"), until=Max("sent_at"))
    if span["since"] is None:
        return None
    return Sending(tz, span["since"], span["until"])


def _answered(sent: Sending) -> Exists:
    """For an asking message: a reply from them on or after its day, with no later asking
    message sent on or before that reply's day (that one would take the credit)."""
    taken_over = (
        Message.objects.filter(contact=OuterRef(OuterRef("contact")), purpose__in=ASKING)
        .filter(
            Q(sent_at__gt=OuterRef(OuterRef("sent_at")))
            | Q(sent_at=OuterRef(OuterRef("sent_at")), pk__gt=OuterRef(OuterRef("pk")))
        )
        .annotate(day=sent.day("sent_at"))
        .filter(day__lte=OuterRef("received_on"))
    )
    replies = Reply.objects.filter(contact=OuterRef("contact"), received_on__gte=OuterRef("day"))
    return Exists(replies.exclude(Exists(taken_over)))


def _asking(user: User, sent: Sending) -> QuerySet[Message]:
    return (
        Message.objects.owned_by(user)
        .filter(purpose__in=ASKING)
        .annotate(day=sent.day("sent_at"))
        .annotate(answered=_answered(sent))
    )


def _table(grouped: list[dict[str, Any]], field: str, labels: dict[str, str]) -> list[RateRow]:
    counts: dict[str, tuple[int, int]] = {}
    for row in grouped:
        value = str(row[field] or "")
        label = labels.get(value, value)
        sent, replied = counts.get(label, (0, 0))
        counts[label] = (sent + int(row["sent"] or 0), replied + int(row["replied"] or 0))
    rows = [RateRow(label, sent, replied) for label, (sent, replied) in counts.items()]
    return sorted(rows, key=lambda row: (-row.sent, row.label.casefold()))


def reply_rates(user: User, sent: Sending | None) -> tuple[list[RateRow], list[RateRow]]:
    """(sent, replied) per template and per channel, the most sent first: one grouped query
    (by template and channel at once, since judging "answered" is the costly part)."""
    if sent is None:
        return [], []
    grouped = list(
        _asking(user, sent)
        .values("template__name", "channel")
        .annotate(sent=Count("id"), replied=Count("id", filter=Q(answered=True)))
        .order_by()
    )
    by_template = _table(grouped, "template__name", {"": NO_TEMPLATE})
    by_channel = _table(grouped, "channel", dict(Channel.choices))
    return by_template, by_channel


def days_to_reply(user: User, sent: Sending | None) -> list[int]:
    """Per contact who answered: days from their first request to the first reply on or after
    it, sorted (one query, one row per such contact)."""
    if sent is None:
        return []
    first_request = (
        Message.objects.filter(contact=OuterRef("pk"), purpose=Purpose.REQUEST)
        .annotate(day=sent.day("sent_at"))
        .order_by("sent_at")
        .values("day")[:1]
    )
    first_answer = (
        Reply.objects.filter(contact=OuterRef("pk"), received_on__gte=OuterRef("asked"))
        .order_by("received_on")
        .values("received_on")[:1]
    )
    rows = (
        Contact.objects.owned_by(user)
        .annotate(asked=Subquery(first_request))
        .annotate(answered_on=Subquery(first_answer))
        .filter(answered_on__isnull=False)
        .values_list("asked", "answered_on")
    )
    return sorted((_date(answered) - _date(asked)).days for asked, answered in rows)


def _date(value: object) -> date:
    # SQLite hands a date from a subquery back as text.
    return value if isinstance(value, date) else date.fromisoformat(str(value))
