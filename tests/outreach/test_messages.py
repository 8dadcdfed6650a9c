from datetime import UTC, date, datetime, timedelta

import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import factories as make
from coffeechat.pipeline.services import correspondence

NOW = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


def write(contact, purpose="request", days_ago=1, subject="Hello"):
    return correspondence.record_message(
        contact=contact, purpose=purpose, channel="email", subject=subject, body="Hi",
        sent_at=NOW - timedelta(days=days_ago),
    )  # fmt: skip


@time_machine.travel(NOW, tick=False)
def test_sent_messages_are_listed_newest_first_with_who_and_why(alice_client, alice):
    acme = make.organization(alice, "Acme")
    sam = make.contact(alice, "Sam Lee", org=acme)
    jo = make.contact(alice, "Jo Park")
    write(sam, days_ago=5, subject="Older request")
    write(jo, purpose="update", days_ago=1, subject="Newer update")
    page = alice_client.get(reverse("outreach:messages")).content.decode()
    assert page.index("Newer update") < page.index("Older request")
    assert "Request for a conversation" in page
    assert '<small class="muted">Acme</small>' in page
    assert "Sun 15 Nov 2026" in page


@time_machine.travel(NOW, tick=False)
def test_waiting_for_a_reply_lists_only_contacts_still_waiting(alice_client, alice):
    waiting = make.contact(alice, "Waiting One")
    answered = make.contact(alice, "Answered Two")
    write(waiting)
    write(answered)
    correspondence.record_reply(contact=answered, received_on=date(2026, 11, 20), outcome="agreed")
    page = alice_client.get(reverse("outreach:messages")).content.decode()
    section = page.split('id="waiting"')[1].split('id="sent"')[0]
    assert "Waiting One" in section
    assert "Answered Two" not in section
    assert reverse("outreach:reply", args=[waiting.pk]) in section


def test_another_users_messages_are_not_listed(bob_client, alice):
    sam = make.contact(alice, "Sam Secret")
    write(sam, subject="Private subject")
    page = bob_client.get(reverse("outreach:messages")).content.decode()
    assert "Private subject" not in page
    assert "Sam Secret" not in page
    assert "No messages yet." in page


@time_machine.travel(NOW, tick=False)
def test_the_messages_page_runs_the_same_queries_for_3_or_15_messages(alice_client, alice):
    def add(n: int) -> None:
        for i in range(n):
            org = make.organization(alice, f"Org {n}-{i}")
            person = make.contact(alice, f"P{n}-{i}", org=org)
            write(person, subject=f"Subject {n}-{i}")

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            alice_client.get(reverse("outreach:messages"))
        return len(queries)

    add(3)
    few = count()
    add(12)
    assert count() == few
    page = alice_client.get(reverse("outreach:messages")).content.decode()
    assert page.count("Subject ") == 15
