"""`coffeechat createuser`."""

from __future__ import annotations

import getpass
import sys
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError, CommandParser

from coffeechat.edges.commands.base import CoffeechatCommand
from coffeechat.foundation.accounts.services import create_user


def read_password() -> str:
    """Asked twice at a terminal; otherwise the first line of standard input (for scripts)."""
    if sys.stdin.isatty():
        first = getpass.getpass("Password (at least 12 characters): ")
        if first != getpass.getpass("Password (again): "):
            raise CommandError("the two passwords differ")
        return first
    return sys.stdin.readline().rstrip("\r\n")


class Command(CoffeechatCommand):
    help = "Create a user; asks for the password, or reads one line from standard input."
    example = "echo 'correct horse battery staple' | coffeechat createuser maya"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--email", default="", help="the user's e-mail address")

    def handle(self, *args: Any, username: str, email: str, **options: Any) -> None:
        password = read_password()
        try:
            create_user(username=username, password=password, email=email)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        self.stdout.write(f"Created user {username}.")
