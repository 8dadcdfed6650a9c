"""Keeping in touch after a conversation (step 6): when the next short update is due, and when
the person whose advice or referral paid off should hear what came of it."""

from __future__ import annotations

import calendar
from collections.abc import Container
from datetime import date, timedelta

from coffeechat.method.business_days import add_business_days, is_business_day

# The first update goes out about four weeks after you last heard from each other: long enough
# to have acted on their advice, soon enough that they remember the conversation.
FIRST_UPDATE_AFTER = timedelta(days=28)
# Acting on someone's advice is news worth sending while it is fresh.
CLOSE_THE_LOOP_WITHIN = 2

# After the first update, months between updates, by the contact's "keep in touch" setting.
CADENCE_MONTHS: dict[str, int | None] = {
    "monthly": 1,
    "quarterly": 3,
    "twice_a_year": 6,
    "never": None,
}


def add_months(day: date, months: int) -> date:
    """The same day `months` calendar months later, or that month's last day (31 Jan -> 28 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(day.day, last))


def next_business_day(day: date, holidays: Container[date] = frozenset()) -> date:
    """`day` itself if people work that day, else the first working day after it."""
    while not is_business_day(day, holidays):
        day += timedelta(days=1)
    return day


def next_keep_in_touch(
    last_interaction_on: date,
    cadence: str,
    *,
    first_update_sent: bool,
    holidays: Container[date] = frozenset(),
) -> date | None:
    """When the next update to someone you met is due; None when they are set to "never".

    Every interaction (message, reply, conversation) restarts the clock from the day it
    happened: the first update ~4 weeks later, then one per cadence interval. Due dates that
    fall on a weekend or holiday move to the next business day.
    """
    if cadence not in CADENCE_MONTHS:
        raise ValueError(f"Unknown keep-in-touch cadence {cadence!r}")
    months = CADENCE_MONTHS[cadence]
    if months is None:
        return None
    if first_update_sent:
        due = add_months(last_interaction_on, months)
    else:
        due = last_interaction_on + FIRST_UPDATE_AFTER
    return next_business_day(due, holidays)


def from_next_business_day(due: date, today: date, holidays: Container[date] = frozenset()) -> date:
    """`due`, but never before the business day after `today`: an update planned today for
    someone met long ago is owed from now on, not overdue at once (a flood of them on Today)."""
    return max(due, add_business_days(today, 1, holidays))


def close_the_loop_due(happened_on: date, holidays: Container[date] = frozenset()) -> date:
    """When to tell someone what came of their advice or referral."""
    return add_business_days(happened_on, CLOSE_THE_LOOP_WITHIN, holidays)


def advice_phrase(advice: str) -> str:
    """Advice as it reads after "your advice to": "Read the FT." -> "read the FT"."""
    text = advice.strip().rstrip(".!").strip()
    if not text:
        return ""
    # Keep acronyms and names ("CFA exam", "Priya's team") as written.
    if len(text) > 1 and text[1].isupper():
        return text
    return text[0].lower() + text[1:]
