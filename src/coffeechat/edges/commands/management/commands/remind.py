"""`coffeechat remind`: one pass of the morning digest, for cron.

It runs the routine the scheduler in `coffeechat serve` runs every minute, so a deployment may
use either or both: the DigestSent claim sends each digest once, whoever runs it.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import CommandError, CommandParser
from django.utils import timezone

from coffeechat.edges.commands.base import AlreadyReported, CoffeechatCommand
from coffeechat.foundation.accounts.models import User
from coffeechat.pages.reminders import digest


class Command(CoffeechatCommand):
    help = (
        "Send the morning digest to each user whose hour has come (once a day, for cron; "
        "`coffeechat serve` does it by itself)."
    )
    example = (
        "coffeechat remind --user maya --dry-run\n"
        "  */10 * * * *  coffeechat remind    # crontab line, when serve runs with "
        "COFFEECHAT_DIGEST_SCHEDULER=false"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--user",
            metavar="USERNAME",
            help="only this user; a digest that failed earlier today is tried again at once",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="say what would be sent; send and record nothing"
        )

    def handle(self, *args: Any, user: str | None, dry_run: bool, **options: Any) -> None:
        usernames = [user] if user else None
        if user and not User.objects.filter(username=user).exists():
            raise CommandError(f"no user named {user!r}")
        users = digest.wanting(usernames)
        if not users:
            self.stdout.write("No one wants a morning digest: it is off on every profile.")
            return
        # Nobody has a way to send: one line for cron's mail, not one per user.
        if not settings.EMAIL_HOST and len(digest.missing_server(users)) == len(users):
            raise CommandError(digest.NO_SERVER)
        # From cron, a failed send waits 15 minutes like the server's own scheduler, so a wrong
        # password isn't tried every run; naming the user is asking for it to be tried now.
        outcomes = digest.run(
            timezone.now(), usernames=usernames, retry_failed=bool(user), dry_run=dry_run
        )
        for outcome in outcomes:
            if outcome.failed:
                self.stderr.write(f"coffeechat remind: error: {outcome.line()}")
            else:
                self.stdout.write(outcome.line())
        if any(outcome.failed for outcome in outcomes):
            raise AlreadyReported
