"""Adding a person in one line, with the organization typed freely."""

from __future__ import annotations

from django.urls import reverse

import factories as make
from coffeechat.network.people.models import Contact
from coffeechat.network.research.models import Organization


def test_quick_add_creates_the_person_and_a_new_organization_as_a_known_employer(
    alice_client, alice
):
    response = alice_client.post(
        reverse("people:quick_add"),
        {"name": "Ana María López", "organization": "Northwind Energy", "how_known": "alumni"},
        follow=True,
    )
    assert "Added Ana María López at Northwind Energy to your network." in response.content.decode()
    ana = Contact.objects.get(owner=alice, last_name="López")
    assert ana.first_name == "Ana María"
    assert ana.how_known == "alumni"
    assert ana.organization is not None
    assert ana.organization.name == "Northwind Energy"
    assert ana.organization.is_target is False


def test_quick_add_matches_an_organization_however_it_is_written(alice_client, alice):
    morningstar = make.organization(alice, "Morningstar")
    alice_client.post(
        reverse("people:quick_add"),
        {"name": "Kim Lee", "organization": "morningstar, Inc.", "how_known": "friend"},
    )
    assert Organization.objects.filter(owner=alice).count() == 1
    assert Contact.objects.get(owner=alice, first_name="Kim").organization == morningstar


def test_a_new_organization_typed_on_a_targets_page_is_a_target(alice_client, alice):
    acme = make.organization(alice, "Acme Climate")
    alice_client.post(
        reverse("people:quick_add"),
        {"name": "Kim Lee", "organization": "Acme Carbon", "how_known": "friend",
         "from_organization": acme.pk},
    )  # fmt: skip
    assert Organization.objects.get(owner=alice, name="Acme Carbon").is_target is True


def test_quick_add_warns_of_a_likely_duplicate_before_saving(alice_client, alice):
    make.contact(alice, "Priya Shah", org="Acme Climate")
    data = {"name": "Priya Shah", "organization": "Acme Climate Ltd", "how_known": "cold"}
    response = alice_client.post(reverse("people:quick_add"), data)
    assert "You may already have this person" in response.content.decode()
    assert Contact.objects.filter(owner=alice).count() == 1
    alice_client.post(reverse("people:quick_add"), {**data, "different_person": "yes"})
    assert Contact.objects.filter(owner=alice).count() == 2


def test_the_quick_add_page_prefills_the_name_from_the_address(alice_client):
    page = alice_client.get(reverse("people:quick_add") + "?name=Zo%C3%AB").content.decode()
    assert 'value="Zoë"' in page


def test_suggestions_are_the_users_own_organizations_only(alice_client, alice, bob):
    make.organization(alice, "Northwind Energy")
    make.organization(bob, "Northwind Bank")
    url = reverse("people:organization_suggestions") + "?organization=north"
    page = alice_client.get(url).content.decode()
    assert "Northwind Energy" in page
    assert "Northwind Bank" not in page


def test_an_organization_page_of_another_user_is_not_a_way_in(alice_client, alice, bob):
    bobs = make.organization(bob, "Bob Co")
    alice_client.post(
        reverse("people:quick_add"),
        {"name": "Kim Lee", "organization": "Bob Co", "from_organization": bobs.pk,
         "how_known": "cold"},
    )  # fmt: skip
    kim = Contact.objects.get(owner=alice, first_name="Kim")
    assert kim.organization is not None
    assert kim.organization.owner == alice
    assert kim.organization.is_target is False


def test_contacts_and_an_organization_page_offer_quick_add(alice_client, alice):
    acme = make.organization(alice, "Acme Climate")
    for url in (reverse("people:contacts"), acme.get_absolute_url()):
        page = alice_client.get(url).content.decode()
        assert 'id="quick-add-heading"' in page
    page = alice_client.get(acme.get_absolute_url()).content.decode()
    assert f'name="from_organization" value="{acme.pk}"' in page
