import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import factories as make
from coffeechat.network.people.models import HowKnown
from coffeechat.network.research.models import Field, Organization
from coffeechat.pages.research.queries import Filters, organizations


@pytest.fixture
def acme(alice):
    return make.organization(alice, "Acme Climate", motivation=2, posting=2)


def test_the_target_list_is_sorted_by_motivation_then_postings_then_advocacy(alice_client, alice):
    make.organization(alice, "Low", motivation=1, posting=3)
    make.organization(alice, "Dream", motivation=3, posting=1)
    known = make.organization(alice, "Known", motivation=2, posting=2)
    make.organization(alice, "Unknown", motivation=2, posting=2)
    make.contact(alice, "Kim", org=known, how_known="friend")
    page = alice_client.get(reverse("research:organizations")).content.decode()
    order = [page.index(name) for name in (">Dream<", ">Known<", ">Unknown<", ">Low<")]
    assert order == sorted(order)


def test_a_cold_contact_is_not_advocacy(alice_client, alice, acme):
    make.contact(alice, "Cold", org=acme, how_known=HowKnown.COLD)
    (row,) = [row for row in organizations(alice, Filters()) if row == acme]
    assert row.advocacy is False
    assert row.contact_count == 1


def test_adding_an_organization_shows_it_with_its_notes_rendered(alice_client):
    response = alice_client.post(
        reverse("research:organization_new"),
        {"name": "Green Bank", "website": "https://green.example", "motivation": 3, "posting": 2,
         "notes": "**Growing** fast"},
        follow=True,
    )  # fmt: skip
    page = response.content.decode()
    assert "<h1>Green Bank</h1>" in page
    assert "<strong>Growing</strong>" in page


def test_a_bad_website_is_a_clear_error_and_nothing_is_saved(alice_client, alice):
    response = alice_client.post(
        reverse("research:organization_new"),
        {"name": "Broken", "website": "not a url", "motivation": 0, "posting": 1},
    )
    assert "Enter a valid URL." in response.content.decode()
    assert not Organization.objects.filter(name="Broken").exists()


def test_another_users_field_cannot_be_chosen(alice_client, bob):
    bobs = Field.objects.create(owner=bob, name="Bob's field")
    response = alice_client.post(
        reverse("research:organization_new"),
        {"name": "Sneaky", "field": bobs.pk, "motivation": 0, "posting": 1},
    )
    assert "Select a valid choice" in response.content.decode()
    assert not Organization.objects.filter(name="Sneaky").exists()


def test_autosave_saves_a_valid_edit_and_reports_errors_without_saving(alice_client, acme):
    url = reverse("research:organization_edit", args=[acme.pk])
    data = {"name": "Acme Climate Ltd", "motivation": 3, "posting": 2, "notes": "draft"}
    response = alice_client.post(url, data, HTTP_HX_REQUEST="true")
    assert "Saved" in response.content.decode()
    acme.refresh_from_db()
    assert acme.name == "Acme Climate Ltd"
    response = alice_client.post(url, {**data, "name": ""}, HTTP_HX_REQUEST="true")
    assert "Not saved" in response.content.decode()
    acme.refresh_from_db()
    assert acme.name == "Acme Climate Ltd"


def test_deleting_asks_for_confirmation_first(alice_client, acme):
    url = reverse("research:organization_delete", args=[acme.pk])
    page = alice_client.get(url).content.decode()
    assert "Delete organization “Acme Climate”?" in page
    assert Organization.objects.filter(pk=acme.pk).exists()
    alice_client.post(url)
    assert not Organization.objects.filter(pk=acme.pk).exists()


@pytest.mark.parametrize("name", ["organization", "organization_edit", "organization_delete"])
def test_another_users_organization_is_a_404(bob_client, acme, name):
    assert bob_client.get(reverse(f"research:{name}", args=[acme.pk])).status_code == 404
    assert bob_client.post(reverse(f"research:{name}", args=[acme.pk])).status_code == 404


def test_another_users_field_is_a_404(bob_client, alice):
    field = Field.objects.create(owner=alice, name="Climate")
    assert bob_client.get(reverse("research:field", args=[field.pk])).status_code == 404
    assert bob_client.get(reverse("research:field_delete", args=[field.pk])).status_code == 404


def test_the_list_shows_only_your_own_organizations(bob_client, acme):
    assert "Acme Climate" not in bob_client.get(reverse("research:organizations")).content.decode()


def test_the_organization_list_runs_the_same_queries_for_3_or_30_rows(alice_client, alice):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            alice_client.get(reverse("research:organizations"))
        return len(queries)

    def add(n: int) -> None:
        for i in range(n):
            org = make.organization(alice, f"Org {i} {n}")
            make.contact(alice, f"P{i}", org=org)

    add(3)
    few = count()
    add(27)
    assert count() == few


def test_field_names_are_unique_per_user(alice_client, alice):
    Field.objects.create(owner=alice, name="Climate finance")
    response = alice_client.post(reverse("research:fields"), {"name": "climate finance"})
    assert "You already have a field called" in response.content.decode()
