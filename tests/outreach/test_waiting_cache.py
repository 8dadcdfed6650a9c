"""Outreach's "Waiting for a reply" comes from the cache only while nothing it is read from has
changed: after any kind of change the next request shows who reading afresh finds waiting."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import factories as make
from coffeechat.network.people.models import Contact
from coffeechat.network.research.models import Organization
from coffeechat.pipeline.followups.models import FollowUp
from coffeechat.pipeline.outreach.models import Message
from coffeechat.pipeline.services import contacts_bulk
from coffeechat.pipeline.services.merge import merge_contacts

URL = reverse("outreach:messages")
NOW = datetime(2026, 11, 18, 12, 0, tzinfo=UTC)  # a Wednesday


@pytest.fixture
def asked(alice, bob):
    """Three people asked last week (waiting), one a month ago (no longer); Bob's own."""
    with time_machine.travel(NOW - timedelta(days=30), tick=True):
        acme = make.organization(alice, "Acme")
        for name, day in (("Ana Lopez", 12), ("Ben Okafor", 13), ("Cleo Park", 16)):
            make.request_sent(make.contact(alice, name, org=acme), on=date(2026, 11, day))
        make.request_sent(make.contact(alice, "Old Ask"), on=date(2026, 10, 19))
        make.contact(alice, "Dan Reyes")
        make.request_sent(make.contact(bob, "Bob's Friend"), on=date(2026, 11, 16))
    with time_machine.travel(NOW, tick=True):
        yield alice


def box(client) -> list[tuple[str, ...]]:
    """Each row of the box: the person, their organization and the day first asked."""
    page = client.get(URL).content.decode()
    section = page.split('id="waiting"')[1].split('id="sent"')[0]
    rows = re.findall(r"<tr>(.*?)</tr>", section, re.S)
    return [tuple(re.findall(r">([^<>]+)<", row)) for row in rows if "Log a reply" in row]


def afresh(client) -> list[tuple[str, ...]]:
    cache.clear()
    return box(client)


def named(user, first_name: str) -> Contact:
    return Contact.objects.get(owner=user, first_name=first_name)


def _asked(user) -> None:
    make.request_sent(named(user, "Dan"), on=date(2026, 11, 17))


def _answered(user) -> None:
    make.reply(named(user, "Ana"), outcome="declined")


def _scheduled(user) -> None:
    make.conversation(named(user, "Ben"), at=NOW + timedelta(days=2))


def _renamed(user) -> None:
    cleo = named(user, "Cleo")
    cleo.last_name = "Park-Lee"
    cleo.save()


def _organization_renamed(user) -> None:
    acme = Organization.objects.get(owner=user, name="Acme")
    acme.name = "Acme Corp"
    acme.save()


def _deleted(user) -> None:
    contacts_bulk.delete(Contact.objects.filter(owner=user, first_name="Ben"))


def _merged(user) -> None:
    merge_contacts(named(user, "Dan"), named(user, "Cleo"))


def _request_deleted_by_another_process(user) -> None:
    """Raw SQL, as another server or a command would leave it: no model code, no signals."""
    ana = Message.objects.get(contact=named(user, "Ana"))
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {FollowUp._meta.db_table} WHERE message_id = %s", [ana.pk])
        cursor.execute(f"DELETE FROM {Message._meta.db_table} WHERE id = %s", [ana.pk])


def _time_zone_changed(user) -> None:
    # Each request went at 09:00 UTC: the evening before in Honolulu, the day now shown.
    user.profile.time_zone = "Pacific/Honolulu"
    user.profile.save()


CHANGES: dict[str, Callable[[object], None]] = {
    "someone is asked": _asked,
    "someone answers": _answered,
    "a conversation is scheduled": _scheduled,
    "someone is renamed": _renamed,
    "their organization is renamed": _organization_renamed,
    "someone is deleted": _deleted,
    "two people are merged": _merged,
    "another process deletes a request": _request_deleted_by_another_process,
    "the time zone changes": _time_zone_changed,
}


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
def test_the_next_request_after_a_change_shows_who_reading_afresh_finds(
    asked, alice_client, change
):
    before = box(alice_client)
    assert len(before) == 3
    assert before == afresh(alice_client)
    box(alice_client)  # now kept in the cache
    change(asked)
    after = box(alice_client)
    assert after == afresh(alice_client)
    assert after != before  # the change shows: this one was not served from the cache


def test_a_request_stops_waiting_on_the_day_its_ten_business_days_run_out(asked, alice_client):
    # Ana was asked on Thursday 12 November: her ten business days end on Wednesday 25th.
    # (Hours apart, not days: well within the time an entry is kept.)
    with time_machine.travel(datetime(2026, 11, 25, 20, 0, tzinfo=UTC), tick=True):
        before = box(alice_client)
    with time_machine.travel(datetime(2026, 11, 26, 8, 0, tzinfo=UTC), tick=True):
        after = box(alice_client)
        assert after == afresh(alice_client)
    assert [row[0] for row in before] == ["Ana Lopez", "Ben Okafor", "Cleo Park"]
    assert [row[0] for row in after] == ["Ben Okafor", "Cleo Park"]


def test_an_unchanged_account_reads_the_box_from_the_cache(asked, alice_client):
    with CaptureQueriesContext(connection) as cold:
        first = box(alice_client)
    with CaptureQueriesContext(connection) as warm:
        assert box(alice_client) == first
    assert len(warm) == len(cold) - 1  # the version instead of the box's own query
