"""The SEQUENCE of a calendar event: subscribed calendars replace an event only when the same UID
comes back with a higher one, so it grows whenever what they show changes, and only then."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import models
from django.db.models import F


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
