"""The import service: all or nothing, safe to repeat, fast, and only ever the owner's data."""

from __future__ import annotations

from pathlib import Path

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

import factories as make
from coffeechat.edges.imports.services import import_contacts, import_file
from coffeechat.method.importers import LIMITS, ImportedContact, parse
from coffeechat.network.people.models import Contact, HowKnown, Source
from coffeechat.network.research.models import Organization

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "imports"


def import_fixture(owner, kind: str, name: str, **options):
    return import_file(owner, kind, (FIXTURES / name).read_bytes(), name, **options)


def contact(owner, first_name: str) -> Contact:
    return Contact.objects.select_related("organization", "introduced_by").get(
        owner=owner, first_name=first_name
    )


def test_the_parsers_limits_are_the_contact_models():
    fields = {
        name: Contact._meta.get_field(name).max_length
        for name in (
            "first_name",
            "last_name",
            "honorific",
            "middle_name",
            "suffix",
            "goes_by",
            "email",
            "phone",
            "linkedin_url",
            "role",
            "location",
            "education",
        )
    }
    fields["organization"] = Organization._meta.get_field("name").max_length
    assert fields == LIMITS


def test_a_linkedin_file_adds_its_people_and_says_where_they_came_from(alice):
    with time_machine.travel("2026-03-02 10:00Z", tick=False):
        report = import_fixture(alice, "linkedin", "linkedin_connections.csv")
    assert (report.added, report.updated, report.unchanged) == (6, 0, 0)
    assert report.summary() == "added 6, updated 0, unchanged 0, skipped 1"
    assert report.written
    priya = contact(alice, "Priya")
    assert priya.organization.name == "Green Bank"
    assert priya.organization.owner == alice
    assert priya.role == "Senior Analyst"
    assert priya.linkedin_url == "https://www.linkedin.com/in/priya-shah-4b1a2c"
    assert priya.how_known == HowKnown.LINKEDIN
    assert priya.source == Source.LINKEDIN
    assert priya.imported_at.isoformat() == "2026-03-02T10:00:00+00:00"
    assert priya.notes == "Connected on LinkedIn on 18 Jun 2025."
    assert contact(alice, "小龍").last_name == "李"


def test_contacts_added_by_hand_say_so(alice):
    sam = make.contact(alice, "Sam")
    assert (sam.source, sam.imported_at) == (Source.MANUAL, None)


def test_importing_the_same_file_again_changes_nothing(alice):
    import_fixture(alice, "linkedin", "linkedin_connections.csv")
    before = list(Contact.objects.order_by("pk").values())
    report = import_fixture(alice, "linkedin", "linkedin_connections.csv")
    assert (report.added, report.updated, report.unchanged) == (0, 0, 6)
    assert list(Contact.objects.order_by("pk").values()) == before
    assert Organization.objects.count() == 4


@pytest.mark.parametrize(
    ("kind", "name", "people"),
    [
        ("google", "google_contacts.csv", 4),
        ("google", "google_legacy.csv", 3),
        ("outlook", "outlook_contacts.csv", 4),
        ("outlook", "outlook_latin1.csv", 2),
        ("vcard", "contacts_v3.vcf", 3),
        ("vcard", "contacts_v4.vcf", 2),
        ("linkedin", "linkedin_old.csv", 3),
        ("linkedin", "linkedin_utf16.csv", 6),
    ],
)
def test_every_kind_of_file_is_safe_to_import_twice(alice, kind, name, people):
    first = import_fixture(alice, kind, name, skip_bad_rows=True)
    count = Contact.objects.count()
    again = import_fixture(alice, kind, name, skip_bad_rows=True)
    assert first.added >= people
    assert (again.added, again.updated, again.unchanged) == (0, 0, people)
    assert Contact.objects.count() == count


def test_organizations_are_created_once_and_matched_whatever_the_capitals(alice, bob):
    mine = make.organization(alice, "green bank")
    make.organization(bob, "Banco Verde")
    report = import_fixture(alice, "linkedin", "linkedin_connections.csv")
    assert report.new_organizations == 3
    assert contact(alice, "Priya").organization == mine
    assert contact(alice, "Siobhán").organization == mine  # "GREEN BANK" in the file
    banco = contact(alice, "José").organization
    assert (banco.name, banco.owner) == ("Banco Verde", alice)
    assert sorted(Organization.objects.filter(owner=alice).values_list("name", flat=True)) == [
        "Banco Verde", "Climate Partners, Inc.", "Golden Harvest", "green bank",
    ]  # fmt: skip


def test_a_file_with_bad_rows_is_refused_whole_with_their_lines(alice):
    report = import_fixture(alice, "linkedin", "linkedin_with_problems.csv")
    assert report.refused and not report.written
    assert [str(problem) for problem in report.problems] == [
        "line 6: the e-mail 'bob@' is not a valid address",
        "line 8: the profile address 'https://example.com/dana' is not a LinkedIn address",
    ]
    assert report.added == 2  # what it would do without them
    assert not Contact.objects.exists()
    assert not Organization.objects.exists()


def test_skipping_bad_rows_imports_the_rest_and_lists_the_bad_ones(alice):
    report = import_fixture(alice, "linkedin", "linkedin_with_problems.csv", skip_bad_rows=True)
    assert report.written and report.problems == []
    assert [line for line, _reason in report.skipped] == [6, 7, 8]
    assert report.skipped[0].reason == "the e-mail 'bob@' is not a valid address"
    assert sorted(Contact.objects.values_list("first_name", flat=True)) == ["Lena", "Priya"]


def test_a_dry_run_writes_nothing_but_reports_the_same(alice):
    report = import_fixture(alice, "linkedin", "linkedin_connections.csv", dry_run=True)
    assert report.summary() == "added 6, updated 0, unchanged 0, skipped 1"
    assert not report.written
    assert not Contact.objects.exists()
    assert not Organization.objects.exists()


def test_the_report_lists_every_row_in_file_order(alice):
    report = import_fixture(alice, "linkedin", "linkedin_with_problems.csv", dry_run=True)
    assert [(row.line, row.action) for row in report.actions] == [
        (5, "add"), (6, "problem"), (7, "skip"), (8, "problem"), (9, "add"),
    ]  # fmt: skip
    assert report.actions[0].name == "Priya Shah"
    assert report.actions[0].label == "Add"


def test_someone_already_there_gets_blanks_filled_and_a_new_job_but_keeps_what_you_wrote(alice):
    acme = make.organization(alice, "Acme")
    priya = make.contact(
        alice,
        "Priya S.",
        role="Analyst",
        org=acme,
        linkedin_url="https://linkedin.com/in/Priya-Shah-4b1a2c/",
        notes="Met at the fair.",
    )
    report = import_fixture(alice, "linkedin", "linkedin_connections.csv")
    assert (report.added, report.updated) == (5, 1)
    [row] = [row for row in report.actions if row.action == "update"]
    assert row.detail == (
        "role: Analyst → Senior Analyst; organization: Acme → Green Bank; adds how you know them"
    )
    priya.refresh_from_db()
    assert (priya.first_name, priya.last_name) == ("Priya", "S.")
    assert priya.role == "Senior Analyst"
    assert priya.organization.name == "Green Bank"
    assert priya.notes == "Met at the fair."
    assert priya.how_known == HowKnown.LINKEDIN
    assert priya.source == Source.MANUAL  # where they first came from
    assert priya.imported_at is not None


def test_how_you_know_someone_is_not_overwritten_once_set(alice):
    make.contact(
        alice,
        "Priya Shah",
        how_known=HowKnown.ALUMNI,
        linkedin_url="https://www.linkedin.com/in/priya-shah-4b1a2c",
    )
    import_fixture(alice, "linkedin", "linkedin_connections.csv")
    assert contact(alice, "Priya").how_known == HowKnown.ALUMNI


def test_people_are_recognized_by_email_when_there_is_no_profile(alice):
    rafa = make.contact(alice, "Rafa", email="RAFA@example.es")
    report = import_fixture(alice, "google", "google_contacts.csv")
    assert report.updated == 1
    rafa.refresh_from_db()
    assert rafa.first_name == "Rafa"
    assert rafa.role == "Economist"
    assert rafa.how_known == HowKnown.FAMILY


def test_people_are_recognized_by_the_same_name_at_the_same_organization(alice):
    contoso = make.organization(alice, "Contoso")
    sarah = make.contact(alice, "sarah JOHNSON", org=contoso)
    import_fixture(alice, "outlook", "outlook_contacts.csv")
    sarah.refresh_from_db()
    assert sarah.email == "sarah.johnson@contoso.example"
    assert Contact.objects.filter(last_name__iexact="johnson").count() == 1


def test_the_same_name_with_another_linkedin_profile_is_someone_else(alice):
    green = make.organization(alice, "Green Bank")
    make.contact(
        alice, "Priya Shah", org=green, linkedin_url="https://www.linkedin.com/in/another-priya"
    )
    report = import_fixture(alice, "linkedin", "linkedin_connections.csv")
    assert report.added == 6
    assert Contact.objects.filter(first_name="Priya").count() == 2


def test_the_same_person_twice_in_one_file_is_skipped_the_second_time(alice):
    rows = [
        ImportedContact(line=2, first_name="Sam", last_name="Lee", email="sam@example.org"),
        ImportedContact(line=3, first_name="Samuel", last_name="Lee", email="SAM@example.org"),
    ]
    report = import_contacts(alice, "google", rows)
    assert report.added == 1
    assert report.skipped == [(3, "the same person as line 2")]


def test_referred_by_links_to_someone_in_the_file_to_a_contact_or_to_someone_new(alice):
    priya = make.contact(alice, "Priya Shah")
    report = import_fixture(alice, "outlook", "outlook_contacts.csv")
    assert report.added == 5
    assert contact(alice, "David").introduced_by == contact(alice, "Sarah")  # in the file
    assert contact(alice, "Tim").introduced_by == priya  # already a contact
    michael = contact(alice, "Laura").introduced_by  # new: added for the link
    assert (michael.first_name, michael.last_name, michael.source) == (
        "Michael",
        "Brown",
        "outlook",
    )
    assert contact(alice, "David").how_known == HowKnown.REFERRAL
    assert contact(alice, "Laura").how_known == HowKnown.ALUMNI  # her Alumni category says more
    added = [row for row in report.actions if row.name == "Michael Brown"]
    assert [(row.line, row.action, row.detail) for row in added] == [
        (4, "add", "introduced Laura Chen")
    ]


def test_a_referral_fills_an_existing_contacts_blank_introducer(alice):
    sarah = make.contact(alice, "Sarah Johnson", email="sarah.johnson@contoso.example")
    david = make.contact(alice, "David Park", email="david.park@fabrikam.example")
    import_fixture(alice, "outlook", "outlook_contacts.csv")
    david.refresh_from_db()
    assert david.introduced_by == sarah


def test_referrals_between_new_people_survive_a_latin1_file(alice):
    import_fixture(alice, "outlook", "outlook_latin1.csv")
    assert contact(alice, "Jürgen").introduced_by == contact(alice, "François")


def test_google_groups_say_how_you_know_them(alice):
    import_fixture(alice, "google", "google_contacts.csv")
    assert contact(alice, "Hannah").how_known == HowKnown.FRIEND
    assert contact(alice, "Rafael").how_known == HowKnown.FAMILY
    assert contact(alice, "Mei").how_known == HowKnown.REFERRAL  # referred by Hannah
    assert contact(alice, "Mei").introduced_by == contact(alice, "Hannah")
    assert contact(alice, "Oluwaseun").how_known == HowKnown.COLD


def test_bobs_import_never_touches_alices_contacts(alice, bob):
    green = make.organization(alice, "Green Bank")
    priya = make.contact(
        alice,
        "Priya Shah",
        org=green,
        role="Analyst",
        linkedin_url="https://www.linkedin.com/in/priya-shah-4b1a2c",
    )
    report = import_fixture(bob, "linkedin", "linkedin_connections.csv")
    assert (report.added, report.updated) == (6, 0)
    priya.refresh_from_db()
    assert (priya.role, priya.imported_at) == ("Analyst", None)
    bobs_priya = Contact.objects.get(owner=bob, first_name="Priya")
    assert bobs_priya.organization.owner == bob
    assert Organization.objects.filter(owner=alice).count() == 1


def test_an_import_takes_a_bounded_number_of_queries_however_many_rows(alice):
    def rows(count: int, role: str) -> list[ImportedContact]:
        return [
            ImportedContact(
                line=index + 2,
                first_name=f"Person {index}",
                last_name="Lee",
                linkedin_url=f"https://www.linkedin.com/in/person-{index}",
                organization=f"Company {index % 37}",
                role=role,
            )
            for index in range(count)
        ]

    with CaptureQueriesContext(connection) as first:
        report = import_contacts(alice, "linkedin", rows(200, "Analyst"))
    assert report.added == 200
    assert len(first) < 20
    with CaptureQueriesContext(connection) as again:
        report = import_contacts(alice, "linkedin", rows(200, "Senior Analyst"))
    assert report.updated == 200
    assert len(again) < 20


def test_plain_rows_can_be_imported_without_a_parser(alice):
    rows = parse("linkedin", (FIXTURES / "linkedin_old.csv").read_bytes(), "x.csv").rows
    report = import_contacts(alice, "linkedin", rows)
    assert (report.added, report.filename, report.skipped) == (3, "", [])


def test_an_unknown_kind_is_a_programming_error(alice):
    with pytest.raises(ValueError, match="unknown kind"):
        import_contacts(alice, "myspace", [])
