"""Long lists: sorting from the URL, pages that keep the filters, bad page numbers forgiven."""

from __future__ import annotations

from django.http import QueryDict

import factories as make
from coffeechat.foundation.core.listing import Column, chosen_sort, paginate, query_string
from coffeechat.network.people.models import Contact

COLUMNS = [
    Column("name", "Name", ("first_name", "last_name")),
    Column("organization", "Organization", ("organization__name",)),
]


def test_sort_from_the_url_and_default_when_unknown() -> None:
    assert chosen_sort(QueryDict("sort=-organization"), COLUMNS, "name").param == "-organization"
    assert chosen_sort(QueryDict("sort=password"), COLUMNS, "name").param == "name"
    assert chosen_sort(QueryDict(""), COLUMNS, "-name").param == "-name"


def test_query_string_keeps_filters_and_drops_empties() -> None:
    query = QueryDict("q=ann&stage=waiting&page=3")
    assert query_string(query, page=None) == "?q=ann&stage=waiting"
    assert query_string(query, sort="-name", page="") == "?q=ann&stage=waiting&sort=-name"


def test_pages_are_disjoint_and_headings_reverse_the_active_sort(alice) -> None:
    user = alice
    for index in range(7):
        make.contact(user, first_name=f"P{index}")
    queryset = Contact.objects.owned_by(user)
    seen: list[str] = []
    for number in (1, 2, 3):
        listing = paginate(
            QueryDict(f"sort=-name&page={number}&q=x"),
            queryset,
            columns=COLUMNS,
            default_sort="name",
            per_page=3,
        )
        seen += [contact.first_name for contact in listing.rows]
    assert seen == [f"P{index}" for index in range(6, -1, -1)]
    assert listing.total == 7
    name, organization = listing.headings()
    assert name["aria_sort"] == "descending" and name["url"] == "?sort=name&q=x"
    assert organization["aria_sort"] == "" and organization["url"] == "?sort=organization&q=x"
    assert listing.page_link(1) == "?sort=-name&q=x"


def test_a_page_past_the_end_shows_the_last_page(alice) -> None:
    user = alice
    for index in range(4):
        make.contact(user, first_name=f"P{index}")
    listing = paginate(
        QueryDict("page=99"),
        Contact.objects.owned_by(user),
        columns=COLUMNS,
        default_sort="name",
        per_page=3,
    )
    assert listing.page.number == 2 and [c.first_name for c in listing.rows] == ["P3"]
    assert paginate(QueryDict("page=x"), [1, 2], per_page=3).page.number == 1
