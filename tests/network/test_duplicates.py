"""Finding likely duplicates: same LinkedIn profile, same e-mail, similar names at one place."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

import factories as make
from coffeechat.method.importers import linkedin_key
from coffeechat.network.duplicates import finder as duplicates
from coffeechat.network.duplicates.finder import (
    Candidate,
    comparable_name,
    find_pairs,
    likely_duplicates,
    mark_not_duplicate,
)
from coffeechat.network.people.models import Contact
from coffeechat.pages.duplicates.queries import pair_rows


def candidate(pk: int, name: str, *, email="", url="", org="") -> Candidate:
    return Candidate(pk, name, email, url, org)


def reasons(pairs) -> dict[tuple[int, int], tuple[str, ...]]:
    return {(pair.left_id, pair.right_id): pair.reasons for pair in pairs}


@pytest.mark.parametrize(
    "url",
    [
        "http://linkedin.com/in/priya-shah/",
        "https://uk.linkedin.com/in/priya-shah",
        "HTTPS://WWW.LinkedIn.com/in/Priya-Shah/?trk=public_profile",
        "linkedin.com/in/priya-shah",
        "www.linkedin.com/in/priya-shah#about",
    ],
)
def test_linkedin_addresses_are_compared_without_scheme_www_case_query_or_slash(url):
    assert linkedin_key(url) == linkedin_key("https://www.linkedin.com/in/priya-shah")


def test_names_are_compared_without_case_accents_punctuation_or_word_order():
    assert comparable_name("José  García-López") == comparable_name("garcia lopez, jose")


def test_the_same_linkedin_profile_written_differently_is_a_pair():
    pairs = find_pairs(
        [
            candidate(1, "Priya Shah", url="https://www.linkedin.com/in/priya-shah/"),
            candidate(2, "P. Shah", url="linkedin.com/in/Priya-Shah?trk=x"),
            candidate(3, "Someone Else", url="https://www.linkedin.com/in/someone-else"),
        ]
    )
    assert reasons(pairs) == {(1, 2): ("same LinkedIn profile",)}


def test_the_same_email_in_another_case_is_a_pair():
    pairs = find_pairs(
        [
            candidate(4, "Priya Shah", email="Priya.Shah@GreenBank.example"),
            candidate(9, "Priya S", email="priya.shah@greenbank.example "),
        ]
    )
    assert reasons(pairs) == {(4, 9): ("same e-mail",)}


def test_blank_emails_and_addresses_are_not_a_match():
    assert find_pairs([candidate(1, "Ann Lee"), candidate(2, "Bo Chan")]) == []


def test_similar_names_at_the_same_organization_are_a_pair_with_their_score():
    pairs = find_pairs(
        [
            candidate(1, "Priya Shah", org="Green Bank"),
            candidate(2, "Priya Shahh", org="green bank"),  # the same place, typed again
            candidate(3, "Tom Reed", org="Green Bank"),
        ]
    )
    assert reasons(pairs) == {(1, 2): ("similar names at Green Bank (95%)",)}


def test_similar_names_at_different_organizations_are_not_a_pair():
    pairs = find_pairs(
        [candidate(1, "Priya Shah", org="Green Bank"), candidate(2, "Priya Shah", org="Acme")]
    )
    assert pairs == []


def test_names_without_an_organization_are_not_compared():
    assert find_pairs([candidate(1, "Priya Shah"), candidate(2, "Priya Shah")]) == []


def test_the_same_name_in_another_order_and_without_accents_is_the_same_name():
    pairs = find_pairs(
        [candidate(1, "José García", org="Acme"), candidate(2, "Garcia Jose", org="Acme")]
    )
    assert reasons(pairs) == {(1, 2): ("same name at Acme",)}


def test_a_pair_found_several_ways_gives_every_reason_strongest_first():
    pairs = find_pairs(
        [
            candidate(1, "Priya Shah", email="p@x.example", url="linkedin.com/in/p", org="X"),
            candidate(2, "Priya Shah", email="P@x.example", url="linkedin.com/in/p/", org="X"),
        ]
    )
    assert pairs[0].reason == "same LinkedIn profile, same e-mail, same name at X"


def test_exact_matches_come_before_similar_names():
    pairs = find_pairs(
        [
            candidate(1, "Ann Lee", org="X"),
            candidate(2, "Ann Leee", org="X"),
            candidate(3, "Bo Chan", email="bo@x.example"),
            candidate(4, "Bo Chan", email="bo@x.example"),
        ]
    )
    assert [(pair.left_id, pair.right_id) for pair in pairs] == [(3, 4), (1, 2)]


def test_every_two_of_three_records_of_one_person_are_pairs():
    people = [candidate(pk, "Ann Lee", email="ann@x.example") for pk in (5, 3, 8)]
    assert set(reasons(find_pairs(people))) == {(3, 5), (3, 8), (5, 8)}


def test_an_address_shared_by_a_crowd_is_not_one_person():
    crowd = [
        candidate(pk, f"Person {pk}", email="info@acme.example")
        for pk in range(duplicates.LARGEST_GROUP + 1)
    ]
    assert find_pairs(crowd) == []


def test_dismissed_pairs_are_left_out():
    people = [candidate(pk, "Ann Lee", email="ann@x.example") for pk in (1, 2, 3)]
    assert set(reasons(find_pairs(people, dismissed={(1, 2)}))) == {(1, 3), (2, 3)}


# In the database -------------------------------------------------------------------------


@pytest.fixture
def green_bank(alice):
    return make.organization(alice, "Green Bank")


def add(owner, first: str, last: str = "", **fields) -> Contact:
    return make.contact(owner, first_name=first, last_name=last, **fields)


def test_only_the_users_own_contacts_are_paired(alice, bob):
    mine = add(alice, "Priya", "Shah", email="priya@x.example")
    add(bob, "Priya", "Shah", email="priya@x.example")
    also_mine = add(alice, "Priya", "S.", email="PRIYA@x.example")
    assert reasons(likely_duplicates(alice)) == {(mine.pk, also_mine.pk): ("same e-mail",)}


def test_a_pair_marked_as_different_people_does_not_come_back(alice, green_bank):
    first = add(alice, "Priya", "Shah", organization=green_bank)
    second = add(alice, "Priya", "Shah", organization=green_bank)
    third = add(alice, "Priya", "Shahh", organization=green_bank)
    mark_not_duplicate(owner=alice, first=second, second=first)
    mark_not_duplicate(owner=alice, first=first, second=second)  # twice is fine
    assert set(reasons(likely_duplicates(alice))) == {
        (first.pk, third.pk),
        (second.pk, third.pk),
    }


def test_another_users_contact_cannot_be_marked(alice, bob):
    mine, theirs = add(alice, "Ann"), add(bob, "Ann")
    with pytest.raises(ValueError):
        mark_not_duplicate(owner=alice, first=mine, second=theirs)


def test_the_queries_do_not_grow_with_the_number_of_pairs(alice, green_bank):
    def queries_for_the_page() -> int:
        user = type(alice).objects.get(pk=alice.pk)  # as a request has it: nothing cached
        with CaptureQueriesContext(connection) as captured:
            pair_rows(user, likely_duplicates(user))
        return len(captured)

    add(alice, "Ann", "Lee", email="ann@x.example")
    add(alice, "Ann", "Lee", email="ann@x.example", organization=green_bank)
    one_pair = queries_for_the_page()
    for number in range(10):
        add(alice, f"Person{number}", email=f"p{number}@x.example")
        add(alice, f"Person{number}", email=f"P{number}@x.example", organization=green_bank)
    assert len(likely_duplicates(alice)) == 11
    assert queries_for_the_page() == one_pair
