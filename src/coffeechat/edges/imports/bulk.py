"""Writing thousands of rows in a few statements.

The ORM's bulk_create is held to 999 parameters per statement on SQLite (about 50 contacts)
and builds a model instance per row: a 30,000-row LinkedIn file took ~8 times as long as
plain `executemany`. These helpers run one `executemany` per few thousand rows through
Django's connection (so PostgreSQL works too), with table and column names taken from the
models and every column the caller does not give filled with its field's default.

They skip what the ORM would do per object (signals, `auto_now`): callers pass the
timestamps themselves, and only the network import uses them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from django.db import connection, models

CHUNK = 5000


def _chunks(rows: Sequence[tuple[Any, ...]]) -> Iterator[Sequence[tuple[Any, ...]]]:
    for start in range(0, len(rows), CHUNK):
        yield rows[start : start + CHUNK]


def _field(model: type[models.Model], name: str) -> models.Field[Any, Any]:
    """A field stored in the model's own table: the only kind these statements touch."""
    field = model._meta.get_field(name)
    if not isinstance(field, models.Field):
        raise ValueError(f"{model.__name__}.{name} is not a column of its table")
    return field


def _column(field: models.Field[Any, Any]) -> str:
    if field.column is None:
        raise ValueError(f"{field} is not a column of its table")
    return field.column


def db_value(model: type[models.Model], name: str, value: object) -> object:
    """A Python value as the database takes it for this field (datetimes on SQLite, say)."""
    return _field(model, name).get_db_prep_save(value, connection)


def insert_rows(
    model: type[models.Model],
    fields: Sequence[str],
    rows: Sequence[tuple[Any, ...]],
    *,
    constants: Mapping[str, object],
) -> None:
    """INSERT one row per tuple of `fields` values; `constants` (raw Python values, prepared
    here) and field defaults fill the other columns."""
    if not rows:
        return
    tail_fields = [
        field
        for field in model._meta.concrete_fields
        if not field.primary_key and field.name not in fields
    ]
    tail = tuple(
        field.get_db_prep_save(
            constants[field.name] if field.name in constants else field.get_default(), connection
        )
        for field in tail_fields
    )
    columns = [_column(_field(model, name)) for name in fields]
    columns += [_column(field) for field in tail_fields]
    quote = connection.ops.quote_name
    sql = (
        f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(map(quote, columns))}) "
        f"VALUES ({', '.join(['%s'] * len(columns))})"
    )
    with connection.cursor() as cursor:
        for chunk in _chunks(rows):
            cursor.executemany(sql, [row + tail for row in chunk])


def update_rows(
    model: type[models.Model],
    fields: Sequence[str],
    rows: Sequence[tuple[Any, ...]],
    *,
    owner_id: int,
) -> None:
    """UPDATE `fields` of the owner's rows; each tuple is the values, then the primary key."""
    if not rows:
        return
    quote = connection.ops.quote_name
    meta = model._meta
    assignments = ", ".join(f"{quote(_column(_field(model, name)))} = %s" for name in fields)
    sql = (
        f"UPDATE {quote(meta.db_table)} SET {assignments} "
        f"WHERE {quote(_column(meta.pk))} = %s "
        f"AND {quote(_column(_field(model, 'owner')))} = {int(owner_id)}"
    )
    with connection.cursor() as cursor:
        for chunk in _chunks(rows):
            cursor.executemany(sql, chunk)
