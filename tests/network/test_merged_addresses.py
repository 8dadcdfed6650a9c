"""A merged duplicate stays merged: the other record's LinkedIn URL and e-mails are kept as the
contact's other addresses, and imports and Find duplicates recognise the person by them."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

import factories as make
from coffeechat.edges.imports.services import import_contacts, import_file
from coffeechat.method.importers import ImportedContact
from coffeechat.network.duplicates.finder import likely_duplicates
from coffeechat.network.people.models import Contact, OtherAddress
from coffeechat.pipeline.services.merge import merge_contacts

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "imports"
OLD_PROFILE = "https://www.linkedin.com/in/priya-s-old"
NEW_PROFILE = "https://www.linkedin.com/in/priya-shah-4b1a2c"  # as in linkedin_connections.csv


def import_connections(owner):
    name = "linkedin_connections.csv"
    return import_file(owner, "linkedin", (FIXTURES / name).read_bytes(), name)


def actions_for(report, name: str) -> list[tuple[str, str]]:
    return [(row.action, row.detail) for row in report.actions if row.name == name]


def other_addresses(contact: Contact) -> list[tuple[str, str]]:
    return list(contact.other_addresses.order_by("pk").values_list("kind", "address"))


@pytest.fixture
def green_bank(alice):
    return make.organization(alice, "Green Bank")


@pytest.fixture
def typed_priya(alice, green_bank):
    """Priya as typed in by hand, with the LinkedIn address she had then."""
    return make.contact(
        alice,
        "Priya Shah",
        org=green_bank,
        linkedin_url=OLD_PROFILE,
        notes="Met at the Leeds careers fair.",
    )


def test_a_merged_duplicate_is_not_added_again_when_the_same_linkedin_file_is_imported_again(
    alice, typed_priya
):
    first = import_connections(alice)
    assert actions_for(first, "Priya Shah") == [("add", "")]
    imported = Contact.objects.get(owner=alice, linkedin_url=NEW_PROFILE)
    assert [(p.left_id, p.right_id) for p in likely_duplicates(alice)] == [
        (typed_priya.pk, imported.pk)
    ]
    merge_contacts(typed_priya, imported)
    contacts = Contact.objects.filter(owner=alice).count()

    again = import_connections(alice)

    assert actions_for(again, "Priya Shah") == [("unchanged", "")]
    assert (again.added, again.updated) == (0, 0)
    assert Contact.objects.filter(owner=alice).count() == contacts
    assert Contact.objects.filter(owner=alice, first_name="Priya").count() == 1
    assert likely_duplicates(alice) == []
    typed_priya.refresh_from_db()
    assert typed_priya.linkedin_url == OLD_PROFILE
    assert f"Also known: LinkedIn URL {NEW_PROFILE}" in typed_priya.notes
    assert other_addresses(typed_priya) == [("linkedin", NEW_PROFILE)]


def test_a_merged_duplicate_with_another_email_is_not_added_again_when_imported_again(
    alice, green_bank
):
    sam = make.contact(alice, "Sam Lee", org=green_bank, email="sam@home.example")
    rows = [
        ImportedContact(
            line=2, first_name="Sam", last_name="Lee", organization="Green Bank",
            email="Sam.Lee@GreenBank.example", other_emails=("s.lee@old.example",),
        ),
    ]  # fmt: skip
    assert import_contacts(alice, "google", rows).added == 1
    [pair] = likely_duplicates(alice)
    merge_contacts(sam, Contact.objects.get(pk=pair.right_id))

    again = import_contacts(alice, "google", rows)

    assert actions_for(again, "Sam Lee") == [("unchanged", "")]
    assert Contact.objects.filter(owner=alice, first_name="Sam").count() == 1
    assert likely_duplicates(alice) == []
    sam.refresh_from_db()
    assert sam.email == "sam@home.example"
    assert "Also known: email Sam.Lee@GreenBank.example" in sam.notes
    assert other_addresses(sam) == [("email", "Sam.Lee@GreenBank.example")]


def test_an_address_the_kept_contact_already_has_written_another_way_is_not_kept_twice(
    alice, typed_priya
):
    again = make.contact(
        alice,
        "Priya Shah",
        email="priya@greenbank.example",
        linkedin_url="http://uk.linkedin.com/in/Priya-S-Old/?trk=x",
    )
    merged = merge_contacts(typed_priya, again)
    assert merged.email == "priya@greenbank.example"  # a blank filled, not another address
    assert other_addresses(merged) == []


def test_a_contact_merged_twice_is_known_by_the_addresses_of_all_three_records(alice, typed_priya):
    second = make.contact(
        alice, "Priya Shah", email="priya@greenbank.example", linkedin_url=NEW_PROFILE
    )
    third = make.contact(
        alice,
        "Priya Shah",
        email="priya.shah@home.example",
        linkedin_url="https://www.linkedin.com/in/priya-shah-london",
    )
    merge_contacts(second, third)
    merged = merge_contacts(typed_priya, second)

    assert other_addresses(merged) == [
        ("linkedin", NEW_PROFILE),
        ("linkedin", "https://www.linkedin.com/in/priya-shah-london"),
        ("email", "priya.shah@home.example"),
    ]
    assert merged.email == "priya@greenbank.example"
    assert OtherAddress.objects.filter(owner=alice).count() == 3  # the deleted record's went


def test_someone_added_later_with_a_merged_records_address_is_a_likely_duplicate(
    alice, typed_priya
):
    imported = make.contact(alice, "Priya Shah", linkedin_url=NEW_PROFILE)
    merge_contacts(typed_priya, imported)
    later = make.contact(alice, "P. Shah", linkedin_url="linkedin.com/in/PRIYA-SHAH-4b1a2c/")

    [pair] = likely_duplicates(alice)

    assert (pair.left_id, pair.right_id, pair.reason) == (
        typed_priya.pk,
        later.pk,
        "same LinkedIn profile",
    )


def test_a_contact_whose_own_address_it_is_wins_over_one_known_by_it(alice, typed_priya):
    imported = make.contact(alice, "Priya Shah", linkedin_url=NEW_PROFILE)
    merge_contacts(typed_priya, imported)
    # The user decides the new profile is someone else after all and types her in again.
    other = make.contact(alice, "Priya Shah", linkedin_url=NEW_PROFILE, role="Intern")

    import_connections(alice)

    other.refresh_from_db()
    typed_priya.refresh_from_db()
    assert other.role == "Senior Analyst"
    assert typed_priya.role == ""


def test_another_users_merged_addresses_never_recognise_your_contacts(alice, bob):
    bobs = make.contact(bob, "Priya", linkedin_url=OLD_PROFILE)
    bobs_again = make.contact(bob, "Priya", linkedin_url=NEW_PROFILE)
    merge_contacts(bobs, bobs_again)

    report = import_connections(alice)

    assert actions_for(report, "Priya Shah") == [("add", "")]
    assert Contact.objects.get(owner=alice, first_name="Priya").linkedin_url == NEW_PROFILE
    assert likely_duplicates(alice) == []


def test_other_addresses_are_read_in_one_query_however_many_there_are(alice):
    def rows() -> list[ImportedContact]:
        return [
            ImportedContact(
                line=index + 2, first_name=f"Person {index}", last_name="Lee",
                linkedin_url=f"https://www.linkedin.com/in/person-{index}-new",
            )
            for index in range(100)
        ]  # fmt: skip

    people = Contact.objects.bulk_create(
        Contact(
            owner=alice,
            first_name=f"Person {index}",
            last_name="Lee",
            linkedin_url=f"https://www.linkedin.com/in/person-{index}-old",
        )
        for index in range(100)
    )
    OtherAddress.objects.create(
        owner=alice, contact=people[0], kind="linkedin",
        address="https://www.linkedin.com/in/person-0-new",
    )  # fmt: skip
    with CaptureQueriesContext(connection) as one:
        import_contacts(alice, "linkedin", rows(), dry_run=True)
    OtherAddress.objects.bulk_create(
        OtherAddress(
            owner=alice, contact=person, kind="linkedin",
            address=f"https://www.linkedin.com/in/person-{index}-new",
        )
        for index, person in enumerate(people[1:], start=1)
    )  # fmt: skip
    with CaptureQueriesContext(connection) as many:
        report = import_contacts(alice, "linkedin", rows(), dry_run=True)

    assert report.added == 0
    assert len(many) == len(one)
