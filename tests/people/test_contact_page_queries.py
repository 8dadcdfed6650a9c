"""One contact's page reads a fixed number of queries, however long their history."""

from __future__ import annotations

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import factories as make


def queries_for(client, contact) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("people:contact", args=[contact.pk]))
    assert response.status_code == 200
    return len(captured)


def history(contact, times: int) -> None:
    """`times` rounds of a request, a reply, a conversation held with a takeaway and a
    referral, and an introduction asked of them."""
    start = timezone.now() - timedelta(days=40 * times)
    for round_ in range(times):
        at = start + timedelta(days=40 * round_)
        make.request_sent(contact, on=at)
        make.reply(contact, on=(at + timedelta(days=1)).date())
        chat = make.held(contact, at=at + timedelta(days=5))
        make.takeaway(chat, f"Advice {round_}")
        make.referral(chat, f"Someone Number{round_}")


def test_a_long_history_costs_no_more_queries_than_a_short_one(alice, alice_client):
    short = make.contact(alice, "Priya Shah", org="Acme")
    long = make.contact(alice, "Grace Hopper", org="Acme")
    history(short, 1)
    history(long, 6)

    assert queries_for(alice_client, long) == queries_for(alice_client, short)


def test_the_page_reads_the_contact_and_its_messages_once(alice, alice_client):
    # The session, the user and their profile, then the contact with its history, each part
    # of the timeline once, the open follow-ups, introductions, the people they introduced and
    # the messages scheduled to go out to them.
    priya = make.contact(alice, "Priya Shah", org="Acme")
    history(priya, 2)

    assert queries_for(alice_client, priya) <= 16


def test_another_users_contact_is_not_found(alice, bob_client):
    priya = make.contact(alice, "Priya Shah")

    assert bob_client.get(reverse("people:contact", args=[priya.pk])).status_code == 404
