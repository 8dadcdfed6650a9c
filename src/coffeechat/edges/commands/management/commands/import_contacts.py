"""`coffeechat import`: the web page's import, in a terminal (named `import_contacts` here:
`import` is a Python keyword).

Prints `added N, updated N, unchanged N, skipped N` and a line for each skipped row. A file
with bad rows is refused as a whole (exit status 1, the problems listed by line) unless
--skip-bad-rows is given.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser

from coffeechat.edges.commands.base import CoffeechatCommand
from coffeechat.edges.commands.users import pick_user
from coffeechat.edges.imports.services import import_file
from coffeechat.edges.imports.uploads import too_big
from coffeechat.method.importers import KINDS, CutShortError, ImportFileError, with_problems


def read_file(file: str) -> tuple[str, bytes]:
    """The file's name and bytes; a file over the upload cap is refused before it is read."""
    path = Path(file)
    try:
        # Checked before reading: a file of gigabytes would fill the memory first.
        refusal = too_big(path.name, path.stat().st_size) if path.is_file() else None
        if refusal:
            raise CommandError(
                f"{refusal} Split it into smaller files, or set COFFEECHAT_MAX_UPLOAD_MB higher."
            )
        return path.name, path.read_bytes()
    except OSError as error:
        raise CommandError(f"cannot read {file}: {error.strerror or error}") from None


class Command(CoffeechatCommand):
    help = (
        "Import contacts from a LinkedIn, Google Contacts or Outlook CSV export, a vCard file "
        "or Coffeechat's own contacts.csv; all or nothing, and importing the same file twice "
        "changes nothing."
    )
    example = (
        "coffeechat import linkedin Connections.csv --user maya --dry-run\n"
        "  coffeechat import vcard contacts.vcf --skip-bad-rows\n"
        "  coffeechat import linkedin Connections.csv --complete-only"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "kind", choices=KINDS,
            help="where the file comes from: linkedin (Connections.csv), google or outlook "
            "(CSV), vcard (.vcf), coffeechat (contacts.csv from `coffeechat export` or Your "
            "data)",
        )  # fmt: skip
        parser.add_argument("file", metavar="FILE", help="the exported file")
        parser.add_argument(
            "--user", help="whose contacts (may be left out when there is one user)"
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="show what the import would do; write nothing"
        )
        parser.add_argument(
            "--skip-bad-rows", action="store_true",
            help="import the good rows of a file that has bad ones, listing the bad ones as "
            "skipped",
        )  # fmt: skip
        parser.add_argument(
            "--complete-only", action="store_true",
            help="for a file cut short (it ends inside a row or a card): import the complete "
            "rows and leave the last one out",
        )  # fmt: skip

    def handle(
        self, *args: Any, kind: str, file: str, user: str | None, dry_run: bool,
        skip_bad_rows: bool, complete_only: bool, **options: Any,
    ) -> None:  # fmt: skip
        owner = pick_user(user)
        name, data = read_file(file)
        try:
            report = import_file(
                owner, kind, data, name, dry_run=dry_run, skip_bad_rows=skip_bad_rows,
                complete_only=complete_only,
            )  # fmt: skip
        except CutShortError as error:
            raise CommandError(f"{error} (--complete-only)") from None
        except ImportFileError as error:
            raise CommandError(str(error)) from None
        if report.refused:
            for problem in report.problems:
                self.stdout.write(f"problem: {problem}")
            count = len(report.problems)
            unit = "cards" if kind == "vcard" else "rows"
            raise CommandError(
                f"nothing imported: {with_problems(count, kind, name)} (listed above); fix the "
                f"file, or run again with --skip-bad-rows to import the other {unit}"
            )
        self.stdout.write(report.summary())
        for skipped in report.skipped:
            self.stdout.write(f"skipped {skipped}")
        if dry_run:
            self.stdout.write("Dry run: nothing was written.")
