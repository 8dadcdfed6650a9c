"""Where each contact stands, derived from what was recorded, and what is owed because of it.

One place decides which follow-ups a contact's history calls for and how each one ended: the
"3B7" routine of every request thread, scheduling a conversation someone agreed to, the 24-hour
thank-you and contacting a referral. The follow-up rows that Today, the Follow-ups page, the
timeline, the digest and the calendar feed read are kept equal to this plan (followups.plan),
so no screen can disagree with another, and correcting a record corrects what follows from it.

An item ends in one of three ways, and the difference is shown to the user:
- done by you: you marked it done by hand;
- done by what you recorded: the message or conversation it asked for was recorded;
- closed by Coffeechat: it no longer applies (they answered, you wrote again), with the reason.
"""

from __future__ import annotations

from collections.abc import Container, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from enum import StrEnum

from coffeechat.method import cadence
from coffeechat.method.today import Kind

# The follow-ups a request with no answer runs through.
REPLY_ROUTINE = (Kind.NO_REPLY, Kind.NUDGE, Kind.MOVE_ON)


class ClosedBy(StrEnum):
    USER = "user"  # marked done by hand
    ACTION = "action"  # a recorded message or conversation did what it asked
    RETIRED = "retired"  # no longer applies; the reason says why


class Answer(StrEnum):
    AGREED = "agreed"
    REPLIED = "replied"
    DECLINED = "declined"


@dataclass(frozen=True)
class Sent:
    id: int
    purpose: str  # request, follow_up, thank_you, update, introduction
    at: datetime


@dataclass(frozen=True)
class Replied:
    id: int
    on: date
    outcome: str


@dataclass(frozen=True)
class Met:
    """A conversation: `booked_at` is when it was put in the calendar."""

    id: int
    status: str  # scheduled, in_progress, held, cancelled
    booked_at: datetime
    scheduled_at: datetime
    ended_at: datetime | None = None


@dataclass(frozen=True)
class Colleague:
    """A request to someone else at the same organization (what "try the next contact" asks)."""

    name: str
    at: datetime


@dataclass(frozen=True)
class Referred:
    conversation_id: int
    on: date  # the day of the conversation they were suggested in
    note: str


@dataclass(frozen=True)
class Introduction:
    """This contact was asked to introduce you to someone (a message to them)."""

    id: int
    at: datetime
    target_id: int | None
    target_name: str
    # The first time you and the person to be introduced were in touch after asking (a message
    # to them, or an answer from them): the introduction happened, one way or another.
    in_touch_at: datetime | None = None


@dataclass(frozen=True)
class Facts:
    """Everything recorded about one contact that decides their follow-ups."""

    first_name: str
    messages: Sequence[Sent] = ()
    replies: Sequence[Replied] = ()
    conversations: Sequence[Met] = ()
    colleagues_written: Sequence[Colleague] = ()
    referred: Sequence[Referred] = ()
    # Someone asked to introduce you to this person: writing through them approaches them too.
    introduction_asked_at: datetime | None = None
    # Introductions this contact was asked for, oldest first.
    introductions: Sequence[Introduction] = ()
    # Follow-ups marked done by hand, by (kind, anchor id): the user's word stands.
    done_by_hand: dict[tuple[str, int], datetime] = field(default_factory=dict)


@dataclass(frozen=True)
class Planned:
    """One follow-up the history calls for, anchored to the record it follows from."""

    kind: Kind
    anchor: int  # the request, reply or conversation it follows from
    due_on: date
    note: str
    due_at: datetime | None = None
    closed_at: datetime | None = None
    closed_by: ClosedBy | None = None
    reason: str = ""

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


def _day(moment: datetime | date, tz: tzinfo | None = None) -> date:
    return moment.astimezone(tz).date() if isinstance(moment, datetime) else moment


def _on(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b}"


@dataclass(frozen=True)
class Thread:
    """A request and the wait that follows it, until an answer or a fresh request."""

    request: Sent
    answered_at: datetime | None = None
    answer: str = ""  # how it was answered, in words
    superseded_at: datetime | None = None  # a fresh request started a new wait
    answered_by: int | None = None  # the reply that answered it, if a reply did


def _answers(facts: Facts, tz: tzinfo) -> list[tuple[date, datetime, str, int | None]]:
    """Every answer, as (day, moment, words): replies, and conversations put in the calendar
    (a time agreed by phone answers as surely as a reply)."""
    name = facts.first_name
    words: dict[str, str] = {
        Answer.AGREED: f"{name} agreed to talk",
        Answer.DECLINED: f"{name} declined",
        Answer.REPLIED: f"{name} replied",
    }
    found: list[tuple[date, datetime, str, int | None]] = []
    for reply in facts.replies:
        # A reply carries a day only: it counts from the start of that day.
        moment = datetime.combine(reply.on, datetime.min.time(), tzinfo=tz)
        found.append((reply.on, moment, words.get(reply.outcome, f"{name} replied"), reply.id))
    for met in facts.conversations:
        scheduled = f"a conversation with {name} was scheduled"
        found.append((_day(met.booked_at, tz), met.booked_at, scheduled, None))
    return sorted(found, key=lambda answer: (answer[0], answer[1], answer[3] or 0))


def threads(facts: Facts, tz: tzinfo, holidays: Container[date] = frozenset()) -> list[Thread]:
    """The request threads, oldest first.

    A request starts a new thread when nothing is being waited for: the last one was answered
    on an earlier day (asking again in autumn after "try me in autumn"), its routine ran out
    (10 business days), or the user moved on from it by hand. Another request while waiting
    is part of the same wait."""
    requests = sorted(
        (sent for sent in facts.messages if sent.purpose == "request"), key=lambda s: s.at
    )
    answers = _answers(facts, tz)
    found: list[Thread] = []
    for request in requests:
        day = _day(request.at, tz)
        if found:
            current = found[-1]
            start = _day(current.request.at, tz)
            answered = current.answered_at is not None and day > _day(current.answered_at, tz)
            ran_out = current.answered_at is None and day >= cadence.move_on_due(start, holidays)
            moved_on = facts.done_by_hand.get((Kind.MOVE_ON.value, current.request.id))
            if not (answered or ran_out or (moved_on is not None and request.at > moved_on)):
                continue
            found[-1] = Thread(
                current.request,
                current.answered_at,
                current.answer,
                request.at,
                current.answered_by,
            )
        answer = next((a for a in answers if a[0] >= day), None)
        if answer is None:
            found.append(Thread(request))
        else:
            found.append(Thread(request, answer[1], answer[2], None, answer[3]))
    # An answer only counts for the thread that was waiting when it came.
    return [
        thread
        if thread.answered_at is None
        or thread.superseded_at is None
        or thread.answered_at < thread.superseded_at
        else Thread(thread.request, superseded_at=thread.superseded_at)
        for thread in found
    ]


def _first_after(
    moments: Sequence[tuple[datetime, str]], after: datetime
) -> tuple[datetime, str] | None:
    later = [moment for moment in moments if moment[0] > after]
    return min(later, key=lambda moment: moment[0]) if later else None


def _routine(facts: Facts, thread: Thread, tz: tzinfo, holidays: Container[date]) -> list[Planned]:
    request = thread.request
    sent_on = _day(request.at, tz)
    ends: list[tuple[datetime, ClosedBy, str]] = []
    if thread.answered_at is not None:
        ends.append((thread.answered_at, ClosedBy.RETIRED, thread.answer))
    if thread.superseded_at is not None:
        again = _on(_day(thread.superseded_at, tz))
        ends.append(
            (
                thread.superseded_at,
                ClosedBy.RETIRED,
                f"you wrote to {facts.first_name} again on {again}",
            )
        )
    colleague = _first_after(
        [
            (c.at, f"you wrote to {c.name} on {_on(_day(c.at, tz))}")
            for c in facts.colleagues_written
        ],
        request.at,
    )
    nudge = _first_after(
        [
            (s.at, f"you sent the follow-up on {_on(_day(s.at, tz))}")
            for s in facts.messages
            if s.purpose == "follow_up"
        ],
        request.at,
    )
    moved_on = facts.done_by_hand.get((Kind.MOVE_ON.value, request.id))
    own: dict[Kind, list[tuple[datetime, ClosedBy, str]]] = {kind: [] for kind in REPLY_ROUTINE}
    if colleague:
        own[Kind.NO_REPLY].append((colleague[0], ClosedBy.ACTION, colleague[1]))
    if nudge:
        own[Kind.NUDGE].append((nudge[0], ClosedBy.ACTION, nudge[1]))
    if moved_on:
        own[Kind.NUDGE].append(
            (moved_on, ClosedBy.RETIRED, f"you moved on from {facts.first_name}")
        )
    due = {
        Kind.NO_REPLY: cadence.no_reply_check_due(sent_on, holidays),
        Kind.NUDGE: cadence.nudge_due(sent_on, holidays),
        Kind.MOVE_ON: cadence.move_on_due(sent_on, holidays),
    }
    notes = {
        Kind.NO_REPLY: "No reply after 3 business days: write to the next contact there.",
        Kind.NUDGE: "No reply after 7 business days: one short, polite follow-up.",
        Kind.MOVE_ON: "Still no reply after 10 business days: move on gracefully, "
        "no third message.",
    }
    planned = []
    for kind in REPLY_ROUTINE:
        candidates = ends + own[kind]
        if thread.superseded_at is not None:
            # What happened after the next request belongs to the next thread.
            candidates = [c for c in candidates if c[0] <= thread.superseded_at]
        planned.append(
            _closed(
                Planned(kind=kind, anchor=request.id, due_on=due[kind], note=notes[kind]),
                facts,
                candidates,
            )
        )
    return planned


def _closed(
    item: Planned, facts: Facts, candidates: list[tuple[datetime, ClosedBy, str]]
) -> Planned:
    """The item as it ended: by hand first (the user's word stands), else the earliest event."""
    by_hand = facts.done_by_hand.get((item.kind.value, item.anchor))
    if by_hand is not None:
        return _with(item, by_hand, ClosedBy.USER, "")
    if not candidates:
        return item
    moment, by, reason = min(candidates, key=lambda c: c[0])
    return _with(item, moment, by, reason)


def _with(item: Planned, moment: datetime, by: ClosedBy, reason: str) -> Planned:
    return Planned(
        kind=item.kind,
        anchor=item.anchor,
        due_on=item.due_on,
        due_at=item.due_at,
        note=item.note,
        closed_at=moment,
        closed_by=by,
        reason=reason,
    )


_AWAITING_A_TIME = {
    Answer.AGREED: "{name} agreed to talk: agree a time and put it in the calendar.",
    Answer.REPLIED: "{name} replied but has not said yes yet: answer, agree a time, "
    "and log what they decide.",
}


def _later(other: Replied, reply: Replied) -> bool:
    return (other.on, other.id) > (reply.on, reply.id)


def _scheduling(facts: Facts, tz: tzinfo, found: list[Thread]) -> list[Planned]:
    """Someone agreed to talk (or answered without deciding yet): a time is owed until a
    conversation is in the calendar, a later answer replaces this one, you ask afresh, or you
    say it fell through."""
    planned = []
    name = facts.first_name
    # "Not decided yet" asks for a time only as the answer to a request (a reply to an update
    # or a thank-you owes nothing); a yes always does, even to no request (agreed by phone).
    answers_to_requests = {thread.answered_by for thread in found}
    for reply in facts.replies:
        if reply.outcome not in _AWAITING_A_TIME:
            continue
        if reply.outcome == Answer.REPLIED and reply.id not in answers_to_requests:
            continue
        item = Planned(
            kind=Kind.SCHEDULE,
            anchor=reply.id,
            due_on=reply.on,
            note=_AWAITING_A_TIME[Answer(reply.outcome)].format(name=name),
        )
        after = datetime.combine(reply.on, datetime.min.time(), tzinfo=tz)
        candidates: list[tuple[datetime, ClosedBy, str]] = []
        for met in facts.conversations:
            if met.status == "cancelled":
                continue
            if met.booked_at >= after or _day(met.scheduled_at, tz) >= reply.on:
                candidates.append(
                    (
                        max(met.booked_at, after),
                        ClosedBy.ACTION,
                        f"scheduled for {_on(_day(met.scheduled_at, tz))}",
                    )
                )
        for other in facts.replies:
            # A no ends a yes; any later answer ends a "not decided yet" (it has its own item).
            if _later(other, reply) and (
                other.outcome == Answer.DECLINED or reply.outcome == Answer.REPLIED
            ):
                moment = datetime.combine(other.on, datetime.min.time(), tzinfo=tz)
                words = {
                    Answer.DECLINED: "declined",
                    Answer.AGREED: "agreed to talk",
                }.get(Answer(other.outcome), "replied again")
                candidates.append((moment, ClosedBy.RETIRED, f"{name} {words} on {_on(other.on)}"))
        for thread in found:
            if _day(thread.request.at, tz) > reply.on:
                candidates.append(
                    (
                        thread.request.at,
                        ClosedBy.RETIRED,
                        f"you wrote to {name} again on {_on(_day(thread.request.at, tz))}",
                    )
                )
                break
        planned.append(_closed(item, facts, candidates))
    return planned


def _thanks(facts: Facts, tz: tzinfo) -> list[Planned]:
    """A thank-you within 24 hours of each conversation held, done by the thank-you sent."""
    thanked = [
        (s.at, f"you sent the thank-you on {_on(_day(s.at, tz))}")
        for s in facts.messages
        if s.purpose == "thank_you"
    ]
    planned = []
    for met in facts.conversations:
        if met.status != "held" or met.ended_at is None:
            continue
        item = Planned(
            kind=Kind.THANK_YOU,
            anchor=met.id,
            due_on=_day(met.ended_at, tz),
            due_at=cadence.thank_you_due(met.ended_at),
            note="Send a thank-you within 24 hours.",
        )
        # A thank-you written early (while it was still going on) counts too.
        start = min(met.scheduled_at, met.ended_at)
        sent = _first_after(thanked, start)
        candidates = [(sent[0], ClosedBy.ACTION, sent[1])] if sent else []
        planned.append(_closed(item, facts, candidates))
    return planned


def _referrals(facts: Facts, tz: tzinfo, holidays: Container[date]) -> list[Planned]:
    """Someone suggested this person: write to them within 3 business days (writing through
    whoever suggested them counts)."""
    approaches = [
        (s.at, f"you wrote to {facts.first_name} on {_on(_day(s.at, tz))}")
        for s in facts.messages
        if s.purpose != "introduction"
    ]
    if facts.introduction_asked_at is not None:
        day = _on(_day(facts.introduction_asked_at, tz))
        approaches.append((facts.introduction_asked_at, f"you asked for an introduction on {day}"))
    planned = []
    for referred in facts.referred:
        item = Planned(
            kind=Kind.CONTACT_REFERRAL,
            anchor=referred.conversation_id,
            due_on=cadence.referral_contact_due(referred.on, holidays),
            note=referred.note,
        )
        first = min(approaches, key=lambda a: a[0]) if approaches else None
        candidates = [(first[0], ClosedBy.ACTION, first[1])] if first else []
        planned.append(_closed(item, facts, candidates))
    return planned


def _introduction_reminders(facts: Facts, tz: tzinfo, holidays: Container[date]) -> list[Planned]:
    """Asking Priya to introduce you to Sam: one gentle reminder to Priya after 7 business days,
    unless she answers, you and Sam are in touch, or you write to her again (asking her again
    about Sam is that reminder, and after it nothing more: a favour asked twice is enough)."""
    name = facts.first_name
    planned = []
    first_asks: dict[int | None, Introduction] = {}
    for asked in sorted(facts.introductions, key=lambda i: i.at):
        first_asks.setdefault(asked.target_id, asked)
    for asked in first_asks.values():
        about = f" to {asked.target_name}" if asked.target_name else ""
        item = Planned(
            kind=Kind.FOLLOW_UP,
            anchor=asked.id,
            due_on=cadence.nudge_due(_day(asked.at, tz), holidays),
            note=f"No word yet about introducing you{about} after 7 business days: "
            "one short, friendly reminder, then leave it.",
        )
        candidates: list[tuple[datetime, ClosedBy, str]] = []
        for sent in facts.messages:
            if sent.at <= asked.at or sent.purpose not in ("follow_up", "introduction"):
                continue
            again = sent.purpose == "introduction" and any(
                other.id == sent.id and other.target_id == asked.target_id
                for other in facts.introductions
            )
            if sent.purpose == "follow_up" or again:
                words = "asked again" if again else "wrote to " + name
                candidates.append(
                    (sent.at, ClosedBy.ACTION, f"you {words} on {_on(_day(sent.at, tz))}")
                )
        answered = [reply.on for reply in facts.replies if reply.on >= _day(asked.at, tz)]
        if answered:
            day = min(answered)
            moment = datetime.combine(day, datetime.min.time(), tzinfo=tz)
            candidates.append((moment, ClosedBy.RETIRED, f"{name} replied on {_on(day)}"))
        if asked.in_touch_at is not None:
            who = asked.target_name.split(" ")[0] if asked.target_name else "they"
            candidates.append(
                (asked.in_touch_at, ClosedBy.RETIRED, f"{who} and you are in touch now")
            )
        planned.append(_closed(item, facts, candidates))
    return planned


def plan_followups(
    facts: Facts, tz: tzinfo, holidays: Container[date] = frozenset()
) -> list[Planned]:
    """Every follow-up the contact's history calls for, open or as it ended."""
    found = threads(facts, tz, holidays)
    planned: list[Planned] = []
    for thread in found:
        planned += _routine(facts, thread, tz, holidays)
    planned += _scheduling(facts, tz, found)
    planned += _thanks(facts, tz)
    planned += _referrals(facts, tz, holidays)
    planned += _introduction_reminders(facts, tz, holidays)
    return planned


# The kinds this plan decides; the others (keeping in touch, closing the loop) are planned beside
# it from their own facts (followups.keep_in_touch, followups.close_the_loop).
PLANNED_KINDS = frozenset(
    {*REPLY_ROUTINE, Kind.SCHEDULE, Kind.THANK_YOU, Kind.CONTACT_REFERRAL, Kind.FOLLOW_UP}
)
# Kinds anchored to a message (the request, or the introduction asked).
MESSAGE_ANCHORED = frozenset({*REPLY_ROUTINE, Kind.FOLLOW_UP})
