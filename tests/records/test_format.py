"""The export covers everything a user owns, field by field, and the documentation says so.

These tests fail when a model gains a field or a user-owned model appears that the export does
not know about, or that docs/export-format.md does not describe: no data goes missing quietly.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.db import models

from coffeechat.edges.records.spec import (
    EMAIL_SETTINGS,
    PROFILE,
    SECTIONS,
    USER_FIELDS,
    USER_MODEL,
    USER_OMIT,
    dumper,
    loader,
    reference_section,
    section_for,
)
from records.helpers import export_document

DOC = Path(__file__).resolve().parents[2] / "docs" / "export-format.md"
EXPORTED = [*SECTIONS, PROFILE, EMAIL_SETTINGS]
# Models of ours that hold no user's records, and why.
NOT_USER_DATA = {
    "accounts.SetupToken": "the one-time first-run link, owned by no user",
    "calendar.CalendarFeed": "a secret (the private feed link): never exported, made anew",
    "reminders.DigestSent": "when the morning digest went out: operational state, not records",
}


def _ours(model: type[models.Model]) -> bool:
    return model.__module__.startswith("coffeechat.") and not model._meta.auto_created


def _owned_models() -> set[type[models.Model]]:
    """Models with a row per user, and the models whose rows die with such a row."""
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    owned = {
        model
        for model in apps.get_models()
        if _ours(model)
        and any(f.is_relation and f.related_model is user_model for f in model._meta.fields)
    }
    while True:
        children = {
            model
            for model in apps.get_models()
            if _ours(model)
            and model not in owned
            and any(
                f.many_to_one
                and not f.null
                and f.related_model in owned
                and f.remote_field.on_delete is models.CASCADE
                for f in model._meta.fields
            )
        }
        if not children:
            return owned - {user_model}
        owned |= children


def test_every_model_that_holds_a_users_records_is_exported():
    exported = {section.model for section in EXPORTED}
    ignored = {apps.get_model(label) for label in NOT_USER_DATA}

    missing = _owned_models() - exported - ignored

    assert not missing, f"add these to coffeechat.edges.records.spec.SECTIONS: {missing}"


@pytest.mark.parametrize("section", EXPORTED, ids=lambda section: section.key)
def test_every_concrete_field_is_exported_or_left_out_with_a_reason(section):
    exported = {field.name for field in section.fields}
    owner = section.owner.split("__")[0]
    left_out = set(section.omit) | {section.model._meta.pk.name, owner}

    for field in section.model._meta.concrete_fields:
        assert field.name in exported | left_out, f"{section.key}.{field.name} is not covered"
    for field in section.fields:
        if field.is_relation:
            assert reference_section(field) is not None
        else:  # raises for a kind of field the export cannot write or read yet
            dumper(field)
            loader(field)


def test_every_field_of_the_account_itself_is_exported_or_left_out_with_a_reason():
    for field in USER_MODEL._meta.concrete_fields:
        if field.primary_key:
            continue
        assert field.name in USER_FIELDS or field.name in USER_OMIT, field.name


def test_references_point_to_lists_that_come_earlier_so_restore_can_remap_them():
    order = [section.key for section in SECTIONS]
    for position, section in enumerate(SECTIONS):
        for field in section.fields:
            if field.is_relation:
                target = reference_section(field)
                assert section_for(field.related_model) is target
                assert order.index(target.key) <= position, f"{section.key}.{field.name}"


def test_the_encrypted_mail_password_is_never_exported(rich_alice):
    document = export_document(rich_alice)

    assert "password_encrypted" not in document["email_settings"]
    assert "not-for-export" not in str(document)


def _documented_keys() -> dict[str, set[str]]:
    """`key` names in each "### `section`" part of docs/export-format.md."""
    parts = re.split(r"^### `([a-z_]+)`", DOC.read_text("utf-8"), flags=re.MULTILINE)
    return {
        name: set(re.findall(r"^\| `([a-z_]+)`", body, flags=re.MULTILINE))
        for name, body in zip(parts[1::2], parts[2::2], strict=True)
    }


def test_the_documentation_describes_every_key_of_every_list():
    documented = _documented_keys()

    for section in EXPORTED:
        keys = {field.name for field in section.fields}
        if section in SECTIONS:
            keys.add("id")
        assert documented.get(section.key) == keys, f"docs/export-format.md: {section.key}"
    assert documented["user"] == {*USER_FIELDS, "profile"}
    assert documented["document"] == {
        "format", "version", "exported_at", "user", "email_settings",
        *(section.key for section in SECTIONS),
    }  # fmt: skip


def test_the_rich_test_data_fills_every_key_with_something_other_than_its_default(rich_alice):
    """So the round-trip test really carries every field (extend richdata.py for a new one)."""
    document = export_document(rich_alice)
    singles = {"profile": document["user"]["profile"], "email_settings": document["email_settings"]}

    for section in EXPORTED:
        records = document[section.key] if section in SECTIONS else [singles[section.key]]
        assert records, section.key
        for field in section.fields:
            default = field.get_default() if field.has_default() else None
            values = [record[field.name] for record in records]
            meaningful = [v for v in values if v not in (None, "", [], {}, default)]
            assert meaningful, f"richdata.py leaves {section.key}.{field.name} at its default"
