"""CSV exports of contacts, organizations and conversations: spreadsheet-safe and exact."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

import factories as make
from coffeechat.edges.records.tables import TABLES, table_chunks, table_text
from coffeechat.method.importers import ImportFileError, parse
from coffeechat.method.spreadsheet import unneutralise
from coffeechat.network.people.models import Contact, HowKnown
from coffeechat.network.research.models import Organization
from coffeechat.pipeline.conversations.models import (
    Conversation,
    ConversationQuestion,
    Referral,
    Takeaway,
)
from records.richdata import fill_account

HOSTILE = [
    '=HYPERLINK("http://evil.example","click")',
    "+44 20 7946 0000",
    "-1+1",
    "@SUM(A1:A2)",
    "\t=1+2",
    "\r=1+2",
    "'starts with a quote",
    "''two quotes",
    'a "quoted" word, a comma; a semicolon',
    "line one\nline two",
    "Zoë 李 ☕",
]


def read_csv(text: str) -> list[list[str]]:
    """The cells as a program reading the file back sees them."""
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


def read_back(text: str) -> list[dict[str, str]]:
    header, *rows = read_csv(text)
    return [dict(zip(header, map(unneutralise, row), strict=True)) for row in rows]


@pytest.fixture
def hostile_contacts(alice):
    acme = make.organization(alice, "=cmd|' /C calc'!A0")
    return [
        make.contact(
            alice,
            first_name=f"{n:02d} {value}",
            last_name=value,
            email=f"p{n}@example.org",
            phone=value[:40],
            org=acme,
            role=value,
            location=value,
            education=value,
            notes=value,
            how_known=HowKnown.FORMER_COLLEAGUE,
        )
        for n, value in enumerate(HOSTILE)
    ]


def test_cells_that_could_be_formulas_start_with_a_quote_in_the_file(hostile_contacts):
    text = table_text(TABLES["contacts"], hostile_contacts[0].owner)
    cells = [cell for row in read_csv(text)[1:] for cell in row]

    for value in HOSTILE:
        if value[0] in "=+-@\t\r'":
            assert "'" + value in cells, value
        assert value not in cells or value[0] not in "=+-@\t\r'"
    assert "'=cmd|' /C calc'!A0" in cells


def test_contacts_read_back_with_unneutralise_are_exactly_the_originals(hostile_contacts):
    alice = hostile_contacts[0].owner

    rows = read_back(table_text(TABLES["contacts"], alice))

    assert len(rows) == len(HOSTILE)
    for row, contact in zip(rows, hostile_contacts, strict=True):
        assert row["First Name"] == contact.first_name
        assert row["Last Name"] == contact.last_name
        assert row["Phone"] == contact.phone
        assert row["Role"] == row["Location"] == row["Education"] == row["Notes"] == contact.notes
        assert row["Organization"] == "=cmd|' /C calc'!A0"
        assert row["How Known"] == "Former colleague"


def test_the_rich_account_round_trips_through_every_table(alice):
    fill_account(alice, contacts=30)

    contacts = read_back(table_text(TABLES["contacts"], alice))
    organizations = read_back(table_text(TABLES["organizations"], alice))

    expected = Contact.objects.filter(owner=alice).order_by("first_name", "last_name", "pk")
    assert [(r["First Name"], r["Last Name"], r["Notes"]) for r in contacts] == [
        (c.first_name, c.last_name, c.notes) for c in expected
    ]
    names = {o.name: o for o in Organization.objects.filter(owner=alice)}
    for row in organizations:
        organization = names[row["Name"]]
        assert row["Industry"] == organization.industry
        assert row["Notes"] == organization.notes
        assert row["Contacts"] == str(organization.contacts.count())


def test_organizations_are_in_lamp_order_with_their_numbers(alice):
    make.organization(alice, "Later", motivation=1, posting=3)
    make.organization(alice, "Dream", motivation=3, posting=1)

    rows = read_back(table_text(TABLES["organizations"], alice))

    assert [(r["Name"], r["Motivation"], r["Postings"]) for r in rows] == [
        ("Dream", "3", "1"),
        ("Later", "1", "3"),
    ]


def test_conversations_carry_their_notes_takeaways_and_referrals_in_local_time(alice):
    priya = make.contact(alice, "Priya Shah")
    sam = make.contact(alice, "Sam Lee")
    conversation = Conversation.objects.create(
        owner=alice,
        contact=priya,
        scheduled_at=datetime(2025, 6, 18, 13, 30, tzinfo=UTC),
        time_zone="America/New_York",
        status="held",
        learned="=the field is growing",
    )
    Takeaway.objects.create(conversation=conversation, kind="advice", text="Join the association")
    Takeaway.objects.create(conversation=conversation, kind="resource", text="-a newsletter")
    Referral.objects.create(conversation=conversation, contact=sam)

    (row,) = read_back(table_text(TABLES["conversations"], alice))

    assert row["Contact"] == "Priya Shah"
    assert row["Scheduled"] == "2025-06-18 09:30"
    assert row["Time Zone"] == "America/New_York"
    assert row["Status"] == "Held"
    assert row["What You Learned"] == "=the field is growing"
    assert (row["Advice"], row["Resources"], row["Referrals"]) == (
        "Join the association",
        "-a newsletter",
        "Sam Lee",
    )


def test_conversations_carry_the_notes_under_each_question_in_order_and_the_length(alice):
    priya = make.contact(alice, "Priya Shah")
    conversation = Conversation.objects.create(
        owner=alice,
        contact=priya,
        scheduled_at=datetime(2025, 6, 18, 13, 30, tzinfo=UTC),
        started_at=datetime(2025, 6, 18, 13, 34, tzinfo=UTC),
        held_minutes=27,
        status="held",
    )
    asked = [
        ("=What does a typical week look like?", "Deals in the morning\n=SUM(A1)"),
        ("How did you get here?", ""),
        ("What would you focus on?", "  The CFA  "),
    ]
    # Stored out of order: the export follows the order they were asked in.
    for position, (text, notes) in reversed(list(enumerate(asked))):
        ConversationQuestion.objects.create(
            conversation=conversation, text=text, notes=notes, position=position
        )

    text = table_text(TABLES["conversations"], alice)
    (row,) = read_back(text)

    assert row["Question Notes"] == (
        "Q: =What does a typical week look like? — A: Deals in the morning\n=SUM(A1)\n\n"
        "Q: How did you get here? — A: (no notes)\n\n"
        "Q: What would you focus on? — A: The CFA"
    )
    assert row["Started"] == "2025-06-18 13:34"
    assert row["Held Minutes"] == "27"
    # Each cell starts with "Q:", so a formula inside the notes is never one a spreadsheet runs.
    header, raw = read_csv(text)
    assert raw[header.index("Question Notes")].startswith("Q: =What")


def test_the_conversations_spreadsheet_is_still_refused_as_a_contacts_import(alice):
    priya = make.contact(alice, "Priya Shah")
    Conversation.objects.create(
        owner=alice, contact=priya, scheduled_at=datetime(2025, 6, 18, 13, 30, tzinfo=UTC)
    )
    data = table_text(TABLES["conversations"], alice).encode()
    with pytest.raises(ImportFileError, match="Coffeechat's conversations spreadsheet"):
        parse("coffeechat", data, "coffeechat-conversations-2025-06-18.csv")


@pytest.mark.parametrize("name", list(TABLES))
def test_only_the_users_own_rows_are_in_a_table(name, alice, bob):
    fill_account(alice, contacts=6, seed=1)

    rows = read_back(table_text(TABLES[name], bob))

    assert rows == []


@pytest.mark.parametrize("name", list(TABLES))
def test_a_table_takes_the_same_number_of_queries_for_many_rows_as_for_few(name, alice, bob):
    fill_account(alice, contacts=4, seed=1)
    fill_account(bob, contacts=60, seed=2)

    def queries(user: object) -> int:
        with CaptureQueriesContext(connection) as captured:
            table_text(TABLES[name], user)
        return len(captured)

    assert queries(bob) == queries(alice)


def test_a_table_sent_in_pieces_is_the_same_file(alice):
    fill_account(alice, contacts=10)

    pieces = list(table_chunks(TABLES["contacts"], alice, rows_per_chunk=3))

    assert len(pieces) == 4
    assert "".join(pieces) == table_text(TABLES["contacts"], alice)
    assert len(read_back("".join(pieces))) == 10
