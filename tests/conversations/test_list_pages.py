"""The conversations list: the next ones, then past ones 50 a page, filtered and sorted from
the URL, and the same size at 20,000 conversations as at 500."""

from __future__ import annotations

import re
from datetime import timedelta
from html import unescape

from django.urls import reverse
from django.utils import timezone

import factories as make
from coffeechat.network.people.models import Contact
from coffeechat.pipeline.conversations.models import Conversation, Status

URL = reverse("conversations:list")


def add(owner, name: str, days: int, status: str) -> None:
    Conversation.objects.create(
        owner=owner,
        contact=make.contact(owner, name),
        scheduled_at=timezone.now() + timedelta(days=days),
        status=status,
    )


def table(response, heading: str) -> str:
    page = unescape(response.content.decode())
    start = page.index(f">{heading}</h2>")
    return page[start : page.index("</table>", start)]


def test_it_shows_held_or_cancelled_or_upcoming_ones_as_asked(alice_client, alice):
    add(alice, "Ann Able", 3, Status.SCHEDULED)
    add(alice, "Bo Brown", -3, Status.HELD)
    add(alice, "Cy Cole", -5, Status.CANCELLED)
    held = table(alice_client.get(URL, {"show": "held"}), "Held")
    assert "Bo Brown" in held and "Cy Cole" not in held
    assert ">Upcoming</h2>" not in alice_client.get(URL, {"show": "held"}).content.decode()
    upcoming = table(alice_client.get(URL, {"show": "upcoming"}), "Upcoming")
    assert "Ann Able" in upcoming and "Bo Brown" not in upcoming
    by_name = table(alice_client.get(URL, {"sort": "-with"}), "Past")
    assert by_name.index("Cy Cole") < by_name.index("Bo Brown")


def test_bob_sees_none_of_alices_conversations(bob_client, alice):
    add(alice, "Ann Able", -3, Status.HELD)
    assert "Ann Able" not in bob_client.get(URL, {"show": "all"}).content.decode()


def add_many(owner, count: int, start: int) -> None:
    contacts = Contact.objects.bulk_create(
        Contact(owner=owner, first_name=f"P{start + i:05d}") for i in range(count // 4)
    )
    now = timezone.now()
    Conversation.objects.bulk_create(
        Conversation(
            owner=owner,
            contact=contacts[i % len(contacts)],
            # Half upcoming, half held: both parts of the page are full.
            scheduled_at=now + timedelta(hours=(start + i + 1) * (1 if i % 2 else -1)),
            status=Status.SCHEDULED if i % 2 else Status.HELD,
        )
        for i in range(count)
    )


def test_a_page_of_conversations_is_the_same_size_at_500_or_20000(
    alice_client, alice, django_assert_max_num_queries
):
    def size() -> int:
        with django_assert_max_num_queries(14):
            response = alice_client.get(URL, {"page": 3})
        assert len(re.findall(r"<tr>", table(response, "Past"))) == 51
        assert len(re.findall(r"<tr>", table(response, "Upcoming"))) == 51
        return len(response.content)

    add_many(alice, 500, 0)
    small = size()
    add_many(alice, 19_500, 500)
    assert Conversation.objects.count() == 20_000
    large = size()
    assert large < small * 1.1
    assert "All 10000 upcoming conversations" in unescape(alice_client.get(URL).content.decode())


def test_upcoming_ones_are_paged_in_time_order_whatever_their_status(alice_client, alice):
    for i in range(60):
        status = Status.IN_PROGRESS if i % 7 == 0 else Status.SCHEDULED
        add(alice, f"P{i:02d} Upcoming", i + 1, status)
        add(alice, f"H{i:02d} Held", -i - 1, Status.HELD)
    first = table(alice_client.get(URL, {"show": "upcoming"}), "Upcoming")
    names = re.findall(r"(P\d\d) Upcoming", first)
    assert names == [f"P{i:02d}" for i in range(50)]
    second = table(alice_client.get(URL, {"show": "upcoming", "page": 2}), "Upcoming")
    assert re.findall(r"(P\d\d) Upcoming", second) == [f"P{i:02d}" for i in range(50, 60)]
    latest_first = table(alice_client.get(URL, {"show": "upcoming", "sort": "-when"}), "Upcoming")
    assert re.findall(r"(P\d\d) Upcoming", latest_first)[:3] == ["P59", "P58", "P57"]
    assert not re.findall(r"H\d\d Held", first + second)
