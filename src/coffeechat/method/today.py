"""The Today list: what is due, overdue and coming up, most urgent first."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

# How far ahead the list looks for things coming up.
HORIZON = timedelta(days=7)


class Kind(StrEnum):
    THANK_YOU = "thank_you"
    NO_REPLY = "no_reply"
    SCHEDULE = "schedule"
    NUDGE = "nudge"
    MOVE_ON = "move_on"
    CONTACT_REFERRAL = "contact_referral"
    FOLLOW_UP = "follow_up"
    KEEP_IN_TOUCH = "keep_in_touch"
    CLOSE_THE_LOOP = "close_the_loop"
    CONVERSATION = "conversation"
    DRAFT = "draft"


# Within one day, the most perishable first: a late thank-you hurts more than a late referral.
_KIND_RANK = {
    Kind.THANK_YOU: 0,
    Kind.SCHEDULE: 1,
    Kind.NUDGE: 2,
    Kind.NO_REPLY: 3,
    Kind.CONTACT_REFERRAL: 4,
    Kind.FOLLOW_UP: 5,
    Kind.CLOSE_THE_LOOP: 6,
    Kind.KEEP_IN_TOUCH: 7,
    Kind.CONVERSATION: 8,
    Kind.MOVE_ON: 9,
    Kind.DRAFT: 10,  # the user's own unsent text: no clock of the method's, so after what is due
}


class Section(StrEnum):
    OVERDUE = "overdue"
    TODAY = "today"
    UPCOMING = "coming up"


@dataclass(frozen=True)
class TodayItem:
    kind: Kind
    title: str
    detail: str
    due: date
    url: str
    action: str
    at: datetime | None = None
    deadline: datetime | None = None
    followup_id: int | None = None
    # What closing it by hand means for this kind ("It fell through" for a conversation agreed).
    done_label: str = "Mark done"
    # 0 for people quick to help, higher for slow or silent ones: the list favours the quick.
    responsiveness: int = 1
    contact_id: int | None = None

    def section(self, today: date, now: datetime | None = None) -> Section:
        """Overdue once its date has passed, or its exact deadline when it has one."""
        if self.deadline is not None and now is not None and now > self.deadline:
            return Section.OVERDUE
        if self.due < today and self.deadline is None:
            return Section.OVERDUE
        if self.due <= today:
            return Section.TODAY
        return Section.UPCOMING

    def days_late(self, today: date) -> int:
        return max((today - self.due).days, 0)

    def as_dict(self, today: date, now: datetime | None = None) -> dict[str, Any]:
        data = asdict(self)
        data["kind"] = self.kind.value
        data["due"] = self.due.isoformat()
        data["at"] = self.at.isoformat() if self.at else None
        data["deadline"] = self.deadline.isoformat() if self.deadline else None
        data["section"] = self.section(today, now).value
        return data


def within_horizon(item: TodayItem, today: date) -> bool:
    return item.due <= today + HORIZON


_SECTION_RANK = {Section.OVERDUE: 0, Section.TODAY: 1, Section.UPCOMING: 2}


def _order_key(item: TodayItem, today: date, now: datetime | None) -> tuple[object, ...]:
    section = item.section(today, now)
    # Items with a clock of their own (a thank-you's 24 hours, a conversation's start) keep
    # their place whoever they concern.
    timed = item.at is not None or item.deadline is not None
    moment = item.at.timestamp() if item.at else 0.0
    favour = 0 if timed else item.responsiveness
    if section is Section.UPCOMING:
        # What is coming up reads as a calendar: by day, quick helpers first within a day.
        return (2, item.due, not timed, favour, _KIND_RANK[item.kind], moment)
    return (_SECTION_RANK[section], not timed, favour, item.due, _KIND_RANK[item.kind], moment)


def order_today(
    items: list[TodayItem], today: date, now: datetime | None = None
) -> list[TodayItem]:
    """Overdue first, then today, then what is coming up.

    Overdue and today are both "do it now": there, items with a clock of their own come first,
    then the people quick to help before those not judged yet, the slow and the silent (the
    method's advice to favour the quick), and only then the longest overdue and the most
    perishable kind. What is coming up stays in date order, quick helpers first within a day.
    """
    kept = [item for item in items if within_horizon(item, today)]
    return sorted(kept, key=lambda item: (*_order_key(item, today, now), item.title))


def by_section(
    items: list[TodayItem], today: date, now: datetime | None = None
) -> list[tuple[Section, list[TodayItem]]]:
    """Ordered items grouped under their section headings, in order."""
    grouped: dict[Section, list[TodayItem]] = {}
    for item in items:
        grouped.setdefault(item.section(today, now), []).append(item)
    return sorted(grouped.items(), key=lambda pair: _SECTION_RANK[pair[0]])
