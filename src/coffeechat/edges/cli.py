"""The `coffeechat` command: a thin entry point over Django management commands.

Each command lives in coffeechat/edges/commands/management/commands/ (`coffeechat manage NAME`
reaches the same ones). This module sets Django up (not for check-message, which needs no
database), brings the database up to date first, runs the command, and turns a failure into
one line on standard error and a non-zero exit status.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

import django
from django.core.exceptions import ImproperlyConfigured
from django.core.management import execute_from_command_line, load_command_class
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from coffeechat.edges.commands.database import bring_up_to_date

APP = "coffeechat.edges.commands"
# What people type, in the order `coffeechat --help` lists it, and the management command each
# runs. Three names differ: Django's own `migrate` and `changepassword` must stay reachable
# under `coffeechat manage`, and `import` is a Python keyword.
COMMANDS = {
    "serve": "serve",
    "migrate": "upgrade",
    "createuser": "createuser",
    "changepassword": "set_password",
    "today": "today",
    "search": "search",
    "remind": "remind",
    "check-message": "check_message",
    "import": "import_contacts",
    "export": "export",
    "restore": "restore",
    "backup": "backup",
    "rebuild-search-index": "rebuild_search_index",
}
# Plain Python over a text file: it runs without Django set up, so without a database.
WITHOUT_DJANGO = frozenset({"check-message"})
# The migrate command brings the database up to date itself, reporting each step if asked.
UPGRADES_ITSELF = frozenset({"migrate"})
# Django's own commands about migrations must see the database as it is, not upgraded first.
MANAGE_AS_IS = frozenset(
    {"migrate", "makemigrations", "showmigrations", "sqlmigrate", "squashmigrations",
     "optimizemigration", "dbshell", "inspectdb", "help"}
)  # fmt: skip
MANAGE_SUMMARY = "Run a Django management command (for administrators)."
MANAGE_EXAMPLE = "coffeechat manage check --deploy"

DESCRIPTION = (
    "Coffeechat runs your informational-interview practice: research, people, outreach, "
    "preparation, conversations and follow-ups."
)
EPILOG = """examples:
  coffeechat migrate                      create or update the database (every command does)
  coffeechat serve                        serve on http://127.0.0.1:8000
  coffeechat serve --host 0.0.0.0 --port 8080
  echo 'a long passphrase' | coffeechat createuser maya
  coffeechat changepassword maya          set a password for someone who forgot theirs
  coffeechat today --user maya --json
  coffeechat search hernandez --user maya
  coffeechat remind                       send the morning digests that are due (cron)
  coffeechat import linkedin Connections.csv --dry-run
  coffeechat export json > coffeechat-export.json
  coffeechat backup

Run `coffeechat COMMAND --help` for a command's options and an example.
Data lives in $COFFEECHAT_HOME (default ~/.local/share/coffeechat);
set DATABASE_URL=postgres://... to use PostgreSQL instead. Any command creates the
database, or upgrades it after a newer Coffeechat is installed, backing up the previous one
into $COFFEECHAT_HOME/backups/before-upgrade first.
"""


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coffeechat.settings")
    django.setup()


def load(name: str) -> BaseCommand:
    """The management command behind `coffeechat NAME` (Django set up first, but for
    check-message)."""
    command = load_command_class(APP, COMMANDS[name])
    # As `manage.py` does: a usage error prints the usage and exits 2 instead of raising.
    command._called_from_command_line = True  # type: ignore[attr-defined]  # not in the stubs
    return command


def build_parser() -> argparse.ArgumentParser:
    """`coffeechat --help`: every command with its summary, which comes from the command."""
    parser = argparse.ArgumentParser(
        prog="coffeechat",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    listed = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        listed.add_parser(name, help=load(name).help, add_help=False)
    listed.add_parser("manage", help=MANAGE_SUMMARY, add_help=False)
    return parser


def _manage_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="coffeechat manage",
        description=MANAGE_SUMMARY,
        epilog=f"example:\n  {MANAGE_EXAMPLE}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("rest", nargs=argparse.REMAINDER, help="the command and its arguments")
    return parser


def _run(name: str, argv: list[str]) -> None:
    if name not in WITHOUT_DJANGO:
        _setup_django()
    command = load(name)
    options = vars(command.create_parser("coffeechat", name).parse_args(argv))
    if name not in WITHOUT_DJANGO | UPGRADES_ITSELF:
        bring_up_to_date()
    command.execute(*options.pop("args", ()), **options)


def _manage(argv: list[str]) -> None:
    rest = _manage_parser().parse_args(argv).rest
    _setup_django()
    words = [word for word in rest if not word.startswith("-")]
    if words and words[0] not in MANAGE_AS_IS:
        bring_up_to_date()
    execute_from_command_line(["coffeechat manage", *rest])


def main(argv: Sequence[str] | None = None) -> int:
    """Run `coffeechat ARGV...` and return its exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    name = argv[0] if argv else ""
    said = f"coffeechat {name}" if name in COMMANDS or name == "manage" else "coffeechat"
    try:
        if name in COMMANDS:
            _run(name, argv[1:])
        elif name == "manage":
            _manage(argv[1:])
        else:
            _setup_django()  # the summaries in the help come from the commands
            build_parser().parse_args(argv)  # the help, or a usage error: both exit
        return 0
    except CommandError as error:
        if str(error):  # empty when the command has said why already
            print(f"{said}: error: {error}", file=sys.stderr)
        return error.returncode
    except KeyboardInterrupt:
        return 130
    except (ImproperlyConfigured, DatabaseError, OSError) as error:
        # One clear line instead of a traceback.
        print(f"{said}: error: {error}", file=sys.stderr)
        return 1
