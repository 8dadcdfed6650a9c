"""The `coffeechat` command: thin over the same services the web pages use."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable, Sequence

EPILOG = """examples:
  coffeechat migrate                      create or update the database (every command does)
  coffeechat serve                        serve on http://127.0.0.1:8000
  coffeechat serve --host 0.0.0.0 --port 8080
  echo 'a long passphrase' | coffeechat createuser maya
  coffeechat today --user maya --json
  coffeechat remind                       send the morning digests that are due (cron)
  coffeechat import linkedin Connections.csv --dry-run
  coffeechat export json > coffeechat-export.json
  coffeechat backup

Data lives in $COFFEECHAT_HOME (default ~/.local/share/coffeechat);
set DATABASE_URL=postgres://... to use PostgreSQL instead. Any command creates the
database, or upgrades it after a newer Coffeechat is installed, backing up the previous one
into $COFFEECHAT_HOME/backups/before-upgrade first.
"""


class CommandFailed(Exception):
    """A failure to report as one line, with a non-zero exit status."""


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coffeechat.settings")
    import django

    django.setup()


def _bring_database_up_to_date(*, verbosity: int = 0) -> None:
    from coffeechat.edges.upgrade import UpgradeFailed, bring_up_to_date

    try:
        upgrade = bring_up_to_date(verbosity=verbosity)
    except UpgradeFailed as error:
        raise CommandFailed(str(error)) from None
    if upgrade.line():
        # Standard error: standard output may be a JSON list or an export going to a file.
        print(upgrade.line(), file=sys.stderr, flush=True)


# Django's own commands about migrations must see the database as it is, not upgraded first.
MANAGE_AS_IS = frozenset(
    {"migrate", "makemigrations", "showmigrations", "sqlmigrate", "squashmigrations",
     "optimizemigration", "dbshell", "inspectdb", "help"}
)  # fmt: skip


def _upgrades_first(args: argparse.Namespace) -> bool:
    if not getattr(args, "needs_django", True) or args.command == "migrate":
        return False
    if args.command == "manage":
        rest = [word for word in args.rest if not word.startswith("-")]
        return bool(rest) and rest[0] not in MANAGE_AS_IS
    return True


def _pick_user(username: str | None) -> object:
    from coffeechat.foundation.accounts.models import User

    if username:
        try:
            return User.objects.select_related("profile").get(username=username)
        except User.DoesNotExist:
            raise CommandFailed(f"no user named {username!r}") from None
    users = list(User.objects.select_related("profile")[:2])
    if not users:
        raise CommandFailed(
            "there are no users yet: run `coffeechat serve` and open the setup link"
        )
    if len(users) > 1:
        raise CommandFailed("there are several users: say which with --user USERNAME")
    return users[0]


def cmd_serve(args: argparse.Namespace) -> int:
    from coffeechat.edges import server

    server.serve(host=args.host, port=args.port, threads=args.threads)
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    # The same step every other command takes first, so an upgrade made here is backed up too.
    _bring_database_up_to_date(verbosity=1 if args.verbose else 0)
    print("Database is up to date.")
    return 0


def _read_password() -> str:
    if sys.stdin.isatty():
        first = getpass.getpass("Password (at least 12 characters): ")
        if first != getpass.getpass("Password (again): "):
            raise CommandFailed("the two passwords differ")
        return first
    return sys.stdin.readline().rstrip("\r\n")


def cmd_createuser(args: argparse.Namespace) -> int:
    from django.core.exceptions import ValidationError

    from coffeechat.foundation.accounts.services import create_user

    password = _read_password()
    try:
        create_user(username=args.username, password=password, email=args.email)
    except ValidationError as error:
        raise CommandFailed(" ".join(error.messages)) from None
    print(f"Created user {args.username}.")
    return 0


def cmd_today(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from django.utils import timezone

    from coffeechat.pages.research.queries import next_moves_for
    from coffeechat.pages.today.queries import today_items

    user = _pick_user(args.user)
    now = timezone.now()
    tz = user.profile.tz()
    today = timezone.localdate(now, timezone=tz)
    items = today_items(user, now)
    moves = next_moves_for(user)
    if args.json:
        listed = [item.as_dict(today, now) for item in items]
        # After what is due, as on the web page: the next moves for the top 5 targets.
        listed += [{**asdict(move), "kind": move.move.value, "section": "next"} for move in moves]
        print(json.dumps(listed, indent=2))
        return 0
    if not items and not moves:
        print("Nothing due. Research an organization or write to someone new.")
        return 0
    if not items:
        print("Nothing due.")
    for item in items:
        section = item.section(today, now).value.upper()
        moment = item.at or item.deadline
        stamp = f"{moment.astimezone(tz):%Y-%m-%d %H:%M}" if moment else item.due.isoformat()
        print(f"{section:<9} {stamp:<16}  {item.title}")
        if item.detail:
            print(f"{'':<28}{item.detail}")
    for move in moves:
        print(f"{'NEXT':<9} {'':<16}  {move.title}")
        print(f"{'':<28}{move.detail}")
    return 0


def cmd_check_message(args: argparse.Namespace) -> int:
    # Plain Python over a text file: no database, so main() skips Django for this command.
    from pathlib import Path

    from coffeechat.method.checker import RULE_SETS, Severity, check_message, parse_draft

    try:
        text = sys.stdin.read() if args.file == "-" else Path(args.file).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise CommandFailed(f"cannot read {args.file}: {reason}") from None
    subject, body = parse_draft(text)
    findings = check_message(
        body,
        subject=subject,
        rules=RULE_SETS[args.rules],
        channel=args.channel,
        purpose=args.purpose,
        first_name=args.first_name,
        last_name=args.last_name,
        connection_names=tuple(args.connection),
    )
    if args.json:
        print(json.dumps([finding.as_dict() for finding in findings], indent=2, ensure_ascii=False))
    else:
        for finding in findings:
            print(f"{finding.severity}: {finding.rule}: {finding.message}")
    has_problems = any(finding.severity == Severity.PROBLEM for finding in findings)
    if not has_problems and not args.json:
        print("No problems found.")
    return 1 if has_problems else 0


def cmd_manage(args: argparse.Namespace) -> int:
    from django.core.management import execute_from_command_line

    execute_from_command_line(["coffeechat manage", *args.rest])
    return 0


def _add_records_commands(command: Callable[..., argparse.ArgumentParser]) -> None:
    """Your records in and out: the commands live beside the code they drive."""
    from coffeechat.edges.commands import imports as network
    from coffeechat.edges.commands import records

    imports = command("import", network.run_import, network.IMPORT_HELP, network.IMPORT_EXAMPLE)
    network.add_import_arguments(imports)

    export = command("export", records.run_export, records.EXPORT_HELP, records.EXPORT_EXAMPLE)
    records.add_export_arguments(export)
    restore = command("restore", records.run_restore, records.RESTORE_HELP, records.RESTORE_EXAMPLE)
    records.add_restore_arguments(restore)
    backup = command("backup", records.run_backup, records.BACKUP_HELP, records.BACKUP_EXAMPLE)
    records.add_backup_arguments(backup)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="coffeechat",
        description="Coffeechat runs your informational-interview practice: research, people, "
        "outreach, preparation, conversations and follow-ups.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def command(
        name: str, handler: Callable, summary: str, example: str
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name,
            help=summary,
            description=summary,
            epilog=f"example:\n  {example}",
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        sub.set_defaults(handler=handler)
        return sub

    serve = command(
        "serve", cmd_serve, "Serve the web app (waitress, static files included).",
        "coffeechat serve --port 8000",
    )  # fmt: skip
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)"
    )
    serve.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    serve.add_argument("--threads", type=int, default=8, help="worker threads (default 8)")

    migrate = command(
        "migrate", cmd_migrate,
        "Create or update the database tables (every command does this by itself first; "
        "an existing database is backed up before an upgrade).",
        "coffeechat migrate",
    )  # fmt: skip
    migrate.add_argument("--verbose", action="store_true", help="list each migration applied")

    createuser = command(
        "createuser", cmd_createuser,
        "Create a user; asks for the password, or reads one line from standard input.",
        "echo 'correct horse battery staple' | coffeechat createuser maya",
    )  # fmt: skip
    createuser.add_argument("username")
    createuser.add_argument("--email", default="", help="the user's e-mail address")

    today = command(
        "today", cmd_today,
        "Print the Today list: what is due, overdue and coming up, most urgent first, then "
        "the next moves for your top 5 target organizations.",
        "coffeechat today --user maya --json",
    )  # fmt: skip
    today.add_argument("--user", help="whose list (may be left out when there is one user)")
    today.add_argument("--json", action="store_true", help="print the items as a JSON list")

    from coffeechat.edges.commands import reminders

    remind = command(
        "remind", reminders.run_remind, reminders.REMIND_HELP, reminders.REMIND_EXAMPLE
    )
    reminders.add_remind_arguments(remind)

    check = command(
        "check-message", cmd_check_message,
        "Check a draft message against the method's rules; exits 1 if there is a problem.",
        "coffeechat check-message draft.txt --rules strict --first-name Priya\n"
        "  pbpaste | coffeechat check-message - --channel linkedin --json",
    )  # fmt: skip
    check.set_defaults(needs_django=False)
    check.add_argument(
        "file", metavar="FILE",
        help="the draft, or - for standard input; a first line 'Subject: ...' is the subject",
    )  # fmt: skip
    check.add_argument("--json", action="store_true", help="print the findings as a JSON list")
    check.add_argument(
        "--rules", choices=["classic", "strict"], default="classic",
        help="classic: under 100 words; strict: under 75, the ask a question, mostly about "
        "them (default classic)",
    )  # fmt: skip
    check.add_argument(
        "--channel", choices=["email", "linkedin"], default="email",
        help="linkedin: a connection note, 300 characters at most, no subject (default email)",
    )  # fmt: skip
    check.add_argument(
        "--purpose", choices=["request", "follow_up", "thank_you", "update"], default="request",
        help="what the message is for; length and ask rules apply to requests and follow-ups "
        "(default request)",
    )  # fmt: skip
    check.add_argument(
        "--first-name", default="", metavar="NAME",
        help="the recipient's first name, to check the greeting",
    )  # fmt: skip
    check.add_argument(
        "--last-name", default="", metavar="NAME",
        help="the recipient's surname, to check a greeting such as 'Dear Ms. Shah'",
    )  # fmt: skip
    check.add_argument(
        "--connection", action="append", default=[], metavar="NAME",
        help="someone who referred or introduced you (may be repeated)",
    )  # fmt: skip

    _add_records_commands(command)

    manage = command(
        "manage", cmd_manage, "Run a Django management command (for administrators).",
        "coffeechat manage check --deploy",
    )  # fmt: skip
    manage.add_argument("rest", nargs=argparse.REMAINDER, help="the command and its arguments")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if getattr(args, "needs_django", True):
            _setup_django()
        if _upgrades_first(args):
            _bring_database_up_to_date()
        return args.handler(args)
    except CommandFailed as error:
        print(f"coffeechat {args.command}: error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # one clear line instead of a traceback
        from django.core.exceptions import ImproperlyConfigured
        from django.db import DatabaseError

        if isinstance(error, ImproperlyConfigured | DatabaseError | OSError):
            print(f"coffeechat {args.command}: error: {error}", file=sys.stderr)
            return 1
        raise
