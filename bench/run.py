"""How fast Coffeechat takes a network in and gives records out, as medians over several runs.

    .venv/bin/python bench/run.py                   # 30,000 connections, 5 runs
    .venv/bin/python bench/run.py --rows 5000 --runs 3

Measured, each run on a fresh SQLite database (migrated once, copied for every run) in a
temporary COFFEECHAT_HOME:

- importing a generated LinkedIn Connections.csv through the real parser and import service
  (coffeechat.method.importers, coffeechat.edges.imports.services.import_contacts);
- the floor: the same rows read with the csv module and inserted with plain sqlite3
  `executemany` in one transaction, organizations then contacts, into the same tables;
- the ratio between the two (the aim is within 3x);
- exporting a rich account to JSON and restoring it into an empty account
  (coffeechat.edges.records.export.write_export, coffeechat.edges.records.restore.restore).

Prints a Markdown table and keeps a copy in bench/results/latest.md (not versioned).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import os
import platform
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from generate import DEFAULT_SEED, build_account, connections_csv

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "latest.md"
AIM = 3.0
PASSWORD = "a long benchmark passphrase 42"


@dataclass
class Measure:
    """One thing timed over several runs: seconds per run and the rows each run handled."""

    label: str
    seconds: list[float] = field(default_factory=list)
    rows: int = 0
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def rate(self) -> float:
        return self.rows / self.median if self.median else 0.0


@contextlib.contextmanager
def timer(measure: Measure) -> Iterator[None]:
    started = time.perf_counter()
    yield
    measure.seconds.append(time.perf_counter() - started)


# The database ------------------------------------------------------------------------------


def set_up_django(home: Path) -> None:
    """Settings read the environment once: point them at a throwaway home and SQLite first."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "coffeechat.settings"
    os.environ["COFFEECHAT_HOME"] = str(home)
    os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()


def database_path() -> Path:
    from django.conf import settings

    return Path(settings.DATABASES["default"]["NAME"])


def _close() -> None:
    from django.db import connection

    connection.close()


def _remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def migrated_template(home: Path) -> Path:
    """An empty, migrated database to copy for each run (migrating every time is slow)."""
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    _close()
    template = home / "template.sqlite3"
    with sqlite3.connect(database_path()) as source, sqlite3.connect(template) as target:
        source.backup(target)
    return template


def fresh_database(template: Path) -> None:
    _close()
    path = database_path()
    _remove_database(path)
    shutil.copyfile(template, path)


def new_user(username: str) -> object:
    from coffeechat.foundation.accounts.services import create_user

    return create_user(username=username, password=PASSWORD)


# Import and its floor ----------------------------------------------------------------------


def importer() -> Callable[[object, bytes], int] | None:
    """The real import, parse included: returns how many contacts it created (None: missing)."""
    try:
        from coffeechat.edges.imports.services import import_contacts
        from coffeechat.method.importers import parse
    except ImportError:
        return None

    def run(owner: object, data: bytes) -> int:
        parsed = parse("linkedin", data, "Connections.csv")
        report = import_contacts(owner, "linkedin", parsed, skip_bad_rows=True)
        if report.problems or not report.written:
            raise RuntimeError(f"the import was refused: {report.problems[:3]}")
        return report.added

    return run


def floor_insert(path: Path, owner_id: int, text: str) -> int:
    """The least any import can do: read the CSV, insert organizations and contacts."""
    lines = io.StringIO(text)
    for line in lines:  # LinkedIn's "Notes:" preamble ends at the header
        if line.startswith("First Name,"):
            break
    now = datetime.now(UTC).isoformat(sep=" ")
    contacts, organizations = [], {}
    for first, last, url, email, company, position, connected in csv.reader(lines):
        if not (first or last):
            continue
        key = company.casefold()
        if company and key not in organizations:
            organizations[key] = (owner_id, now, now, company, "", "", "", 0, 1, "", False)
        day, month, year = connected.split()
        notes = f"Connected on LinkedIn on {int(day)} {month} {year}."
        contacts.append(
            [owner_id, now, now, first, last, email, "", url, key or None, position, notes]
        )
    connection = sqlite3.connect(path, isolation_level=None)
    # The settings' pragmas: the floor writes the way the app writes.
    connection.executescript(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
    )
    try:
        connection.execute("BEGIN IMMEDIATE")
        connection.executemany(
            "INSERT INTO research_organization (owner_id, created_at, updated_at, name, website,"
            " industry, location, motivation, posting, notes, is_target)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            organizations.values(),
        )
        ids = dict(
            connection.execute(
                "SELECT lower(name), id FROM research_organization WHERE owner_id = ?", (owner_id,)
            )
        )
        for row in contacts:
            row[8] = ids.get(row[8]) if row[8] else None
        connection.executemany(
            "INSERT INTO people_contact (owner_id, created_at, updated_at, first_name, last_name,"
            " email, phone, linkedin_url, organization_id, role, notes, location, education,"
            " how_known, source, keep_in_touch, imported_at, honorific, middle_name, suffix,"
            " goes_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,'','','linkedin','linkedin','quarterly',?,"
            " '','','','')",
            [(*row, now) for row in contacts],
        )
        connection.execute("COMMIT")
    finally:
        connection.close()
    return len(contacts)


# Export and restore ------------------------------------------------------------------------


def export_and_restore(
    template: Path, work: Path, contacts: int, seed: int, exporting: Measure, restoring: Measure
) -> None:
    from coffeechat.edges.records.export import write_export
    from coffeechat.edges.records.restore import read_document, restore

    fresh_database(template)
    owner = new_user("maya")
    build_account(owner, seed=seed, contacts=contacts)
    document_path = work / "export.json"
    with timer(exporting), document_path.open("w", encoding="utf-8") as out:
        write_export(owner, out)
    empty = new_user("maya2")
    with timer(restoring):
        restored = restore(empty, read_document(document_path))
    exporting.rows = restoring.rows = sum(restored.counts.values())
    exporting.note = f"{document_path.stat().st_size / 1e6:.1f} MB of JSON"
    restoring.note = "into an empty account, one transaction"


# The report --------------------------------------------------------------------------------


def _seconds(value: float) -> str:
    return f"{value:.2f} s"


def report(args: argparse.Namespace, measures: list[Measure], ratio: float | None) -> str:
    lines = [
        f"## Coffeechat benchmark: medians of {args.runs} runs",
        "",
        f"{args.rows:,} generated LinkedIn connections (seed {args.seed}); a rich account of "
        f"{args.account_contacts:,} contacts for export and restore. Python "
        f"{platform.python_version()}, SQLite {sqlite3.sqlite_version}, {platform.machine()}, "
        f"{datetime.now(UTC):%Y-%m-%d}.",
        "",
        "| What | Rows | Median | Rows per second | Each run (s) | Notes |",
        "|---|---:|---:|---:|---|---|",
    ]
    for measure in measures:
        if not measure.seconds:
            lines.append(f"| {measure.label} | | | | | {measure.note} |")
            continue
        runs = ", ".join(f"{s:.2f}" for s in measure.seconds)
        lines.append(
            f"| {measure.label} | {measure.rows:,} | {_seconds(measure.median)} | "
            f"{measure.rate:,.0f} | {runs} | {measure.note} |"
        )
    if ratio is not None:
        verdict = "within" if ratio <= AIM else "NOT within"
        lines += ["", f"Import / floor: **{ratio:.1f}x** ({verdict} the aim of {AIM:.0f}x)."]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=30_000, help="connections (default 30000)")
    parser.add_argument("--runs", type=int, default=5, help="runs per measure (default 5)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="data seed (default 42)")
    parser.add_argument(
        "--account-contacts", type=int, default=3000, help="size of the rich account (3000)"
    )
    parser.add_argument(
        "--out", type=Path, default=RESULTS, help=f"where to keep the table (default {RESULTS})"
    )
    args = parser.parse_args(argv)
    if args.runs < 1 or args.rows < 1:
        parser.error("--rows and --runs must be at least 1")

    with tempfile.TemporaryDirectory(prefix="coffeechat-bench-") as temporary:
        work = Path(temporary)
        set_up_django(work / "home")
        template = migrated_template(work / "home")
        text = connections_csv(args.rows, args.seed)
        data = text.encode("utf-8")
        run_import = importer()
        importing = Measure("Import through the parser and `import_contacts`")
        floor = Measure("Floor: csv + sqlite3 `executemany`, one transaction")
        exporting = Measure("Export to JSON (`write_export`)")
        restoring = Measure("Restore from JSON (`read_document` + `restore`)")
        if run_import is None:
            importing.note = "skipped: coffeechat.edges.imports.services is not there yet"
        for number in range(args.runs):
            print(f"run {number + 1} of {args.runs}...", file=sys.stderr)
            if run_import is not None:
                fresh_database(template)
                owner = new_user("maya")
                with timer(importing):
                    created = run_import(owner, data)
                importing.rows = args.rows
                importing.note = f"{created:,} contacts created"
            fresh_database(template)
            owner_id = new_user("maya").pk
            _close()
            with timer(floor):
                created = floor_insert(database_path(), owner_id, text)
            floor.rows = args.rows
            floor.note = f"{created:,} contacts inserted"
            export_and_restore(
                template, work, args.account_contacts, args.seed, exporting, restoring
            )
        _close()
    ratio = importing.median / floor.median if importing.seconds else None
    table = report(args, [importing, floor, exporting, restoring], ratio)
    print(table)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(table, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
