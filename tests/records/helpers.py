"""Helpers for records tests: the export of an account as text or parsed."""

from __future__ import annotations

import io
import json
from typing import Any

from coffeechat.edges.records.export import write_export


def export_text(user: object) -> str:
    out = io.StringIO()
    write_export(user, out)
    return out.getvalue()


def export_document(user: object) -> dict[str, Any]:
    return json.loads(export_text(user))
