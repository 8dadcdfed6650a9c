"""Adding someone you already have: warned before anything is saved, with a link to the
existing contact, and free to add them anyway when it is a different person."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

import factories as make
from coffeechat.network.duplicates.finder import likely_duplicates, matches_for
from coffeechat.network.duplicates.models import NotDuplicate
from coffeechat.network.people.forms import ContactForm
from coffeechat.network.people.models import Contact
from coffeechat.network.research.models import Organization


@pytest.fixture
def priya(alice, acme):
    return make.contact(alice, "Priya Shah", org=acme, role="Analyst")


def priya_again(acme: Organization, **overrides: object) -> dict[str, object]:
    return {
        "first_name": "Priya",
        "last_name": "Shah",
        "organization": acme.pk,
        "how_known": "friend",
        **overrides,
    }


def test_adding_the_same_name_at_the_same_organization_warns_and_saves_nothing(
    alice_client, priya, acme
):
    response = alice_client.post(reverse("people:contact_new"), priya_again(acme))
    page = response.content.decode()
    assert response.status_code == 200
    assert "You may already have this person" in page
    assert (
        f'<a href="{priya.get_absolute_url()}">Open Priya Shah (Acme Climate, Analyst)</a>' in page
    )
    assert "Same name at Acme Climate" in page
    assert "It's a different person" in page
    assert Contact.objects.filter(first_name="Priya").count() == 1


def test_the_same_email_written_differently_warns_even_without_an_organization(alice_client, alice):
    sam = make.contact(alice, "Sam", email="sam.lee@acme.example")
    response = alice_client.post(
        reverse("people:contact_new"),
        {"first_name": "Samuel", "email": "Sam.Lee@ACME.example", "how_known": "friend"},
    )
    page = response.content.decode()
    assert f'href="{sam.get_absolute_url()}"' in page
    assert "Same e-mail" in page
    assert not Contact.objects.filter(first_name="Samuel").exists()


def test_a_different_person_is_added_and_find_duplicates_leaves_the_pair_alone(
    alice_client, alice, priya, acme
):
    response = alice_client.post(
        reverse("people:contact_new"), priya_again(acme, different_person="yes"), follow=True
    )
    page = response.content.decode()
    assert "Added Priya Shah to your network." in page
    assert Contact.objects.filter(first_name="Priya").count() == 2
    assert likely_duplicates(alice) == []
    assert NotDuplicate.objects.filter(owner=alice).count() == 1


def test_a_form_with_errors_shows_the_errors_not_the_warning(alice_client, priya, acme):
    response = alice_client.post(
        reverse("people:contact_new"), priya_again(acme, email="not-an-email")
    )
    page = response.content.decode()
    assert "Enter a valid email address." in page
    assert "You may already have this person" not in page


def test_someone_new_is_added_without_a_warning(alice_client, priya, acme):
    response = alice_client.post(
        reverse("people:contact_new"), priya_again(acme, first_name="Sam", last_name="Lee")
    )
    assert response.status_code == 302
    assert Contact.objects.filter(first_name="Sam").exists()


def test_another_users_contacts_are_never_considered(bob, bob_client, priya, acme):
    bobs_acme = make.organization(bob, "Acme Climate")
    newcomer = Contact(owner=bob, first_name="Priya", last_name="Shah", organization=bobs_acme)
    assert matches_for(bob, newcomer) == []
    response = bob_client.post(reverse("people:contact_new"), priya_again(bobs_acme))
    assert response.status_code == 302  # added at once: alice's Priya is not his
    assert Contact.objects.filter(owner=bob, first_name="Priya").count() == 1


def test_the_check_uses_the_find_duplicates_rules_one_person_at_a_time(alice, priya, acme):
    similar = Contact(owner=alice, first_name="Priya", last_name="Shahh", organization=acme)
    elsewhere = Contact(owner=alice, first_name="Priya", last_name="Shah")
    assert [match.contact for match in matches_for(alice, similar)] == [priya]
    assert matches_for(alice, elsewhere) == []  # a common name alone is not enough


def test_same_named_introducers_can_be_told_apart(alice, priya, acme):
    other = make.organization(alice, "Greenbank")
    make.contact(alice, "Priya Shah", org=other)
    twin = dict(owner=alice, first_name="Priya", last_name="Shah", organization=acme)
    Contact.objects.create(**twin, role="Analyst", email="priya.s@acme.example")
    html = str(ContactForm(owner=alice)["introduced_by"])
    options = re.findall(r"<option value=\"\d+\">([^<]*)</option>", html)
    assert sorted(options) == [
        "Priya Shah (Acme Climate, Analyst), added " + f"{priya.created_at:j M Y}",
        "Priya Shah (Acme Climate, Analyst), priya.s@acme.example",
        "Priya Shah (Greenbank)",
    ]
