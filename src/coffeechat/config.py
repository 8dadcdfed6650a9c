"""Reading settings from the environment, failing loudly on a bad value.

Every variable has the prefix COFFEECHAT_ (except DATABASE_URL, which is the convention).
All of them are listed with their defaults in .env.example.
"""

from __future__ import annotations

import os
import secrets
import stat
import sys
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a boolean: use true or false.")


def env_int(name: str, default: int, *, minimum: int = 0) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number.") from None
    if value < minimum:
        raise ImproperlyConfigured(f"{name}={raw!r} must be at least {minimum}.")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [part.strip() for part in raw.split(",") if part.strip()]


def coffeechat_home() -> Path:
    """Where the local data lives: the SQLite file and the generated secret key."""
    raw = os.environ.get("COFFEECHAT_HOME")
    if raw:
        return Path(raw).expanduser()
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".local" / "share"
    return base / "coffeechat"


def secret_key(home: Path) -> str:
    """The secret key from the environment, or one generated once and kept beside the data.

    Keeping it in a private file means a laptop install needs no setup and no secret
    ever lands in the repository.
    """
    from_env = os.environ.get("COFFEECHAT_SECRET_KEY")
    if from_env:
        if len(from_env) < 50:
            raise ImproperlyConfigured("COFFEECHAT_SECRET_KEY must be at least 50 characters long.")
        return from_env
    path = home / "secret_key"
    if path.exists():
        return path.read_text().strip()
    home.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    key = secrets.token_urlsafe(64)
    # Written aside then linked into place, so a second process never reads a half-written key.
    staging = home / f".secret_key.{os.getpid()}"
    fd = os.open(staging, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(key)
    try:
        os.link(staging, path)
    except FileExistsError:
        pass
    finally:
        staging.unlink()
    return path.read_text().strip()


# The data folder holds every user's notes, password hashes and calendar links: only the account
# that runs Coffeechat may read it, whatever the umask.
PRIVATE_FOLDER, PRIVATE_FILE = 0o700, 0o600
_DATABASE_SUFFIXES = ("", "-wal", "-shm", "-journal")


def make_home_private(home: Path, database: Path | None) -> list[str]:
    """Create the data folder 0700 and the SQLite database 0600 (its -wal and -shm files take
    the database's mode from SQLite); repair them if they are open to others. Returns one
    sentence per repair, which is also written to standard error as a warning."""
    home.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    # A folder that holds nothing of ours yet (made with mkdir for us) is closed quietly.
    fresh = not (home / "secret_key").exists() and (database is None or not database.exists())
    repaired: list[str] = []
    _restrict(home, PRIVATE_FOLDER, [] if fresh else repaired)
    if database is not None:
        if not database.exists():
            # An empty file is an empty SQLite database: created private, before SQLite creates
            # it under the umask (0644 under the usual 022).
            os.close(os.open(database, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_FILE))
        for suffix in _DATABASE_SUFFIXES:
            _restrict(Path(f"{database}{suffix}"), PRIVATE_FILE, repaired)
    _restrict(home / "secret_key", PRIVATE_FILE, repaired)
    for line in repaired:
        sys.stderr.write(f"Warning: {line}\n")
    return repaired


def _restrict(path: Path, mode: int, repaired: list[str]) -> None:
    try:
        current = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return
    if current & 0o077 == 0:
        return
    try:
        path.chmod(current & mode)
    except OSError as error:  # not ours (a shared folder): say so rather than fail to start
        repaired.append(
            f"{path} is readable by other users ({current:o}) and cannot be made "
            f"private ({error.strerror}); make it {mode:o} yourself."
        )
        return
    repaired.append(
        f"{path} was readable by other users ({current:o}); it is now {current & mode:o}."
    )
