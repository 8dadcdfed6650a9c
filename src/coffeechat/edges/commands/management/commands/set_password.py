"""`coffeechat changepassword` (named set_password here: Django's own changepassword keeps its
name under `coffeechat manage`): an administrator sets a user's password (one who forgot theirs
where the server sends no e-mail). Every session of that user ends."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError, CommandParser

from coffeechat.edges.commands.base import CoffeechatCommand
from coffeechat.edges.commands.management.commands.createuser import read_password
from coffeechat.edges.commands.users import pick_user
from coffeechat.foundation.accounts.services import set_new_password


class Command(CoffeechatCommand):
    help = (
        "Set a user's password; asks for it twice, or reads one line from standard input. "
        "The user is logged out everywhere."
    )
    example = "coffeechat changepassword maya"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, username: str, **options: Any) -> None:
        user = pick_user(username)
        password = read_password()
        try:
            set_new_password(user, password)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        self.stdout.write(
            f"Changed the password of {user.username}; they are logged out everywhere."
        )
