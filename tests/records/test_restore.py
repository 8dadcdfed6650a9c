"""`coffeechat restore`: an export read back into an empty account, exactly as it was."""

from __future__ import annotations

import copy
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

import factories as make
from coffeechat.edges.records.restore import (
    AccountNotEmpty,
    InvalidExport,
    check_header,
    read_document,
    restore,
)
from coffeechat.edges.records.spec import SECTIONS
from coffeechat.network.people.models import Contact
from coffeechat.pipeline.conversations.models import Question
from coffeechat.pipeline.outreach.models import EmailSettings, MessageTemplate
from records.helpers import export_document
from records.richdata import fill_account


def comparable(document: dict) -> dict:
    """The document without what is documented to differ: when, and the account's username."""
    document = copy.deepcopy(document)
    del document["exported_at"]
    del document["user"]["username"]
    return document


def test_export_restore_export_gives_the_same_document(rich_alice, carol):
    original = export_document(rich_alice)

    restore(carol, json.loads(json.dumps(original)))

    assert comparable(export_document(carol)) == comparable(original)


def test_restored_timestamps_are_exact_to_the_microsecond_in_the_database(rich_alice, carol):
    restore(carol, export_document(rich_alice))

    def stamps(user: object) -> list:
        return list(
            Contact.objects.filter(owner=user)
            .order_by("pk")
            .values_list("created_at", "updated_at", "imported_at")
        )

    assert stamps(carol) == stamps(rich_alice)
    assert any(created.microsecond for created, _updated, _imported in stamps(carol))


def test_restore_gives_the_new_account_its_own_copies(rich_alice, carol):
    restore(carol, export_document(rich_alice))

    alice_ids = set(Contact.objects.filter(owner=rich_alice).values_list("pk", flat=True))
    carol_contacts = Contact.objects.filter(owner=carol)
    assert carol_contacts.count() == 40
    assert not alice_ids & set(carol_contacts.values_list("pk", flat=True))
    assert not carol_contacts.filter(introduced_by__owner=rich_alice).exists()
    assert not carol_contacts.filter(organization__owner=rich_alice).exists()


def test_the_account_keeps_its_username_and_password_and_takes_the_rest(rich_alice, carol):
    password = carol.password

    restore(carol, export_document(rich_alice))

    carol.refresh_from_db()
    assert (carol.username, carol.password) == ("carol", password)
    assert (carol.email, carol.first_name) == ("alice@example.org", "Zoë")
    assert carol.profile.time_zone == "Europe/London"
    assert carol.profile.message_rules == "strict"


def test_mail_settings_come_back_without_a_password_and_one_already_set_is_kept(rich_alice, carol):
    EmailSettings.objects.create(user=carol, password_encrypted="carol's own secret")

    restore(carol, export_document(rich_alice))

    settings = EmailSettings.objects.get(user=carol)
    assert (settings.host, settings.port, settings.security) == ("smtp.example.org", 465, "ssl")
    assert settings.password_encrypted == "carol's own secret"


def test_the_question_bank_and_templates_a_new_account_starts_with_are_replaced(alice, carol):
    Question.objects.filter(owner=alice, built_in=True).update(text="Alice's edited question")
    document = export_document(alice)

    restore(carol, document)

    assert Question.objects.filter(owner=carol).count() == len(document["questions"])
    assert Question.objects.filter(owner=carol, text="Alice's edited question").exists()
    assert MessageTemplate.objects.filter(owner=carol).count() == len(document["message_templates"])


def test_an_account_that_owns_records_is_refused_and_left_as_it_was(rich_alice, carol):
    make.contact(carol, first_name="Already here")
    Question.objects.create(owner=carol, category="advice", text="My own question?")

    with pytest.raises(AccountNotEmpty) as refused:
        restore(carol, export_document(rich_alice))

    assert str(refused.value) == (
        "carol already owns 1 contact and 1 question: restore only into an empty account"
    )
    assert Contact.objects.filter(owner=carol).count() == 1


def test_the_refusal_counts_what_is_there(rich_alice):
    with pytest.raises(AccountNotEmpty, match=r"^alice already owns [\d]+ fields of interest, "):
        restore(rich_alice, export_document(rich_alice))


def _broken(document: dict, change) -> dict:
    document = copy.deepcopy(document)
    change(document)
    return document


BAD_VALUES = {
    "wrong type": (
        lambda d: d["contacts"][3].update(first_name=12),
        r"^contacts\[3\]\.first_name: expected text, got int$",
    ),
    "unknown choice": (
        lambda d: d["contacts"][0].update(how_known="pal"),
        r"^contacts\[0\]\.how_known: 'pal' is not one of",
    ),
    "dangling reference": (
        lambda d: d["contacts"][1].update(organization=999),
        r"^contacts\[1\]\.organization: refers to organizations id 999, which is not in the file$",
    ),
    "unknown key": (
        lambda d: d["contacts"][2].update(nickname="Z"),
        r"^contacts\[2\] has an unknown key 'nickname'$",
    ),
    "missing key": (
        lambda d: d["contacts"][2].pop("first_name"),
        r"^contacts\[2\]\.first_name: is missing$",
    ),
    "duplicate id": (
        lambda d: d["contacts"][2].update(id=1),
        r"^contacts\[2\]\.id: 1 is used twice$",
    ),
    "too long": (
        lambda d: d["contacts"][2].update(last_name="x" * 101),
        r"^contacts\[2\]\.last_name: longer than 100 characters$",
    ),
    "naive timestamp": (
        lambda d: d["messages"][0].update(sent_at="2025-06-18T09:30:00"),
        r"^messages\[0\]\.sent_at: expected a date and time with an offset",
    ),
    "not an ISO date": (
        lambda d: d["replies"][0].update(received_on="18/06/2025"),
        r"^replies\[0\]\.received_on: expected a date \(YYYY-MM-DD\)",
    ),
    "boolean for a number": (
        lambda d: d["organizations"][0].update(motivation=True),
        r"^organizations\[0\]\.motivation: expected a whole number, got bool$",
    ),
    "required reference": (
        lambda d: d["followups"][-1].update(contact=None),
        r"^followups\[\d+\]\.contact: expected the id of one of the contacts, got None$",
    ),
    "dangling introducer": (
        lambda d: d["contacts"][4].update(introduced_by=4000),
        r"^contacts\[4\]\.introduced_by: refers to contacts id 4000, which is not in the file$",
    ),
    "introducer as text": (
        lambda d: d["contacts"][4].update(introduced_by="Priya"),
        r"^contacts\[4\]\.introduced_by: expected the id of one of the contacts, got 'Priya'$",
    ),
    "agenda as objects": (
        lambda d: d["conversations"][0].update(agenda_done=[{"thank": True}]),
        r"^conversations\[0\]\.agenda_done: expected a list of words",
    ),
    "list expected": (lambda d: d.update(fields={}), r"^fields is not a list$"),
    "profile": (
        lambda d: d["user"]["profile"].update(country=44),
        r"^user\.profile\.country: expected text",
    ),
}


@pytest.mark.parametrize(("change", "message"), BAD_VALUES.values(), ids=BAD_VALUES.keys())
def test_a_bad_value_names_its_place_and_nothing_is_restored(rich_alice, carol, change, message):
    document = _broken(export_document(rich_alice), change)
    bank = Question.objects.filter(owner=carol).count()

    with pytest.raises(InvalidExport, match=message):
        restore(carol, document)

    assert not Contact.objects.filter(owner=carol).exists()
    assert Question.objects.filter(owner=carol).count() == bank
    carol.refresh_from_db()
    assert carol.email == "carol@example.org"


NOT_VERSION_1 = {
    "not an object": ([], r'^is not a Coffeechat export \(no "format": "coffeechat-export"\)$'),
    "other format": ({"format": "other", "version": 1}, r"^is not a Coffeechat export"),
    "newer version": (
        {"format": "coffeechat-export", "version": 2},
        r"^is a version 2 export from a newer Coffeechat; this one restores version 1",
    ),
    "version as text": (
        {"format": "coffeechat-export", "version": "1"},
        r"^has an unknown export version '1'$",
    ),
    "unknown list": (
        {"format": "coffeechat-export", "version": 1, "photos": []},
        r"^has an unknown key 'photos'",
    ),
}


@pytest.mark.parametrize(("document", "message"), NOT_VERSION_1.values(), ids=NOT_VERSION_1.keys())
def test_a_document_that_is_not_a_version_1_export_is_refused(document, message):
    with pytest.raises(InvalidExport, match=message):
        check_header(document)


def test_malformed_json_is_reported_with_its_line_and_column(tmp_path):
    path = tmp_path / "export.json"
    path.write_text('{"format": "coffeechat-export",\n "version": 1\n "user": {}}', "utf-8")

    with pytest.raises(InvalidExport, match=r"^is not valid JSON \(line 3, column 2: "):
        read_document(path)


def test_a_file_that_is_not_there_is_reported_plainly(tmp_path):
    with pytest.raises(InvalidExport, match=r"^cannot be read \(No such file or directory\)$"):
        read_document(tmp_path / "missing.json")


def test_a_key_missing_from_an_older_file_takes_the_fields_default(alice, carol):
    make.contact(alice, "Sam")
    document = export_document(alice)
    for key in ("source", "imported_at", "notes"):
        del document["contacts"][0][key]

    restore(carol, document)

    sam = Contact.objects.get(owner=carol)
    assert (sam.source, sam.imported_at, sam.notes) == ("restore", None, "")


def test_restore_runs_a_number_of_queries_that_grows_with_batches_not_records(alice, carol):
    fill_account(alice, contacts=150, seed=3)
    document = export_document(alice)
    records = sum(len(document[section.key]) for section in SECTIONS)

    with CaptureQueriesContext(connection) as queries:
        restore(carol, document)

    assert records > 1000
    assert len(queries) < records / 10
