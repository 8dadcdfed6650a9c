"""`coffeechat restore`: a JSON export back into an account that owns nothing yet."""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import CommandError, CommandParser

from coffeechat.edges.commands.base import CoffeechatCommand
from coffeechat.edges.commands.users import pick_user
from coffeechat.edges.records.restore import AccountNotEmpty, InvalidExport, read_document, restore


class Command(CoffeechatCommand):
    help = "Restore a JSON export into an account that owns no records yet."
    example = "coffeechat createuser maya && coffeechat restore coffeechat-export.json --user maya"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "file", metavar="FILE",
            help="a file written by `coffeechat export json`, or - for stdin",
        )  # fmt: skip
        parser.add_argument(
            "--user", help="the account to fill, which must own no records yet "
            "(may be left out when there is one user)",
        )  # fmt: skip

    def handle(self, *args: Any, file: str, user: str | None, **options: Any) -> None:
        name = "standard input" if file == "-" else file
        try:
            document = read_document(file, stdin=sys.stdin)
        except InvalidExport as error:
            raise CommandError(f"{name} {error}") from None
        owner = pick_user(user)
        try:
            restored = restore(owner, document)
        except InvalidExport as error:
            raise CommandError(f"{name}: {error}") from None
        except AccountNotEmpty as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Restored {restored.summary()} into {owner.get_username()}'s account.")
        if restored.needs_mail_password:
            self.stdout.write(
                "Exports never hold your mail server password: enter it again on the profile page."
            )
