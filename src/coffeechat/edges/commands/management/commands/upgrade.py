"""`coffeechat migrate`: named `upgrade` here so that Django's own `migrate` stays reachable as
`coffeechat manage migrate`, which sees the database as it is."""

from __future__ import annotations

from typing import Any

from django.core.management.base import CommandParser

from coffeechat.edges.commands.base import CoffeechatCommand
from coffeechat.edges.commands.database import bring_up_to_date


class Command(CoffeechatCommand):
    help = (
        "Create or update the database tables (every command does this by itself first; "
        "an existing database is backed up before an upgrade)."
    )
    example = "coffeechat migrate"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--verbose", action="store_true", help="list each migration applied")

    def handle(self, *args: Any, verbose: bool, **options: Any) -> None:
        # The same step every other command takes first, so an upgrade made here is backed up too.
        bring_up_to_date(verbosity=1 if verbose else 0)
        self.stdout.write("Database is up to date.")
