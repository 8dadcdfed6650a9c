"""`coffeechat rebuild-search-index`: put the search index's triggers back and index everything."""

from __future__ import annotations

from typing import Any

from django.db import connection, transaction

from coffeechat.edges.commands.base import CoffeechatCommand
from coffeechat.pages.search import index


class Command(CoffeechatCommand):
    help = (
        "Rebuild the search index from every user's records, and put back the database "
        "triggers that keep it current (a repair: migrate does it by itself)."
    )
    example = "coffeechat rebuild-search-index"

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            rows = index.install(connection)
        self.stdout.write(f"Search index rebuilt: {rows:,} records indexed.")
