"""Outreach at 20,000 contacts: the waiting box looks only at people asked lately, so the page
runs the same queries and shows the same rows as at 500, and never walks the whole network."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from coffeechat.network.people.models import Contact
from coffeechat.pages.outreach.waiting import waiting_for_reply
from coffeechat.pipeline.outreach.models import Message, Purpose

URL = reverse("outreach:messages")


def network(owner, count: int, *, start: int = 0, recent: int = 0) -> None:
    """`count` contacts, each asked once: the first `recent` yesterday (still waiting), the
    rest last spring (silent since: no response)."""
    contacts = Contact.objects.bulk_create(
        Contact(owner=owner, first_name=f"Person{start + i:05d}", last_name="Example")
        for i in range(count)
    )
    now = timezone.now()
    Message.objects.bulk_create(
        Message(
            owner=owner,
            contact=contact,
            purpose=Purpose.REQUEST,
            body="Hello",
            sent_at=now - timedelta(days=200 if i >= recent else 1, minutes=i),
        )
        for i, contact in enumerate(contacts)
    )


def page(client) -> tuple[int, int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    return len(queries), len(html), html


def test_the_box_is_the_same_at_500_or_20000_contacts_asked_long_ago(alice_client, alice):
    network(alice, 500, recent=30)
    few_queries, small, html = page(alice_client)
    assert html.count("Log a reply") == 30
    network(alice, 19_500, start=500)
    assert Contact.objects.owned_by(alice).count() == 20_000
    queries, large, html = page(alice_client)
    assert queries == few_queries
    assert html.count("Log a reply") == 30
    assert large < small * 1.1
    assert waiting_for_reply(alice, limit=50).total == 30


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own query plans")
def test_the_box_reads_only_the_people_asked_lately(alice_client, alice):
    network(alice, 200, recent=5)
    with CaptureQueriesContext(connection) as queries:
        waiting_for_reply(alice, limit=50)
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {queries[-1]['sql']}")
        plan = " / ".join(row[-1] for row in cursor.fetchall())
    # Each contact is found by id from the recent requests, along their (owner, purpose,
    # time) index: no step reads every contact or every message.
    contact_steps = [step for step in plan.split(" / ") if "people_contact" in step]
    assert contact_steps and all("rowid=?" in step for step in contact_steps), plan
    assert "SCAN" not in plan.replace("SCAN (subquery", ""), plan
    assert "message_owner_purpose (owner_id=? AND purpose=? AND sent_at>?)" in plan
