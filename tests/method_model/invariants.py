"""The method's promises about one moment, each a small function over what the user sees.

Each reads Today (`today_items`), Next moves, the contact's stage and timeline, and the
follow-up rows, and raises AssertionError with the method's words when the promise is broken.
`Moment` reads everything once; every invariant works from it.

Follow-ups end in three ways (method.situation.ClosedBy), each shown differently on the
timeline: "Done Mon 7 Dec." (marked done by hand), "Done: you sent the follow-up on Wed 11 Nov"
(a record did it) and "Closed: Grace agreed to talk" (no longer applies).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from django.urls import resolve
from django.utils import timezone

from coffeechat.method.stages import ContactHistory, Stage, contact_stage
from coffeechat.method.today import Kind, Section, TodayItem
from coffeechat.network.people.models import Contact
from coffeechat.network.research.models import Organization
from coffeechat.pages.people.queries import contact_rows, contact_timeline
from coffeechat.pages.research.queries import next_moves_for, top_targets
from coffeechat.pages.today.queries import today_items
from coffeechat.pipeline.conversations.models import Conversation, Status
from coffeechat.pipeline.followups.models import FollowUp
from coffeechat.pipeline.outreach.models import Message, Outcome, Purpose, Reply

# Kinds that ask the user to get an answer out of someone: never owed to someone who declined.
CHASING = {Kind.NO_REPLY, Kind.NUDGE, Kind.MOVE_ON, Kind.FOLLOW_UP, Kind.CONTACT_REFERRAL}
# Which message a follow-up asks for: sending it is the user doing the follow-up.
ASKS_FOR = {
    Kind.THANK_YOU: {Purpose.THANK_YOU},
    Kind.NUDGE: {Purpose.FOLLOW_UP},
    Kind.FOLLOW_UP: {Purpose.FOLLOW_UP, Purpose.INTRODUCTION},
    Kind.KEEP_IN_TOUCH: {Purpose.UPDATE},
    Kind.CLOSE_THE_LOOP: {Purpose.UPDATE},
    # Writing to them in any way but asking them for an introduction to someone else.
    Kind.CONTACT_REFERRAL: set(Purpose) - {Purpose.INTRODUCTION},
}


@dataclass(repr=False)
class Moment:
    """Everything the invariants look at, read once for the user at `now`."""

    user: object
    now: datetime
    today: date
    items: list[TodayItem]
    moves: list
    contacts: dict[int, Contact]
    shown_stage: dict[int, Stage]
    followups: list[FollowUp]
    messages: list[Message]
    replies: list[Reply]
    conversations: list[Conversation]
    completed_by_user: set[int] = field(default_factory=set)
    owed_ids: set[int] = field(default_factory=set)
    suggested: set[int] = field(default_factory=set)  # named by someone who declined
    finished: set[int] = field(default_factory=set)  # organizations marked finished

    @classmethod
    def read(
        cls, user: object, completed_by_user: set[int], suggested: set[int] | None = None
    ) -> Moment:
        now = timezone.now()
        tz = user.profile.tz()
        rows = contact_rows(user, Contact.objects.owned_by(user))
        return cls(
            user=user,
            now=now,
            today=timezone.localdate(now, timezone=tz),
            items=today_items(user, now),
            moves=next_moves_for(user),
            contacts={row.contact.pk: row.contact for row in rows},
            shown_stage={row.contact.pk: row.stage for row in rows},
            followups=list(FollowUp.objects.owned_by(user).order_by("id")),
            messages=list(Message.objects.owned_by(user).order_by("sent_at", "id")),
            replies=list(Reply.objects.owned_by(user).order_by("received_on", "id")),
            conversations=list(Conversation.objects.owned_by(user).order_by("id")),
            completed_by_user=set(completed_by_user),
            owed_ids=set(
                FollowUp.objects.owned_by(user)
                .owed(timezone.localdate(now, timezone=tz))
                .values_list("id", flat=True)
            ),
            suggested=set(suggested or ()),
            finished=set(
                Organization.objects.owned_by(user)
                .filter(finished_on__isnull=False)
                .values_list("id", flat=True)
            ),
        )

    # Facts about one person, from the events ------------------------------------------------

    def local_day(self, moment: datetime) -> date:
        return timezone.localdate(moment, timezone=self.user.profile.tz())

    def written_to(self, contact_id: int) -> bool:
        """Sent anything but a request for an introduction, or someone asked to introduce them."""
        return any(
            (m.contact_id == contact_id and m.purpose != Purpose.INTRODUCTION)
            or m.introduction_to_id == contact_id
            for m in self.messages
        )

    def requests_to(self, contact_id: int) -> list[Message]:
        return [
            m for m in self.messages if m.contact_id == contact_id and m.purpose == Purpose.REQUEST
        ]

    def last_reply(self, contact_id: int) -> Reply | None:
        """Their latest answer, unless a request went out on a later day (asking again)."""
        theirs = [r for r in self.replies if r.contact_id == contact_id]
        if not theirs:
            return None
        last = theirs[-1]
        asked_later = any(
            self.local_day(m.sent_at) > last.received_on for m in self.requests_to(contact_id)
        )
        return None if asked_later else last

    def declined(self, contact_id: int) -> bool:
        last = self.last_reply(contact_id)
        met = any(
            c.contact_id == contact_id and c.status != Status.CANCELLED for c in self.conversations
        )
        return last is not None and last.outcome == Outcome.DECLINED and not met

    def fell_through(self, reply: Reply) -> bool:
        """The user said "It fell through" beside "Schedule with ..." for this answer."""
        return any(
            f.reply_id == reply.pk and f.pk in self.completed_by_user and f.done_at
            for f in self.followups
            if f.kind == Kind.SCHEDULE
        )

    def agreed_and_unscheduled(self, contact_id: int) -> bool:
        last = self.last_reply(contact_id)
        if last is None or last.outcome != Outcome.AGREED or self.fell_through(last):
            return False
        return not any(
            c.contact_id == contact_id
            and (
                c.status in (Status.SCHEDULED, Status.IN_PROGRESS)
                or self.local_day(c.scheduled_at) >= last.received_on
                # put in the calendar after the yes, even for a time already past
                or self.local_day(c.created_at) >= last.received_on
            )
            and c.status != Status.CANCELLED
            for c in self.conversations
        )

    def met(self, contact_id: int) -> bool:
        return any(c.contact_id == contact_id for c in self.conversations)

    def items_for(self, contact_id: int) -> list[TodayItem]:
        return [item for item in self.items if item.contact_id == contact_id]

    def due_now(self, item: TodayItem) -> bool:
        return item.section(self.today, self.now) in (Section.OVERDUE, Section.TODAY)

    def owed(self) -> list[FollowUp]:
        """Open follow-ups still asked of the user (Today, the Follow-ups page, the feed)."""
        return [f for f in self.followups if f.pk in self.owed_ids]

    def done_by_user(self, followup: FollowUp) -> bool:
        """Marked done, or settled by sending what it asked for (or, for "write to the next
        contact there", by writing to someone else at that organization; for "schedule", by
        putting a conversation in the calendar)."""
        if followup.pk in self.completed_by_user:
            return True
        kind = Kind(followup.kind)
        if kind is Kind.SCHEDULE:
            return any(
                c.contact_id == followup.contact_id and c.status != Status.CANCELLED
                for c in self.conversations
            )
        if kind is Kind.NO_REPLY:
            contact = self.contacts.get(followup.contact_id)
            organization = contact.organization_id if contact else None
            return organization is not None and any(
                m.sent_at == followup.done_at
                and m.contact_id != followup.contact_id
                and m.purpose == Purpose.REQUEST
                and self.contacts[m.contact_id].organization_id == organization
                for m in self.messages
            )
        purposes = ASKS_FOR.get(kind, set())
        return any(
            m.sent_at == followup.done_at
            and (
                (m.contact_id == followup.contact_id and m.purpose in purposes)
                or (kind is Kind.CONTACT_REFERRAL and m.introduction_to_id == followup.contact_id)
            )
            for m in self.messages
        )


# The invariants ------------------------------------------------------------------------------


def no_move_on_while_a_follow_up_is_owed(m: Moment) -> None:
    """Today never says "move on from X" while it still asks for X's polite follow-up."""
    for item in m.items:
        if item.kind is Kind.MOVE_ON and m.due_now(item):
            nudges = [
                i for i in m.items_for(item.contact_id) if i.kind is Kind.NUDGE and m.due_now(i)
            ]
            assert not nudges, f"{item.title!r} shown with {nudges[0].title!r}"


def _written_by_url(m: Moment, item: TodayItem) -> int | None:
    """The contact whose first request an item's link writes, if that is what it does."""
    match = resolve(item.url.split("?")[0])
    if match.url_name == "compose" and "?purpose=" not in item.url:
        return int(match.kwargs["contact_pk"])
    return None


def never_write_to_someone_already_written_to(m: Moment) -> None:
    """No item and no next move asks for a first message to someone already written to."""
    for item in m.items:
        target = _written_by_url(m, item)
        if target is not None and item.kind in (Kind.NO_REPLY, Kind.CONTACT_REFERRAL):
            assert not m.written_to(target), (
                f"{item.title!r} ({item.action}) but {m.contacts[target]} was written to already"
            )
    for move in m.moves:
        if move.contact_id is not None:
            assert not m.written_to(move.contact_id), (
                f"Next move {move.title!r} but they were written to already"
            )


def nothing_chases_someone_who_declined(m: Moment) -> None:
    """After a no, the only things owed to that person are thanks and closing the loop."""
    for contact_id in m.contacts:
        if not m.declined(contact_id):
            continue
        name = m.contacts[contact_id].full_name
        # Asking them afterwards to introduce you to someone is a new favour, and its one
        # reminder follows from that ask, not from the request they declined.
        declined_on = m.last_reply(contact_id).received_on
        asked_since = any(
            x.contact_id == contact_id
            and x.purpose == Purpose.INTRODUCTION
            and m.local_day(x.sent_at) >= declined_on
            for x in m.messages
        )
        chasing = [
            f
            for f in m.owed()
            if f.contact_id == contact_id
            and Kind(f.kind) in CHASING
            and not (Kind(f.kind) is Kind.FOLLOW_UP and asked_since)
        ]
        assert not chasing, f"{name} declined, yet {chasing[0].get_kind_display()!r} is open"
        for move in m.moves:
            assert move.contact_id != contact_id, f"{name} declined, yet {move.title!r}"


def every_item_leads_to_a_page_of_the_users_own(m: Moment) -> None:
    """Each item's link is a page of this app about the user's own records."""
    for item in m.items:
        match = resolve(item.url.split("?")[0])
        for name, pk in match.kwargs.items():
            model = {
                "contact_pk": Contact,
                "conversation_pk": Conversation,
            }.get(name)
            if model is not None:
                assert model.objects.owned_by(m.user).filter(pk=pk).exists(), item.url


# By hand: "Done Mon 7 Dec.", or what closing it by hand meant ("It fell through.").
BY_HAND = re.compile(
    r"^(Done (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2}( \d{4})?|It fell through"
    r"|Nothing more to do)\."
)
BY_RECORD = re.compile(r"^Done: \S")
RETIRED = re.compile(r"^Closed: \S")


def done_only_if_the_user_did_it(m: Moment) -> None:
    """The timeline shows a follow-up as "Done" only if the user did it: "Done Mon 7 Dec." when
    they marked it done by hand ("It fell through." for a yes never scheduled), "Done: you sent
    the follow-up on Wed 11 Nov" when what they recorded did it; one that no longer applies says
    so, and why ("Closed: Grace agreed to talk")."""
    tz = m.user.profile.tz()
    for contact_id, contact in m.contacts.items():
        theirs = [f for f in m.followups if f.contact_id == contact_id and f.done_at]
        if not theirs:
            continue
        by_hand = [f for f in theirs if f.pk in m.completed_by_user]
        by_record = [f for f in theirs if f.pk not in m.completed_by_user and m.done_by_user(f)]
        details = [e.detail for e in contact_timeline(contact, tz=tz) if e.kind == "followup"]
        shown = {
            "by hand": sum(1 for d in details if BY_HAND.match(d)),
            "by record": sum(1 for d in details if BY_RECORD.match(d)),
            "closed": sum(1 for d in details if RETIRED.match(d)),
        }
        name = contact.full_name
        assert shown["by hand"] == len(by_hand), (
            f"{name}: marked done by hand {len(by_hand)}, shown so {shown['by hand']}: {details}"
        )
        assert shown["by record"] <= len(by_record), (
            f"{name}: {shown['by record']} shown as done by what was recorded, "
            f"the records did {len(by_record)}: {details}"
        )
        assert sum(shown.values()) == len(theirs), (
            f"{name}: {len(theirs)} follow-ups ended, but the timeline says {details}"
        )


def agreed_to_talk_is_owed_a_schedule(m: Moment) -> None:
    """ "Agreed to talk" with nothing scheduled is an open item whose link schedules it."""
    for contact_id, contact in m.contacts.items():
        if not m.agreed_and_unscheduled(contact_id):
            continue
        links = [resolve(i.url.split("?")[0]) for i in m.items_for(contact_id)]
        assert any(
            link.url_name == "new" and link.kwargs.get("contact_pk") == contact_id for link in links
        ), f"{contact.full_name} agreed to talk: no 'Schedule with {contact.first_name}' item"


def _under_way_at(m: Moment) -> set[int]:
    """Organizations where something is under way: something owed to someone there, or a
    conversation coming up (an introducer's reminder is about the person to be introduced)."""
    owed_at: set[int] = set()
    for followup in m.owed():
        owed_at.add(m.contacts[followup.contact_id].organization_id)
        if Kind(followup.kind) is Kind.FOLLOW_UP:
            # The reminder to whoever was asked for an introduction is about the person there.
            owed_at.update(
                m.contacts[x.introduction_to_id].organization_id
                for x in m.messages
                if x.contact_id == followup.contact_id and x.introduction_to_id in m.contacts
            )
    for conversation in m.conversations:
        if conversation.status in (Status.SCHEDULED, Status.IN_PROGRESS):
            owed_at.add(m.contacts[conversation.contact_id].organization_id)
    return owed_at


def _top_five(m: Moment) -> list[Organization]:
    return top_targets(m.user)


def top_five_targets_always_have_a_next_step(m: Moment) -> None:
    """Each of the top 5 targets not marked finished has an open item or a next move; a
    finished one has no next move."""
    owed_at = _under_way_at(m)
    moved = {move.organization_id for move in m.moves}
    for organization in _top_five(m):
        assert organization.pk in owed_at | moved, (
            f"{organization.name} is a top-5 target with no open item and no next move"
        )
    for move in m.moves:
        assert move.organization_id not in m.finished, (
            f"{move.organization} is marked finished, yet {move.title!r}"
        )


def whoever_a_decline_names_is_the_next_move_there(m: Moment) -> None:
    """ "Not me, but try Sam": Sam is the next move at that organization (a top-5 target not
    finished), unless something else is under way there or he was approached already. Only
    someone as warm and named earlier can come before him."""
    owed_at = _under_way_at(m)
    top = {organization.pk: organization for organization in _top_five(m)}
    for person_id in sorted(m.suggested):
        person = m.contacts.get(person_id)
        if person is None or person.organization_id not in top:
            continue  # merged away, moved elsewhere, or not a target being worked
        organization = person.organization_id
        if organization in owed_at or m.written_to(person_id) or m.met(person_id):
            continue
        moves = [move for move in m.moves if move.organization_id == organization]
        assert moves and moves[0].contact_id is not None, (
            f"{m.contacts[person.introduced_by_id]} declined and named {person.full_name}, yet "
            f"at {top[organization].name}: {[move.title for move in moves]}"
        )
        chosen = m.contacts[moves[0].contact_id]
        assert chosen.pk == person_id or (
            chosen.how_known == person.how_known and chosen.pk < person_id
        ), f"{person.full_name} was named when declining, yet the next move is {moves[0].title!r}"


def _history(m: Moment, contact_id: int) -> ContactHistory:
    mine = [x for x in m.messages if x.contact_id == contact_id]
    replies = [r for r in m.replies if r.contact_id == contact_id]
    requests = [x for x in mine if x.purpose == Purpose.REQUEST]
    thanks = [x.sent_at for x in mine if x.purpose == Purpose.THANK_YOU]
    upcoming = [
        c.scheduled_at
        for c in m.conversations
        if c.contact_id == contact_id and c.status in (Status.SCHEDULED, Status.IN_PROGRESS)
    ]
    held = [
        c.ended_at for c in m.conversations if c.contact_id == contact_id and c.status == "held"
    ]
    last_reply = replies[-1] if replies else None
    later = [
        x.sent_at
        for x in requests
        if last_reply is not None and m.local_day(x.sent_at) > last_reply.received_on
    ]
    return ContactHistory(
        first_request_sent_at=requests[0].sent_at if requests else None,
        last_reply_on=last_reply.received_on if last_reply else None,
        declined=last_reply is not None and last_reply.outcome == Outcome.DECLINED,
        upcoming_conversation_at=min(upcoming) if upcoming else None,
        last_met_at=max(held) if held else None,
        thanked_at=max(thanks) if thanks else None,
        last_message_sent_at=mine[-1].sent_at if mine else None,
        new_request_sent_at=min(later) if later else None,
    )


def stage_shown_is_the_stage_of_the_events(m: Moment) -> None:
    """The stage on the contact list is the one the method derives from what happened."""
    holidays, tz = m.user.profile.holidays(), m.user.profile.tz()
    for contact_id, contact in m.contacts.items():
        derived = contact_stage(_history(m, contact_id), m.today, holidays, tz=tz)
        assert m.shown_stage[contact_id] == derived, (
            f"{contact.full_name} is shown as {m.shown_stage[contact_id]}, events say {derived}"
        )


ALL = (
    no_move_on_while_a_follow_up_is_owed,
    never_write_to_someone_already_written_to,
    nothing_chases_someone_who_declined,
    every_item_leads_to_a_page_of_the_users_own,
    done_only_if_the_user_did_it,
    agreed_to_talk_is_owed_a_schedule,
    top_five_targets_always_have_a_next_step,
    whoever_a_decline_names_is_the_next_move_there,
    stage_shown_is_the_stage_of_the_events,
)


def check_all(m: Moment, skip: frozenset[str] = frozenset()) -> None:
    for invariant in ALL:
        if invariant.__name__ not in skip:
            invariant(m)
