"""Coffeechat's own contacts.csv read back: every column, every cell as it was before the export
neutralised it, and the other importers pointing to the right kind instead of dropping columns."""

from __future__ import annotations

import csv
import io
import re

import pytest

from coffeechat.method.importers import ImportFileError, parse, parse_coffeechat
from coffeechat.method.importers.coffeechat import COLUMNS, NOT_READ
from coffeechat.method.spreadsheet import neutralise_row

HEADER = list(COLUMNS + NOT_READ)


def export(*rows: dict[str, str]) -> bytes:
    """A file as records/tables.py writes it: byte order mark, CRLF, every cell neutralised."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in rows:
        writer.writerow(neutralise_row(row.get(column, "") for column in HEADER))
    return ("\ufeff" + out.getvalue()).encode()


PRIYA = {
    "First Name": "=HYPERLINK(\"x\")",
    "Last Name": "'Quoted",
    "Email": "-dash@example.org",
    "Phone": "+44 20 7946 0000",
    "LinkedIn URL": "https://uk.linkedin.com/in/priya-shah/",
    "Organization": "@handle",
    "Role": "-dash",
    "Location": "\tTabbed, London",
    "Education": "''two quotes",
    "How Known": "Former colleague",
    "Introduced By": "=Sam Lee",
    "Notes": "Met at \"Climate Week\", 2025;\r\nline two\n  indented line",
    "Added": "2025-06-18 09:30",
    "Updated": "2025-06-19 10:00",
}  # fmt: skip


def test_every_column_comes_back_exactly_as_it_was_before_the_export():
    result = parse("coffeechat", export(PRIYA), "coffeechat-contacts-2025-06-19.csv")

    assert result.problems == result.skipped == []
    [row] = result.rows
    assert row.line == 2
    assert (row.first_name, row.last_name) == ('=HYPERLINK("x")', "'Quoted")
    assert row.email == "-dash@example.org"
    assert row.phone == "+44 20 7946 0000"
    assert row.linkedin_url == "https://uk.linkedin.com/in/priya-shah/"
    assert (row.organization, row.role) == ("@handle", "-dash")
    assert row.location == "\tTabbed, London"
    assert row.education == "''two quotes"
    assert row.how_known == "former_colleague"
    assert row.referred_by == "=Sam Lee"
    assert row.notes == PRIYA["Notes"]


def test_a_cell_someone_typed_in_a_spreadsheet_keeps_its_own_leading_quote():
    # Only a quote the export could have added (before = + - @ tab CR or a quote) comes off.
    [row] = parse(
        "coffeechat", export({"First Name": "Ana"}).replace(b"Ana", b"'tis"), "c.csv"
    ).rows
    assert row.first_name == "'tis"


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        ("Friend", "friend"),
        ("cold (no connection yet)", "cold"),
        ("former_colleague", "former_colleague"),
        (" LinkedIn ", "linkedin"),
        ("", ""),
    ],
)
def test_how_known_is_read_as_the_label_or_the_stored_value(cell, value):
    [row] = parse_coffeechat(export({"First Name": "Ana", "How Known": cell}).decode()).rows
    assert row.how_known == value


def test_an_unknown_how_known_or_a_profile_elsewhere_is_a_problem_on_its_line():
    result = parse_coffeechat(
        export(
            {"First Name": "Ana", "How Known": "Neighbour"},
            {"First Name": "Ben", "LinkedIn URL": "https://example.com/ben"},
        ).decode()
    )

    assert result.rows == []
    assert result.problems == [
        (2, "How Known 'Neighbour' is not one of: Friend, Family, Alumni, Professor, Former "
            "colleague, LinkedIn, Referral, Cold (no connection yet)"),
        (3, "the LinkedIn URL 'https://example.com/ben' is not a LinkedIn address"),
    ]  # fmt: skip


def test_a_value_too_long_to_store_is_a_problem():
    result = parse_coffeechat(export({"First Name": "Ana", "Education": "x" * 301}).decode())
    assert result.problems == [(2, "the education is longer than 300 characters")]


@pytest.mark.parametrize(
    ("kind", "start"),
    [
        ("linkedin", "contacts.csv is not LinkedIn's Connections.csv"),
        ("google", "contacts.csv is not a Google Contacts export"),
        ("outlook", "contacts.csv is not an Outlook contacts export"),
        ("vcard", "contacts.csv is not a vCard file"),
    ],
)
def test_the_other_importers_refuse_a_coffeechat_export_naming_the_right_kind(kind, start):
    with pytest.raises(ImportFileError) as refused:
        parse(kind, export(PRIYA), "contacts.csv")
    message = str(refused.value)
    assert message.startswith(start)
    # "it looks like an export from Coffeechat" (a "CSV export" for the vCard importer)
    assert re.search(
        r": it looks like an? (CSV )?export from Coffeechat\. "
        r"Choose “Coffeechat” as the kind of file",
        message,
    )


def test_the_other_kinds_are_refused_by_the_coffeechat_importer_naming_theirs():
    linkedin = (
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\nA,B,,,,,\r\n"
    )
    with pytest.raises(ImportFileError, match="looks like an export from LinkedIn"):
        parse("coffeechat", linkedin, "Connections.csv")


@pytest.mark.parametrize(
    ("header", "table"),
    [
        ("Name,Website,Field,Industry,Location,Motivation,Postings,Contacts,Notes,Added,Updated",
         "organizations"),
        ("Contact,Organization,Scheduled,Time Zone,Minutes,Mode,Place,Video Link,Phone,Status,"
         "Goal,Notes,What You Learned,Still Unknown,Next Steps,Advice,Resources,Referrals,"
         "Started,Ended", "conversations"),
    ],
)  # fmt: skip
@pytest.mark.parametrize("kind", ["coffeechat", "google", "linkedin"])
def test_coffeechats_other_spreadsheets_are_refused_as_holding_no_contacts(header, table, kind):
    data = f"\ufeff{header}\r\nAcme,,,,,,,,,,\r\n".encode()
    with pytest.raises(ImportFileError) as refused:
        parse(kind, data, f"coffeechat-{table}.csv")
    assert str(refused.value) == (
        f"coffeechat-{table}.csv is Coffeechat's {table} spreadsheet, which has no contacts in "
        "it. Choose the contacts spreadsheet (Your data > Contacts (CSV)) as a “Coffeechat” file."
    )
