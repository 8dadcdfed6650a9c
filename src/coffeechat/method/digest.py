"""The morning digest: when it is due, and what it says. Plain Python, no Django.

The digest is the Today list cut down to what is overdue and due today, in the same order,
so the e-mail and the page never disagree about what comes first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from coffeechat.method.today import Section, TodayItem

# A claim still "sending" after this long belongs to a process that died mid-send (an SMTP
# attempt gives up after 10 seconds), so another run may take the day over.
STALE_CLAIM = timedelta(minutes=15)
# A failed send is tried again by the scheduler after this long, not every minute: a wrong
# password retried each minute can get the account locked at the mail provider.
RETRY_FAILED_AFTER = timedelta(minutes=15)


def is_due(local_now: datetime, hour: int) -> bool:
    """Past the chosen hour of the user's own day.

    "Past", not "at": a server started at 10:00 still sends the 07:00 digest that morning, and a
    spring-forward day whose 02:00 never happens still gets its 02:00 digest.
    """
    return local_now.hour >= hour


def may_take_over(
    state: str,
    claimed_at: datetime,
    now: datetime,
    *,
    retry_failed: bool = False,
    reconsider_empty: bool = False,
) -> bool:
    """Whether a run may claim a day that already has a row in this state.

    retry_failed: a person asked (a CLI run, the "send now" button), so a failed send is tried
    again at once. reconsider_empty: the button, after a morning with nothing due.
    """
    if state == "sending":
        return now - claimed_at >= STALE_CLAIM
    if state == "failed":
        return retry_failed or now - claimed_at >= RETRY_FAILED_AFTER
    if state == "nothing_due":
        return reconsider_empty
    return False  # sent: once a day, whoever asks


def due_items(items: list[TodayItem], today: date, now: datetime) -> list[TodayItem]:
    """The overdue and today items of an ordered Today list, in its order."""
    return [item for item in items if item.section(today, now) in (Section.OVERDUE, Section.TODAY)]


def count_phrase(total: int, overdue: int) -> str:
    things = "1 thing" if total == 1 else f"{total} things"
    late = f" ({overdue} overdue)" if overdue else ""
    return f"{things} due today{late}"


def subject_line(total: int, overdue: int) -> str:
    return f"Coffeechat: {count_phrase(total, overdue)}"


def _day(value: date) -> str:
    return f"{value:%a} {value.day} {value:%b}"


def when(item: TodayItem, section: Section, tz: tzinfo) -> str:
    """The item's date or time as the Today page's badge puts it."""
    if section is Section.OVERDUE:
        if item.deadline is not None:
            moment = item.deadline.astimezone(tz)
            return f"was due {_day(moment)}, {moment:%H:%M}"
        return f"due {_day(item.due)}"
    if item.deadline is not None:
        return f"by {item.deadline.astimezone(tz):%H:%M}"
    if item.at is not None:
        return f"at {item.at.astimezone(tz):%H:%M}"
    return "due today"


@dataclass(frozen=True)
class Digest:
    subject: str
    body: str
    count: int
    overdue: int


@dataclass(frozen=True)
class Links:
    """Absolute addresses back into the app: the base for item paths, Today and the profile."""

    base: str
    today: str
    profile: str
    all_due: str = ""  # every overdue follow-up, a page at a time (all due today are listed)

    def absolute(self, path: str) -> str:
        return path if "://" in path else self.base.rstrip("/") + "/" + path.lstrip("/")


def compose(
    items: list[TodayItem],
    *,
    today: date,
    now: datetime,
    tz: tzinfo,
    name: str,
    links: Links,
    more: int = 0,
    more_overdue: int = 0,
) -> Digest | None:
    """The e-mail for an ordered Today list, or None when nothing is overdue or due today.

    The list is bounded like the Today page: `more` overdue things (`more_overdue`; nothing due
    today is ever left out) were left out of it; they are counted and linked to, not listed.
    """
    due = due_items(items, today, now)
    if not due:
        return None
    overdue = [item for item in due if item.section(today, now) is Section.OVERDUE]
    total, late = len(due) + more, len(overdue) + more_overdue
    lines = [
        f"Good morning, {name}.",
        "",
        f"On your list: {count_phrase(total, late)}, most urgent first.",
    ]
    for section in (Section.OVERDUE, Section.TODAY):
        in_section = [item for item in due if item.section(today, now) is section]
        if not in_section:
            continue
        lines += ["", section.value.upper()]
        for item in in_section:
            lines.append(f"- {item.title} ({when(item, section, tz)})")
            if item.detail:
                lines.append(f"  {item.detail}")
            lines.append(f"  {item.action}: {links.absolute(item.url)}")
    if more:
        lines += ["", f"And {more} more overdue, oldest first: {links.all_due}"]
    lines += [
        "",
        f"Your Today list: {links.today}",
        "",
        "--",
        "You get this because the morning digest is on in your Coffeechat profile.",
        f"Change its hour or turn it off: {links.profile}",
    ]
    return Digest(
        subject=subject_line(total, late),
        body="\n".join(lines) + "\n",
        count=total,
        overdue=late,
    )
