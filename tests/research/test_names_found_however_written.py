"""Organizations found however their names are written: renames, Research's search, ties."""

from __future__ import annotations

from django.urls import reverse

import factories as make
from coffeechat.network.research.models import Organization
from coffeechat.network.research.services import organization_ids_named


def test_renaming_onto_an_organization_the_user_has_links_to_merging_them(alice_client, alice):
    ember = make.organization(alice, "Ember Studio")
    twin = make.organization(alice, "Ember Co-op")
    response = alice_client.post(
        reverse("research:organization_edit", args=[twin.pk]),
        {"name": "Ember Studio & Co.", "motivation": 0, "posting": 1},
    )
    page = response.content.decode()
    merge = reverse("network:organization_merge", args=[ember.pk, twin.pk])
    assert f'<a href="{merge}">merge Ember Co-op into it</a>' in page
    assert Organization.objects.get(pk=twin.pk).name == "Ember Co-op"


def test_another_users_organization_never_blocks_or_matches(alice_client, alice, bob):
    make.organization(bob, "Société Générale")
    mine = make.organization(alice, "Ember Studio")
    assert organization_ids_named(alice, "societe") == []
    assert organization_ids_named(bob, "ember") == []
    response = alice_client.post(
        reverse("research:organization_edit", args=[mine.pk]),
        {"name": "Société Générale", "motivation": 0, "posting": 1},
    )
    assert response.status_code == 302
    page = alice_client.get(reverse("research:organizations"), {"q": "societe"}).content
    assert "Société Générale" in page.decode()  # her own, renamed
    assert Organization.objects.filter(owner=bob, name="Société Générale").count() == 1


def test_research_search_ignores_accents_case_and_legal_forms(alice_client, alice):
    make.organization(alice, "Société Générale")
    make.organization(alice, "Morningstar")
    make.organization(alice, "Beacon Bank")

    def found(q: str) -> str:
        return alice_client.get(reverse("research:organizations"), {"q": q}).content.decode()

    assert "Société Générale" in found("societe")
    assert "Beacon Bank" not in found("societe")
    assert "Morningstar" in found("MORNINGSTAR INC.")


def test_research_ties_are_listed_by_name(alice_client, alice):
    for name in ["Zeta", "Alpha", "Mu"]:
        make.organization(alice, name, motivation=2)
    page = alice_client.get(reverse("research:organizations"), {"sort": "-motivation"})
    text = page.content.decode()
    assert text.index("Alpha") < text.index("Mu") < text.index("Zeta")
