"""Everything a user owns as one JSON document (docs/export-format.md), written as it is read.

Each list is read in one pass with values() in chunks, so the number of queries does not grow
with the number of rows. Records are numbered from 1 within their list, in the order they were
created; references between records use these numbers. An export of a restored account is
therefore the same document as the export it was restored from.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from datetime import datetime
from io import TextIOBase
from itertools import count
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from coffeechat.edges.records.spec import (
    EMAIL_SETTINGS,
    FORMAT,
    PROFILE,
    SECTIONS,
    USER_FIELDS,
    VERSION,
    Section,
    dumper,
    reference_section,
)
from coffeechat.foundation.accounts.models import User

CHUNK = 2000
ExportIds = dict[str, dict[int, int]]


class ForeignReference(ValueError):
    """A record points at a row that is not the user's (the database is inconsistent)."""


@contextlib.contextmanager
def consistent_snapshot() -> Iterator[None]:
    """Read every list from the same moment, even while the user goes on writing.

    On SQLite the transaction begins IMMEDIATE (settings.py), so other writers wait for the
    export (a few seconds for a very large network) while readers go on; on PostgreSQL a
    REPEATABLE READ snapshot keeps writers free.
    """
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            # The first statement of a fresh transaction: one snapshot for all the queries.
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        yield


def referenced_sections() -> list[Section]:
    keys = {
        reference_section(model_field).key
        for section in SECTIONS
        for model_field in section.fields
        if model_field.is_relation
    }
    return [section for section in SECTIONS if section.key in keys]


def export_ids(user: User) -> ExportIds:
    """For each list that others point into: database id -> export id."""
    return {
        section.key: dict(
            zip(
                section.rows(user).order_by("pk").values_list("pk", flat=True).iterator(CHUNK),
                count(1),
                strict=False,
            )
        )
        for section in referenced_sections()
    }


def _converters(section: Section, ids: ExportIds) -> list[tuple[str, str, Any]]:
    converters: list[tuple[str, str, Any]] = []
    for model_field in section.fields:
        if model_field.is_relation:
            target = reference_section(model_field).key
            converters.append((model_field.name, model_field.attname, ids[target]))
        else:
            converters.append((model_field.name, model_field.attname, dumper(model_field)))
    return converters


def _record(
    row: dict[str, Any], converters: list[tuple[str, str, Any]], section: Section
) -> dict[str, Any]:
    record: dict[str, Any] = {}
    for key, attname, convert in converters:
        value = row[attname]
        if isinstance(convert, dict):
            if value is not None and value not in convert:
                raise ForeignReference(
                    f"{section.model.__name__} {row['pk']}.{key} points to {value}, "
                    "which is not one of this user's records"
                )
            record[key] = None if value is None else convert[value]
        else:
            record[key] = convert(value)
    return record


def section_records(section: Section, user: User, ids: ExportIds) -> Iterator[dict[str, Any]]:
    converters = _converters(section, ids)
    attnames = [attname for _key, attname, _convert in converters]
    rows = section.rows(user).order_by("pk").values("pk", *attnames).iterator(CHUNK)
    for export_id, row in enumerate(rows, start=1):
        yield {"id": export_id, **_record(row, converters, section)}


def _single(section: Section, user: User) -> dict[str, Any] | None:
    records = section_records(section, user, {})
    record = next(records, None)
    if record is not None:
        del record["id"]  # one per user: nothing points to it
    return record


def user_record(user: User) -> dict[str, Any]:
    return {
        **{name: getattr(user, name) for name in USER_FIELDS},
        "profile": _single(PROFILE, user),
    }


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def write_export(user: User, out: TextIOBase, *, now: datetime | None = None) -> None:
    """Write the user's export document to `out`: a header, then one line per record."""
    with consistent_snapshot():
        header = {
            "format": FORMAT,
            "version": VERSION,
            "exported_at": (now or timezone.now()).isoformat(timespec="microseconds"),
            "user": user_record(user),
            "email_settings": _single(EMAIL_SETTINGS, user),
        }
        out.write("{\n")
        for key, value in header.items():
            out.write(f"  {_dumps(key)}: {_dumps(value)},\n")
        ids = export_ids(user)
        for position, section in enumerate(SECTIONS):
            out.write(f"  {_dumps(section.key)}: [")
            separator = "\n    "
            for record in section_records(section, user, ids):
                out.write(separator + _dumps(record))
                separator = ",\n    "
            closing = "]" if separator == "\n    " else "\n  ]"
            out.write(closing + (",\n" if position < len(SECTIONS) - 1 else "\n"))
        out.write("}\n")
