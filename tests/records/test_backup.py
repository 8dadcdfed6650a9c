"""`coffeechat backup`: a consistent copy of the live SQLite database, the newest few kept."""

from __future__ import annotations

import sqlite3
import stat
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from coffeechat.edges import cli
from coffeechat.edges.records.backup import BackupRefused, back_up, backups_in, sqlite_path

NOON = datetime(2025, 6, 18, 12, 0, 0, tzinfo=UTC)
on_sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="backs up the SQLite file Django uses; on PostgreSQL the command says to use pg_dump",
)


def live_database(path: Path, rows: int = 2000) -> Path:
    """A database in WAL mode, as the server keeps it, with two tables written in pairs."""
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("CREATE TABLE contact (id INTEGER PRIMARY KEY, name TEXT)")
        db.execute("CREATE TABLE message (id INTEGER PRIMARY KEY, contact_id INTEGER, body TEXT)")
        for n in range(rows):
            db.execute("INSERT INTO contact (id, name) VALUES (?, ?)", (n, f"Zoë {n}"))
            db.execute("INSERT INTO message (contact_id, body) VALUES (?, ?)", (n, "x" * 500))
    return path


def backup(*argv: str) -> int:
    """`coffeechat backup ARGV...` in-process: 0 when it succeeds, a failure raises CommandError."""
    call_command("backup", *argv)
    return 0


def test_a_backup_taken_while_another_connection_writes_is_consistent(tmp_path):
    live = live_database(tmp_path / "coffeechat.sqlite3")
    stop, writing = threading.Event(), threading.Event()
    written: list[int] = []

    def keep_writing() -> None:
        # Each transaction adds a contact and its message: a copy must never hold one alone.
        db = sqlite3.connect(live, timeout=30, isolation_level=None)
        n = 100_000
        while not stop.is_set():
            db.execute("BEGIN IMMEDIATE")
            db.execute("INSERT INTO contact (id, name) VALUES (?, ?)", (n, "new"))
            db.execute("INSERT INTO message (contact_id, body) VALUES (?, ?)", (n, "y" * 500))
            db.execute("COMMIT")
            n += 1
            if n == 100_050:
                writing.set()
        written.append(n - 100_000)
        db.close()

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        assert writing.wait(30)
        copies = [
            back_up(live, tmp_path / "backups", keep=10, now=NOON + timedelta(seconds=n))
            for n in range(5)
        ]
    finally:
        stop.set()
        writer.join(30)

    for path in copies:
        with sqlite3.connect(path) as copy:
            assert copy.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            contacts = copy.execute("SELECT count(*) FROM contact").fetchone()[0]
            messages = copy.execute("SELECT count(*) FROM message").fetchone()[0]
            orphans = copy.execute(
                "SELECT count(*) FROM contact WHERE id NOT IN (SELECT contact_id FROM message)"
            ).fetchone()[0]
        assert contacts == messages >= 2050
        assert orphans == 0
    assert written and written[0] >= 50


def test_a_backup_is_one_self_contained_file_readable_only_by_its_owner(tmp_path):
    live = live_database(tmp_path / "coffeechat.sqlite3", rows=10)

    path = back_up(live, tmp_path / "backups", now=NOON)

    assert path == tmp_path / "backups" / "coffeechat-20250618T120000Z.sqlite3"
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]  # no -wal, no partial
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with sqlite3.connect(path) as copy:
        assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        assert copy.execute("SELECT name FROM contact WHERE id = 3").fetchone() == ("Zoë 3",)


def test_only_the_newest_backups_are_kept_and_other_files_are_left_alone(tmp_path):
    live = live_database(tmp_path / "coffeechat.sqlite3", rows=1)
    folder = tmp_path / "backups"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    (folder / "coffeechat-before-upgrade.sqlite3").write_text("mine too")

    for day in range(9):
        back_up(live, folder, keep=3, now=NOON + timedelta(days=day))

    assert [p.name for p in backups_in(folder)] == [
        "coffeechat-20250624T120000Z.sqlite3",
        "coffeechat-20250625T120000Z.sqlite3",
        "coffeechat-20250626T120000Z.sqlite3",
    ]
    assert (folder / "notes.txt").exists()
    assert (folder / "coffeechat-before-upgrade.sqlite3").exists()


def test_two_backups_in_the_same_second_both_exist_and_the_later_is_kept(tmp_path):
    live = live_database(tmp_path / "coffeechat.sqlite3", rows=1)
    folder = tmp_path / "backups"

    first = back_up(live, folder, keep=5, now=NOON)
    second = back_up(live, folder, keep=5, now=NOON)
    back_up(live, folder, keep=2, now=NOON)

    assert second.name == "coffeechat-20250618T120000Z-2.sqlite3"
    assert not first.exists()
    assert [p.name for p in backups_in(folder)] == [
        "coffeechat-20250618T120000Z-2.sqlite3",
        "coffeechat-20250618T120000Z-3.sqlite3",
    ]


def test_backups_are_named_in_utc_whatever_the_local_time_zone(tmp_path):
    live = live_database(tmp_path / "coffeechat.sqlite3", rows=1)
    evening_in_tokyo = datetime(2026, 11, 30, 3, 30, tzinfo=ZoneInfo("Asia/Tokyo"))

    path = back_up(live, tmp_path / "backups", now=evening_in_tokyo)

    assert path.name == "coffeechat-20261129T183000Z.sqlite3"


def test_the_newest_backup_is_kept_across_the_clocks_going_back(tmp_path):
    # New York, 1 November 2026: 01:00-02:00 happens twice. In local time the later backup
    # (01:10 EST) was named before the earlier one (01:30 EDT) and pruned with --keep 1.
    live = live_database(tmp_path / "coffeechat.sqlite3", rows=1)
    folder = tmp_path / "backups"
    new_york = ZoneInfo("America/New_York")
    earlier = datetime(2026, 11, 1, 1, 30, tzinfo=new_york, fold=0)  # EDT, 05:30 UTC
    later = datetime(2026, 11, 1, 1, 10, tzinfo=new_york, fold=1)  # EST, 06:10 UTC
    assert later.timestamp() - earlier.timestamp() == 40 * 60

    back_up(live, folder, keep=1, now=earlier)
    kept = back_up(live, folder, keep=1, now=later)

    assert backups_in(folder) == [kept]
    assert kept.name == "coffeechat-20261101T061000Z.sqlite3"


def test_backups_named_in_local_time_by_an_older_version_are_pruned_first(tmp_path):
    live = live_database(tmp_path / "coffeechat.sqlite3", rows=1)
    folder = tmp_path / "backups"
    folder.mkdir()
    for name in ("coffeechat-20991231-235959.sqlite3", "coffeechat-20250101-080000-2.sqlite3"):
        (folder / name).write_text("an older backup")

    assert [p.name for p in backups_in(folder)] == [
        "coffeechat-20250101-080000-2.sqlite3",
        "coffeechat-20991231-235959.sqlite3",
    ]
    newest = back_up(live, folder, keep=2, now=NOON)

    assert [p.name for p in backups_in(folder)] == [
        "coffeechat-20991231-235959.sqlite3",
        newest.name,
    ]
    back_up(live, folder, keep=2, now=NOON + timedelta(hours=1))
    assert not (folder / "coffeechat-20991231-235959.sqlite3").exists()


def test_a_backup_time_without_a_time_zone_is_a_programming_error(tmp_path):
    live = live_database(tmp_path / "coffeechat.sqlite3", rows=1)
    with pytest.raises(ValueError, match="time zone"):
        back_up(live, tmp_path / "backups", now=datetime(2026, 11, 1, 1, 30))


@pytest.mark.parametrize("name", [":memory:", "file:memorydb_default?mode=memory&cache=shared"])
def test_an_in_memory_database_has_nothing_to_back_up(name):
    with pytest.raises(BackupRefused, match="in memory"):
        sqlite_path({"NAME": name}, "sqlite")


def test_a_database_not_created_yet_says_to_migrate(tmp_path):
    with pytest.raises(BackupRefused, match=r"no database at .* yet: run `coffeechat migrate`"):
        sqlite_path({"NAME": tmp_path / "coffeechat.sqlite3"}, "sqlite")


def test_postgresql_is_refused_with_the_advice_to_use_pg_dump():
    with pytest.raises(BackupRefused, match=r"PostgreSQL.*pg_dump"):
        sqlite_path({"NAME": "coffeechat"}, "postgresql")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs the PostgreSQL run")
def test_the_command_on_postgresql_says_to_use_pg_dump_and_copies_nothing(tmp_path):
    with pytest.raises(CommandError) as refused:
        backup(str(tmp_path / "backups"))

    assert "back it up with pg_dump instead" in str(refused.value)
    assert "\n" not in str(refused.value)
    assert not (tmp_path / "backups").exists()


@on_sqlite_only
def test_the_command_backs_up_the_configured_database_into_home_backups(
    tmp_path, monkeypatch, settings, capsys
):
    live = live_database(tmp_path / "coffeechat.sqlite3", rows=5)
    monkeypatch.setitem(connection.settings_dict, "NAME", str(live))
    settings.HOME = tmp_path / "home"

    assert backup() == 0

    printed = Path(capsys.readouterr().out.strip())
    assert printed.parent == tmp_path / "home" / "backups"
    assert printed.name.startswith("coffeechat-") and printed.suffix == ".sqlite3"
    with sqlite3.connect(printed) as copy:
        assert copy.execute("SELECT count(*) FROM contact").fetchone() == (5,)


@on_sqlite_only
def test_the_command_takes_a_folder_and_how_many_to_keep(tmp_path, monkeypatch, capsys):
    live = live_database(tmp_path / "coffeechat.sqlite3", rows=1)
    monkeypatch.setitem(connection.settings_dict, "NAME", str(live))
    folder = tmp_path / "elsewhere"
    for day in range(3):
        back_up(live, folder, now=NOON + timedelta(days=day))

    assert backup(str(folder), "--keep", "2") == 0

    assert len(backups_in(folder)) == 2
    assert Path(capsys.readouterr().out.strip()) == backups_in(folder)[-1]


def test_keeping_no_backup_at_all_is_a_usage_error(capsys, monkeypatch):
    monkeypatch.setattr(cli, "_setup_django", lambda: None)  # pytest-django did it
    with pytest.raises(SystemExit):
        cli.main(["backup", "--keep", "0"])
    assert "keep at least 1 backup" in capsys.readouterr().err
