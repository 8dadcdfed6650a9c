"""The conversations list: upcoming soonest first, then past, in the user's time zone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import factories as make
from coffeechat.pipeline.conversations.models import Conversation, Status

START = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


def add(alice, name: str, days: int, status: str = Status.SCHEDULED) -> Conversation:
    org = make.organization(alice, f"{name} Org")
    contact = make.contact(alice, first_name=name, org=org)
    return Conversation.objects.create(
        owner=alice, contact=contact, scheduled_at=START + timedelta(days=days), status=status
    )


def test_upcoming_are_soonest_first_and_past_ones_follow(alice_client, alice):
    add(alice, "Later", 9)
    add(alice, "Sooner", 2)
    add(alice, "Met", -3, Status.HELD)
    add(alice, "Dropped", -1, Status.CANCELLED)
    page = alice_client.get(reverse("conversations:list")).content.decode()
    order = [page.index(text) for text in ("Upcoming", "Sooner", "Later", "Past", "Dropped", "Met")]
    assert order == sorted(order)
    assert "Sooner Org" in page
    assert "Held" in page and "Cancelled" in page


def test_times_are_shown_in_your_own_time_zone(alice_client, alice):
    alice.profile.time_zone = "Asia/Tokyo"
    alice.profile.save()
    add(alice, "Kenji", 0)  # 10:00 UTC is 19:00 in Tokyo
    page = alice_client.get(reverse("conversations:list")).content.decode()
    assert "Fri 20 Nov 2026, 19:00" in page


def test_the_list_runs_the_same_queries_for_3_or_12_conversations(alice_client, alice):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            alice_client.get(reverse("conversations:list"))
        return len(queries)

    for i in range(3):
        add(alice, f"A{i}", i - 1, Status.HELD if i % 2 else Status.SCHEDULED)
    few = count()
    for i in range(9):
        add(alice, f"B{i}", i - 4, Status.HELD if i % 2 else Status.SCHEDULED)
    assert count() == few


def test_an_empty_list_explains_how_to_schedule(alice_client):
    page = alice_client.get(reverse("conversations:list")).content.decode()
    assert "Nothing scheduled." in page
    assert reverse("people:contacts") in page


def test_upcoming_mixes_scheduled_and_in_progress_ones_in_time_order(alice_client, alice):
    add(alice, "Third", 3)
    add(alice, "First", -1, Status.IN_PROGRESS)
    add(alice, "Second", 1)
    add(alice, "Fourth", 5, Status.IN_PROGRESS)
    for i in range(50):  # more scheduled than the box shows, all after the four
        add(alice, f"Later{i:02d}", 10 + i)
    page = alice_client.get(reverse("conversations:list")).content.decode()
    upcoming = page[page.index(">Upcoming</h2>") : page.index(">Past</h2>")]
    order = [upcoming.index(f">{name}<") for name in ("First", "Second", "Third", "Fourth")]
    assert order == sorted(order)
    assert "In progress" in upcoming
    assert "Later45<" in upcoming and "Later46<" not in upcoming  # 4 + 46 = the first 50
    assert "All 54 upcoming conversations" in upcoming
