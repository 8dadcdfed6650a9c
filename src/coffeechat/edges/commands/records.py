"""`coffeechat export`, `coffeechat restore` and `coffeechat backup`: argparse hooks for cli.py.

Each `add_*_arguments` fills the command's subparser, each `run_*` runs it with Django set up
and returns the exit status; one-line failures are raised as coffeechat.edges.cli.CommandFailed.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

EXPORT_HELP = "Export your records: everything as JSON, or a spreadsheet (CSV) or vCard file."
EXPORT_EXAMPLE = (
    "coffeechat export json --user maya > coffeechat-export.json\n"
    "  coffeechat export contacts.csv --output contacts.csv"
)
RESTORE_HELP = "Restore a JSON export into an account that owns no records yet."
RESTORE_EXAMPLE = (
    "coffeechat createuser maya && coffeechat restore coffeechat-export.json --user maya"
)
BACKUP_HELP = (
    "Back up the SQLite database while the server runs, keeping the newest few; prints the path."
)
BACKUP_EXAMPLE = "coffeechat backup --keep 14"

FORMATS = ("json", "contacts.csv", "organizations.csv", "conversations.csv", "contacts.vcf")


def _writer(name: str, user: object) -> Callable[[TextIO], None]:
    from coffeechat.edges.records.export import write_export
    from coffeechat.edges.records.tables import TABLES, write_table
    from coffeechat.edges.records.vcards import vcards

    if name == "json":
        return lambda out: write_export(user, out)
    if name == "contacts.vcf":
        return lambda out: out.writelines(vcards(user))
    table = TABLES[name.removesuffix(".csv")]
    return lambda out: write_table(table, user, out)


@contextlib.contextmanager
def _output(path: str | None) -> Iterator[TextIO]:
    if path is None or path == "-":
        yield sys.stdout
        return
    from coffeechat.edges.cli import CommandFailed

    try:
        # newline="" keeps the CSV files' CRLF line ends as they are.
        with open(path, "w", encoding="utf-8", newline="") as file:
            yield file
    except OSError as error:
        raise CommandFailed(f"cannot write {path}: {error.strerror or error}") from None


def add_export_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "format", choices=FORMATS, metavar="FORMAT",
        help="json: everything you own, to restore or keep (docs/export-format.md); "
        "contacts.csv, organizations.csv, conversations.csv: for a spreadsheet; "
        "contacts.vcf: vCard 3.0 for an address book",
    )  # fmt: skip
    parser.add_argument("--user", help="whose records (may be left out when there is one user)")
    parser.add_argument(
        "--output", "-o", metavar="FILE", help="write to FILE instead of standard output"
    )


def run_export(args: argparse.Namespace) -> int:
    from coffeechat.edges.cli import CommandFailed, _pick_user
    from coffeechat.edges.records.export import ForeignReference

    user = _pick_user(args.user)
    write = _writer(args.format, user)
    with _output(args.output) as out:
        try:
            write(out)
        except ForeignReference as error:
            raise CommandFailed(f"the database is inconsistent: {error}") from None
    return 0


def add_restore_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file", metavar="FILE", help="a file written by `coffeechat export json`, or - for stdin"
    )
    parser.add_argument(
        "--user", help="the account to fill, which must own no records yet "
        "(may be left out when there is one user)",
    )  # fmt: skip


def run_restore(args: argparse.Namespace) -> int:
    from coffeechat.edges.cli import CommandFailed, _pick_user
    from coffeechat.edges.records.restore import (
        AccountNotEmpty,
        InvalidExport,
        read_document,
        restore,
    )

    name = "standard input" if args.file == "-" else args.file
    try:
        document = read_document(args.file, stdin=sys.stdin)
    except InvalidExport as error:
        raise CommandFailed(f"{name} {error}") from None
    user = _pick_user(args.user)
    try:
        restored = restore(user, document)
    except InvalidExport as error:
        raise CommandFailed(f"{name}: {error}") from None
    except AccountNotEmpty as error:
        raise CommandFailed(str(error)) from None
    print(f"Restored {restored.summary()} into {user.get_username()}'s account.")
    if restored.needs_mail_password:
        print("Exports never hold your mail server password: enter it again on the profile page.")
    return 0


def _at_least_one(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("keep at least 1 backup")
    return value


def add_backup_arguments(parser: argparse.ArgumentParser) -> None:
    from coffeechat.edges.records.backup import DEFAULT_KEEP

    parser.add_argument(
        "directory", metavar="DIR", nargs="?",
        help="where to put it (default: $COFFEECHAT_HOME/backups)",
    )  # fmt: skip
    parser.add_argument(
        "--keep", type=_at_least_one, default=DEFAULT_KEEP, metavar="N",
        help=f"keep the newest N backups made here, delete older ones (default {DEFAULT_KEEP})",
    )  # fmt: skip


def run_backup(args: argparse.Namespace) -> int:
    from django.conf import settings
    from django.db import connection

    from coffeechat.edges.cli import CommandFailed
    from coffeechat.edges.records.backup import BackupRefused, back_up, sqlite_path

    try:
        source = sqlite_path(connection.settings_dict, connection.vendor)
    except BackupRefused as error:
        raise CommandFailed(str(error)) from None
    directory = Path(args.directory) if args.directory else Path(settings.HOME) / "backups"
    path = back_up(source, directory, keep=args.keep, now=datetime.now(UTC))
    print(path)
    return 0
