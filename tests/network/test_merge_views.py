"""The merge pages: a confirmation first, the merge on POST, only the user's own contacts."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.urls import reverse

import factories as make
from coffeechat.network.people.models import Contact
from coffeechat.pipeline.outreach.models import Message

MONDAY = datetime(2026, 11, 16, 9, 0, tzinfo=UTC)


@pytest.fixture
def priya(alice):
    green_bank = make.organization(alice, "Green Bank")
    return make.contact(
        alice,
        "Priya Shah",
        email="priya@greenbank.example",
        org=green_bank,
        role="Senior analyst",
        notes="Met at the careers fair.",
    )


@pytest.fixture
def priya_again(alice):
    contact = make.contact(
        alice,
        "Priya Shah",
        email="priya@greenbank.example",
        role="Analyst",
        phone="+44 20 7946 0000",
    )
    for body in ("First request", "Polite follow-up"):
        Message.objects.create(owner=alice, contact=contact, body=body, sent_at=MONDAY)
    return contact


def merge_url(keep: Contact, other: Contact) -> str:
    return reverse("network:merge", args=[keep.pk, other.pk])


def test_opening_the_merge_page_merges_nothing(alice_client, priya, priya_again):
    assert alice_client.get(merge_url(priya, priya_again)).status_code == 200
    assert Contact.objects.count() == 2
    assert priya_again.messages.count() == 2


def test_the_confirmation_shows_the_result_and_what_moves(alice_client, priya, priya_again):
    page = alice_client.get(merge_url(priya, priya_again)).content.decode()
    assert "Merge into Priya Shah?" in page
    assert "+44 20 7946 0000" in page  # filled from the duplicate
    assert "Filled in from the other record: phone." in page
    assert "<li>2 messages</li>" in page
    assert "Also known: role Analyst" in page
    assert "Met at the careers fair." in page
    assert '<button type="submit">Merge</button>' in page


def test_merging_keeps_everything_and_says_so(alice_client, priya, priya_again):
    response = alice_client.post(merge_url(priya, priya_again), follow=True)
    assert response.redirect_chain[-1][0] == reverse("network:duplicates")
    assert "Merged Priya Shah into Priya Shah." in response.content.decode()
    assert list(Contact.objects.all()) == [priya]
    assert priya.messages.count() == 2
    priya.refresh_from_db()
    assert priya.phone == "+44 20 7946 0000"


def test_after_merging_the_list_page_it_came_from_is_shown_again(alice_client, priya, priya_again):
    response = alice_client.post(merge_url(priya, priya_again), {"page": "3"})
    assert response.url == reverse("network:duplicates") + "?page=3"


def test_a_contact_cannot_be_merged_into_itself(alice_client, priya):
    assert alice_client.get(merge_url(priya, priya)).status_code == 404
    assert alice_client.post(merge_url(priya, priya)).status_code == 404
    assert Contact.objects.filter(pk=priya.pk).exists()


def test_another_users_contacts_are_a_404(bob_client, priya, priya_again):
    for url in (merge_url(priya, priya_again), merge_url(priya_again, priya)):
        assert bob_client.get(url).status_code == 404
        assert bob_client.post(url).status_code == 404
    assert Contact.objects.count() == 2


def test_another_users_contact_cannot_be_merged_into_your_own(bob, bob_client, priya):
    bobs = make.contact(bob, "Priya Shah")
    assert bob_client.post(merge_url(bobs, priya)).status_code == 404
    assert bob_client.post(merge_url(priya, bobs)).status_code == 404
    assert bob_client.get(merge_url(bobs, priya)).status_code == 404
    assert Contact.objects.count() == 2
    assert Contact.objects.get(pk=priya.pk).owner != bob


def test_merging_needs_a_login(client, priya, priya_again):
    response = client.post(merge_url(priya, priya_again))
    assert response.status_code == 302
    assert "/login/" in response.url
    assert Contact.objects.count() == 2
