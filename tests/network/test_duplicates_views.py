"""The duplicates page: pairs side by side, "Not the same person", only the user's own."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import factories as make
from coffeechat.network.duplicates.models import NotDuplicate
from coffeechat.network.people.models import Contact
from coffeechat.pages.duplicates.views import PAIRS_PER_PAGE

URL = reverse("network:duplicates")


@pytest.fixture
def green_bank(alice):
    return make.organization(alice, "Green Bank")


@pytest.fixture
def pair(alice, green_bank):
    first = make.contact(
        alice, "Priya Shah", email="priya@greenbank.example", org=green_bank, role="Senior analyst"
    )
    second = make.contact(
        alice,
        "Priya Shah",
        email="Priya@GreenBank.example",
        linkedin_url="https://www.linkedin.com/in/priya-shah",
    )
    return first, second


def not_duplicate_url(first: Contact, second: Contact) -> str:
    return reverse("network:not_duplicate", args=[first.pk, second.pk])


def test_the_contacts_page_links_to_find_duplicates(alice_client):
    page = alice_client.get(reverse("people:contacts")).content.decode()
    assert f'href="{URL}">Find duplicates</a>' in page


def test_a_pair_is_shown_side_by_side_with_the_reason_and_both_merge_directions(alice_client, pair):
    first, second = pair
    page = alice_client.get(URL).content.decode()
    assert "Same e-mail" in page
    side_by_side = [
        "Green Bank",
        "Senior analyst",
        "priya@greenbank.example",
        "Priya@GreenBank.example",
        "https://www.linkedin.com/in/priya-shah",
        "Identified",
    ]
    for text in side_by_side:
        assert text in page
    assert f'href="{reverse("network:merge", args=[first.pk, second.pk])}"' in page
    assert "Merge into the left one" in page
    assert f'href="{reverse("network:merge", args=[second.pk, first.pk])}"' in page
    assert "Merge into the right one" in page
    assert "Not the same person" in page


def test_without_duplicates_the_page_says_so(alice_client):
    assert "No likely duplicates." in alice_client.get(URL).content.decode()


def test_another_users_duplicates_are_not_shown(bob_client, pair):
    page = bob_client.get(URL).content.decode()
    assert "Priya" not in page
    assert "No likely duplicates." in page


def test_not_the_same_person_takes_the_pair_off_the_list(alice_client, pair):
    response = alice_client.post(not_duplicate_url(*pair), follow=True)
    page = response.content.decode()
    assert "Noted: Priya Shah and Priya Shah are different people." in page
    assert "No likely duplicates." in page
    assert NotDuplicate.objects.count() == 1


def test_not_the_same_person_through_htmx_removes_just_that_card(alice_client, pair):
    response = alice_client.post(not_duplicate_url(*reversed(pair)), headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert response.content == b""
    assert NotDuplicate.objects.get().contact_a == pair[0]


def test_not_the_same_person_is_never_recorded_by_a_get(alice_client, pair):
    assert alice_client.get(not_duplicate_url(*pair)).status_code == 405
    assert not NotDuplicate.objects.exists()


def test_another_users_contacts_cannot_be_marked_different(bob, bob_client, pair):
    bobs = make.contact(bob, "Priya Shah")
    assert bob_client.post(not_duplicate_url(*pair)).status_code == 404
    assert bob_client.post(not_duplicate_url(bobs, pair[0])).status_code == 404
    assert bob_client.post(not_duplicate_url(pair[0], bobs)).status_code == 404
    assert not NotDuplicate.objects.exists()


def test_the_list_is_split_into_pages(alice_client, alice):
    for number in range(PAIRS_PER_PAGE + 2):
        for _ in range(2):
            make.contact(alice, f"P{number}", email=f"{number}@x.example")
    first = alice_client.get(URL).content.decode()
    second = alice_client.get(URL, {"page": 2}).content.decode()
    assert first.count("Not the same person") == PAIRS_PER_PAGE
    assert "page 1 of 2" in first
    assert "Next page" in first
    assert second.count("Not the same person") == 2


def test_the_page_needs_the_same_queries_for_one_pair_or_many(alice_client, alice, pair):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert alice_client.get(URL).status_code == 200
        return len(captured)

    one = queries()
    for number in range(8):
        for _ in range(2):
            make.contact(alice, f"P{number}", email=f"{number}@x.example")
    assert queries() == one
