"""When each step of the method falls due (the "3B7" routine and the 24-hour thank-you)."""

from __future__ import annotations

from collections.abc import Container
from datetime import date, datetime, timedelta
from enum import StrEnum

from coffeechat.method.business_days import add_business_days, business_days_between

# No reply after this many business days: write to the next contact at the organization.
TRY_NEXT_CONTACT_AFTER = 3
# ... after this many: one polite nudge to the first contact.
NUDGE_AFTER = 7
# ... and after this many with still nothing: move on, no third message.
MOVE_ON_AFTER = 10
# Referrals are contacted within this many business days of the conversation.
CONTACT_REFERRAL_WITHIN = 3
# The thank-you goes out within this many hours of the conversation ending.
THANK_YOU_WITHIN = timedelta(hours=24)
# The length the method asks for when none is agreed.
DEFAULT_CONVERSATION_MINUTES = 20


def no_reply_check_due(sent_on: date, holidays: Container[date] = frozenset()) -> date:
    return add_business_days(sent_on, TRY_NEXT_CONTACT_AFTER, holidays)


def nudge_due(sent_on: date, holidays: Container[date] = frozenset()) -> date:
    return add_business_days(sent_on, NUDGE_AFTER, holidays)


def move_on_due(sent_on: date, holidays: Container[date] = frozenset()) -> date:
    return add_business_days(sent_on, MOVE_ON_AFTER, holidays)


def referral_contact_due(conversation_on: date, holidays: Container[date] = frozenset()) -> date:
    return add_business_days(conversation_on, CONTACT_REFERRAL_WITHIN, holidays)


def thank_you_due(ended_at: datetime) -> datetime:
    return ended_at + THANK_YOU_WITHIN


class ReplySpeed(StrEnum):
    """How a person answers requests, as the method observes it."""

    QUICK = "quick to help"  # replied within 3 business days, without a nudge
    SLOW = "slow"  # replied only after a nudge, or later than 3 business days
    SILENT = "silent"  # nothing after the whole routine has run

    @property
    def rank(self) -> int:
        return {ReplySpeed.QUICK: 0, ReplySpeed.SLOW: 2, ReplySpeed.SILENT: 3}[self]


def reply_speed(
    *,
    first_request_on: date | None,
    first_reply_on: date | None,
    nudged_on: date | None,
    today: date,
    holidays: Container[date] = frozenset(),
) -> ReplySpeed | None:
    """Classify a contact from reply timing; None while there is nothing to judge yet."""
    if first_request_on is None:
        return None
    if first_reply_on is None:
        waited = business_days_between(first_request_on, today, holidays, at_most=MOVE_ON_AFTER)
        return ReplySpeed.SILENT if waited >= MOVE_ON_AFTER else None
    nudged_first = nudged_on is not None and nudged_on <= first_reply_on
    took = business_days_between(
        first_request_on, first_reply_on, holidays, at_most=TRY_NEXT_CONTACT_AFTER + 1
    )
    if took <= TRY_NEXT_CONTACT_AFTER and not nudged_first:
        return ReplySpeed.QUICK
    return ReplySpeed.SLOW


def responsiveness_rank(speed: ReplySpeed | None) -> int:
    """Sorting weight for the Today list: quick first, unknown next, slow and silent last."""
    return 1 if speed is None else speed.rank
