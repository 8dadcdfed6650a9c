"""The sent-messages list: 50 a page, sorted by any column, filtered by purpose and channel,
and the same size at 20,000 messages as at 500."""

from __future__ import annotations

import re
from datetime import timedelta
from html import unescape

from django.urls import reverse
from django.utils import timezone

import factories as make
from coffeechat.network.people.models import Contact
from coffeechat.pipeline.outreach.models import Message, Purpose

URL = reverse("outreach:messages")


def sent_table(response) -> str:
    page = unescape(response.content.decode())
    return page[page.index('<h2 id="sent">') :]


def test_it_filters_by_purpose_and_channel_and_sorts_by_contact(alice_client, alice):
    ann, bo = make.contact(alice, "Ann Able"), make.contact(alice, "Bo Brown")
    make.request_sent(ann, channel="linkedin")
    make.sent(bo, Purpose.FOLLOW_UP)
    only_follow_ups = sent_table(alice_client.get(URL, {"purpose": "follow_up"}))
    assert "Bo Brown" in only_follow_ups and "Ann Able" not in only_follow_ups
    on_linkedin = sent_table(alice_client.get(URL, {"channel": "linkedin"}))
    assert "Ann Able" in on_linkedin and "Bo Brown" not in on_linkedin
    by_name = sent_table(alice_client.get(URL, {"sort": "-contact"}))
    assert by_name.index("Bo Brown") < by_name.index("Ann Able")
    nothing = sent_table(alice_client.get(URL, {"purpose": "thank_you"}))
    assert "No sent message matches these filters." in nothing


def test_bob_sees_none_of_alices_messages(bob_client, alice):
    make.request_sent(make.contact(alice, "Ann Able"))
    assert "Ann Able" not in bob_client.get(URL, {"sort": "contact"}).content.decode()


def add_messages(owner, count: int, start: int) -> None:
    contacts = Contact.objects.bulk_create(
        Contact(owner=owner, first_name=f"P{start + i:05d}") for i in range(count // 10)
    )
    now = timezone.now()
    Message.objects.bulk_create(
        Message(
            owner=owner,
            contact=contacts[i % len(contacts)],
            purpose=Purpose.UPDATE,
            body="News",
            sent_at=now - timedelta(days=30, minutes=start + i),
        )
        for i in range(count)
    )


def test_a_page_of_sent_messages_is_the_same_size_at_500_or_20000(
    alice_client, alice, django_assert_max_num_queries
):
    def size() -> int:
        with django_assert_max_num_queries(14):
            response = alice_client.get(URL, {"sort": "-contact", "page": 2})
        rows = re.findall(r"<tr>", sent_table(response))
        assert len(rows) == 51  # the heading and 50 messages
        return len(response.content)

    add_messages(alice, 500, 0)
    small = size()
    add_messages(alice, 19_500, 500)
    assert Message.objects.count() == 20_000
    assert size() < small * 1.1
