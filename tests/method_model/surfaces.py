"""Reading the open items off each place that shows them, as (who, kind, due day).

Today (the page), `coffeechat today --json`, the Follow-ups page, each contact's page, the
morning digest and the calendar feed each say what is open in their own words; these turn
each into the same plain triples so that one test can compare them.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from datetime import date, datetime, timedelta
from html import unescape

from django.test import Client
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from coffeechat.edges.cli import main
from coffeechat.network.people.models import Contact
from coffeechat.pages.calendar import feed as ical
from coffeechat.pages.calendar import queries as calendar_queries
from coffeechat.pages.reminders.digest import compose
from coffeechat.pipeline.followups.models import FollowUp

Entry = tuple[str, str, date | None]  # who, kind, due day (None where the day is a deadline)

KIND_BY_LABEL = {str(label): value for value, label in FollowUp.KIND_CHOICES}
# Today's titles, as the digest repeats them: the words before the name say the kind.
KIND_BY_TITLE = [
    (re.compile(r"^Thank "), "thank_you"),
    (re.compile(r"^Contact referral "), "contact_referral"),
    (re.compile(r"^No reply from "), "no_reply"),
    (re.compile(r"^Send .* one polite follow-up"), "nudge"),
    (re.compile(r"^Close the loop with "), "close_the_loop"),
    (re.compile(r"^Keep in touch with "), "keep_in_touch"),
    (re.compile(r"^Move on from "), "move_on"),
    (re.compile(r"^Follow up with "), "follow_up"),
    (re.compile(r"^Schedule with "), "schedule"),
    (re.compile(r"^Answer "), "schedule"),  # an answer not decided yet: agree a time
    (re.compile(r"^Conversation with "), "conversation"),
]
CONVERSATION_TITLES = re.compile(r"^(Coffee|Video call|Phone call|Meeting|Conversation) with ")
DAY = re.compile(r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (\d{1,2}) ([A-Z][a-z]{2})")


class Reader:
    """Reads every surface for one user at the current (frozen) moment."""

    def __init__(self, user: object) -> None:
        self.user = user
        self.now = timezone.now()
        self.tz = user.profile.tz()
        self.today = timezone.localdate(self.now, timezone=self.tz)
        names = [c.full_name for c in Contact.objects.owned_by(user)]
        self.names = sorted(names, key=len, reverse=True)  # "Sam Lee" before "Sam"
        self.client = Client()
        self.client.force_login(
            user, backend="coffeechat.foundation.accounts.backends.UsernameOrEmailBackend"
        )

    # Helpers -----------------------------------------------------------------------------------

    def who(self, text: str) -> str:
        found = next((name for name in self.names if name in text), None)
        assert found, f"no contact named in {text!r}"
        return found

    def day(self, text: str) -> date:
        """A day written "Mon 21 Dec": the one nearest to today with that date."""
        match = DAY.search(text)
        assert match, f"no day in {text!r}"
        candidates = [
            datetime.strptime(f"{match[1]} {match[2]} {year}", "%d %b %Y").date()
            for year in (self.today.year - 1, self.today.year, self.today.year + 1)
        ]
        return min(candidates, key=lambda d: abs((d - self.today).days))

    def kind_of_title(self, title: str) -> str:
        return next(kind for pattern, kind in KIND_BY_TITLE if pattern.search(title))

    def entry(self, who: str, kind: str, due: date | None) -> Entry:
        # A thank-you's moment is its 24-hour deadline: each place dates it its own way.
        return (who, kind, None if kind == "thank_you" else due)

    def page(self, url: str) -> str:
        response = self.client.get(url)
        assert response.status_code == 200, url
        return response.content.decode()

    # The surfaces ------------------------------------------------------------------------------

    def today_page(self) -> set[Entry]:
        html = self.page(reverse("followups:today"))
        found = set()
        pattern = (
            r'data-section="([^"]+)"|<li class="today-item" data-kind="([^"]+)"[^>]*>(.*?)</li>'
        )
        section = ""
        for match in re.finditer(pattern, html, re.S):
            if match[1]:
                section = match[1]
                continue
            if section == "next":
                continue  # next moves are not open items
            kind, body = match[2], unescape(match[3])
            title = re.search(r"<strong>(.*?)</strong>", body, re.S)[1]
            badge = re.search(r'<span class="badge[^"]*">(.*?)</span>', body, re.S)[1]
            due = self.today if section == "today" else self.day(badge)
            found.add(self.entry(self.who(title), kind, due))
        return found

    def today_json(self) -> set[Entry]:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            assert main(["today", "--json", "--user", self.user.get_username()]) == 0
        found = set()
        for item in json.loads(out.getvalue()):
            if item["section"] == "next":
                continue  # next moves are not open items
            due = date.fromisoformat(item["due"])
            found.add(self.entry(self.who(item["title"]), item["kind"], due))
        return found

    def followups_page(self) -> set[Entry]:
        html = self.page(reverse("followups:list"))
        # The open list (one page: a walk never owes more than fits on it), before "Recently done".
        open_part = re.split(r"<h2>Open\b", html, maxsplit=1)[1].split("<h2>Recently done", 1)[0]
        found = set()
        for row in re.findall(r"<tr[^>]*>\s*<td>(.*?)</td>\s*<td>(.*?)</td>\s*<td>(.*?)</td>",
                              open_part, re.S):  # fmt: skip
            due_cell, label, who = (unescape(re.sub(r"<[^>]+>", " ", cell)) for cell in row)
            due = self.today if "today" in due_cell else self.day(due_cell)
            found.add(self.entry(self.who(who), KIND_BY_LABEL[label.strip()], due))
        return found

    def contact_pages(self) -> set[Entry]:
        found = set()
        for contact in Contact.objects.owned_by(self.user):
            html = self.page(contact.get_absolute_url())
            part = html.split("<h2>Open follow-ups</h2>", 1)[1].split("</section>", 1)[0]
            for label, rest in re.findall(r"<li>([^<:]+): (due[^<]*)", unescape(part)):
                due = self.day(rest)
                found.add(self.entry(contact.full_name, KIND_BY_LABEL[label.strip()], due))
        return found

    def digest(self) -> set[Entry]:
        digest = compose(self.user, self.now, "http://testserver")
        if digest is None:
            return set()
        found = set()
        section = ""
        for line in digest.body.splitlines():
            if line in ("OVERDUE", "TODAY"):
                section = line
            elif line.startswith("- ") and section:
                title, _, when = line[2:].rpartition(" (")
                due = self.today if section == "TODAY" else self.day(when)
                found.add(self.entry(self.who(title), self.kind_of_title(title), due))
        return found

    def calendar(self) -> set[Entry]:
        body = ical.build_feed(
            conversations=calendar_queries.feed_conversations(self.user, now=self.now),
            followups=calendar_queries.feed_followups(self.user, now=self.now),
            base_url="http://testserver",
        )
        found = set()
        for event in Calendar.from_ical(body).walk("VEVENT"):
            summary = str(event["SUMMARY"])
            start = event["DTSTART"].dt
            if isinstance(start, datetime):  # a conversation: open ones, from now on
                if summary.startswith("Cancelled") or start < self.now:
                    continue
                who = self.who(CONVERSATION_TITLES.sub("", summary))
                found.add((who, "conversation", start.astimezone(self.tz).date()))
                continue
            label, _, who = summary.partition(": ")
            found.add(self.entry(self.who(who), KIND_BY_LABEL[label], start))
        return found

    # Windows -----------------------------------------------------------------------------------

    def horizon(self) -> date:
        return self.today + timedelta(days=7)
