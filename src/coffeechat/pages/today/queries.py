"""The Today list, read from open follow-ups and upcoming conversations in a few queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from django.utils import timezone

from coffeechat.foundation.accounts.models import User
from coffeechat.method.cadence import responsiveness_rank
from coffeechat.method.network_update import sentence
from coffeechat.method.today import HORIZON, Kind, Section, TodayItem, order_today
from coffeechat.pages.outreach.queries import unsent_draft_items
from coffeechat.pages.today.neighbours import Neighbours, Person, Urls, neighbours
from coffeechat.pages.today.owed import LATE, TODAY, UPCOMING, Owed, chosen, owed
from coffeechat.pipeline.conversations.models import Conversation, Status
from coffeechat.pipeline.followups.versions import remembered


def _names(people: list[Person]) -> str:
    names = [person.full_name for person in people]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _no_reply(followup: Owed, around: Neighbours) -> tuple[str, str, str]:
    """The 3-business-day suggestion: approach the next person at the same organization, but
    only while nobody else there is waiting for an answer (one person at a time)."""
    organization, at = followup.organization_id, followup.organization
    waited = "3 business days without a reply"
    others = [
        person
        for person in around.awaiting.get(organization or 0, [])
        if person.pk != followup.contact_id
    ]
    contact_url = around.urls("people:contact", followup.contact_id)
    if organization and followup.organization_finished_on:
        return (
            f"{waited}: you marked {at} finished, so nobody else there; "
            f"{followup.first_name}'s own polite follow-up still comes after 7.",
            contact_url,
            "Open contact",
        )
    yes = around.talking.get(organization) if organization else None
    if organization and yes is not None and yes.pk != followup.contact_id:
        return (
            f"{waited}, but you are already talking to {yes.full_name} at {at}: "
            "nobody else there is needed for now.",
            contact_url,
            "Open contact",
        )
    if organization and others:
        return (
            f"{waited}, but you are still waiting for {_names(others)} at {at} "
            "to answer too: one person at a time per organization, so no one else there "
            "for now.",
            contact_url,
            "Open contact",
        )
    if organization and (nxt := around.next_contact.get(organization)):
        return (
            # "Beacon & Co." ends its own sentence: no second full stop.
            sentence(f"{waited}: write to {nxt.full_name}, the next contact at {at}"),
            around.urls("outreach:compose", nxt.pk),
            f"Write to {nxt.full_name}",
        )
    if organization:
        return (
            f"{waited}: find another contact at {at} and write to them.",
            around.urls("research:organization", organization),
            "Find someone else there",
        )
    return (
        f"{waited}. Keep other organizations going in parallel.",
        contact_url,
        "Open contact",
    )


def _followup_item(followup: Owed, around: Neighbours) -> TodayItem:
    contact = followup.contact_id
    name = followup.full_name
    kind = Kind(followup.kind)
    organization = f" ({followup.organization})" if followup.organization_id else ""
    detail = followup.note
    done_label = "Mark done"
    if kind is Kind.THANK_YOU:
        title = f"Thank {name}{organization}"
        url = (
            around.urls("outreach:thank_you", followup.conversation_id)
            if followup.conversation_id
            else around.urls("people:contact", contact)
        )
        action = "Write thank-you"
    elif kind is Kind.SCHEDULE and followup.reply_outcome == "replied":
        title = f"Answer {name}{organization}"
        url = around.urls("outreach:reply", contact)
        action = "Log what they decided"
        done_label = "Nothing more to do"
    elif kind is Kind.SCHEDULE:
        title = f"Schedule with {name}{organization}"
        url = around.urls("conversations:new", contact)
        action = "Schedule it"
        done_label = "It fell through"
    elif kind is Kind.CONTACT_REFERRAL:
        title = f"Contact referral {name}{organization}"
        url = around.urls("outreach:compose", contact)
        action = "Write to them"
    elif kind is Kind.NO_REPLY:
        title = f"No reply from {name}{organization}"
        detail, url, action = _no_reply(followup, around)
    elif kind is Kind.NUDGE:
        title = f"Send {name}{organization} one polite follow-up"
        url = around.urls("outreach:compose", contact) + "?purpose=follow_up"
        action = "Write the follow-up"
    elif kind is Kind.CLOSE_THE_LOOP:
        title = f"Close the loop with {name}{organization}"
        url = around.urls("outreach:compose", contact) + "?purpose=update&situation=update"
        action = "Tell them what came of it"
    elif kind is Kind.KEEP_IN_TOUCH:
        title = f"Keep in touch with {name}{organization}"
        url = around.urls("outreach:compose", contact) + "?purpose=update"
        action = "Write an update"
    elif kind is Kind.MOVE_ON:
        title = f"Move on from {name}{organization}"
        if contact not in around.nudged and followup.due_on <= around.today:
            detail = (
                "Still no reply after 10 business days, and it is too late now for the follow-up "
                "you did not send: move on gracefully, no more messages."
            )
        url = around.urls("people:contact", contact)
        action = "Open contact"
    else:
        title = f"Follow up with {name}{organization}"
        url = around.urls("people:contact", contact)
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
        responsiveness=responsiveness_rank(around.speed.get(contact)),
        contact_id=contact,
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


@dataclass(frozen=True)
class FollowUpItems:
    """Today's follow-ups as items, with the true count of each part: what is kept in the
    cache (nothing in it moves with the clock within the day)."""

    items: list[TodayItem]
    late: int
    shown_late: int
    due_today: int
    upcoming: int
    shown_upcoming: int


def followup_items(user: User, today: date) -> FollowUpItems:
    """The follow-ups Today shows on this day, in a fixed number of queries whatever the size
    of the account."""
    picked, totals = chosen(user, today, LATE_CAP, UPCOMING_CAP)
    # (the ids come from the user's own follow-ups, so the details need no second owner check)
    found = owed([pk for ids in picked.values() for pk in ids])
    followups = [found[pk] for pk in (*picked[LATE], *picked[TODAY], *picked[UPCOMING])]
    around = neighbours(user, followups, today)
    return FollowUpItems(
        items=[_followup_item(followup, around) for followup in followups],
        late=totals[LATE],
        shown_late=len(picked[LATE]),
        due_today=len(picked[TODAY]),
        upcoming=totals[UPCOMING],
        shown_upcoming=len(picked[UPCOMING]),
    )


def today_list(user: User, now: datetime | None = None, *, version: str | None = None) -> TodayList:
    """What is due, overdue and coming up for this user, most urgent first, in a fixed number of
    queries whatever the size of the account. Given the version the page read (day_version in
    pipeline/followups/versions.py), the follow-ups come from the cache while nothing they are
    read from has changed; conversations and drafts, which move with the clock, are read every
    time, and so is which section a kept item's deadline puts it in. Without one (the digest,
    the command line) everything is read afresh."""

    tz = user.profile.tz()
    now = now or timezone.now()
    today = timezone.localdate(now, timezone=tz)
    if version is None:
        part = followup_items(user, today)
    else:
        part = remembered(user, version, "followups", lambda: followup_items(user, today))
    urls = Urls()
    items = [*part.items]
    items += [
        _conversation_item(conversation, tz, now, urls)
        for conversation in _open_conversations(user, now)
    ]
    items += unsent_draft_items(user, today)
    return TodayList(
        items=order_today(items, today, now),
        late=part.late,
        shown_late=part.shown_late,
        due_today=part.due_today,
        upcoming=part.upcoming,
        shown_upcoming=part.shown_upcoming,
    )


def today_items(user: User, now: datetime | None = None) -> list[TodayItem]:
    """What is due, overdue and coming up for this user, most urgent first (bounded)."""
    return today_list(user, now).items
