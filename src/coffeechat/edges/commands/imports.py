"""`coffeechat import`: the web page's import, in a terminal (wired into cli.py).

    coffeechat import linkedin Connections.csv --user maya --dry-run

Prints `added N, updated N, unchanged N, skipped N` and a line for each skipped row. A file
with bad rows is refused as a whole (exit status 1, the problems listed by line) unless
--skip-bad-rows is given.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from coffeechat.method.importers import KINDS

IMPORT_HELP = (
    "Import contacts from a LinkedIn, Google Contacts or Outlook CSV export, a vCard file or "
    "Coffeechat's own contacts.csv; all or nothing, and importing the same file twice changes "
    "nothing."
)
IMPORT_EXAMPLE = (
    "coffeechat import linkedin Connections.csv --user maya --dry-run\n"
    "  coffeechat import vcard contacts.vcf --skip-bad-rows"
)


def add_import_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "kind", choices=KINDS,
        help="where the file comes from: linkedin (Connections.csv), google or outlook (CSV), "
        "vcard (.vcf), coffeechat (contacts.csv from `coffeechat export` or Your data)",
    )  # fmt: skip
    parser.add_argument("file", metavar="FILE", help="the exported file")
    parser.add_argument("--user", help="whose contacts (may be left out when there is one user)")
    parser.add_argument(
        "--dry-run", action="store_true", help="show what the import would do; write nothing"
    )
    parser.add_argument(
        "--skip-bad-rows", action="store_true",
        help="import the good rows of a file that has bad ones, listing the bad ones as skipped",
    )  # fmt: skip


def run_import(args: argparse.Namespace) -> int:
    from coffeechat.edges.cli import CommandFailed, _pick_user
    from coffeechat.edges.imports.services import import_file
    from coffeechat.edges.imports.uploads import too_big
    from coffeechat.method.importers import ImportFileError

    user = _pick_user(args.user)
    path = Path(args.file)
    try:
        # Checked before reading: a file of gigabytes would fill the memory first.
        refusal = too_big(path.name, path.stat().st_size) if path.is_file() else None
        if refusal:
            raise CommandFailed(
                f"{refusal} Split it into smaller files, or set COFFEECHAT_MAX_UPLOAD_MB higher."
            )
        data = path.read_bytes()
    except OSError as error:
        raise CommandFailed(f"cannot read {args.file}: {error.strerror or error}") from None
    try:
        report = import_file(
            user, args.kind, data, path.name, dry_run=args.dry_run,
            skip_bad_rows=args.skip_bad_rows,
        )  # fmt: skip
    except ImportFileError as error:
        raise CommandFailed(str(error)) from None
    if report.refused:
        for problem in report.problems:
            print(f"problem: {problem}")
        count = len(report.problems)
        raise CommandFailed(
            f"nothing imported: {count} row{'s' if count != 1 else ''} of {path.name} "
            f"{'have' if count != 1 else 'has'} problems (listed above); fix the file, or run "
            "again with --skip-bad-rows to import the other rows"
        )
    print(report.summary())
    for skipped in report.skipped:
        print(f"skipped {skipped}")
    if args.dry_run:
        print("Dry run: nothing was written.")
    return 0
