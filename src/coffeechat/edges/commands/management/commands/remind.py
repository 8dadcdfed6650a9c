"""`coffeechat remind`: one pass of the scheduled messages and the morning digest, for cron.

It runs the routines the scheduler in `coffeechat serve` runs every minute, so a deployment may
use either or both: each scheduled message and each digest is claimed before it is sent, so it
goes once, whoever runs it.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import CommandError, CommandParser
from django.utils import timezone

from coffeechat.edges.commands.base import AlreadyReported, CoffeechatCommand
from coffeechat.foundation.accounts.models import User
from coffeechat.pages.reminders import digest
from coffeechat.pipeline.services import scheduled


class Command(CoffeechatCommand):
    help = (
        'Send the messages scheduled with "Send later" whose moment has come, and the morning '
        "digest to each user whose hour has come (once a day), for cron; `coffeechat serve` "
        "does both by itself."
    )
    example = (
        "coffeechat remind --user maya --dry-run\n"
        "  * * * * *  coffeechat remind    # crontab line, when serve runs with "
        "COFFEECHAT_DIGEST_SCHEDULER=false"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--user",
            metavar="USERNAME",
            help=(
                "only this user (their scheduled messages and digest); a digest that failed "
                "earlier today is tried again at once"
            ),
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="say what would be sent; send and record nothing"
        )

    def handle(self, *args: Any, user: str | None, dry_run: bool, **options: Any) -> None:
        usernames = [user] if user else None
        if user and not User.objects.filter(username=user).exists():
            raise CommandError(f"no user named {user!r}")
        sent_ok = self._scheduled(user, dry_run=dry_run)
        users = digest.wanting(usernames)
        if not users:
            self.stdout.write("No one wants a morning digest: it is off on every profile.")
            if not sent_ok:
                raise AlreadyReported
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
        if any(outcome.failed for outcome in outcomes) or not sent_ok:
            raise AlreadyReported

    def _scheduled(self, username: str | None, *, dry_run: bool) -> bool:
        """Send the scheduled messages that are due; False when one failed for good."""
        users = list(User.objects.filter(username=username)) if username else None
        now = timezone.now()
        if dry_run:
            for item in scheduled.due(now, [u.pk for u in users] if users else None):
                self.stdout.write(
                    f"{item.owner.get_username()}: would send the scheduled "
                    f"{item.get_purpose_display().lower()} to {item.contact.full_name}"
                )
            return True
        outcomes = scheduled.send_due(now, users=users)
        for outcome in outcomes:
            if outcome.sent:
                self.stdout.write(outcome.line())
            else:
                self.stderr.write(f"coffeechat remind: error: {outcome.line()}")
        return not any(outcome.gave_up for outcome in outcomes)
