"""Every `coffeechat` command on a data folder it has never seen, and on a database an older
Coffeechat left behind: the database creates or upgrades itself, backing up an old one first.

These run the real command in a process of its own, as a user types it."""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import urlopen

import pytest

PASSWORD = "maya's long passphrase 2026"
TIMEOUT = 120
UPGRADED = re.compile(r"^Upgraded the database; backup of the previous one: (/\S+\.sqlite3)$")
SETUP_LINK = re.compile(r"^\s+(http://127\.0\.0\.1:\d+/setup/[^/\s]+/)\s*$")


def on_postgresql() -> bool:
    return os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """An empty data folder."""
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


def environment(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COFFEECHAT_", "DJANGO_"))}
    env.pop("DATABASE_URL", None)  # its own SQLite file in the empty folder
    env.update(COFFEECHAT_HOME=str(home), PYTHONUNBUFFERED="1", COFFEECHAT_DIGEST_SCHEDULER="0")
    return env


def coffeechat(
    home: Path, *argv: str, stdin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "coffeechat", *argv], input=stdin, capture_output=True,
        text=True, timeout=TIMEOUT, env=env or environment(home), cwd=home,
    )  # fmt: skip


def ok(result: subprocess.CompletedProcess) -> subprocess.CompletedProcess:
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def applied(database: Path, app: str) -> list[str]:
    with contextlib.closing(sqlite3.connect(database)) as db:
        rows = db.execute("SELECT name FROM django_migrations WHERE app = ?", (app,)).fetchall()
    return sorted(name for (name,) in rows)


def usernames(database: Path) -> list[str]:
    with contextlib.closing(sqlite3.connect(database)) as db:
        return [name for (name,) in db.execute("SELECT username FROM accounts_user")]


def make_older(home: Path, env: dict[str, str] | None = None) -> None:
    """A database as an older Coffeechat left it: maya's account, no digest tables yet."""
    ok(coffeechat(home, "createuser", "maya", stdin=PASSWORD + "\n", env=env))
    ok(coffeechat(home, "manage", "migrate", "reminders", "zero", env=env))
    ok(coffeechat(home, "manage", "migrate", "accounts", "0002", env=env))


def test_createuser_on_an_empty_folder_creates_the_database_quietly_and_the_user(home):
    result = ok(coffeechat(home, "createuser", "maya", stdin=PASSWORD + "\n"))

    assert result.stdout == "Created user maya.\n"
    assert result.stderr == ""
    assert usernames(home / "coffeechat.sqlite3") == ["maya"]
    assert not (home / "backups").exists()  # nothing to back up in a new database


def test_today_on_an_empty_folder_says_there_is_no_user_yet(home):
    result = coffeechat(home, "today")

    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "coffeechat today: error: there are no users yet: run `coffeechat serve` and open the "
        "setup link"
    ]
    assert "no such table" not in result.stderr


def test_today_after_createuser_on_an_empty_folder_prints_only_the_list(home):
    ok(coffeechat(home, "createuser", "maya", stdin=PASSWORD + "\n"))

    result = ok(coffeechat(home, "today", "--json"))

    assert json.loads(result.stdout) == []
    assert result.stderr == ""


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "json"],
        ["import", "linkedin", "Connections.csv"],
        ["remind"],
        ["backup"],
    ],
    ids=lambda argv: " ".join(argv),
)
def test_every_other_command_meets_a_ready_database_on_an_empty_folder(home, argv):
    (home / "Connections.csv").write_text("First Name,Last Name,Email Address\n", "utf-8")

    result = coffeechat(home, *argv, stdin='{"format": "coffeechat-export"}')

    output = result.stdout + result.stderr
    assert "no such table" not in output
    assert "coffeechat migrate" not in output
    assert "Upgraded" not in output
    assert applied(home / "coffeechat.sqlite3", "reminders") == ["0001_initial"]


def test_manage_runs_the_same_commands_through_django_after_the_same_upgrade(home):
    ok(coffeechat(home, "manage", "createuser", "maya", stdin=PASSWORD + "\n"))

    result = ok(coffeechat(home, "manage", "today", "--json"))
    unknown = coffeechat(home, "manage", "today", "--user", "nosuch")

    assert json.loads(result.stdout) == []
    assert usernames(home / "coffeechat.sqlite3") == ["maya"]
    assert unknown.returncode == 1
    assert "no user named 'nosuch'" in unknown.stderr


def test_serve_on_an_empty_folder_starts_and_prints_the_setup_link(home):
    env = environment(home)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "coffeechat", "serve", "--port", str(port)], env=env, cwd=home,
        text=True, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        lines = []
        for line in server.stdout:
            lines.append(line)
            if link := SETUP_LINK.match(line):
                break
        assert link, "".join(lines)
        assert "needs updating" not in "".join(lines)
        assert not any(line.startswith("Upgraded") for line in lines)
        deadline = time.monotonic() + 30
        while True:
            try:
                with urlopen(link.group(1), timeout=5) as response:
                    page = response.read().decode()
                break
            except OSError:
                assert time.monotonic() < deadline, "the server never answered"
                time.sleep(0.1)
        assert "Welcome to Coffeechat" in page
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_an_older_database_is_backed_up_once_then_upgraded_in_one_line(home):
    make_older(home)
    live = home / "coffeechat.sqlite3"
    assert applied(live, "reminders") == []
    # Django's own migration commands see the database as it is.
    shown = ok(coffeechat(home, "manage", "showmigrations", "reminders"))
    assert "[ ] 0001_initial" in shown.stdout

    result = ok(coffeechat(home, "today", "--json"))

    assert json.loads(result.stdout) == []  # standard output stays a JSON list
    [line] = result.stderr.splitlines()
    backup = Path(UPGRADED.match(line).group(1))
    assert backup.parent == home / "backups" / "before-upgrade"
    assert re.fullmatch(r"coffeechat-\d{8}T\d{6}Z\.sqlite3", backup.name)
    # The backup is the database as it was before; the live one is upgraded.
    assert usernames(backup) == ["maya"]
    assert applied(backup, "reminders") == []
    assert applied(live, "reminders") == ["0001_initial"]
    # Up to date now: nothing more is printed, and no second backup is taken.
    again = ok(coffeechat(home, "today"))
    assert again.stderr == ""
    assert list(backup.parent.iterdir()) == [backup]


def test_the_upgrade_backup_leaves_the_daily_backups_alone(home):
    make_older(home)
    for _ in range(2):
        ok(coffeechat(home, "manage", "migrate", "reminders", "zero"))
        ok(coffeechat(home, "backup", "--keep", "1"))  # upgrades, then the daily backup
    daily = sorted(p.name for p in (home / "backups").glob("*.sqlite3"))
    upgrades = sorted((home / "backups" / "before-upgrade").iterdir())

    assert len(daily) == 1
    assert len(upgrades) == 2


def test_migrate_still_says_the_database_is_up_to_date_and_backs_up_an_older_one(home):
    first = ok(coffeechat(home, "migrate"))
    assert (first.stdout, first.stderr) == ("Database is up to date.\n", "")
    make_older(home)

    result = ok(coffeechat(home, "migrate", "--verbose"))

    assert "Applying reminders.0001_initial... OK" in result.stdout
    assert result.stdout.endswith("Database is up to date.\n")
    assert UPGRADED.match(result.stderr.strip())


@contextlib.contextmanager
def own_postgres_database() -> Iterator[str]:
    import psycopg
    from psycopg import sql

    url = os.environ["DATABASE_URL"]
    name = f"cc_fresh_{secrets.token_hex(6)}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield urlsplit(url)._replace(path=f"/{name}").geturl()
    finally:
        drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        # Right after a migrate, an autovacuum worker may be analysing the new tables; FORCE
        # cannot end it without pg_signal_backend, and it finishes within moments.
        for attempt in range(50):
            try:
                with psycopg.connect(url, autocommit=True) as conn:
                    conn.execute(drop)
                break
            except (psycopg.errors.InsufficientPrivilege, psycopg.errors.ObjectInUse):
                if attempt == 49:
                    raise
                time.sleep(0.2)


@pytest.mark.skipif(not on_postgresql(), reason="needs DATABASE_URL=postgres://...")
def test_on_postgresql_an_older_database_is_upgraded_and_says_why_there_is_no_backup(home):
    with own_postgres_database() as url:
        env = {**environment(home), "DATABASE_URL": url}
        make_older(home, env)

        result = ok(coffeechat(home, "today", "--json", env=env))

    assert json.loads(result.stdout) == []
    assert result.stderr.strip().splitlines() == [
        "Upgraded the database; no backup was taken: Coffeechat's backups are copies of a "
        "SQLite file and this database is PostgreSQL: back it up with pg_dump (docs/backups.md)"
    ]
    assert not (home / "backups").exists()


def test_several_commands_starting_at_once_on_an_older_database_upgrade_it_once(home):
    """App servers and a cron job starting together: one migrates, the others wait for it and
    then find nothing to do; none fails on a table another just created."""
    make_older(home)
    env = environment(home)
    starts = [
        subprocess.Popen(
            [sys.executable, "-m", "coffeechat", "today", "--json"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=home,
        )
        for _ in range(3)
    ]
    results = [start.communicate(timeout=TIMEOUT) for start in starts]
    assert [start.returncode for start in starts] == [0, 0, 0], results
    upgraded = [err for _, err in results if err.startswith("Upgraded the database")]
    assert len(upgraded) == 1
    assert len(list((home / "backups" / "before-upgrade").iterdir())) == 1
