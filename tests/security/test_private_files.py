"""The data folder holds every user's notes, password hashes and calendar links: it is 0700 and
the SQLite files 0600 whatever the umask, from the first command on, and a folder left open by
an older version is closed at the next start with a warning."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

PASSWORD = "maya's long passphrase 2026"


def coffeechat(home: Path, *argv: str, stdin: str = "") -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COFFEECHAT_", "DJANGO_"))}
    env.pop("DATABASE_URL", None)  # its own SQLite file, on either run of the suite
    env.update(COFFEECHAT_HOME=str(home), COFFEECHAT_DIGEST_SCHEDULER="0")
    return subprocess.run(
        [sys.executable, "-m", "coffeechat", *argv], input=stdin, capture_output=True, text=True,
        timeout=120, env=env, cwd=home.anchor,
        preexec_fn=lambda: os.umask(0o022),  # the usual umask: new files 0644, folders 0755
    )  # fmt: skip


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_data_folder_and_its_database_are_private_under_umask_022(tmp_path):
    home = tmp_path / "data" / "coffeechat"
    done = coffeechat(home, "createuser", "maya", stdin=f"{PASSWORD}\n{PASSWORD}\n")
    assert done.returncode == 0, done.stderr
    assert "Warning" not in done.stderr  # nothing to repair on a new folder
    assert mode(home) == 0o700
    database = home / "coffeechat.sqlite3"
    assert mode(database) == 0o600
    assert mode(home / "secret_key") == 0o600
    for extra in ("coffeechat.sqlite3-wal", "coffeechat.sqlite3-shm"):
        if (home / extra).exists():
            assert mode(home / extra) == 0o600, extra


def test_a_folder_left_open_is_repaired_at_start_with_a_warning(tmp_path):
    home = tmp_path / "coffeechat"
    assert coffeechat(home, "createuser", "maya", stdin=f"{PASSWORD}\n{PASSWORD}\n").returncode == 0
    database = home / "coffeechat.sqlite3"
    home.chmod(0o755)
    database.chmod(0o644)
    done = coffeechat(home, "today", "--user", "maya")
    assert done.returncode == 0, done.stderr
    assert f"Warning: {home} was readable by other users (755); it is now 700." in done.stderr
    assert f"Warning: {database} was readable by other users (644); it is now 600." in done.stderr
    assert (mode(home), mode(database)) == (0o700, 0o600)
    again = coffeechat(home, "today", "--user", "maya")
    assert "Warning" not in again.stderr  # repaired once
