"""`coffeechat remind`: one pass of the morning digest, for cron; argparse hooks for cli.py.

It runs the routine the scheduler in `coffeechat serve` runs every minute, so a deployment may
use either or both: the DigestSent claim sends each digest once, whoever runs it.
"""

from __future__ import annotations

import argparse
import sys

REMIND_HELP = (
    "Send the morning digest to each user whose hour has come (once a day, for cron; "
    "`coffeechat serve` does it by itself)."
)
REMIND_EXAMPLE = (
    "coffeechat remind --user maya --dry-run\n"
    "  */10 * * * *  coffeechat remind    # crontab line, when serve runs with "
    "COFFEECHAT_DIGEST_SCHEDULER=false"
)


def add_remind_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--user",
        metavar="USERNAME",
        help="only this user; a digest that failed earlier today is tried again at once",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="say what would be sent; send and record nothing"
    )


def run_remind(args: argparse.Namespace) -> int:
    from django.conf import settings
    from django.utils import timezone

    from coffeechat.edges.cli import CommandFailed
    from coffeechat.foundation.accounts.models import User
    from coffeechat.pages.reminders import digest

    usernames = [args.user] if args.user else None
    if args.user and not User.objects.filter(username=args.user).exists():
        raise CommandFailed(f"no user named {args.user!r}")
    users = digest.wanting(usernames)
    if not users:
        print("No one wants a morning digest: it is off on every profile.")
        return 0
    # Nobody has a way to send: one line for cron's mail, not one per user.
    if not settings.EMAIL_HOST and len(digest.missing_server(users)) == len(users):
        raise CommandFailed(digest.NO_SERVER)
    # From cron, a failed send waits 15 minutes like the server's own scheduler, so a wrong
    # password isn't tried every run; naming the user is asking for it to be tried now.
    outcomes = digest.run(
        timezone.now(), usernames=usernames, retry_failed=bool(args.user), dry_run=args.dry_run
    )
    for outcome in outcomes:
        if outcome.failed:
            print(f"coffeechat remind: error: {outcome.line()}", file=sys.stderr)
        else:
            print(outcome.line())
    return 1 if any(outcome.failed for outcome in outcomes) else 0
