"""The Contacts list at 20,000 people: the same queries and the same page size as at 500."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from coffeechat.network.people.models import Contact
from coffeechat.network.research.models import Organization
from coffeechat.pipeline.outreach.models import Message, Purpose


def network(owner, count: int, *, start: int = 0) -> None:
    """`count` contacts across 40 organizations, one in ten with a request out since
    yesterday (so at the stage "contacted")."""
    sent = timezone.now() - timedelta(days=1)
    orgs = Organization.objects.bulk_create(
        Organization(owner=owner, name=f"Org {start + i:03d}") for i in range(40)
    )
    contacts = Contact.objects.bulk_create(
        Contact(
            owner=owner,
            first_name=f"Person{start + i:05d}",
            last_name="Example",
            role="Analyst",
            organization=orgs[i % 40],
        )
        for i in range(count)
    )
    Message.objects.bulk_create(
        Message(
            owner=owner,
            contact=contact,
            purpose=Purpose.REQUEST,
            body="Hello",
            sent_at=sent - timedelta(minutes=i),
        )
        for i, contact in enumerate(contacts[::10])
    )


def measure(client, url: str, max_queries: int, assert_max_num_queries) -> int:
    with assert_max_num_queries(max_queries):
        response = client.get(url)
    assert response.status_code == 200
    return len(response.content)


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?sort=-organization&page=7",
        "?stage=contacted",
        "?sort=stage&page=3",
        "?how=cold",
        # Every one matches the word (through the search index) and the organization.
        "?q=examp&org=ORG+001+Inc.",
        "?q=person+org&sort=how",
    ],
)
def test_a_page_of_contacts_is_the_same_size_at_500_or_20000_people(
    alice_client, alice, django_assert_max_num_queries, query
):
    url = reverse("people:contacts") + query
    network(alice, 500)
    # At most 14 at any size: the page, its history in three flat queries, and two look-ups
    # per search word.
    small = measure(alice_client, url, 14, django_assert_max_num_queries)
    network(alice, 19_500, start=500)
    assert Contact.objects.owned_by(alice).count() == 20_000
    large = measure(alice_client, url, 14, django_assert_max_num_queries)
    # Only the numbers in the pager and counts grow; never another row.
    assert large < small * 1.1
    assert large < 80_000
