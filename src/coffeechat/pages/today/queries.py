"""The Today list, read from open follow-ups and upcoming conversations in a few queries."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from django.db.models import Count, Exists, F, Min, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from coffeechat.foundation.accounts.models import User
from coffeechat.method.cadence import ReplySpeed, reply_speed, responsiveness_rank
from coffeechat.method.network_update import sentence
from coffeechat.method.next_moves import warmth
from coffeechat.method.today import HORIZON, Kind, Section, TodayItem, order_today
from coffeechat.network.people.models import Contact
from coffeechat.pages.outreach.queries import unsent_draft_items
from coffeechat.pages.today.rows import id_url
from coffeechat.pipeline.conversations.models import Conversation, Status
from coffeechat.pipeline.followups.models import FollowUp
from coffeechat.pipeline.outreach.models import Message, Purpose, Reply


class _Urls:
    """reverse() for the items' links (all take one id), each resolved once per list."""

    def __init__(self) -> None:
        self._made: dict[str, Callable[[int], str]] = {}

    def __call__(self, name: str, pk: int) -> str:
        if name not in self._made:
            self._made[name] = id_url(name)
        return self._made[name](pk)


@dataclass(frozen=True)
class _Neighbours:
    """What the list needs to know beyond each follow-up, read once for all of them."""

    next_contact: dict[int | None, Contact]  # organization id -> someone there not yet written to
    # organization id -> the people there still inside their 10 business days of waiting
    awaiting: dict[int | None, list[Contact]]
    speed: dict[int, ReplySpeed | None]  # contact id -> how quickly they answer
    nudged: frozenset[int]  # contacts who were sent the polite follow-up
    # organization id -> someone there who said yes: a conversation planned or held, or a time
    # being agreed (nobody else there is needed for now)
    talking: dict[int | None, Contact]
    today: date
    urls: _Urls


# What the sentences need of a person there: their name (and where they are).
_NAMED = ("first_name", "last_name", "organization_id")


def _contacts_at(user: User, organizations: set[int]) -> QuerySet[Contact]:
    """The user's contacts at these organizations, found through the organization's index.
    (Compared as owner_id + 0, the owner is still checked on every row, but SQLite, having no
    statistics, no longer walks every contact the user has to find the few there.)"""
    return Contact.objects.alias(owner_key=F("owner_id") + 0).filter(
        owner_key=user.pk, organization_id__in=organizations
    )


def _neighbours(user: User, followups: list[FollowUp], today: date) -> _Neighbours:

    organizations = {
        f.contact.organization_id
        for f in followups
        if f.kind == Kind.NO_REPLY and f.contact.organization_id
    }

    # Keyed by organization_id as the column types it; only contacts with one are read.
    next_contact: dict[int | None, Contact] = {}
    awaiting: dict[int | None, list[Contact]] = {}
    talking: dict[int | None, Contact] = {}
    if organizations:
        # Not yet approached: nothing sent to them (asking them for an introduction to someone
        # else does not count), and no introduction to them already asked for.
        unwritten = (
            _contacts_at(user, organizations)
            .exclude(
                Exists(
                    Message.objects.filter(contact=OuterRef("pk")).exclude(
                        purpose=Purpose.INTRODUCTION
                    )
                )
            )
            .exclude(Exists(Message.objects.filter(introduction_to=OuterRef("pk"))))
            .only(*_NAMED, "how_known")
            .order_by("id")
        )
        for contact in unwritten:  # the warmest person there next, as Next moves picks
            best = next_contact.get(contact.organization_id)
            if best is None or warmth(contact.how_known) < warmth(best.how_known):
                next_contact[contact.organization_id] = contact
        # Until their move-on is due, someone written to is still owed the chance to answer.
        waiting = (
            FollowUp.objects.owned_by(user)
            .open()
            .filter(kind=Kind.MOVE_ON, due_on__gt=today)
            .filter(contact__organization_id__in=organizations)
            .select_related("contact")
            .only("contact__first_name", "contact__last_name", "contact__organization_id")
            .order_by("due_on", "id")
        )
        for followup in waiting:
            awaiting.setdefault(followup.contact.organization_id, []).append(followup.contact)
        # The first person there (by id) who said yes: one row per organization, not everyone.
        said_yes = (
            _contacts_at(user, organizations)
            .filter(
                Exists(
                    Conversation.objects.filter(contact=OuterRef("pk")).exclude(
                        status=Status.CANCELLED
                    )
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
            .only(*_NAMED)
            .order_by()
        )
        for contact in first_yes:
            talking[contact.organization_id] = contact
    speed, nudged = _reply_speeds(user, {f.contact_id for f in followups}, today)
    return _Neighbours(
        next_contact=next_contact,
        awaiting=awaiting,
        speed=speed,
        nudged=nudged,
        talking=talking,
        today=today,
        urls=_Urls(),
    )


def _reply_speeds(
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


def _names(people: list[Contact]) -> str:
    names = [person.full_name for person in people]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _no_reply(contact: Contact, around: _Neighbours) -> tuple[str, str, str]:
    """The 3-business-day suggestion: approach the next person at the same organization, but
    only while nobody else there is waiting for an answer (one person at a time)."""
    organization = contact.organization
    waited = "3 business days without a reply"
    others = [
        person
        for person in around.awaiting.get(organization.pk if organization else 0, [])
        if person.pk != contact.pk
    ]
    if organization and organization.finished_on:
        return (
            f"{waited}: you marked {organization.name} finished, so nobody else there; "
            f"{contact.first_name}'s own polite follow-up still comes after 7.",
            around.urls("people:contact", contact.pk),
            "Open contact",
        )
    yes = around.talking.get(organization.pk) if organization else None
    if organization and yes is not None and yes.pk != contact.pk:
        return (
            f"{waited}, but you are already talking to {yes.full_name} at {organization.name}: "
            "nobody else there is needed for now.",
            around.urls("people:contact", contact.pk),
            "Open contact",
        )
    if organization and others:
        return (
            f"{waited}, but you are still waiting for {_names(others)} at {organization.name} "
            "to answer too: one person at a time per organization, so no one else there "
            "for now.",
            around.urls("people:contact", contact.pk),
            "Open contact",
        )
    if organization and (nxt := around.next_contact.get(organization.pk)):
        return (
            # "Beacon & Co." ends its own sentence: no second full stop.
            sentence(f"{waited}: write to {nxt.full_name}, the next contact at {organization}"),
            around.urls("outreach:compose", nxt.pk),
            f"Write to {nxt.full_name}",
        )
    if organization:
        return (
            f"{waited}: find another contact at {organization.name} and write to them.",
            around.urls("research:organization", organization.pk),
            "Find someone else there",
        )
    return (
        f"{waited}. Keep other organizations going in parallel.",
        around.urls("people:contact", contact.pk),
        "Open contact",
    )


def _followup_item(followup: FollowUp, around: _Neighbours) -> TodayItem:
    contact = followup.contact
    kind = Kind(followup.kind)
    organization = f" ({contact.organization.name})" if contact.organization else ""
    detail = followup.note
    done_label = "Mark done"
    if kind is Kind.THANK_YOU:
        title = f"Thank {contact.full_name}{organization}"
        url = (
            around.urls("outreach:thank_you", followup.conversation_id)
            if followup.conversation_id
            else around.urls("people:contact", contact.pk)
        )
        action = "Write thank-you"
    elif kind is Kind.SCHEDULE and followup.reply and followup.reply.outcome == "replied":
        title = f"Answer {contact.full_name}{organization}"
        url = around.urls("outreach:reply", contact.pk)
        action = "Log what they decided"
        done_label = "Nothing more to do"
    elif kind is Kind.SCHEDULE:
        title = f"Schedule with {contact.full_name}{organization}"
        url = around.urls("conversations:new", contact.pk)
        action = "Schedule it"
        done_label = "It fell through"
    elif kind is Kind.CONTACT_REFERRAL:
        title = f"Contact referral {contact.full_name}{organization}"
        url = around.urls("outreach:compose", contact.pk)
        action = "Write to them"
    elif kind is Kind.NO_REPLY:
        title = f"No reply from {contact.full_name}{organization}"
        detail, url, action = _no_reply(contact, around)
    elif kind is Kind.NUDGE:
        title = f"Send {contact.full_name}{organization} one polite follow-up"
        url = around.urls("outreach:compose", contact.pk) + "?purpose=follow_up"
        action = "Write the follow-up"
    elif kind is Kind.CLOSE_THE_LOOP:
        title = f"Close the loop with {contact.full_name}{organization}"
        url = around.urls("outreach:compose", contact.pk) + "?purpose=update"
        action = "Tell them what came of it"
    elif kind is Kind.KEEP_IN_TOUCH:
        title = f"Keep in touch with {contact.full_name}{organization}"
        url = around.urls("outreach:compose", contact.pk) + "?purpose=update"
        action = "Write an update"
    elif kind is Kind.MOVE_ON:
        title = f"Move on from {contact.full_name}{organization}"
        if contact.pk not in around.nudged and followup.due_on <= around.today:
            detail = (
                "Still no reply after 10 business days, and it is too late now for the follow-up "
                "you did not send: move on gracefully, no more messages."
            )
        url = around.urls("people:contact", contact.pk)
        action = "Open contact"
    else:
        title = f"Follow up with {contact.full_name}{organization}"
        url = around.urls("people:contact", contact.pk)
        action = "Open contact"
    return TodayItem(
        kind=kind,
        title=title,
        detail=detail,
        due=followup.due_on,
        url=url,
        action=action,
        deadline=followup.due_at,
        followup_id=followup.pk,
        done_label=done_label,
        responsiveness=responsiveness_rank(around.speed.get(contact.pk)),
        contact_id=contact.pk,
    )


def _conversation_item(
    conversation: Conversation, tz: tzinfo, now: datetime, urls: _Urls
) -> TodayItem:

    contact = conversation.contact
    start = conversation.scheduled_at.astimezone(tz)
    organization = f" ({contact.organization.name})" if contact.organization else ""
    # Once its time has come (or it was started early), what is owed is the record of how it
    # went, not preparation.
    in_progress = conversation.status == Status.IN_PROGRESS
    begun = in_progress or conversation.scheduled_at <= now
    return TodayItem(
        kind=Kind.CONVERSATION,
        title=f"Conversation with {contact.full_name}{organization}",
        detail=f"{conversation.duration_minutes} min, {conversation.get_mode_display()}"
        + (f" at {conversation.place}" if conversation.place else ""),
        due=start.date(),
        url=urls("conversations:conduct" if begun else "conversations:detail", conversation.pk),
        action="Continue the conversation"
        if in_progress
        else ("Record how it went" if begun else "Prepare"),
        at=conversation.scheduled_at,
    )


@dataclass(frozen=True)
class TodayList:
    """Today's items, bounded only where it is safe: every follow-up due today is among the
    items; of the overdue ones (`late`, a true count) at most `LATE_CAP`, and of those coming up
    at most `UPCOMING_CAP`; the rest sit behind "show all"."""

    items: list[TodayItem]
    late: int
    shown_late: int
    due_today: int
    upcoming: int
    shown_upcoming: int

    @property
    def due_now(self) -> int:
        return self.late + self.due_today

    @property
    def shown_due_now(self) -> int:
        return self.shown_late + self.due_today

    @property
    def more_now(self) -> int:
        return self.due_now - self.shown_due_now

    @property
    def more_late(self) -> int:
        return self.late - self.shown_late

    @property
    def more_due_now(self) -> bool:
        return self.more_late > 0

    @property
    def more_upcoming(self) -> bool:
        return self.upcoming > self.shown_upcoming

    def hidden_in(self, section: Section) -> int:
        """How many follow-ups of a section are behind "show all" (none due today ever are)."""
        if section is Section.OVERDUE:
            return self.more_late
        if section is Section.UPCOMING:
            return self.upcoming - self.shown_upcoming
        return 0


# Beyond this many overdue follow-ups a person cannot act on them all today anyway, and the page
# must not grow with the account's history. What is due today is never capped: hiding it behind
# a backlog would make Today lie about today.
LATE_CAP = 30
DUE_NOW_CAP = LATE_CAP  # the older name, kept for callers
UPCOMING_CAP = 30
CONVERSATIONS_CAP = 30


# What an item needs of a follow-up, its person, their organization and the reply it answers:
# the long texts (notes, research) stay in the database.
_SHOWN = (
    "kind",
    "due_on",
    "due_at",
    "note",
    "contact_id",
    "conversation_id",
    "reply_id",
    "contact__first_name",
    "contact__last_name",
    "contact__organization_id",
    "contact__organization__name",
    "contact__organization__finished_on",
    "reply__outcome",
)


_CONVERSATION_SHOWN = (
    "scheduled_at",
    "duration_minutes",
    "mode",
    "place",
    "status",
    "contact__first_name",
    "contact__last_name",
    "contact__organization__name",
)


def _bounded(user: User, queryset: QuerySet[FollowUp], cap: int | None) -> list[FollowUp]:
    # Items with an exact deadline (a thank-you's 24 hours) first, then the oldest: the order
    # Today itself puts them in, short of the reply speeds that only the chosen few are read for.
    order = (F("due_at").asc(nulls_last=True), "due_on", "id")
    chosen = queryset
    if cap is not None:
        # The follow-ups alone are sorted, and only the few kept are joined to their person and
        # organization: sorting a long backlog with all of that attached is what cost the time.
        kept = queryset.order_by(*order).values("pk")[:cap]
        chosen = FollowUp.objects.owned_by(user).filter(pk__in=Subquery(kept))
    rows = chosen.order_by(*order).select_related("contact__organization", "reply")
    return list(rows.only(*_SHOWN))


def today_list(user: User, now: datetime | None = None) -> TodayList:
    """What is due, overdue and coming up for this user, most urgent first, in a fixed number of
    queries whatever the size of the account."""

    tz = user.profile.tz()
    now = now or timezone.now()
    today = timezone.localdate(now, timezone=tz)
    owed = FollowUp.objects.owned_by(user).owed(today)
    late = owed.filter(due_on__lt=today)
    due_today = owed.filter(due_on=today)
    upcoming = owed.filter(due_on__gt=today, due_on__lte=today + HORIZON)
    late_rows = _bounded(user, late, LATE_CAP)
    today_rows = _bounded(user, due_today, None)
    upcoming_rows = _bounded(user, upcoming, UPCOMING_CAP)
    # The true totals in one query, so the badges and "Showing" lines never count only the shown.
    counts = owed.aggregate(
        late=Count("id", filter=Q(due_on__lt=today)),
        upcoming=Count("id", filter=Q(due_on__gt=today, due_on__lte=today + HORIZON)),
    )
    followups = late_rows + today_rows + upcoming_rows
    conversations = (
        Conversation.objects.owned_by(user)
        .filter(status__in=[Status.SCHEDULED, Status.IN_PROGRESS])
        .filter(scheduled_at__lte=now + HORIZON)
        .select_related("contact__organization")
        .only(*_CONVERSATION_SHOWN)
        .order_by("scheduled_at", "id")[:CONVERSATIONS_CAP]
    )
    around = _neighbours(user, followups, today)
    items = [_followup_item(followup, around) for followup in followups]
    items += [
        _conversation_item(conversation, tz, now, around.urls) for conversation in conversations
    ]
    items += unsent_draft_items(user, today)
    return TodayList(
        items=order_today(items, today, now),
        late=counts["late"],
        shown_late=len(late_rows),
        due_today=len(today_rows),
        upcoming=counts["upcoming"],
        shown_upcoming=len(upcoming_rows),
    )


def today_items(user: User, now: datetime | None = None) -> list[TodayItem]:
    """What is due, overdue and coming up for this user, most urgent first (bounded)."""
    return today_list(user, now).items
