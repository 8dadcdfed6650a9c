"""Imports respect the target list: employers arrive as known employers, matched to the ones
the user has however they are written, and only the ones ticked become targets."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import factories as make
from coffeechat.edges.imports.services import import_contacts
from coffeechat.method.importers import ImportedContact
from coffeechat.method.organizations import organization_key
from coffeechat.network.research.models import Organization

CSV = (
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Ana,López,https://www.linkedin.com/in/ana,,Morningstar Inc.,Analyst,18 Jun 2025\n"
    "Ben,Okafor,https://www.linkedin.com/in/ben,,Abbott,Engineer,18 Jun 2025\n"
    "Cleo,Park,https://www.linkedin.com/in/cleo,,Accenture,Consultant,18 Jun 2025\n"
).encode()


@pytest.fixture(autouse=True)
def _uploads_in_a_temporary_home(settings, tmp_path):
    settings.HOME = tmp_path


def _row(line: int, first: str, organization: str) -> ImportedContact:
    return ImportedContact(line=line, first_name=first, last_name="X", organization=organization)


def test_imported_employers_are_known_employers_not_targets(alice):
    report = import_contacts(alice, "linkedin", [_row(2, "Ana", "Abbott")])
    assert report.organizations_created == [("abbott", "Abbott")]
    assert Organization.objects.get(owner=alice, name="Abbott").is_target is False


def test_only_the_organizations_ticked_become_targets(alice):
    rows = [_row(2, "Ana", "Abbott"), _row(3, "Ben", "Accenture")]
    import_contacts(alice, "linkedin", rows, targets=[organization_key("Accenture")])
    targets = dict(Organization.objects.filter(owner=alice).values_list("name", "is_target"))
    assert targets == {"Abbott": False, "Accenture": True}


def test_an_organization_written_another_way_is_matched_not_duplicated(alice):
    morningstar = make.organization(alice, "Morningstar")
    report = import_contacts(alice, "linkedin", [_row(2, "Ana", "Morningstar Inc.")])
    assert report.organizations_created == []
    assert report.organizations_matched == [("Morningstar Inc.", "Morningstar")]
    assert Organization.objects.filter(owner=alice).count() == 1
    assert morningstar.contacts.get().first_name == "Ana"


def test_the_preview_names_new_and_matched_organizations_and_the_import_keeps_the_ticks(
    alice_client, alice
):
    make.organization(alice, "Morningstar")
    upload = SimpleUploadedFile("Connections.csv", CSV, "text/csv")
    response = alice_client.post(reverse("network:import"), {"kind": "linkedin", "file": upload})
    preview_url = response["Location"]
    page = alice_client.get(preview_url).content.decode()
    assert "2 new organizations would be added as known employers" in page
    assert '<label for="target-1">Abbott</label>' in page
    assert '<label for="target-2">Accenture</label>' in page
    assert "“Morningstar Inc.” is Morningstar" in page
    token = preview_url.rstrip("/").split("/")[-1]
    alice_client.post(reverse("network:import_commit", args=[token]), {"target": ["abbott"]})
    targets = dict(Organization.objects.filter(owner=alice).values_list("name", "is_target"))
    assert targets == {"Morningstar": True, "Abbott": True, "Accenture": False}


def test_a_ticked_target_never_reaches_another_users_organizations(alice_client, alice, bob):
    bobs = make.organization(bob, "Abbott", is_target=False)
    import_contacts(alice, "linkedin", [_row(2, "Ana", "Abbott")], targets=["abbott"])
    bobs.refresh_from_db()
    assert bobs.is_target is False
    assert Organization.objects.get(owner=alice).is_target is True
