"""Outreach's "Waiting for a reply" box: exactly the people whose stage is "contacted", found by
the database in a fixed number of queries, whatever the history behind each."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from html import unescape
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import factories as make
from coffeechat.method.stages import Stage, still_waiting_since
from coffeechat.network.people.models import Contact
from coffeechat.pages.outreach.waiting import waiting_for_reply
from coffeechat.pages.people.queries import contact_rows
from coffeechat.pipeline.outreach.models import Purpose

NEW_YORK = ZoneInfo("America/New_York")
# Wednesday 31 December 2025, 10:00 in New York. Counting back ten business days, today
# included and Christmas (Thursday 25th) left out, reaches Wednesday 17 December: a request
# sent that day or later is still waiting, one sent earlier has run out of time.
NOW = datetime(2025, 12, 31, 15, 0, tzinfo=UTC)


def local(day: int, hour: int = 9, minute: int = 0, month: int = 12) -> datetime:
    return datetime(2025, month, day, hour, minute, tzinfo=NEW_YORK)


def box(response) -> list[str]:
    page = unescape(response.content.decode())
    section = page.split('id="waiting"')[1].split('id="sent"')[0]
    return re.findall(r'<td><a href="/contacts/\d+/">([^<]+)</a></td>', section)


@pytest.fixture
def in_new_york(alice):
    alice.profile.time_zone = "America/New_York"
    alice.profile.country, alice.profile.region = "US", "NY"
    alice.profile.save()
    return alice


@pytest.fixture
def histories(in_new_york, bob):
    """A contact for each way a history can end, in or out of the wait."""
    alice = in_new_york

    def person(name: str) -> Contact:
        return make.contact(alice, name)

    make.request_sent(person("Fresh Ask"), on=local(30))
    # The first and last evening of the wait, where New York's day and UTC's differ.
    make.request_sent(person("Edge In"), on=local(17, 0, 30))
    make.request_sent(person("Edge Out"), on=local(16, 23, 30))
    answered = person("Answered Yes")
    make.request_sent(answered, on=local(28))
    make.reply(answered, on=date(2025, 12, 29), outcome="agreed")
    declined = person("Declined Then")  # a no in November, asked again on a later day
    make.request_sent(declined, on=local(2, month=11))
    make.reply(declined, on=date(2025, 11, 3), outcome="declined")
    make.request_sent(declined, on=local(29))
    same_day = person("Same Day")  # asked again the day of the reply: the reply stands
    make.request_sent(same_day, on=local(1))
    make.reply(same_day, on=date(2025, 12, 29), outcome="replied")
    make.request_sent(same_day, on=local(29))
    twice = person("Asked Twice")  # silent since October: counted from the first request
    make.request_sent(twice, on=local(1, month=10))
    make.request_sent(twice, on=local(29))
    scheduled = person("Scheduled Soon")
    make.request_sent(scheduled, on=local(28))
    make.conversation(scheduled, at=datetime(2026, 1, 5, 10, tzinfo=NEW_YORK))
    met = person("Met Already")
    make.request_sent(met, on=local(22))
    make.held(met, at=local(30, 10))
    person("Never Asked")
    mutual = person("Mutual Friend")  # asked for an introduction: not a request to them
    make.sent(mutual, Purpose.INTRODUCTION, on=local(30), introduction_to=person("Someone Else"))
    make.request_sent(make.contact(bob, "Bob's Contact"), on=local(30))
    return alice


WAITING = ["Declined Then", "Edge In", "Fresh Ask"]


@time_machine.travel(NOW, tick=False)
def test_the_box_lists_exactly_who_is_waiting_by_name(histories, alice_client):
    assert box(alice_client.get(reverse("outreach:messages"))) == WAITING


@time_machine.travel(NOW, tick=False)
def test_the_box_agrees_with_each_contacts_stage_and_the_contacts_filter(histories, alice_client):
    judged = contact_rows(histories, Contact.objects.owned_by(histories))
    contacted = sorted(row.contact.full_name for row in judged if row.stage is Stage.CONTACTED)
    assert contacted == WAITING
    waiting = waiting_for_reply(histories, limit=50)
    assert [row["name"] for row in waiting.rows] == WAITING
    assert waiting.total == 3
    listed = alice_client.get(reverse("people:contacts"), {"stage": "contacted"}).content.decode()
    assert all(name in listed for name in WAITING)
    assert "Edge Out" not in listed


@time_machine.travel(NOW, tick=False)
def test_each_row_links_the_person_their_organization_the_reply_and_the_first_request_day(
    in_new_york, alice_client
):
    acme = make.organization(in_new_york, "Acme")
    ann = make.contact(in_new_york, "Ann Able", org=acme)
    make.request_sent(ann, on=local(2, month=10))  # long ago, unanswered ...
    make.reply(ann, on=date(2025, 10, 5), outcome="declined")
    make.request_sent(ann, on=local(28))  # ... asked again: the first request is the one shown
    page = unescape(alice_client.get(reverse("outreach:messages")).content.decode())
    section = page.split('id="waiting"')[1].split('id="sent"')[0]
    assert f'<a href="{ann.get_absolute_url()}">Ann Able</a>' in section
    assert f'<a href="{acme.get_absolute_url()}">Acme</a>' in section
    assert f'<a href="{reverse("outreach:reply", args=[ann.pk])}">Log a reply</a>' in section
    assert "Thu 2 Oct 2025" in section


@time_machine.travel(NOW, tick=False)
def test_the_box_shows_the_first_50_and_counts_everyone_in_the_same_queries(
    in_new_york, alice_client
):
    def add(count: int, start: int) -> None:
        for i in range(start, start + count):
            make.request_sent(make.contact(in_new_york, f"P{i:03d} Waiting"), on=local(28))

    def queries_and_page():
        with CaptureQueriesContext(connection) as queries:
            response = alice_client.get(reverse("outreach:messages"))
        return len(queries), response

    add(3, 0)
    few, response = queries_and_page()
    assert len(box(response)) == 3
    assert "people waiting for a reply" not in response.content.decode()
    add(50, 3)
    many, response = queries_and_page()
    assert many == few
    assert box(response) == [f"P{i:03d} Waiting" for i in range(50)]
    assert "All 53 people waiting for a reply" in response.content.decode()


@time_machine.travel(NOW, tick=False)
def test_contacts_waiting_filter_counts_the_first_day_where_the_user_lives(alice, alice_client):
    """East of UTC, the first minutes of the wait's first day are still the day before in UTC:
    the Contacts filter finds someone asked then, as Outreach's box does."""
    alice.profile.time_zone = "Asia/Tokyo"
    alice.profile.save()
    tokyo = ZoneInfo("Asia/Tokyo")
    today = NOW.astimezone(tokyo).date()
    first_day = still_waiting_since(today, alice.profile.holidays())
    early = make.contact(alice, "Early Bird")
    make.request_sent(early, on=datetime.combine(first_day, time(0, 30), tzinfo=tokyo))
    assert [row["name"] for row in waiting_for_reply(alice, limit=50).rows] == ["Early Bird"]
    listed = alice_client.get(reverse("people:contacts"), {"stage": "contacted"}).content.decode()
    assert "Early Bird" in listed
