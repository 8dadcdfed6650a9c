"""`coffeechat export`: everything as JSON, or one spreadsheet or address book file."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from io import TextIOBase
from typing import Any

from django.core.management.base import CommandError, CommandParser

from coffeechat.edges.commands.base import CoffeechatCommand
from coffeechat.edges.commands.users import pick_user
from coffeechat.edges.records.export import ForeignReference, write_export
from coffeechat.edges.records.tables import TABLES, write_table
from coffeechat.edges.records.vcards import vcards
from coffeechat.foundation.accounts.models import User

FORMATS = ("json", "contacts.csv", "organizations.csv", "conversations.csv", "contacts.vcf")


def writer(name: str, user: User) -> Callable[[TextIOBase], None]:
    """What writes the format `name` of the user's records to a text stream."""
    if name == "json":
        return lambda out: write_export(user, out)
    if name == "contacts.vcf":
        return lambda out: out.writelines(vcards(user))
    table = TABLES[name.removesuffix(".csv")]
    return lambda out: write_table(table, user, out)


@contextlib.contextmanager
def output_to(path: str | None, stdout: TextIOBase) -> Iterator[TextIOBase]:
    """The file at `path`, or standard output for none or `-`."""
    if path is None or path == "-":
        yield stdout
        return
    try:
        # newline="" keeps the CSV files' CRLF line ends as they are.
        with open(path, "w", encoding="utf-8", newline="") as file:
            yield file
    except OSError as error:
        raise CommandError(f"cannot write {path}: {error.strerror or error}") from None


class Command(CoffeechatCommand):
    help = "Export your records: everything as JSON, or a spreadsheet (CSV) or vCard file."
    example = (
        "coffeechat export json --user maya > coffeechat-export.json\n"
        "  coffeechat export contacts.csv --output contacts.csv"
    )

    def add_arguments(self, parser: CommandParser) -> None:
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

    def handle(self, *args: Any, user: str | None, output: str | None, **options: Any) -> None:
        write = writer(options["format"], pick_user(user))
        # The export goes out as written, line ends and all: no line end added per write.
        self.stdout.ending = ""
        with output_to(output, self.stdout) as out:
            try:
                write(out)
            except ForeignReference as error:
                raise CommandError(f"the database is inconsistent: {error}") from None
