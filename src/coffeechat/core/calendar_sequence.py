"""The SEQUENCE of a calendar event: subscribed calendars replace an event only when the same UID
comes back with a higher one, so it grows whenever what they show changes, and only then."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import models
from django.db.models import F


def fields_to_save(record: models.Model, update_fields: Iterable[str] | None) -> list[str] | None:
    """What a save of an existing record may write: never `sequence`, which only grows in the
    database (below). A full save of a copy loaded before another request raised it would
    otherwise write the old number back, and calendars would keep the old event."""
    if record._state.adding or record.pk is None:
        return None if update_fields is None else list(update_fields)
    if update_fields is None:
        update_fields = (
            field.name for field in record._meta.concrete_fields if not field.primary_key
        )
    return [name for name in update_fields if name != "sequence"]


def calendar_version(record: models.Model, fields: Iterable[str]) -> tuple[object, ...]:
    """What a calendar shows of the record: the values of the attributes it renders."""
    return tuple(getattr(record, name) for name in fields)


def bump_sequence_if_changed(
    record: models.Model, *, before: tuple[object, ...] | None, fields: Iterable[str]
) -> bool:
    """Grow the record's `sequence` by one if its calendar version changed since `before`
    (None: unknown, so nothing to compare). Returns whether it grew."""
    if before is None or calendar_version(record, fields) == before:
        return False
    # In the database, so two overlapping saves both count.
    type(record)._default_manager.filter(pk=record.pk).update(sequence=F("sequence") + 1)
    record.refresh_from_db(fields=["sequence"])
    return True
