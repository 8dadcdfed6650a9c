"""Today's items as the page shows them: each one's line, its due badge and the links and
actions it offers, worked out once in Python rather than by template tags per item."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, tzinfo
from html import escape

from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from coffeechat.method.today import Kind, Section, TodayItem

# Whose request went unanswered: Today offers "They replied" beside these.
AWAITING_REPLY = frozenset({Kind.NO_REPLY, Kind.NUDGE, Kind.MOVE_ON})


@dataclass(frozen=True)
class TodayRow:
    """One item on Today: who and what, when, its primary action, and what else it offers."""

    kind: str
    title: str
    detail: str
    url: str  # the primary action
    action: str
    when: str  # the due badge: "due Tue 17 Jun", "at 09:30", "by Thu 14:00"
    urgency: str  # the badge's look: "overdue", "today" or ""
    followup_id: int | None = None
    done_label: str = ""
    done_url: str = ""  # where Mark done (or what it means for this kind) posts
    reply_url: str = ""  # "They replied": the small page the shared reply dialog stands for
    more_url: str = ""  # "Declined or more…": the full reply form

    @property
    def html(self) -> SafeString:
        """The item's <li>, built here rather than in the template: Today lists a hundred items
        or more, and a dozen template variables each cost more than this whole line. Every
        value is escaped (the standard library's escape, as Django's own does underneath)."""
        parts = [
            f'<li class="today-item" data-kind="{escape(self.kind)}"',
            f' id="followup-{self.followup_id}">' if self.followup_id else ">",
            # (line breaks between the parts, so that the item's text reads with spaces)
            f'\n<div class="what"><strong>{escape(self.title)}</strong>',
            f' <span class="muted">{escape(self.detail)}</span>' if self.detail else "",
            f' <span class="badge {self.urgency}">{escape(self.when)}</span></div>',
            f'\n<div class="actions"><a class="button" href="{escape(self.url)}">',
            f"{escape(self.action)}</a>",
        ]
        if self.done_url:
            # Every Mark done submits the page's one #today-done form (its CSRF token) to its
            # own address; through htmx the item becomes "Done: … Undo" (the list's hx-target).
            done = escape(self.done_url)
            parts.append(
                f' <button type="submit" form="today-done" formaction="{done}" hx-post="{done}"'
                f' class="secondary">{escape(self.done_label)}</button>'
            )
        if self.reply_url:
            parts.append(
                f' <a class="button secondary" href="{escape(self.reply_url)}" data-quick-reply'
                f' data-more="{escape(self.more_url)}">They replied</a>'
            )
        parts.append("</div>\n</li>\n")
        return mark_safe("".join(parts))  # every value in it is escaped above


def _day(value: date) -> str:
    return f"{value:%a} {value.day} {value:%b}"  # "Tue 17 Jun", as the date filter's "D j M"


def _when(item: TodayItem, section: Section, tz: tzinfo) -> str:
    deadline = timezone.localtime(item.deadline, tz) if item.deadline else None
    at = timezone.localtime(item.at, tz) if item.at else None
    if section is Section.OVERDUE:
        return (
            f"was due {_day(deadline.date())}, {deadline:%H:%M}"
            if deadline
            else (f"due {_day(item.due)}")
        )
    if section is Section.TODAY:
        if deadline:
            return f"by {deadline:%a %H:%M}"
        return f"at {at:%H:%M}" if at else "due today"
    if item.kind is Kind.CONVERSATION and at:
        return f"{_day(at.date())}, {at:%H:%M}"
    return f"due {_day(item.due)}"


_URGENCY = {Section.OVERDUE: "overdue", Section.TODAY: "today", Section.UPCOMING: ""}


_SENTINEL = 987654321


def id_url(name: str) -> Callable[[int], str]:
    """reverse() for one URL with an id, resolved once per page rather than once per item."""
    head, tail = reverse(name, args=[_SENTINEL]).split(str(_SENTINEL))
    return lambda pk: f"{head}{pk}{tail}"


def today_rows(
    sections: list[tuple[Section, list[TodayItem]]], tz: tzinfo
) -> list[tuple[Section, list[TodayRow]]]:
    done, replied, more = (
        id_url("followups:done"),
        id_url("followups:quick_reply"),
        id_url("outreach:reply"),
    )

    def row(item: TodayItem, section: Section) -> TodayRow:
        awaiting = item.contact_id if item.kind in AWAITING_REPLY else None
        return TodayRow(
            kind=item.kind.value,
            title=item.title,
            detail=item.detail,
            url=item.url,
            action=item.action,
            when=_when(item, section, tz),
            urgency=_URGENCY[section],
            followup_id=item.followup_id,
            done_label=item.done_label,
            done_url=done(item.followup_id) if item.followup_id else "",
            reply_url=replied(awaiting) if awaiting else "",
            more_url=more(awaiting) if awaiting else "",
        )

    return [(section, [row(item, section) for item in items]) for section, items in sections]
