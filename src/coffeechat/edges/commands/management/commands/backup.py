"""`coffeechat backup`: a consistent copy of the live SQLite database, the newest few kept."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import CommandError, CommandParser
from django.db import connection

from coffeechat.edges.commands.base import CoffeechatCommand
from coffeechat.edges.records.backup import DEFAULT_KEEP, BackupRefused, back_up, sqlite_path


def at_least_one(text: str) -> int:
    """--keep's value: a whole number, 1 or more."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("keep at least 1 backup")
    return value


class Command(CoffeechatCommand):
    help = (
        "Back up the SQLite database while the server runs, keeping the newest few; "
        "prints the path."
    )
    example = "coffeechat backup --keep 14"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "directory", metavar="DIR", nargs="?",
            help="where to put it (default: $COFFEECHAT_HOME/backups)",
        )  # fmt: skip
        parser.add_argument(
            "--keep", type=at_least_one, default=DEFAULT_KEEP, metavar="N",
            help=f"keep the newest N backups made here, delete older ones (default {DEFAULT_KEEP})",
        )  # fmt: skip

    def handle(self, *args: Any, directory: str | None, keep: int, **options: Any) -> None:
        try:
            source = sqlite_path(connection.settings_dict, connection.vendor)
        except BackupRefused as error:
            raise CommandError(str(error)) from None
        folder = Path(directory) if directory else Path(settings.HOME) / "backups"
        self.stdout.write(str(back_up(source, folder, keep=keep, now=datetime.now(UTC))))
