"""The figures on the Insights page, computed from plain facts (no database here).

Each definition is written once, here, so the page, its help text and the tests agree:

- Funnel: every contact counts at each step up to the furthest one they reached, taken from the
  contact's derived stage (stages.py), never a second rule. "Referred onwards" counts those you
  met who gave at least one referral, thanked or not.
- Reply rate: over the messages that ask for an answer (requests and follow-ups), a reply from a
  contact, logged for a day, answers the last one sent to them on or before that day (in the
  user's time zone): when the polite follow-up gets the answer, the follow-up takes the credit,
  and one reply never counts twice. The Message templates page counts with the same rule.
- Days to reply: calendar days from a contact's first request to their first reply on or after it.
- Weeks: Monday to Sunday in the user's time zone; a held conversation counts in the week it took
  place.
- Referral chains: who led to whom (a referral made in a conversation, else "introduced by"),
  ending at each person who works at one of the user's target organizations.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TypeVar

from coffeechat.method.stages import Stage

FUNNEL_LABELS = ("Identified", "Contacted", "Replied", "Met", "Thanked", "Referred onwards")
MET = 3
REFERRED = 5
WEEKS_SHOWN = 12

K = TypeVar("K")

# The furthest funnel step each stage implies. A decline or a scheduled conversation is a reply;
# "no response" was still contacted; keeping in touch comes after the thank-you.
_FURTHEST_STEP: dict[Stage, int] = {
    Stage.IDENTIFIED: 0,
    Stage.CONTACTED: 1,
    Stage.NO_RESPONSE: 1,
    Stage.REPLIED: 2,
    Stage.DECLINED: 2,
    Stage.SCHEDULED: 2,
    Stage.MET: 3,
    Stage.THANKED: 4,
    Stage.KEEPING_IN_TOUCH: 4,
}


def percent(part: int, whole: int) -> int | None:
    """A whole percentage, rounded as the templates page rounds it; None when nothing to divide."""
    return round(100 * part / whole) if whole else None


# -- the funnel ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ContactFacts:
    stage: Stage
    referrals_given: int = 0


@dataclass(frozen=True)
class FunnelStep:
    label: str
    count: int
    of_identified: int | None  # percent of all contacts
    base: str  # the step this one is a share of ("" for the first)
    of_base: int | None  # percent of that step


def furthest_step(stage: Stage) -> int:
    """0 (identified) to 4 (thanked), from the contact's derived stage."""
    return _FURTHEST_STEP[stage]


def funnel(contacts: Iterable[ContactFacts]) -> list[FunnelStep]:
    """Contacts at each step. Thanked and referred onwards are both shares of those you met:
    someone can refer you onwards before (or without) your thank-you."""
    furthest: dict[int, int] = defaultdict(int)
    referred = 0
    for facts in contacts:
        step = furthest_step(facts.stage)
        furthest[step] += 1
        referred += step >= MET and facts.referrals_given > 0
    return funnel_from_counts(furthest, referred)


def funnel_from_counts(furthest: Mapping[int, int], referred: int) -> list[FunnelStep]:
    """The funnel from how many contacts stopped at each furthest step (0 to 4) and how many of
    those met gave a referral: what the database counts, so no contact is read one by one."""
    reached = [sum(n for step, n in furthest.items() if step >= at) for at in range(REFERRED)]
    reached.append(referred)
    bases = [None, 0, 1, 2, 3, MET]
    return [
        FunnelStep(
            label=label,
            count=count,
            of_identified=percent(count, reached[0]),
            base="" if base is None else FUNNEL_LABELS[base],
            of_base=None if base is None else percent(count, reached[base]),
        )
        for label, count, base in zip(FUNNEL_LABELS, reached, bases, strict=True)
    ]


# -- replies --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AskingMessage:
    """A message that asks for an answer: a request, or the one polite follow-up."""

    contact_id: int
    sent_on: date  # in the user's time zone
    template: str = ""  # the template's name, or "" when written from scratch
    channel: str = ""  # the channel's label
    template_id: int | None = None
    is_request: bool = True  # False for a follow-up


@dataclass(frozen=True)
class RateRow:
    label: str
    sent: int
    replied: int

    @property
    def percent(self) -> int | None:
        return percent(self.replied, self.sent)


def answered(
    messages: Sequence[AskingMessage], replies: Mapping[int, Iterable[date]]
) -> list[bool]:
    """For each asking message (in the order sent), whether a reply answered it: a reply answers
    the last request or follow-up sent to that person on or before its day, so one reply never
    counts twice and a follow-up that got the answer takes it from the request before it."""
    flags = [False] * len(messages)
    sent_to: dict[int, list[int]] = defaultdict(list)
    for index, message in enumerate(messages):
        sent_to[message.contact_id].append(index)
    for contact_id, indexes in sent_to.items():
        for day in replies.get(contact_id, ()):
            before = [i for i in indexes if messages[i].sent_on <= day]
            if before:
                flags[before[-1]] = True
    return flags


def tally(
    messages: Sequence[AskingMessage],
    replies: Mapping[int, Iterable[date]],
    key: Callable[[AskingMessage], K],
) -> dict[K, tuple[int, int]]:
    """(sent, replied) per key, in the order each key first appears (messages in the order sent)."""
    counts: dict[K, tuple[int, int]] = {}
    for message, was_answered in zip(messages, answered(messages, replies), strict=True):
        group = key(message)
        sent, replied = counts.get(group, (0, 0))
        counts[group] = (sent + 1, replied + was_answered)
    return counts


def reply_rates(
    messages: Sequence[AskingMessage],
    replies: Mapping[int, Iterable[date]],
    group: Callable[[AskingMessage], str],
) -> list[RateRow]:
    """Requests and follow-ups sent and replied per group, the most sent first."""
    counts = tally(messages, replies, group)
    rows = [RateRow(label, sent, replied) for label, (sent, replied) in counts.items()]
    return sorted(rows, key=lambda row: (-row.sent, row.label.casefold()))


def days_to_reply(
    messages: Iterable[AskingMessage], replies: Mapping[int, Iterable[date]]
) -> list[int]:
    """Per contact who answered: days from their first request (follow-ups aside) to the first
    reply on or after it."""
    first_asked: dict[int, date] = {}
    for message in messages:
        if not message.is_request:
            continue
        asked = first_asked.get(message.contact_id)
        if asked is None or message.sent_on < asked:
            first_asked[message.contact_id] = message.sent_on
    waits = []
    for contact_id, asked in first_asked.items():
        answers = [day for day in replies.get(contact_id, ()) if day >= asked]
        if answers:
            waits.append((min(answers) - asked).days)
    return sorted(waits)


def median(values: Sequence[int]) -> float | None:
    return statistics.median(values) if values else None


def days_text(days: float) -> str:
    """'1 day', '2 days', '2.5 days': the median of an even count can fall between two days."""
    number = f"{days:g}"
    return f"{number} day" if number == "1" else f"{number} days"


# -- weeks ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Week:
    starts: date
    count: int

    @property
    def ends(self) -> date:
        return self.starts + timedelta(days=6)


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def weekly_counts(days: Iterable[date], today: date, weeks: int = WEEKS_SHOWN) -> list[Week]:
    """How many events fell in each of the last `weeks` weeks, oldest first, this week last."""
    this_week = week_start(today)
    starts = [this_week - timedelta(weeks=back) for back in range(weeks - 1, -1, -1)]
    counts = dict.fromkeys(starts, 0)
    for day in days:
        start = week_start(day)
        if start in counts:
            counts[start] += 1
    return [Week(start, counts[start]) for start in starts]


# -- referrals -----------------------------------------------------------------------------------


def per_conversation(referrals: int, conversations: int) -> float | None:
    return round(referrals / conversations, 1) if conversations else None


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    organization: str = ""
    led_by: int | None = None  # who referred or introduced them
    # Works at one of the user's targets (not merely a known employer from an import).
    at_target: bool = False


def chain_to(person: Person, people: Mapping[int, Person]) -> list[Person]:
    """The path from the first person in the chain to `person`; a loop stops where it closes."""
    path = [person]
    seen = {person.id}
    while (
        (led_by := path[-1].led_by) is not None
        and (previous := people.get(led_by)) is not None
        and previous.id not in seen
    ):
        path.append(previous)
        seen.add(previous.id)
    return path[::-1]


def at_a_target(person: Person) -> bool:
    # A known employer (arrived with an imported contact) is no target until the user says so.
    return person.at_target


def referral_chains(
    people: Iterable[Person], target: Callable[[Person], bool] = at_a_target
) -> list[list[Person]]:
    """Who led to whom, one chain per person at a target organization that someone led you to."""
    everyone = {person.id: person for person in people}
    ends = [p for p in everyone.values() if target(p) and p.led_by in everyone]
    ends.sort(key=lambda p: (p.organization.casefold(), p.name.casefold(), p.id))
    return [chain_to(person, everyone) for person in ends]
