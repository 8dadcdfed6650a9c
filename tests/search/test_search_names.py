"""Search finds a contact by every name they are known by: the name they go by, the middle
name, and a CJK name written as it is (family name first, no space); results show the name as
lists do, with the name they go by."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import connection

from coffeechat.method.search_query import parse
from coffeechat.network.people.models import Contact
from coffeechat.pages.search import index
from coffeechat.pages.search.queries import grouped
from factories import contact


def people(owner, text: str) -> list[tuple[str, str]]:
    """(label, title as shown) of the people the search finds."""
    return [
        (result.label, str(result.title))
        for group in grouped(owner, parse(text), per_kind=50)
        if group.info.slug == "people"
        for result in group.results
    ]


def test_a_contact_is_found_by_the_name_they_go_by_and_shows_it(alice):
    contact(alice, first_name="John", last_name="Public", middle_name="Quinlan", goes_by="Johnny")
    contact(alice, first_name="Johanna", last_name="Berg")
    assert people(alice, "johnny") == [
        ("John Public", "John Public (goes by <mark>Johnny</mark>)"),
    ]
    assert [label for label, _ in people(alice, "quinlan")] == ["John Public"]
    assert [label for label, _ in people(alice, '"john public"')] == ["John Public"]


def test_a_korean_name_is_found_as_written_and_shown_family_name_first(alice):
    contact(alice, first_name="민준", last_name="김")
    for query in ("김민준", "민준", "김"):
        assert [label for label, _ in people(alice, query)] == ["김민준"], query


def test_another_users_contact_is_not_found_by_the_name_they_go_by(alice, bob):
    contact(bob, first_name="John", last_name="Public", goes_by="Johnny")
    assert people(alice, "johnny") == []


@pytest.mark.django_db(transaction=True)  # migrations cannot run inside a test's transaction
def test_migrating_indexes_the_names_of_contacts_written_before(alice):
    john = contact(alice, first_name="John", last_name="Public")
    index.drop_triggers(connection)  # as an index from before the name parts: never told
    Contact.objects.filter(pk=john.pk).update(goes_by="Johnny")
    assert people(alice, "johnny") == []

    call_command("migrate", "search", "0001", verbosity=0)
    call_command("migrate", verbosity=0)

    assert index.is_current(connection)
    assert [label for label, _ in people(alice, "johnny")] == ["John Public"]
