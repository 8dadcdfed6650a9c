"""The Research list at 20,000 organizations: one page, a constant number of queries, a
bounded response."""

from __future__ import annotations

from django.urls import reverse

from coffeechat.network.people.models import Contact
from coffeechat.network.research.models import Organization

MANY = 20_000


def _many_organizations(owner) -> None:
    Organization.objects.bulk_create(
        Organization(
            owner=owner,
            name=f"Organization {number:05d}",
            motivation=number % 4,
            posting=1 + number % 3,
            is_target=number % 2 == 0,
        )
        for number in range(MANY)
    )
    some = list(Organization.objects.filter(owner=owner).order_by("pk")[:500])
    Contact.objects.bulk_create(
        Contact(owner=owner, first_name=f"Person {i}", organization=org, how_known="friend")
        for i, org in enumerate(some)
    )


def test_the_research_list_at_20000_organizations_is_one_bounded_page(
    alice_client, alice, django_assert_max_num_queries
):
    _many_organizations(alice)
    url = reverse("research:organizations")
    queries = (
        "",
        "?show=all&sort=-contacts&page=7",
        "?show=known&motivation=3&advocacy=no",
        # Names compared however written: half of them match, still one page.
        "?show=all&q=ORGANIZATION+0&page=3",
    )
    for query in queries:
        with django_assert_max_num_queries(8):
            response = alice_client.get(url + query)
        page = response.content.decode()
        assert response.status_code == 200
        assert page.count('<tr data-organization="') == 50
        assert len(response.content) < 120_000
    assert "of 10000 organizations" in alice_client.get(url).content.decode()


def test_quick_add_offers_a_bounded_list_of_suggestions_at_20000_organizations(
    alice_client, alice, django_assert_max_num_queries
):
    _many_organizations(alice)
    with django_assert_max_num_queries(20):
        response = alice_client.get(reverse("people:quick_add"))
    assert response.content.decode().count('<option value="Organization') <= 12
