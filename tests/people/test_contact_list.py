"""The Contacts list: 50 people a page, sorted by any column shown, filtered from the URL."""

from __future__ import annotations

import re
from datetime import timedelta
from html import unescape

from django.urls import reverse
from django.utils import timezone

import factories as make
from coffeechat.pipeline.followups.models import FollowUp

URL = reverse("people:contacts")


def names(response) -> list[str]:
    """The people listed, in order, as the rows' name links show them."""
    page = unescape(response.content.decode())
    return re.findall(r'<td><a href="/contacts/\d+/">([^<]+)</a></td>', page)


def test_a_long_list_comes_fifty_to_a_page_with_links_that_keep_the_filters(alice_client, alice):
    for index in range(120):
        make.contact(alice, first_name=f"Person{index:03d}", how_known="alumni")
    make.contact(alice, first_name="Zed", how_known="friend")
    first = alice_client.get(URL, {"how": "alumni"})
    assert names(first) == [f"Person{index:03d}" for index in range(50)]
    page = unescape(first.content.decode())
    assert "1\u201350 of 120 people" in page
    assert 'href="?how=alumni&page=2"' in page
    third = alice_client.get(URL, {"how": "alumni", "page": 3})
    assert names(third) == [f"Person{index:03d}" for index in range(100, 120)]


def test_it_sorts_by_organization_both_ways_and_by_stage(alice_client, alice):
    ann = make.contact(alice, "Ann Able", org="Zeta")
    make.contact(alice, "Bo Brown", org="Alpha")
    make.contact(alice, "Cy Cole")
    make.request_sent(ann)
    assert names(alice_client.get(URL, {"sort": "organization"})) == [
        "Bo Brown",
        "Ann Able",
        "Cy Cole",  # no organization: last either way
    ]
    assert names(alice_client.get(URL, {"sort": "-organization"})) == [
        "Ann Able",
        "Bo Brown",
        "Cy Cole",
    ]
    # Identified comes before contacted in the method's order.
    assert names(alice_client.get(URL, {"sort": "-stage"})) == ["Ann Able", "Bo Brown", "Cy Cole"]
    assert names(alice_client.get(URL, {"sort": "stage"})) == ["Bo Brown", "Cy Cole", "Ann Able"]


def test_it_filters_by_stage_reply_speed_connection_source_and_organization(alice_client, alice):
    asked = make.contact(alice, "Ann Able", org="Green Bank", how_known="alumni")
    silent = make.contact(alice, "Bo Brown", org="Carbon Partners", source="linkedin")
    make.contact(alice, "Cy Cole", org="Green Bank Foundation")
    make.request_sent(asked)
    make.request_sent(silent, on=timezone.localdate() - timedelta(days=30))
    assert names(alice_client.get(URL, {"stage": "contacted"})) == ["Ann Able"]
    assert names(alice_client.get(URL, {"speed": "silent"})) == ["Bo Brown"]
    assert names(alice_client.get(URL, {"how": "alumni"})) == ["Ann Able"]
    assert names(alice_client.get(URL, {"source": "linkedin"})) == ["Bo Brown"]
    assert names(alice_client.get(URL, {"org": "green bank"})) == ["Ann Able", "Cy Cole"]
    both = alice_client.get(URL, {"org": "green bank", "stage": "identified"})
    assert names(both) == ["Cy Cole"]
    assert '<option value="identified" selected>' in both.content.decode()


def test_update_due_lists_only_people_whose_keep_in_touch_update_has_come(alice_client, alice):
    met = make.contact(alice, "Ann Able")
    make.held(met, at=timezone.now() - timedelta(days=60))
    later = make.contact(alice, "Bo Brown")
    make.held(later, at=timezone.now() - timedelta(days=2))
    make.contact(alice, "Cy Cole")
    assert FollowUp.objects.open().filter(kind="keep_in_touch").count() == 2
    assert names(alice_client.get(URL, {"due": "1"})) == ["Ann Able"]


def test_an_unknown_filter_or_sort_is_ignored(alice_client, alice):
    make.contact(alice, "Ann Able")
    response = alice_client.get(URL, {"stage": "bogus", "sort": "password", "page": "x"})
    assert names(response) == ["Ann Able"]


def test_nobody_elses_contacts_are_listed(bob_client, alice):
    make.contact(alice, "Ann Able")
    assert names(bob_client.get(URL)) == []
    assert names(bob_client.get(URL, {"sort": "stage"})) == []


def test_waiting_for_a_reply_judges_only_recent_requests_and_misses_none(
    alice_client, alice, django_assert_max_num_queries
):
    today = timezone.localdate()
    waiting = make.contact(alice, "Ann Able")  # 13 days: under 10 business days, still waiting
    make.request_sent(waiting, on=today - timedelta(days=13))
    make.contact(alice, "Bo Brown")  # never asked
    old = make.contact(alice, "Cy Cole")  # asked last spring: long silent
    make.request_sent(old, on=today - timedelta(days=200))
    # Asked long ago, never answered, asked again yesterday: the method counts from the first.
    asked_again = make.contact(alice, "Di Dunn")
    make.request_sent(asked_again, on=today - timedelta(days=200))
    make.request_sent(asked_again, on=today - timedelta(days=1))
    with django_assert_max_num_queries(12):
        listed = names(alice_client.get(URL, {"stage": "contacted"}))
    assert listed == ["Ann Able"]
    silent = names(alice_client.get(URL, {"stage": "no response"}))
    assert silent == ["Cy Cole", "Di Dunn"]
