"""The database brings itself up to date before any command uses it.

A new data folder gets its tables quietly. An existing database with unapplied migrations (a
newer Coffeechat) is first copied with the backup machinery of `coffeechat backup`, into a
folder of its own so that these copies never push the daily backups out, and the command says
so in one line on standard error (standard output may be a JSON list or an export).
"""

from __future__ import annotations

import contextlib
import fcntl
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.migration import Migration

from coffeechat.edges.records.backup import DEFAULT_KEEP, BackupRefused, back_up, sqlite_path

BACKUP_FOLDER = "before-upgrade"
# Any number will do, as long as it is Coffeechat's own: pg_advisory_lock takes a 64-bit key.
_POSTGRES_LOCK = 0x636F6666656563  # "coffeec"


class UpgradeFailed(Exception):
    """Migrating failed; the message says where the previous database was saved, if it was."""


@dataclass(frozen=True)
class Upgrade:
    """What bring_up_to_date did: nothing, created a new database, or upgraded one."""

    applied: int = 0
    upgraded: bool = False  # False for a new database: there was nothing to lose
    backup: Path | None = None
    no_backup_because: str = ""

    def line(self) -> str:
        """The one line to show, or "" when there is nothing worth saying."""
        if not self.upgraded:
            return ""
        if self.backup is not None:
            return f"Upgraded the database; backup of the previous one: {self.backup}"
        return f"Upgraded the database; no backup was taken: {self.no_backup_because}"


def backup_folder() -> Path:
    return Path(settings.HOME) / "backups" / BACKUP_FOLDER


def _take_backup(now: datetime) -> tuple[Path | None, str]:
    try:
        source = sqlite_path(connection.settings_dict, connection.vendor)
    except BackupRefused:
        if connection.vendor == "postgresql":
            return None, (
                "Coffeechat's backups are copies of a SQLite file and this database is "
                "PostgreSQL: back it up with pg_dump (docs/backups.md)"
            )
        return None, "the database has no file to copy"
    return back_up(source, backup_folder(), keep=DEFAULT_KEEP, now=now), ""


@contextlib.contextmanager
def _one_at_a_time() -> Iterator[None]:
    """Several processes starting at once (app servers, a cron `remind`) migrate one after the
    other, and each looks again once it holds the lock: the later ones find nothing to do."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [_POSTGRES_LOCK])
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [_POSTGRES_LOCK])
        return
    lock = Path(settings.HOME) / ".migrate.lock"
    lock.parent.mkdir(parents=True, exist_ok=True)
    with lock.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _pending() -> tuple[MigrationExecutor, list[tuple[Migration, bool]]]:
    executor = MigrationExecutor(connection)
    return executor, executor.migration_plan(executor.loader.graph.leaf_nodes())


def bring_up_to_date(*, verbosity: int = 0, now: datetime | None = None) -> Upgrade:
    """Apply every unapplied migration, after a backup when the database already holds data."""
    _, plan = _pending()
    if not plan:
        return Upgrade()  # the usual case, and no lock taken for it
    with _one_at_a_time():
        return _upgrade(verbosity=verbosity, now=now)


def _upgrade(*, verbosity: int, now: datetime | None) -> Upgrade:
    executor, plan = _pending()
    if not plan:
        return Upgrade()  # another process did it while this one waited
    if not executor.loader.applied_migrations:
        call_command("migrate", interactive=False, verbosity=verbosity)
        return Upgrade(applied=len(plan))
    backup, because = _take_backup(now or datetime.now(UTC))
    try:
        call_command("migrate", interactive=False, verbosity=verbosity)
    except DatabaseError as error:
        kept = f"the previous one is saved at {backup}" if backup else because
        raise UpgradeFailed(f"upgrading the database failed: {error}; {kept}") from error
    return Upgrade(applied=len(plan), upgraded=True, backup=backup, no_backup_because=because)
