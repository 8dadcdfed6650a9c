"""Contacts' filters find people and organizations however their names are written."""

from __future__ import annotations

from django.urls import reverse

import factories as make
from coffeechat.network.people.models import HowKnown
from coffeechat.pages.people.views_quick_add import suggestions


def _listed(client, **query: str) -> str:
    return client.get(reverse("people:contacts"), query).content.decode()


def test_the_search_box_ignores_accents(alice_client, alice):
    make.contact(alice, "Zoë Martin")
    make.contact(alice, "José Ortega")
    make.contact(alice, "Priya Shah")
    assert "Zoë" in _listed(alice_client, q="zoe")
    assert "José" in _listed(alice_client, q="JOSE ortega")
    assert "Priya" not in _listed(alice_client, q="zoe")


def test_the_search_box_finds_people_by_their_organization_however_written(alice_client, alice):
    make.contact(alice, "Ana Ruiz", org="Société Générale")
    make.contact(alice, "Priya Shah", org="Beacon Bank")
    page = _listed(alice_client, q="societe")
    assert "Ana" in page
    assert "Priya" not in page


def test_the_organization_filter_ignores_accents_case_and_legal_forms(alice_client, alice):
    make.contact(alice, "Ana Ruiz", org="Société Générale")
    make.contact(alice, "Sam Lee", org="Morningstar")
    make.contact(alice, "Priya Shah", org="Beacon Bank")
    assert "Ana" in _listed(alice_client, org="societe")
    page = _listed(alice_client, org="Morningstar Inc.")
    assert "Sam" in page
    assert "Priya" not in page


def test_another_users_contacts_never_match(alice_client, alice, bob):
    make.contact(bob, "Zoë Bob", org="Société Générale")
    make.organization(bob, "Morningstar")
    assert "Zoë" not in _listed(alice_client, q="zoe")
    assert "Zoë" not in _listed(alice_client, org="societe")
    assert suggestions(alice, "morningstar") == []


def test_quick_add_suggests_organizations_however_typed(alice):
    for name in ["Société Générale", "Morningstar", "McKinsey & Company", "Beacon Bank"]:
        make.organization(alice, name)
    assert suggestions(alice, "societe") == ["Société Générale"]
    assert suggestions(alice, "MORNINGSTAR INC") == ["Morningstar"]
    assert suggestions(alice, "mckinsey and") == ["McKinsey & Company"]


def test_ties_are_listed_by_first_then_last_name(alice_client, alice):
    for name in ["Zed Adams", "Amy Young", "Amy Baker"]:
        make.contact(alice, name, how_known=HowKnown.FRIEND)
    page = _listed(alice_client, sort="how")
    assert page.index("Amy Baker") < page.index("Amy Young") < page.index("Zed Adams")
