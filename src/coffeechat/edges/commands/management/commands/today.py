"""`coffeechat today`: the Today page in a terminal, or as JSON for scripts."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import datetime
from typing import Any

from django.core.management.base import CommandParser
from django.utils import timezone

from coffeechat.edges.commands.base import CoffeechatCommand
from coffeechat.edges.commands.users import pick_user
from coffeechat.foundation.accounts.models import User
from coffeechat.method.next_moves import NextMove
from coffeechat.method.today import TodayItem
from coffeechat.pages.research.queries import has_targets, next_moves_for
from coffeechat.pages.today.queries import TodayList, today_list


class Command(CoffeechatCommand):
    help = (
        "Print the Today list: what is due, overdue and coming up, most urgent first, then "
        "the next moves for your top 5 target organizations."
    )
    example = "coffeechat today --user maya --json"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--user", help="whose list (may be left out when there is one user)")
        parser.add_argument("--json", action="store_true", help="print the items as a JSON list")

    def handle(self, *args: Any, user: str | None, **options: Any) -> None:
        owner = pick_user(user)
        now = timezone.now()
        listed = today_list(owner, now)
        items = listed.items
        moves = next_moves_for(owner)
        if options["json"]:
            self._print_json(owner, now, items, moves)
        else:
            self._print_lines(owner, now, items, moves)
            self._print_more(listed)

    def _print_more(self, listed: TodayList) -> None:
        """What the list left out past its cap, as the web page's "Show all N" says."""
        if listed.more_now:
            self.stdout.write(
                f"... and {listed.more_now} more overdue: "
                "the Follow-ups page (/followups/?due=overdue) lists them all."
            )
        if listed.more_upcoming:
            more = listed.upcoming - listed.shown_upcoming
            self.stdout.write(
                f"... and {more} more coming up this week: /followups/?due=week lists them all."
            )

    def _print_json(
        self, owner: User, now: datetime, items: list[TodayItem], moves: list[NextMove]
    ) -> None:
        today = timezone.localdate(now, timezone=owner.profile.tz())
        listed = [item.as_dict(today, now) for item in items]
        # After what is due, as on the web page: the next moves for the top 5 targets.
        listed += [{**asdict(move), "kind": move.move.value, "section": "next"} for move in moves]
        self.stdout.write(json.dumps(listed, indent=2))

    def _print_lines(
        self, owner: User, now: datetime, items: list[TodayItem], moves: list[NextMove]
    ) -> None:
        tz = owner.profile.tz()
        today = timezone.localdate(now, timezone=tz)
        if not items:
            self.stdout.write("Nothing due.")
        for item in items:
            section = item.section(today, now).value.upper()
            moment = item.at or item.deadline
            stamp = f"{moment.astimezone(tz):%Y-%m-%d %H:%M}" if moment else item.due.isoformat()
            self.stdout.write(f"{section:<9} {stamp:<16}  {item.title}")
            if item.detail:
                self.stdout.write(f"{'':<28}{item.detail}")
        for move in moves:
            self.stdout.write(f"{'NEXT':<9} {'':<16}  {move.title}")
            self.stdout.write(f"{'':<28}{move.detail}")
        if not moves and not has_targets(owner):
            # As on the web page: next moves only come from organizations the user chose.
            self.stdout.write(
                "No target organizations yet, so no next moves: on Research "
                "(/research/?show=known), make targets of the employers you want to work for."
            )
