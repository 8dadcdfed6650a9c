"""The name someone goes by counts when looking for duplicates: "Johnny Public" and John Public
who goes by Johnny are likely the same person, on Find duplicates and when adding someone."""

from __future__ import annotations

from django.urls import reverse

import factories as make
from coffeechat.network.duplicates.finder import (
    Candidate,
    find_pairs,
    likely_duplicates,
    matches_for,
)
from coffeechat.network.people.models import Contact


def reasons(pairs) -> dict[tuple[int, int], tuple[str, ...]]:
    return {(pair.left_id, pair.right_id): pair.reasons for pair in pairs}


def test_a_name_written_with_the_name_they_go_by_is_the_same_name():
    pairs = find_pairs(
        [
            Candidate(1, "Johnny Public", "", "", "Contoso"),
            Candidate(
                2, "John Public", "", "", "Contoso", goes_by="Johnny", called="Johnny Public"
            ),
        ]
    )
    assert reasons(pairs) == {(1, 2): ("same name at Contoso; John Public goes by Johnny",)}


def test_a_short_name_far_from_the_given_one_still_matches_through_goes_by():
    # "Bill Ng" and "William Ng" are too far apart to be similar names on their own.
    plain = find_pairs(
        [Candidate(1, "Bill Ng", "", "", "Acme"), Candidate(2, "William Ng", "", "", "Acme")]
    )
    assert plain == []
    pairs = find_pairs(
        [
            Candidate(1, "Bill Ng", "", "", "Acme"),
            Candidate(2, "William Ng", "", "", "Acme", goes_by="Bill", called="Bill Ng"),
        ]
    )
    assert reasons(pairs) == {(1, 2): ("same name at Acme; William Ng goes by Bill",)}


def test_goes_by_does_not_pair_people_at_different_organizations():
    pairs = find_pairs(
        [
            Candidate(1, "Bill Ng", "", "", "Acme"),
            Candidate(2, "William Ng", "", "", "Contoso", goes_by="Bill", called="Bill Ng"),
        ]
    )
    assert pairs == []


def test_find_duplicates_lists_them_from_the_database(alice, alice_client):
    johnny = make.contact(alice, "Johnny Public", org="Contoso")
    john = make.contact(alice, "John Public", org="Contoso", goes_by="Johnny")
    make.contact(alice, "Jane Public", org="Other place", goes_by="Johnny")
    [pair] = likely_duplicates(alice)
    assert (pair.left_id, pair.right_id) == (johnny.pk, john.pk)
    page = alice_client.get(reverse("network:duplicates")).content.decode()
    assert "John Public goes by Johnny" in page


def test_adding_johnny_warns_about_john_who_goes_by_johnny(alice, alice_client):
    john = make.contact(alice, "John Public", org="Contoso", goes_by="Johnny")
    new = Contact(
        owner=alice, first_name="Johnny", last_name="Public", organization=john.organization
    )
    [match] = matches_for(alice, new)
    assert match.contact == john
