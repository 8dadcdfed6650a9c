"""What Today needs to know around its follow-ups, read once for all of them: who else is
at each organization, who is still awaited there or already talking, how quickly each person
answers; and the items' links, each resolved once per list."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Exists, F, Min, OuterRef, QuerySet, Subquery
from django.utils import timezone

from coffeechat.foundation.accounts.models import User
from coffeechat.method.cadence import ReplySpeed, reply_speed
from coffeechat.method.next_moves import warmth
from coffeechat.method.today import Kind
from coffeechat.network.people.models import Contact, full_name
from coffeechat.pages.today.owed import Owed
from coffeechat.pages.today.rows import id_url
from coffeechat.pipeline.conversations.models import Conversation, Status
from coffeechat.pipeline.followups.models import FollowUp
from coffeechat.pipeline.outreach.models import Message, Purpose, Reply


class Urls:
    """reverse() for the items' links (all take one id), each resolved once per list."""

    def __init__(self) -> None:
        self._made: dict[str, Callable[[int], str]] = {}

    def __call__(self, name: str, pk: int) -> str:
        if name not in self._made:
            self._made[name] = id_url(name)
        return self._made[name](pk)


@dataclass(frozen=True)
class Person:
    """Someone a sentence names: enough to write their name and link to them."""

    pk: int
    full_name: str


@dataclass(frozen=True)
class Neighbours:
    """What the list needs to know beyond each follow-up, read once for all of them."""

    next_contact: dict[int, Person]  # organization id -> someone there not yet written to
    # organization id -> the people there still inside their 10 business days of waiting
    awaiting: dict[int, list[Person]]
    speed: dict[int, ReplySpeed | None]  # contact id -> how quickly they answer
    nudged: frozenset[int]  # contacts who were sent the polite follow-up
    # organization id -> someone there who said yes: a conversation planned or held, or a time
    # being agreed (nobody else there is needed for now)
    talking: dict[int, Person]
    today: date
    urls: Urls


def contacts_at(user: User, organizations: set[int]) -> QuerySet[Contact]:
    """The user's contacts at these organizations, found through the organization's index.
    (Compared as owner_id + 0, the owner is still checked on every row, but SQLite, having no
    statistics, no longer walks every contact the user has to find the few there.)"""
    return Contact.objects.alias(owner_key=F("owner_id") + 0).filter(
        owner_key=user.pk, organization_id__in=organizations
    )


def _people_there(
    user: User, organizations: set[int]
) -> tuple[dict[int, Person], dict[int, Person]]:
    """At each organization, the warmest person not yet approached (as Next moves picks) and
    the first (by id) who said yes."""
    # Not yet approached: nothing sent to them (asking them for an introduction to someone
    # else does not count), and no introduction to them already asked for.
    unwritten = (
        contacts_at(user, organizations)
        .exclude(
            Exists(
                Message.objects.filter(contact=OuterRef("pk")).exclude(purpose=Purpose.INTRODUCTION)
            )
        )
        .exclude(Exists(Message.objects.filter(introduction_to=OuterRef("pk"))))
        .order_by("id")
        .values_list("pk", "first_name", "last_name", "organization_id", "how_known")
    )
    next_contact: dict[int, Person] = {}
    warmest: dict[int, int] = {}
    for pk, first, last, organization, how_known in unwritten:
        if warmth(how_known) < warmest.get(organization, _COLDEST):
            next_contact[organization] = Person(pk, full_name(first, last))
            warmest[organization] = warmth(how_known)
    # The first person there (by id) who said yes, a conversation planned or held or a time
    # being agreed: one row per organization, not everyone.
    said_yes = (
        contacts_at(user, organizations)
        .filter(
            Exists(
                Conversation.objects.filter(contact=OuterRef("pk")).exclude(status=Status.CANCELLED)
            )
            | Exists(
                FollowUp.objects.filter(
                    contact=OuterRef("pk"), kind=Kind.SCHEDULE, done_at__isnull=True
                )
            )
        )
        .order_by()
        .values("organization_id")
        .annotate(first=Min("pk"))
        .values("first")
    )
    first_yes = (
        Contact.objects.owned_by(user)
        .filter(pk__in=Subquery(said_yes))
        .order_by()
        .values_list("pk", "first_name", "last_name", "organization_id")
    )
    talking = {
        organization: Person(pk, full_name(first, last))
        for pk, first, last, organization in first_yes
    }
    return next_contact, talking


_COLDEST = 10**6  # colder than anyone


def neighbours(user: User, followups: list[Owed], today: date) -> Neighbours:
    organizations = {
        f.organization_id for f in followups if f.kind == Kind.NO_REPLY and f.organization_id
    }
    next_contact: dict[int, Person] = {}
    awaiting: dict[int, list[Person]] = {}
    talking: dict[int, Person] = {}
    if organizations:
        next_contact, talking = _people_there(user, organizations)
        # Until their move-on is due, someone written to is still owed the chance to answer.
        waiting = (
            FollowUp.objects.owned_by(user)
            .open()
            .filter(kind=Kind.MOVE_ON, due_on__gt=today)
            .filter(contact__organization_id__in=organizations)
            .order_by("due_on", "id")
            .values_list(
                "contact_id",
                "contact__first_name",
                "contact__last_name",
                "contact__organization_id",
            )
        )
        for pk, first, last, organization in waiting:
            awaiting.setdefault(organization, []).append(Person(pk, full_name(first, last)))
    speed, nudged = reply_speeds(user, {f.contact_id for f in followups}, today)
    return Neighbours(
        next_contact=next_contact,
        awaiting=awaiting,
        speed=speed,
        nudged=nudged,
        talking=talking,
        today=today,
        urls=Urls(),
    )


def reply_speeds(
    user: User, ids: set[int], today: date
) -> tuple[dict[int, ReplySpeed | None], frozenset[int]]:
    """How quickly each of these people answers, and who was sent the polite follow-up: only
    the three dates the judgement needs, read in one query (as Contacts judges them)."""
    if not ids:
        return {}, frozenset()
    profile = user.profile
    tz, holidays = profile.tz(), profile.holidays()
    messages = Message.objects.filter(contact=OuterRef("pk")).order_by("sent_at")
    first_reply = Reply.objects.filter(contact=OuterRef("pk")).order_by("received_on", "id")
    rows = (
        Contact.objects.owned_by(user)
        .filter(pk__in=ids)
        .order_by()
        .annotate(
            first_request=Subquery(messages.filter(purpose=Purpose.REQUEST).values("sent_at")[:1]),
            first_nudge=Subquery(messages.filter(purpose=Purpose.FOLLOW_UP).values("sent_at")[:1]),
            first_reply=Subquery(first_reply.values("received_on")[:1]),
        )
        .values_list("pk", "first_request", "first_nudge", "first_reply")
    )

    def day(moment: datetime | None) -> date | None:
        return timezone.localdate(moment, timezone=tz) if moment else None

    speed: dict[int, ReplySpeed | None] = {}
    nudged = set()
    for pk, first_request, first_nudge, replied_on in rows:
        speed[pk] = reply_speed(
            first_request_on=day(first_request),
            first_reply_on=replied_on,
            nudged_on=day(first_nudge),
            today=today,
            holidays=holidays,
        )
        if first_nudge is not None:
            nudged.add(pk)
    return speed, frozenset(nudged)
