"""Reading an export document (docs/export-format.md) back into an account that owns nothing yet.

Everything happens in one transaction: a document with one bad value changes nothing. Rows are
inserted in batches with bulk_create, in the document's order, and their export ids are remapped
to the new database ids. Inserting stamps created_at/updated_at with the current time, so the
document's timestamps are written back right afterwards with one UPDATE run for every row.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import connection, models, transaction

from coffeechat.edges.records.spec import (
    EMAIL_SETTINGS,
    FORMAT,
    PROFILE,
    SECTIONS,
    USER_FIELDS,
    USER_MODEL,
    VERSION,
    InvalidValue,
    Section,
    loader,
    missing_value,
    reference_section,
)
from coffeechat.foundation.accounts.models import User

BATCH = 1000
HEADER_KEYS = {"format", "version", "exported_at", "user", "email_settings"}
# What a restore takes from `user`: the username stays the account's own.
ACCOUNT_FIELDS = tuple(name for name in USER_FIELDS if name != "username")


class InvalidExport(ValueError):
    """The document cannot be restored; the message says where and why, in one line."""


class AccountNotEmpty(ValueError):
    """The account already owns records: restore only fills an empty one."""


@dataclass
class Restored:
    """How many records of each list were restored, in the document's order."""

    counts: dict[str, int]
    # The file had mail server settings, whose password is never exported.
    needs_mail_password: bool = False

    def summary(self) -> str:
        parts = [
            section.label(self.counts[section.key])
            for section in SECTIONS
            if self.counts.get(section.key)
        ]
        return _and(parts) if parts else "no records"


def read_document(path: str | Path, *, stdin: Any = None) -> dict[str, Any]:
    """The parsed and checked document from a file (or standard input for "-")."""
    document: dict[str, Any]  # once check_header has passed it
    try:
        if str(path) == "-" and stdin is not None:
            document = json.load(stdin)
        else:
            with open(path, encoding="utf-8-sig") as file:
                document = json.load(file)
    except OSError as error:
        raise InvalidExport(f"cannot be read ({error.strerror or error})") from None
    except UnicodeDecodeError:
        raise InvalidExport("is not UTF-8 text, so not a Coffeechat export") from None
    except json.JSONDecodeError as error:
        raise InvalidExport(
            f"is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from None
    except RecursionError:
        raise InvalidExport("is nested too deeply to be a Coffeechat export") from None
    except ValueError as error:  # an integer of thousands of digits
        raise InvalidExport(f"holds a value Coffeechat never exports ({error})") from None
    check_header(document)
    cleaned: dict[str, Any] = _without_nul(document)
    return cleaned


def _without_nul(value: Any) -> Any:
    """NUL characters taken out of every text, as the importers do: PostgreSQL refuses them and
    nothing a person typed holds one. (The JSON parser has bounded the nesting already.)"""
    if isinstance(value, str):
        return value.replace("\x00", "") if "\x00" in value else value
    if isinstance(value, list):
        return [_without_nul(item) for item in value]
    if isinstance(value, dict):
        return {_without_nul(key): _without_nul(item) for key, item in value.items()}
    return value


def check_header(document: Any) -> None:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise InvalidExport(f'is not a Coffeechat export (no "format": "{FORMAT}")')
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise InvalidExport(f"has an unknown export version {version!r}")
    if version > VERSION:
        raise InvalidExport(
            f"is a version {version} export from a newer Coffeechat; "
            f"this one restores version {VERSION}: upgrade Coffeechat first"
        )
    known = HEADER_KEYS | {section.key for section in SECTIONS}
    unknown = sorted(set(document) - known)
    if unknown:
        raise InvalidExport(f"has an unknown key {unknown[0]!r} (from a newer Coffeechat?)")


# Reading records ----------------------------------------------------------------------------


@dataclass
class Reader:
    """Turns the records of one section into model field values."""

    section: Section
    ids: dict[str, dict[int, int]]

    def __post_init__(self) -> None:
        self.readers: list[tuple[models.Field[Any, Any], Callable[[Any], Any] | None]] = [
            (field, None if field.is_relation else loader(field)) for field in self.section.fields
        ]
        self.keys = {field.name for field in self.section.fields}

    def values(self, record: Any, where: str) -> tuple[dict[str, Any], dict[str, int]]:
        """The record's values by attname, and its references into its own section apart."""
        if not isinstance(record, dict):
            raise InvalidExport(f"{where} is not an object")
        unknown = sorted(set(record) - self.keys - {"id"})
        if unknown:
            raise InvalidExport(f"{where} has an unknown key {unknown[0]!r}")
        values: dict[str, Any] = {}
        own: dict[str, int] = {}
        for field, read in self.readers:
            try:
                value = (
                    record[field.name]
                    if field.name in record
                    else missing_value(self.section, field)
                )
                if read is not None:
                    values[field.attname] = read(value)
                elif field.related_model is self.section.model and value is not None:
                    own[field.name] = _whole_number(value, self.section.key)
                else:
                    values[field.attname] = self.reference(field, value)
            except InvalidValue as error:
                raise InvalidExport(f"{where}.{field.name}: {error}") from None
        return values, own

    def reference(self, field: models.Field[Any, Any], value: Any) -> int | None:
        target = reference_section(field).key
        if value is None and field.null:
            return None
        value = _whole_number(value, target)
        try:
            return self.ids[target][value]
        except KeyError:
            raise InvalidValue(f"refers to {target} id {value}, which is not in the file") from None


def _whole_number(value: Any, target: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidValue(f"expected the id of one of the {target}, got {value!r}")
    return value


def _export_id(record: dict[str, Any], where: str, seen: set[int]) -> int:
    export_id = record.get("id")
    if not isinstance(export_id, int) or isinstance(export_id, bool):
        raise InvalidExport(f"{where}.id: expected a whole number, got {export_id!r}")
    if export_id in seen:
        raise InvalidExport(f"{where}.id: {export_id} is used twice")
    seen.add(export_id)
    return export_id


def _timestamp_fields(section: Section) -> list[models.Field[Any, Any]]:
    return [
        field
        for field in section.fields
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
    ]


def restore_section(
    section: Section, user: User, records: Any, ids: dict[str, dict[int, int]]
) -> dict[int, int]:
    """Insert one list; returns export id -> new database id."""
    if not isinstance(records, list):
        raise InvalidExport(f"{section.key} is not a list")
    reader = Reader(section, ids)
    owner = {"owner": user} if section.owner == "owner" else {}
    objects, export_ids, stamps, own_refs = [], [], [], []
    stamp_fields = _timestamp_fields(section)
    seen: set[int] = set()
    for index, record in enumerate(records):
        where = f"{section.key}[{index}]"
        values, own = reader.values(record, where)
        export_ids.append(_export_id(record, where, seen))
        objects.append(section.model(**owner, **values))
        stamps.append([values[field.attname] for field in stamp_fields])
        own_refs.append(own)
    section.model._default_manager.bulk_create(objects, batch_size=BATCH)
    new_ids = {export_id: obj.pk for export_id, obj in zip(export_ids, objects, strict=True)}
    _write_back(section, objects, stamps, own_refs, new_ids)
    return new_ids


def _write_back(
    section: Section,
    objects: list[models.Model],
    stamps: list[list[Any]],
    own_refs: list[dict[str, int]],
    new_ids: dict[int, int],
) -> None:
    """Put back the timestamps that inserting overwrote, and references within the section.

    References within a list (who introduced whom) may point forward, so they are set once
    every record of the list has its new id.
    """
    own_fields = [
        field
        for field in section.fields
        if field.is_relation and field.related_model is section.model
    ]
    fields = _timestamp_fields(section) + own_fields
    if not fields or not objects:
        return
    rows = []
    for index, (obj, values, refs) in enumerate(zip(objects, stamps, own_refs, strict=True)):
        for field in own_fields:
            export_id = refs.get(field.name)
            if export_id is not None and export_id not in new_ids:
                raise InvalidExport(
                    f"{section.key}[{index}].{field.name}: refers to {section.key} id "
                    f"{export_id}, which is not in the file"
                )
            if export_id is not None and new_ids[export_id] == obj.pk:
                raise InvalidExport(
                    f"{section.key}[{index}].{field.name}: points to the record itself "
                    f"(id {export_id}); nobody introduces themselves"
                )
            values.append(None if export_id is None else new_ids[export_id])
        rows.append((obj.pk, values))
    update_columns(section.model, fields, rows)


def update_columns(
    model: type[models.Model],
    fields: list[models.Field[Any, Any]],
    rows: list[tuple[int, list[Any]]],
) -> None:
    """Set these columns of each (primary key, values) row: one statement, run for every row.

    bulk_update() builds a CASE expression over the whole batch for each row, so its cost grows
    with the square of the batch: minutes for 30,000 contacts, where this takes a second.
    """
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(field.column)} = %s" for field in fields)
    sql = (
        f"UPDATE {quote(model._meta.db_table)} SET {assignments} "
        f"WHERE {quote(model._meta.pk.column)} = %s"
    )
    params = [
        [
            *(
                field.get_db_prep_save(value, connection)
                for field, value in zip(fields, values, strict=True)
            ),
            pk,
        ]
        for pk, values in rows
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


# The account ---------------------------------------------------------------------------------


def owned_counts(user: User) -> list[str]:
    """What the user already owns, as "12 contacts" (the seeded question bank aside)."""
    owned = []
    for section in SECTIONS:
        if section.owner != "owner":
            continue  # owned through a conversation, counted with it
        rows = section.rows(user)
        if section.seeded:
            rows = rows.exclude(**section.seeded)
        if found := rows.count():
            owned.append(section.label(found))
    return owned


def _single_values(section: Section, record: Any, where: str) -> dict[str, Any]:
    values, _own = Reader(section, {}).values(record, where)
    return values


def restore_account(user: User, document: dict[str, Any]) -> None:
    """The user's name, e-mail, profile and e-mail settings; the username stays the account's."""
    person = document.get("user")
    if not isinstance(person, dict):
        raise InvalidExport("user is not an object")
    for name in ACCOUNT_FIELDS:
        value = person.get(name, "")
        try:
            field = USER_MODEL._meta.get_field(name)
            assert isinstance(field, models.Field)  # the account's own columns
            value = loader(field)(value)
        except InvalidValue as error:
            raise InvalidExport(f"user.{name}: {error}") from None
        setattr(user, name, value)
    user.save(update_fields=list(ACCOUNT_FIELDS))
    if person.get("profile") is not None:
        profile = _single_values(PROFILE, person["profile"], "user.profile")
        PROFILE.model._default_manager.update_or_create(user=user, defaults=profile)
    if document.get("email_settings") is not None:
        settings = _single_values(EMAIL_SETTINGS, document["email_settings"], "email_settings")
        # The password was never exported: one already set here is kept.
        EMAIL_SETTINGS.model._default_manager.get_or_create(user=user)
        EMAIL_SETTINGS.model._default_manager.filter(user=user).update(**settings)


def restore(user: User, document: dict[str, Any]) -> Restored:
    """Restore a checked document (see read_document) into the user's empty account."""
    check_header(document)
    with transaction.atomic():
        owned = owned_counts(user)
        if owned:
            raise AccountNotEmpty(
                f"{user.get_username()} already owns {_and(owned)}: "
                "restore only into an empty account"
            )
        for section in SECTIONS:
            if section.seeded:
                section.rows(user).filter(**section.seeded).delete()
        restore_account(user, document)
        ids: dict[str, dict[int, int]] = {}
        counts = {}
        for section in SECTIONS:
            ids[section.key] = restore_section(section, user, document.get(section.key, []), ids)
            counts[section.key] = len(ids[section.key])
    mail = document.get("email_settings") or {}
    return Restored(counts, needs_mail_password=bool(mail.get("host")))


def _and(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
