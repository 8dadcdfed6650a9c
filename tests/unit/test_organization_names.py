"""One organization under the names people write for it."""

from __future__ import annotations

import pytest

from coffeechat.method.organizations import (
    Named,
    domain_key,
    find_match,
    name_matcher,
    near_pairs,
    organization_key,
)


@pytest.mark.parametrize(
    ("written", "same_as"),
    [
        ("Morningstar Inc.", "Morningstar"),
        ("McKinsey & Company, Inc.", "McKinsey & Company"),
        ("mckinsey and company", "McKinsey & Company"),
        ("The Boston Consulting Group", "Boston Consulting Group"),
        ("Nestlé S.A.", "Nestle"),
        ("  ACME   Co ", "Acme"),
        ("Siemens AG", "siemens"),
        ("O'Reilly Media, LLC", "OReilly Media"),
        ("Deloitte LLP", "Deloitte"),
        ("Ember Studio & Co.", "Ember Studio"),
        ("Ember Studio & Co", "Ember Studio"),
        ("Ember Studio and Company", "Ember Studio"),
        ("Ember Studio & Co., Ltd.", "Ember Studio"),
        ("Beacon Bank & Co.", "Beacon Bank S.A."),
        ("McKinsey & Company", "McKinsey"),
    ],
)
def test_names_written_differently_share_a_key(written: str, same_as: str) -> None:
    assert organization_key(written) == organization_key(same_as)


def test_different_organizations_keep_different_keys() -> None:
    assert organization_key("Acme Climate") != organization_key("Acme Energy")
    assert organization_key("Procter & Gamble") == "procter and gamble"
    assert organization_key("Ember Studio & Co.") == "ember studio"
    # "and Company" is a legal form only at the end.
    assert organization_key("Company and Co") == "company"
    assert organization_key("Co & Partners") == "co and partners"


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("societe", "Société Générale"),
        ("MORNINGSTAR INC", "Morningstar"),
        ("Morningstar Inc.", "Morningstar"),
        ("mckinsey and", "McKinsey & Company"),
        ("mckinsey &", "McKinsey & Company"),
        ("zoe", "Zoë Analytics"),
        ("bank", "Beacon Bank S.A."),
    ],
)
def test_a_name_is_found_however_what_was_typed_is_written(typed: str, name: str) -> None:
    assert name_matcher(typed)(name)


def test_a_typed_name_does_not_find_other_organizations() -> None:
    assert not name_matcher("societe")("Beacon Bank")
    assert not name_matcher("Morningstar Inc.")("Morning Glory")


def test_a_name_that_is_only_a_legal_form_is_kept_rather_than_emptied() -> None:
    assert organization_key("Inc.") == "inc"
    assert organization_key("The") == "the"


def test_a_website_gives_its_domain_without_www() -> None:
    assert domain_key("https://www.Acme.com/about") == "acme.com"
    assert domain_key("acme.com") == "acme.com"
    assert domain_key("") == ""


def test_a_match_is_found_by_name_or_by_domain_oldest_first() -> None:
    known = [Named(1, "Morningstar"), Named(2, "Acme Climate", "https://acme.example")]
    assert find_match(known, "Morningstar Inc.") == known[0]
    assert find_match(known, "Acme Carbon Ltd", "http://www.acme.example/jobs") == known[1]
    assert find_match(known, "Northwind") is None


def test_near_pairs_offer_typos_and_shared_domains_but_not_different_names() -> None:
    known = [
        Named(1, "Deloitte"),
        Named(2, "Deloite"),
        Named(3, "Northwind", "northwind.example"),
        Named(4, "NW Energy", "https://www.northwind.example"),
        Named(5, "Acme Climate"),
        Named(6, "Acme Energy"),
    ]
    pairs = [(a.id, b.id) for a, b in near_pairs(known)]
    assert pairs == [(1, 2), (3, 4)]


def test_find_duplicates_offers_a_name_and_its_and_co_form() -> None:
    ember, ember_co = Named(1, "Ember Studio"), Named(2, "Ember Studio & Co.")
    beacon, beacon_co = Named(3, "Beacon Bank S.A."), Named(4, "Beacon Bank & Co.")
    assert near_pairs([ember, ember_co, beacon, beacon_co]) == [
        (ember, ember_co),
        (beacon, beacon_co),
    ]
