"""An uploaded file, as read, kept between its preview and the import, under
$COFFEECHAT_HOME/imports: the file is parsed once, on upload, and the preview and the import
both use what was read (a big file took seconds for each reading).

Each upload gets a random token; the file records whose it is, so a token is useless to
anyone else. Files are private to the server's user, deleted once imported or cancelled,
and anything older than a day is swept away the next time someone uploads.

(A deployment that spreads requests over several machines needs $COFFEECHAT_HOME/imports on
storage they share.)
"""

from __future__ import annotations

import json
import os
import re
import secrets
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings

from coffeechat.foundation.accounts.models import User
from coffeechat.method.importers.model import ParseResult, result_from_json, result_to_json

MAX_AGE_SECONDS = 24 * 60 * 60
_TOKEN = re.compile(r"[A-Za-z0-9_-]{32,64}")


@dataclass(frozen=True)
class PendingImport:
    token: str
    kind: str
    filename: str
    parsed: ParseResult


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".removesuffix(".0")


def too_big(filename: str, size: int) -> str | None:
    """Why a file of `size` bytes is refused (over COFFEECHAT_MAX_UPLOAD_MB), or None."""
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    if size <= limit:
        return None
    return (
        f"{filename} is {_megabytes(size)} MB; the largest file Coffeechat takes is "
        f"{_megabytes(limit)} MB."
    )


def _folder() -> Path:
    folder = Path(settings.HOME) / "imports"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def _paths(token: str) -> tuple[Path, Path]:
    folder = _folder()
    return folder / f"{token}.json", folder / f"{token}.data"


def _write_private(path: Path, content: bytes) -> None:
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as out:
        out.write(content)


def keep_upload(owner: User, kind: str, filename: str, parsed: ParseResult) -> str:
    """Store what was read from the file for its owner; returns the token that names it."""
    sweep()
    token = secrets.token_urlsafe(32)
    about, content = _paths(token)
    _write_private(content, result_to_json(parsed))
    meta = {"owner": owner.pk, "kind": kind, "filename": filename}
    _write_private(about, json.dumps(meta).encode())
    return token


def _meta(owner: User, token: str) -> dict[str, Any] | None:
    """What is known about the owner's upload `token`; None if unknown or someone else's."""
    if not _TOKEN.fullmatch(token):
        return None
    about, _content = _paths(token)
    try:
        meta = json.loads(about.read_text())
    except (OSError, ValueError):
        return None
    return meta if isinstance(meta, dict) and meta.get("owner") == owner.pk else None


def pending_upload(owner: User, token: str) -> PendingImport | None:
    """The owner's stored upload, or None (unknown token, expired, or someone else's)."""
    meta = _meta(owner, token)
    if meta is None:
        return None
    try:
        parsed = result_from_json(_paths(token)[1].read_bytes())
        return PendingImport(token, meta["kind"], meta["filename"], parsed)
    except (OSError, KeyError, ValueError, TypeError):  # gone, or kept by an older version
        return None


def discard_upload(owner: User, token: str) -> None:
    if _meta(owner, token) is None:
        return
    for path in _paths(token):
        path.unlink(missing_ok=True)


def sweep(max_age: float = MAX_AGE_SECONDS) -> None:
    """Delete uploads older than `max_age` seconds (abandoned previews)."""
    limit = time.time() - max_age
    for path in _folder().iterdir():
        try:
            if path.stat().st_mtime < limit:
                path.unlink()
        except OSError:
            continue
