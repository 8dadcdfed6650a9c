"""contacts.csv out of one account and into another: every value back exactly, formulas and all,
and importing it again changes nothing."""

from __future__ import annotations

import csv
import io

import pytest
from django.db.models import F

import factories as make
from coffeechat.edges.imports.services import import_file
from coffeechat.edges.records.tables import TABLES, table_text
from coffeechat.method.importers import ImportFileError
from coffeechat.method.importers.coffeechat import COLUMNS, HOW_KNOWN, NOT_READ
from coffeechat.network.people.models import Contact, HowKnown, Source
from records.richdata import fill_account

TRICKY = [
    '=HYPERLINK("http://evil.example","click")',
    "'Quoted",
    "+44 20 7946 0000",
    "-dash",
    "@handle",
    "\t=1+2",
    "''two quotes",
    'say "hi", then; leave',
    "line one\nline two\r\nline three",
    "Zoë 李 ☕",
]


def exported(user: object) -> bytes:
    """contacts.csv as the "Your data" page sends it."""
    return table_text(TABLES["contacts"], user).encode()


def without_times(data: bytes) -> list[list[str]]:
    rows = csv.reader(io.StringIO(data.decode(), newline=""))
    return [row[: -len(NOT_READ)] for row in rows]


def fields(user: object) -> list[tuple]:
    """Every exported column of every contact, in the export's order (names, not ids)."""
    contacts = (
        Contact.objects.filter(owner=user)
        .select_related("organization", "introduced_by")
        .order_by("first_name", "last_name", "pk")
    )
    return [
        (
            c.first_name, c.last_name, c.email, c.phone, c.linkedin_url,
            c.organization.name if c.organization else "", c.role, c.location, c.education,
            c.how_known, c.introduced_by.full_name if c.introduced_by else "", c.notes,
        )
        for c in contacts
    ]  # fmt: skip


@pytest.fixture
def tricky_contacts(alice):
    sam = make.contact(alice, "=Sam -Lee")
    for n, value in enumerate(TRICKY):
        make.contact(
            alice,
            first_name=value,
            last_name=f"{value} {n}",
            email=f"{value[0] if value[0] in '+-=' else ''}p{n}@example.org",
            phone=value[:40],
            linkedin_url=f"https://www.linkedin.com/in/p{n}" if n % 2 else "",
            org=make.organization(alice, f"{value} {n}"),
            role=value,
            location=value,
            education=value,
            how_known=HowKnown.values[n % len(HowKnown.values)],
            introduced_by=sam if n % 3 == 0 else None,
            notes=value,
        )
    return alice


def test_the_tricky_values_come_back_field_by_field_in_another_account(tricky_contacts, carol):
    alice = tricky_contacts

    report = import_file(carol, "coffeechat", exported(alice), "coffeechat-contacts.csv")

    assert report.problems == [] and report.skipped == []
    assert (report.added, report.updated, report.unchanged) == (len(TRICKY) + 1, 0, 0)
    assert fields(carol) == fields(alice)
    emails = set(Contact.objects.filter(owner=carol).values_list("email", flat=True))
    assert {"=p0@example.org", "+p2@example.org", "-p3@example.org"} <= emails
    assert set(Contact.objects.filter(owner=carol).values_list("source", flat=True)) == {
        Source.RESTORE
    }


def test_importing_the_same_file_again_changes_nothing(tricky_contacts, carol):
    data = exported(tricky_contacts)
    import_file(carol, "coffeechat", data, "contacts.csv")
    before = fields(carol)

    again = import_file(carol, "coffeechat", data, "contacts.csv")

    assert (again.added, again.updated, again.unchanged) == (0, 0, len(TRICKY) + 1)
    assert fields(carol) == before


def test_importing_an_account_into_itself_changes_nothing(tricky_contacts):
    before = fields(tricky_contacts)
    report = import_file(tricky_contacts, "coffeechat", exported(tricky_contacts), "c.csv")
    assert (report.added, report.updated) == (0, 0)
    assert fields(tricky_contacts) == before


def test_a_rich_account_comes_back_whole(alice, carol):
    fill_account(alice, contacts=40)
    # The generator links a few contacts to themselves, which the contact form refuses ("A
    # contact cannot introduce themselves") and an import leaves out.
    Contact.objects.filter(owner=alice, introduced_by=F("pk")).update(introduced_by=None)

    report = import_file(carol, "coffeechat", exported(alice), "contacts.csv")

    assert report.problems == [] and report.skipped == []
    assert fields(carol) == fields(alice)
    # The second export is the first, but for the Added and Updated times of the new records.
    assert without_times(exported(carol)) == without_times(exported(alice))


def test_the_linkedin_importer_refuses_the_export_instead_of_dropping_columns(tricky_contacts):
    with pytest.raises(ImportFileError, match="looks like an export from Coffeechat"):
        import_file(tricky_contacts, "linkedin", exported(tricky_contacts), "contacts.csv")


def test_the_importer_reads_every_column_the_export_writes():
    assert TABLES["contacts"].header == COLUMNS + NOT_READ


def test_the_how_known_labels_are_the_contact_models():
    assert {value: str(label) for value, label in HowKnown.choices} == HOW_KNOWN
