"""Reading settings from the environment, failing loudly on a bad value.

Every variable has the prefix COFFEECHAT_ (except DATABASE_URL, which is the convention).
All of them are listed with their defaults in .env.example.
"""

from __future__ import annotations

import os
import secrets
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
    home.mkdir(parents=True, exist_ok=True)
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
