"""The SEQUENCE of a calendar event: subscribed calendars replace an event only when the same UID
comes back with a higher one, so it grows whenever what they show changes, and only then."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

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


class VersionedForCalendars:
    """Mixed into a model with a `sequence` field and the CALENDAR_FIELDS it shows: every save,
    whatever path it comes from (a service, an autosave, a form), grows the SEQUENCE when what
    calendars show changed since the record was read, and only then."""

    CALENDAR_FIELDS: tuple[str, ...] = ()

    @classmethod
    def from_db(cls, db: str | None, field_names: Any, values: Any) -> Any:
        record = super().from_db(db, field_names, values)  # type: ignore[misc]
        if not record.get_deferred_fields():  # reading a deferred field would cost a query
            record._calendar_before = calendar_version(record, cls.CALENDAR_FIELDS)
        return record

    def save(self, *args: Any, **kwargs: Any) -> None:
        record: Any = self
        before = getattr(record, "_calendar_before", None)
        if before is None and not record._state.adding and record.pk is not None:
            stored = type(record)._default_manager.filter(pk=record.pk).first()  # partly loaded
            before = calendar_version(stored, self.CALENDAR_FIELDS) if stored else None
        kwargs["update_fields"] = fields_to_save(record, kwargs.get("update_fields"))
        super().save(*args, **kwargs)  # type: ignore[misc]
        bump_sequence_if_changed(record, before=before, fields=self.CALENDAR_FIELDS)
        record._calendar_before = calendar_version(record, self.CALENDAR_FIELDS)
