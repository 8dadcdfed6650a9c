"""Backups of the SQLite database: a consistent copy taken with SQLite's online backup API.

Copying the file while the server runs can catch a half-written transaction, or miss the part
still in the WAL file; the backup API copies one consistent snapshot while others go on writing.
A PostgreSQL database is backed up with pg_dump instead. See docs/backups.md.

Backups are named by the UTC time they were taken ("coffeechat-20261129T183000Z.sqlite3"), so
their names sort in the order they were made, across daylight saving changes too: an hour
repeated when the clocks go back once made the newest backup sort first and be pruned.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

NAME = re.compile(r"^coffeechat-(\d{8}T\d{6}Z)(?:-(\d+))?\.sqlite3$")
# Names before UTC: local time, "coffeechat-20250618-023000.sqlite3". Still kept and pruned
# (oldest first), but their order among themselves is only as good as local time was.
OLD_NAME = re.compile(r"^coffeechat-(\d{8})-(\d{6})(?:-(\d+))?\.sqlite3$")
DEFAULT_KEEP = 7
BUSY_TIMEOUT = 30


class BackupRefused(Exception):
    """This database cannot be backed up here; the message says what to do instead."""


def sqlite_path(settings_dict: Mapping[str, Any], vendor: str) -> Path:
    """The live database file, or a clear refusal for PostgreSQL or an in-memory database."""
    if vendor == "postgresql":
        raise BackupRefused(
            "the database is PostgreSQL, which this command cannot copy: back it up with "
            'pg_dump instead, e.g. pg_dump --format=custom --file=coffeechat.dump "$DATABASE_URL"'
        )
    if vendor != "sqlite":
        raise BackupRefused(f"cannot back up a {vendor} database: only SQLite")
    name = str(settings_dict["NAME"])
    if name == ":memory:" or "mode=memory" in name:
        raise BackupRefused("the database is in memory: there is no file to back up")
    path = Path(name)
    if not path.is_file():
        raise BackupRefused(f"there is no database at {path} yet: run `coffeechat migrate`")
    return path


def _sort_key(path: Path) -> tuple[int, str, int] | None:
    """Oldest first: every old-style name (made before this version) before every UTC one."""
    if match := NAME.match(path.name):
        return 1, match.group(1), int(match.group(2) or 1)
    if match := OLD_NAME.match(path.name):
        return 0, match.group(1) + match.group(2), int(match.group(3) or 1)
    return None


def backups_in(directory: Path) -> list[Path]:
    """The backups this command made in the directory, oldest first (other files are ignored)."""
    if not directory.is_dir():
        return []
    found = [(key, p) for p in directory.iterdir() if (key := _sort_key(p)) is not None]
    return [path for _key, path in sorted(found)]


def _new_name(directory: Path, now: datetime) -> Path:
    if now.tzinfo is None:
        raise ValueError("the time of a backup must say its time zone")
    stem = f"coffeechat-{now.astimezone(UTC):%Y%m%dT%H%M%SZ}"
    candidate = directory / f"{stem}.sqlite3"
    number = 1
    while candidate.exists():  # two backups within one second
        number += 1
        candidate = directory / f"{stem}-{number}.sqlite3"
    return candidate


def copy_database(source: Path, target: Path) -> None:
    """Copy the database through the backup API into a new file of its own (no WAL beside it)."""
    partial = target.with_name(f".{target.name}.partial")
    try:
        with (
            contextlib.closing(sqlite3.connect(source, timeout=BUSY_TIMEOUT)) as live,
            contextlib.closing(sqlite3.connect(partial)) as copy,
        ):
            live.backup(copy)  # all pages in one step: one snapshot, however busy the server
            copy.execute("PRAGMA journal_mode=DELETE")
        partial.chmod(0o600)  # your whole network: readable by you only
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)


def prune(directory: Path, keep: int) -> list[Path]:
    """Delete all but the newest `keep` backups this command made; returns what went."""
    old = backups_in(directory)[:-keep] if keep > 0 else backups_in(directory)
    for path in old:
        path.unlink()
    return old


def back_up(source: Path, directory: Path, *, keep: int = DEFAULT_KEEP, now: datetime) -> Path:
    """A new backup of `source` in `directory`, keeping the newest `keep`; returns its path."""
    if keep < 1:
        raise ValueError("keep at least one backup")
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    target = _new_name(directory, now)
    copy_database(source, target)
    prune(directory, keep)
    return target
