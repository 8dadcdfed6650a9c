"""Reading the facts behind the Insights page: a fixed handful of queries, whatever the data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from django.db.models import Case, Count, F, IntegerField, OuterRef, Q, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from coffeechat.foundation.accounts.models import User
from coffeechat.foundation.core.counting import count_per_row
from coffeechat.method.insights import MET, WEEKS_SHOWN, Person, RateRow, week_start
from coffeechat.network.people.models import Contact, full_name
from coffeechat.pages.insights import replies

# The history the Contacts list derives stages from: one definition of what happened to whom.
from coffeechat.pages.people.queries import with_history
from coffeechat.pipeline.conversations.models import Conversation, Referral, Status
from coffeechat.pipeline.outreach.models import Outcome


@dataclass(frozen=True)
class Facts:
    """Everything the page draws, as plain values for method.insights."""

    today: date
    furthest: dict[int, int]  # funnel step (0 identified .. 4 thanked) -> contacts stopped there
    referred: int  # contacts met who gave at least one referral
    people: list[Person]  # only those in a chain: led by someone, or leading someone
    by_template: list[RateRow]  # requests and follow-ups sent and answered, per template
    by_channel: list[RateRow]
    waits: list[int]  # per contact who answered, days from the first request to the reply
    held_on: list[date]  # the day each held conversation took place, in the weeks shown
    held: int  # every held conversation
    referrals_in_held: int


def _referrals_given() -> Coalesce:
    return count_per_row(
        Referral.objects.filter(conversation__contact=OuterRef("pk")),
        grouped_by="conversation__contact",
    )


def _furthest_step() -> Case:
    """method.stages.contact_stage folded onto the funnel's steps, as SQL over the same history
    the Contacts list reads (people.queries): every waiting stage is "contacted" there, so no
    business day needs counting."""
    thanked_after_meeting = Q(h_thanked__isnull=False, h_thanked__gte=F("h_met"))
    return Case(
        When(Q(h_met__isnull=False) & thanked_after_meeting, then=Value(4)),
        When(h_met__isnull=False, then=Value(3)),
        When(h_upcoming__isnull=False, then=Value(2)),
        When(h_new_request__isnull=False, then=Value(1)),  # asked again: waiting anew
        When(h_last_outcome=Outcome.DECLINED, then=Value(2)),
        When(h_last_reply__isnull=False, then=Value(2)),
        When(h_first_request__isnull=False, then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )


def _funnel(user: User, tz: tzinfo, sent: replies.Sending | None) -> tuple[dict[int, int], int]:
    """Contacts per furthest step and those met who referred someone, counted by the database
    in one grouped query."""
    sent_day = sent.day if sent else None
    contacts = with_history(Contact.objects.owned_by(user), tz, sent_day=sent_day).annotate(
        step=_furthest_step(), referrals_given=_referrals_given()
    )
    grouped = contacts.values("step").annotate(
        n=Count("id"), referred=Count("id", filter=Q(step__gte=MET, referrals_given__gt=0))
    )
    furthest: dict[int, int] = {}
    referred = 0
    for row in grouped.order_by():
        furthest[row["step"]] = furthest.get(row["step"], 0) + row["n"]
        referred += row["referred"]
    return furthest, referred


def _people(user: User) -> list[Person]:
    """Who led the user to whom: the people with someone before them, and those before them.
    A chain starts with someone nobody led to, so they are read second, by id."""
    fields = (
        "pk",
        "first_name",
        "last_name",
        "organization__name",
        "organization__is_target",
        "introduced_by_id",
    )
    contacts = Contact.objects.owned_by(user).annotate(
        # A referral names the person you met; "introduced by" covers everyone else.
        referred_by=F("referred_in__conversation__contact_id"),
    )
    led = contacts.filter(Q(referred_by__isnull=False) | Q(introduced_by__isnull=False))
    rows = {row["pk"]: row for row in led.values(*fields, "referred_by")}
    leaders = {row["referred_by"] or row["introduced_by_id"] for row in rows.values()}
    missing = leaders - rows.keys()
    if missing:
        for row in contacts.filter(pk__in=missing).values(*fields, "referred_by"):
            rows.setdefault(row["pk"], row)
    return [
        Person(
            id=row["pk"],
            name=full_name(row["first_name"], row["last_name"]),
            organization=row["organization__name"] or "",
            led_by=row["referred_by"] or row["introduced_by_id"],
            at_target=bool(row["organization__is_target"]),
        )
        for row in rows.values()
    ]


def _held(user: User, tz: tzinfo, today: date) -> tuple[list[date], int, int]:
    """The days of the conversations held in the weeks shown; how many were held in all, and
    the referrals they brought (counted by the database)."""
    held = Conversation.objects.owned_by(user).filter(status=Status.HELD)
    totals = held.aggregate(n=Count("id", distinct=True), referrals=Count("referrals"))
    # A day's margin before the window, so a moment compares as is (no time zone applied per
    # row in SQL): the user's time zone decides the edge days below.
    since = week_start(today) - timedelta(weeks=WEEKS_SHOWN - 1, days=1)
    moments = (
        held.annotate(held_at=Coalesce("started_at", "scheduled_at"))
        .filter(held_at__gte=datetime.combine(since, time.min, tzinfo=UTC))
        .values_list("held_at", flat=True)
    )
    days = [timezone.localdate(moment, tz) for moment in moments]
    return days, totals["n"], totals["referrals"]


def insight_facts(user: User, now: datetime | None = None) -> Facts:
    tz = user.profile.tz()
    today = timezone.localdate(now or timezone.now(), tz)
    sent = replies.sending(user, tz)
    furthest, referred = _funnel(user, tz, sent)
    held_on, held, referrals = _held(user, tz, today)
    by_template, by_channel = replies.reply_rates(user, sent)
    return Facts(
        today=today,
        furthest=furthest,
        referred=referred,
        people=_people(user),
        by_template=by_template,
        by_channel=by_channel,
        waits=replies.days_to_reply(user, sent),
        held_on=held_on,
        held=held,
        referrals_in_held=referrals,
    )
