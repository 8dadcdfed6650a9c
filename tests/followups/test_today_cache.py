"""Today's follow-ups and Next moves come from the cache only while nothing they are read from
has changed: after any kind of change (an edit, an add, a delete, a bulk action, a merge, an
import, a write from another process, a new day, another time zone) the next request shows
what reading afresh shows."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import factories as make
from coffeechat.edges.imports.services import import_contacts
from coffeechat.method.importers import parse
from coffeechat.method.today import Kind
from coffeechat.network.duplicates.organizations import merge_organizations
from coffeechat.network.people.models import Contact
from coffeechat.network.research.models import Organization
from coffeechat.pipeline.followups.models import FollowUp
from coffeechat.pipeline.followups.services import complete, settle
from coffeechat.pipeline.outreach.models import Message
from coffeechat.pipeline.services import contacts_bulk
from coffeechat.pipeline.services.merge import merge_contacts
from coffeechat.pipeline.services.message_corrections import delete_message

URL = reverse("followups:today")
LINKEDIN = Path(__file__).resolve().parents[1] / "fixtures" / "imports" / "linkedin_connections.csv"
NOW = datetime(2026, 11, 18, 12, 0, tzinfo=UTC)  # a Wednesday


@pytest.fixture
def account(alice, bob):
    """Alice's network with something in every part of Today, the clock running as on a
    server (each save stamped later): requests unanswered for 3 and 8 business days at two
    target organizations, a conversation held yesterday (a thank-you owed), someone not yet
    written to at each, and a third target where Next moves says whom to write to first; and
    a keep-in-touch due just beyond the week ahead. Bob has the same kind of data, which never
    shows on alice's page."""
    with time_machine.travel(NOW - timedelta(days=14), tick=True):
        greenbank = make.organization(alice, "Greenbank", is_target=True)
        northwind = make.organization(alice, "Northwind", is_target=True)
        make.request_sent(make.contact(alice, "Ana Lopez", org=greenbank), on=date(2026, 11, 13))
        make.request_sent(make.contact(alice, "Ben Okafor", org=northwind), on=date(2026, 11, 6))
        make.contact(alice, "Cleo Park", org=greenbank)
        dan = make.contact(alice, "Dan Reyes", org=northwind)
        # Eight days ahead: beyond the week Today looks ahead, until tomorrow.
        FollowUp.objects.create(
            owner=alice, contact=dan, kind="keep_in_touch", due_on=NOW.date() + timedelta(days=8)
        )
        make.held(make.contact(alice, "Eve Marsh"), at=NOW - timedelta(days=1))
        make.contact(alice, "Fern Ito", org=make.organization(alice, "Harbor", is_target=True))
        make.request_sent(make.contact(bob, "Bob's Friend", org="Elsewhere"), on=date(2026, 11, 13))
    with time_machine.travel(NOW, tick=True):
        yield alice


def shown(client) -> str:
    """The page as sent, less its CSRF tokens (new on every response)."""
    page = client.get(URL).content.decode()
    page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)
    return re.sub(r'"X-CSRFToken": "[^"]+"', "", page)


def afresh(client) -> str:
    """The same page read with nothing in the cache."""
    cache.clear()
    return shown(client)


def named(user, first_name: str) -> Contact:
    return Contact.objects.get(owner=user, first_name=first_name)


def _followup_done(user) -> None:
    complete(FollowUp.objects.filter(contact=named(user, "Eve"), done_at=None).first())


def _reply_logged(user) -> None:
    make.reply(named(user, "Ana"), outcome="declined")


def _settled_in_bulk(user) -> None:
    """One UPDATE of the follow-ups alone, nothing added or deleted: its stamp is what shows."""
    assert settle(named(user, "Ana"), *Kind) > 0


def _request_sent(user) -> None:
    make.request_sent(named(user, "Cleo"), on=date(2026, 11, 12))


def _request_deleted(user) -> None:
    delete_message(Message.objects.get(contact=named(user, "Ben")))


def _contact_renamed(user) -> None:
    ana = named(user, "Ana")
    ana.first_name = "Anna"
    ana.save()


def _contact_deleted(user) -> None:
    named(user, "Ben").delete()


def _organization_renamed(user) -> None:
    greenbank = Organization.objects.get(owner=user, name="Greenbank")
    greenbank.name = "Greenbank plc"
    greenbank.save()


def _organization_finished(user) -> None:
    greenbank = Organization.objects.get(owner=user, name="Greenbank")
    greenbank.finished_on = date(2026, 11, 17)
    greenbank.save()


def _someone_there_written_to(user) -> None:  # Next moves and "write to Cleo" change
    make.request_sent(named(user, "Cleo"), on=date(2026, 11, 17))


def _message_to_someone_there_scheduled(user) -> None:  # Fern leaves Next moves
    make.scheduled(named(user, "Fern"), at=NOW + timedelta(days=1))


def _bulk_deleted(user) -> None:
    contacts_bulk.delete(Contact.objects.filter(owner=user, first_name__in=["Ana", "Eve"]))


def _bulk_targets_dropped(user) -> None:
    contacts_bulk.set_organizations_target(
        Contact.objects.filter(owner=user, first_name="Fern"), target=False
    )


def _contacts_merged(user) -> None:
    merge_contacts(named(user, "Ana"), named(user, "Eve"))


def _organizations_merged(user) -> None:
    merge_organizations(
        Organization.objects.get(owner=user, name="Greenbank"),
        Organization.objects.get(owner=user, name="Northwind"),
    )


def _written_by_another_process(user) -> None:
    """Raw SQL, as another server or a command would leave it: no model code, no signals."""
    eve = named(user, "Eve")
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {FollowUp._meta.db_table} WHERE contact_id = %s", [eve.pk])


def _time_zone_changed(user) -> None:
    # Wednesday noon in London is already Thursday in Kiritimati: another day's list.
    user.profile.time_zone = "Pacific/Kiritimati"
    user.profile.save()


CHANGES: dict[str, Callable[[object], None]] = {
    "a follow-up is marked done": _followup_done,
    "a reply is logged": _reply_logged,
    "follow-ups are settled in one bulk update": _settled_in_bulk,
    "a request is sent": _request_sent,
    "a request is deleted": _request_deleted,
    "a contact is renamed": _contact_renamed,
    "a contact is deleted": _contact_deleted,
    "an organization is renamed": _organization_renamed,
    "an organization is marked finished": _organization_finished,
    "someone at an organization is written to": _someone_there_written_to,
    "a message to someone at a target is scheduled": _message_to_someone_there_scheduled,
    "ticked contacts are deleted": _bulk_deleted,
    "ticked contacts' organizations stop being targets": _bulk_targets_dropped,
    "two contacts are merged": _contacts_merged,
    "two organizations are merged": _organizations_merged,
    "another process deletes follow-ups": _written_by_another_process,
    "the time zone changes": _time_zone_changed,
}


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
def test_the_next_request_after_a_change_shows_what_reading_afresh_shows(
    account, alice_client, change
):
    before = shown(alice_client)
    assert before == afresh(alice_client)
    shown(alice_client)  # now kept in the cache
    change(account)
    after = shown(alice_client)
    assert after == afresh(alice_client)
    assert after != before  # the change shows: this one was not served from the cache


def test_an_import_shows_at_once(account, alice_client):
    shown(alice_client)
    rows = parse("linkedin", LINKEDIN.read_bytes(), LINKEDIN.name)
    assert import_contacts(account, "linkedin", rows, skip_bad_rows=True).added
    assert shown(alice_client) == afresh(alice_client)


def test_a_new_day_brings_the_next_weeks_follow_ups(account, alice_client):
    assert "Keep in touch with Dan" not in shown(alice_client)
    # One in the morning: hours later, well within the time an entry is kept.
    with time_machine.travel(NOW + timedelta(hours=13), tick=True):
        after = shown(alice_client)
        assert after == afresh(alice_client)
    assert "Keep in touch with Dan" in after


def test_a_time_zone_a_day_ahead_brings_the_next_weeks_follow_ups(account, alice_client):
    assert "Keep in touch with Dan" not in shown(alice_client)
    _time_zone_changed(account)
    after = shown(alice_client)
    assert after == afresh(alice_client)
    assert "Keep in touch with Dan" in after


def test_a_thank_you_becomes_overdue_at_its_deadline_within_the_day(account, alice_client):
    """The kept items carry their deadline; which section it puts them in is decided on each
    request, so the hour passing moves a thank-you without any change to the data."""
    thanks = FollowUp.objects.get(contact=named(account, "Eve"), kind="thank_you")
    deadline = NOW.replace(hour=15)
    FollowUp.objects.filter(pk=thanks.pk).update(due_on=NOW.date(), due_at=deadline)
    cache.clear()
    before = shown(alice_client)
    with time_machine.travel(deadline + timedelta(minutes=1), tick=True):
        after = shown(alice_client)
        assert after == afresh(alice_client)
    item = f'id="followup-{thanks.pk}"'
    assert before.index("section-1") < before.index(item)
    assert "overdue" in after.split(item)[0].rsplit("<section", 1)[1]


def test_an_unchanged_account_is_read_from_the_cache_in_a_few_queries(account, alice_client):
    with CaptureQueriesContext(connection) as cold:
        first = shown(alice_client)
    with CaptureQueriesContext(connection) as warm:
        again = shown(alice_client)
    assert again == first
    # The session, the user, the profile, the version, the conversations (one query per
    # status), the drafts, the scheduled messages and the e-mail settings; the follow-ups and
    # Next moves take more.
    assert len(warm) == 9, [q["sql"][:80] for q in warm]
    assert len(cold) > len(warm) + 5


def test_another_users_changes_leave_alices_cached_page_alone(account, bob, alice_client):
    with CaptureQueriesContext(connection) as cold:
        before = shown(alice_client)
    make.request_sent(make.contact(bob, "Someone Else"))
    with CaptureQueriesContext(connection) as warm:
        assert shown(alice_client) == before
    assert len(warm) < len(cold)
