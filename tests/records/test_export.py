"""`coffeechat export json`: one versioned document of everything the user owns."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

import factories as make
from coffeechat.edges.records.spec import SECTIONS
from coffeechat.foundation.accounts.services import create_user
from coffeechat.network.people.models import Contact
from coffeechat.pipeline.conversations.models import Conversation
from records.helpers import export_document, export_text
from records.richdata import fill_account

TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$")


def test_the_document_says_what_it_is_and_whose_it_is(rich_alice):
    document = export_document(rich_alice)

    assert document["format"] == "coffeechat-export"
    assert document["version"] == 1
    assert TIMESTAMP.match(document["exported_at"])
    assert document["user"]["username"] == "alice"
    assert document["user"]["profile"]["full_name"] == "Zoë Ørsted-李"
    assert document["email_settings"]["host"] == "smtp.example.org"
    assert list(document)[5:] == [section.key for section in SECTIONS]


def test_every_row_the_user_owns_is_in_its_list(rich_alice):
    document = export_document(rich_alice)

    for section in SECTIONS:
        assert len(document[section.key]) == section.rows(rich_alice).count(), section.key


def test_another_users_records_are_not_in_it(rich_alice, bob):
    fill_account(bob, contacts=5, seed=1)
    make.contact(bob, "Bobs-only-friend")

    text = export_text(rich_alice)

    assert "Bobs-only-friend" not in text
    assert len(json.loads(text)["contacts"]) == 40


def test_timestamps_keep_their_microseconds_and_dates_are_iso_days(rich_alice):
    contact = Contact.objects.filter(owner=rich_alice).order_by("pk").first()
    contact.created_at = datetime(2025, 6, 18, 9, 30, 0, 123456, tzinfo=UTC)
    Contact.objects.bulk_update([contact], ["created_at"])

    document = export_document(rich_alice)

    assert document["contacts"][0]["created_at"] == "2025-06-18T09:30:00.123456+00:00"
    assert all(TIMESTAMP.match(c["updated_at"]) for c in document["contacts"])
    assert all(re.match(r"^\d{4}-\d\d-\d\d$", f["due_on"]) for f in document["followups"])


def test_a_whole_second_is_written_with_its_six_zero_digits(alice):
    make.contact(alice, "Sam")
    Contact.objects.filter(owner=alice).update(updated_at=datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC))

    document = export_document(alice)

    assert document["contacts"][0]["updated_at"] == "2025-01-02T03:04:05.000000+00:00"


def test_references_use_export_ids_numbered_from_one_in_creation_order(rich_alice):
    document = export_document(rich_alice)
    contacts = Contact.objects.filter(owner=rich_alice).order_by("pk")
    export_id = {contact.pk: n for n, contact in enumerate(contacts, start=1)}
    conversation = Conversation.objects.filter(owner=rich_alice).order_by("pk")[2]

    assert [c["id"] for c in document["contacts"]] == list(range(1, 41))
    for contact, record in zip(contacts, document["contacts"], strict=True):
        assert record["first_name"] == contact.first_name
        expected = export_id[contact.introduced_by_id] if contact.introduced_by_id else None
        assert record["introduced_by"] == expected
    assert document["conversations"][2]["contact"] == export_id[conversation.contact_id]


def test_each_record_is_one_line_so_the_file_can_be_read_and_compared_line_by_line(rich_alice):
    text = export_text(rich_alice)
    lines = text.splitlines()
    records = sum(len(value) for value in json.loads(text).values() if isinstance(value, list))

    assert lines[0] == "{"
    assert lines[-1] == "}"
    assert len([line for line in lines if line.startswith('    {"id": ')]) == records


def test_an_account_with_nothing_is_a_document_of_empty_lists(carol):
    document = export_document(carol)

    assert document["contacts"] == []
    assert document["email_settings"] is None
    assert len(document["questions"]) > 20  # the bank a new account starts with


def _export_queries(user: object) -> int:
    with CaptureQueriesContext(connection) as queries:
        export_text(user)
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_number_of_records(alice, bob):
    fill_account(alice, contacts=4, seed=1)
    fill_account(bob, contacts=120, seed=2)

    assert _export_queries(bob) == _export_queries(alice)
    assert _export_queries(bob) <= 2 * len(SECTIONS) + 8


@pytest.mark.django_db(transaction=True)
def test_an_export_on_its_own_reads_every_list_from_one_snapshot(persona_password):
    maya = create_user(username="maya", password=persona_password)
    make.contact(maya, "Sam")

    with CaptureQueriesContext(connection) as queries:
        document = json.loads(export_text(maya))

    assert [c["first_name"] for c in document["contacts"]] == ["Sam"]
    if connection.vendor == "postgresql":
        statements = [query["sql"] for query in queries if query["sql"] != "BEGIN"]
        assert "REPEATABLE READ" in statements[0]
