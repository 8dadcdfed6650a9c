"""A contact's stage, derived from what happened: never a field the user keeps in sync."""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum

from coffeechat.method.business_days import business_days_between, is_business_day
from coffeechat.method.cadence import MOVE_ON_AFTER


class Stage(StrEnum):
    IDENTIFIED = "identified"
    CONTACTED = "contacted"
    REPLIED = "replied"
    SCHEDULED = "scheduled"
    MET = "met"
    THANKED = "thanked"
    KEEPING_IN_TOUCH = "keeping in touch"
    DECLINED = "declined"
    NO_RESPONSE = "no response"

    @property
    def label(self) -> str:
        return self.value.capitalize()


@dataclass(frozen=True)
class ContactHistory:
    """The facts about one contact that decide the stage (all optional)."""

    first_request_sent_at: datetime | None = None
    last_reply_on: date | None = None
    declined: bool = False
    upcoming_conversation_at: datetime | None = None
    last_met_at: datetime | None = None
    thanked_at: datetime | None = None
    last_message_sent_at: datetime | None = None
    # The first request sent on a day after the last reply: asking again, months after a
    # "try me in autumn", starts a new wait (and a new follow-up routine).
    new_request_sent_at: datetime | None = None


def contact_stage(
    history: ContactHistory,
    today: date,
    holidays: Container[date] = frozenset(),
    *,
    tz: tzinfo,
) -> Stage:
    """Where a contact stands, latest event first.

    Meeting someone outranks everything before it; a decline counts only if no conversation
    happened or is planned, and a reply only until a newer request goes out on a later day;
    silence becomes "no response" after the 3B7 routine has run out.
    `today` is the user's local date and `tz` their time zone: the request's day is counted in
    it too, as the follow-ups count it, so the stage and Today agree on when to move on.
    """
    if history.last_met_at:
        if history.thanked_at and history.thanked_at >= history.last_met_at:
            sent = history.last_message_sent_at
            if sent and sent > history.thanked_at:
                return Stage.KEEPING_IN_TOUCH
            return Stage.THANKED
        return Stage.MET
    if history.upcoming_conversation_at:
        return Stage.SCHEDULED
    asked_again = _asked_since_last_reply(history, tz)
    if asked_again:
        return _waiting(asked_again, today, holidays, tz)
    if history.declined:
        return Stage.DECLINED
    if history.last_reply_on:
        return Stage.REPLIED
    if history.first_request_sent_at:
        return _waiting(history.first_request_sent_at, today, holidays, tz)
    return Stage.IDENTIFIED


def _asked_since_last_reply(history: ContactHistory, tz: tzinfo) -> datetime | None:
    """The new request, if it went out on a later day than the last reply (a reply carries a
    day only, so a request on the same day may have been what it answered)."""
    sent = history.new_request_sent_at
    if sent is None or history.last_reply_on is None:
        return None
    return sent if sent.astimezone(tz).date() > history.last_reply_on else None


def _waiting(sent_at: datetime, today: date, holidays: Container[date], tz: tzinfo) -> Stage:
    waited = business_days_between(
        sent_at.astimezone(tz).date(), today, holidays, at_most=MOVE_ON_AFTER
    )
    return Stage.NO_RESPONSE if waited >= MOVE_ON_AFTER else Stage.CONTACTED


def still_waiting_since(today: date, holidays: Container[date] = frozenset()) -> date:
    """The earliest day a request can have gone out and still be waiting for a reply today:
    sent that day or later, fewer than MOVE_ON_AFTER business days have passed (`_waiting`).
    It is the MOVE_ON_AFTER-th business day counting back from today, today included, so a
    database can find everyone waiting without judging anyone asked before it."""
    counted = 0
    day = today
    while True:
        if is_business_day(day, holidays):
            counted += 1
            if counted == MOVE_ON_AFTER:
                return day
        day -= timedelta(days=1)
