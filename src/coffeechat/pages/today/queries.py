"""The Today list, read from open follow-ups and upcoming conversations in a few queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo

from django.db.models import Count, F, Q, QuerySet, Subquery
from django.utils import timezone

from coffeechat.foundation.accounts.models import User
from coffeechat.method.cadence import responsiveness_rank
from coffeechat.method.network_update import sentence
from coffeechat.method.today import HORIZON, Kind, Section, TodayItem, order_today
from coffeechat.network.people.models import Contact
from coffeechat.pages.outreach.queries import unsent_draft_items
from coffeechat.pages.today.neighbours import Neighbours, Urls, neighbours
from coffeechat.pipeline.conversations.models import Conversation, Status
from coffeechat.pipeline.followups.models import FollowUp


def _names(people: list[Contact]) -> str:
    names = [person.full_name for person in people]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _no_reply(contact: Contact, around: Neighbours) -> tuple[str, str, str]:
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


def _followup_item(followup: FollowUp, around: Neighbours) -> TodayItem:
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
        url = around.urls("outreach:compose", contact.pk) + "?purpose=update&situation=update"
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
    conversation: Conversation, tz: tzinfo, now: datetime, urls: Urls
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


def _open_conversations(user: User, now: datetime) -> list[Conversation]:
    """Scheduled or under way, up to a week ahead, the soonest first. One query per status:
    each walks its own entries of the (owner, status, scheduled_at) index in order, where one
    query for both walked every conversation ever held to find them."""
    upto = (
        Conversation.objects.owned_by(user)
        .filter(scheduled_at__lte=now + HORIZON)
        .select_related("contact__organization")
        .only(*_CONVERSATION_SHOWN)
        .order_by("scheduled_at", "id")
    )
    found = [
        *upto.filter(status=Status.IN_PROGRESS)[:CONVERSATIONS_CAP],
        *upto.filter(status=Status.SCHEDULED)[:CONVERSATIONS_CAP],
    ]
    return sorted(found, key=lambda c: (c.scheduled_at, c.pk))[:CONVERSATIONS_CAP]


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
    conversations = _open_conversations(user, now)
    around = neighbours(user, followups, today)
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
