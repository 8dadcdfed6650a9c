"""`coffeechat search QUERY`: the search box's results in a terminal, or as JSON."""

from __future__ import annotations

import html
import json
import re
from typing import Any

from django.core.management.base import CommandParser

from coffeechat.edges.commands.base import CoffeechatCommand
from coffeechat.edges.commands.users import pick_user
from coffeechat.method.search_query import parse
from coffeechat.pages.search.queries import Group, grouped

TAG = re.compile(r"<[^>]+>")


def _plain(marked: str) -> str:
    """A highlighted snippet as text: the marks become [brackets], entities unescaped."""
    return html.unescape(TAG.sub("", marked.replace("<mark>", "[").replace("</mark>", "]")))


class Command(CoffeechatCommand):
    help = (
        "Search everything you keep (people, organizations, fields, messages, conversation "
        "notes, advice, resources) as the search box does: accents and case do not matter, "
        'words match as prefixes, "a phrase" matches exactly, -word leaves out.'
    )
    example = "coffeechat search 'hernandez \"supply chain\" -intern' --user maya --json"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("query", help="what to look for")
        parser.add_argument("--user", help="whose records (may be left out when there is one user)")
        parser.add_argument("--json", action="store_true", help="print the results as JSON")
        parser.add_argument(
            "--limit", type=int, default=10, help="results of each kind (default 10)"
        )

    def handle(self, *args: Any, query: str, user: str | None, **options: Any) -> None:
        owner = pick_user(user)
        groups = grouped(owner, parse(query), max(1, options["limit"]))
        if options["json"]:
            self.stdout.write(json.dumps([self._as_dict(group) for group in groups], indent=2))
            return
        if not groups:
            self.stdout.write(f"Nothing matches {query!r}.")
        for group in groups:
            plus = "+" if group.capped else ""
            self.stdout.write(f"{group.info.heading} ({group.total}{plus})")
            for result in group.results:
                context = f"  ({result.context})" if result.context else ""
                self.stdout.write(f"  {_plain(result.title)}{context}  {result.url}")
                if result.snippet:
                    self.stdout.write(f"      {_plain(result.snippet)}")

    @staticmethod
    def _as_dict(group: Group) -> dict[str, object]:
        return {
            "kind": group.info.slug,
            "heading": group.info.heading,
            "total": group.total,
            "total_is_at_least": group.capped,
            "results": [
                {
                    "label": result.label,
                    "context": result.context,
                    "url": result.url,
                    "title": _plain(result.title),
                    "snippet": _plain(result.snippet),
                }
                for result in group.results
            ],
        }
