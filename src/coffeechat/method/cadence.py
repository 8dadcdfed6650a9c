"""When each step of the method falls due (the "3B7" routine and the 24-hour thank-you)."""

from __future__ import annotations

from collections.abc import Container
from datetime import date, datetime, timedelta

from coffeechat.method.business_days import add_business_days

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
