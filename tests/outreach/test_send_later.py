"""Send later: scheduling from the compose page, the scheduler sending each message once when
its moment comes (recorded as sent only then), failures retried then shown, and editing or
cancelling until it leaves."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import factories as make
from coffeechat.edges import cli
from coffeechat.pages.research.queries import next_moves_for
from coffeechat.pipeline.followups.models import FollowUp
from coffeechat.pipeline.outreach.models import (
    Draft,
    Message,
    Purpose,
    ScheduledMessage,
    ScheduledState,
)
from coffeechat.pipeline.services import scheduled
from coffeechat.pipeline.services.merge import merge_contacts
from coffeechat.pipeline.services.scheduled import DIED, TOO_LATE, send_due
from cron import cron_env, migrated_and_seeded, remind_twice_at_once
from outreach.conftest import use_smtp

# Alice is in London. Friday 20 November 2026, 19:30 there: Friday evening.
FRIDAY_EVENING = datetime(2026, 11, 20, 19, 30, tzinfo=UTC)
TUESDAY = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
# Monday 23 November, 9:00 in Chicago.
MONDAY_9_CHICAGO = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)
SUBJECT = "A fellow Leeds graduate in climate finance"
BODY = "Dear Priya,\n\nWould you have 20 minutes for a call?\n\nAlice"


@pytest.fixture
def priya_in_chicago(alice, acme):
    return make.contact(
        alice, "Priya Shah", org=acme, email="priya@acme.example", location="Chicago, IL"
    )


def schedule_post(client, contact, **overrides: object):
    data = {"subject": SUBJECT, "body": BODY, "send_later": "morning", **overrides}
    return client.post(reverse("outreach:compose_schedule", args=[contact.pk]), data, follow=True)


def scheduled_for(contact, at: datetime = MONDAY_9_CHICAGO, **fields: object) -> ScheduledMessage:
    fields = {"subject": SUBJECT, "body": BODY, **fields}
    return make.scheduled(contact, at=at, time_zone="America/Chicago", **fields)


# Scheduling ----------------------------------------------------------------------------------


@time_machine.travel(FRIDAY_EVENING, tick=False)
def test_on_friday_evening_the_compose_page_proposes_monday_morning_in_their_time_zone(
    alice_client, alice, priya_in_chicago, smtp_server
):
    use_smtp(alice, smtp_server.port)
    page = alice_client.get(reverse("outreach:compose", args=[priya_in_chicago.pk]))
    html = page.content.decode()
    assert (
        "It is Friday evening where you are, and replies are lowest to messages sent on "
        "Fridays and Saturdays, so this is set to go out Monday 9:00 their time." in html
    )
    assert 'value="morning" checked' in html
    assert "Chicago time (America/Chicago), from Priya&#x27;s location “Chicago, IL”" in html
    assert "<strong>Monday 9:00</strong> their time (15:00 yours)" in html
    # Sending now is still there.
    assert f'formaction="{reverse("outreach:compose_send", args=[priya_in_chicago.pk])}"' in html


@time_machine.travel(TUESDAY, tick=False)
def test_on_a_tuesday_there_is_no_default_delay_and_no_reason_shown(
    alice_client, alice, priya_in_chicago, smtp_server
):
    use_smtp(alice, smtp_server.port)
    html = alice_client.get(reverse("outreach:compose", args=[priya_in_chicago.pk])).content
    assert b"replies are lowest" not in html
    assert b'value="at" checked' in html
    # 10:00 in London is 4:00 in Chicago: their morning is still to come today.
    assert "<strong>today 9:00</strong> their time (15:00 yours)" in html.decode()


@time_machine.travel(TUESDAY, tick=False)
def test_without_a_location_their_morning_is_in_the_users_own_time_zone_and_it_says_so(
    alice_client, alice, priya, smtp_server
):
    use_smtp(alice, smtp_server.port)
    html = alice_client.get(reverse("outreach:compose", args=[priya.pk])).content.decode()
    assert "Your time zone (Europe/London): no location on file for Priya" in html


@time_machine.travel(TUESDAY, tick=False)
def test_without_their_own_location_their_organizations_location_tells_the_time_zone(
    alice_client, alice, smtp_server
):
    use_smtp(alice, smtp_server.port)
    duolingo = make.organization(alice, "Duolingo", location="Pittsburgh, PA")
    omar = make.contact(alice, "Omar Haddad", org=duolingo, email="omar@duolingo.example")
    html = alice_client.get(reverse("outreach:compose", args=[omar.pk])).content.decode()
    assert (
        "New York time (America/New_York), from Duolingo&#x27;s location “Pittsburgh, PA”" in html
    )
    # 10:00 in London is 5:00 in Pittsburgh.
    assert "<strong>today 9:00</strong> their time (14:00 yours)" in html


@time_machine.travel(TUESDAY, tick=False)
def test_their_own_location_comes_before_their_organizations(alice, priya_in_chicago):
    priya_in_chicago.organization.location = "Pittsburgh, PA"
    priya_in_chicago.organization.save()
    reader = scheduled.reader_time(priya_in_chicago, alice.profile)
    assert str(reader.tz) == "America/Chicago"
    assert reader.note.endswith("from Priya's location “Chicago, IL”")


def test_when_neither_location_tells_a_zone_the_users_own_is_used_and_it_says_why(alice):
    somewhere = make.organization(alice, "Somewhere Inc", location="Remote")
    omar = make.contact(alice, "Omar Haddad", org=somewhere)
    reader = scheduled.reader_time(omar, alice.profile)
    assert str(reader.tz) == "Europe/London"
    assert reader.note == (
        "your time zone (Europe/London): no location on file for Omar, and Somewhere Inc's "
        "location “Remote” does not tell one either"
    )


@time_machine.travel(FRIDAY_EVENING, tick=False)
def test_scheduling_keeps_the_message_to_go_out_and_records_nothing_yet(
    alice_client, alice, priya_in_chicago, smtp_server
):
    use_smtp(alice, smtp_server.port)
    Draft.objects.create(owner=alice, contact=priya_in_chicago, subject="old", body="old")
    response = schedule_post(alice_client, priya_in_chicago)

    assert response.redirect_chain[-1][0] == priya_in_chicago.get_absolute_url()
    text = response.content.decode()
    assert (
        "Scheduled: your request for a conversation to Priya Shah goes out Monday 9:00 "
        "their time (15:00 yours)" in text
    )
    [item] = ScheduledMessage.objects.owned_by(alice)
    assert (item.send_at, item.state, item.subject) == (MONDAY_9_CHICAGO, "scheduled", SUBJECT)
    assert item.time_zone == "America/Chicago"
    assert not Message.objects.exists()  # recorded only when it leaves
    assert not Draft.objects.exists()  # the text lives on in the scheduled message
    assert smtp_server.received == []
    # The contact's page and Today show it, with Edit and Cancel.
    assert "Request to Priya Shah, Monday 9:00 their time (15:00 yours)" in text
    today = alice_client.get(reverse("followups:today")).content.decode()
    assert "Request to Priya Shah, Monday 9:00 their time (15:00 yours)" in today
    assert reverse("outreach:scheduled_cancel", args=[item.pk]) in today


@time_machine.travel(TUESDAY, tick=False)
def test_while_a_request_waits_to_go_out_the_contact_page_says_there_is_nothing_to_do(
    alice_client, alice, priya_in_chicago
):
    item = scheduled_for(priya_in_chicago, at=datetime(2026, 11, 24, 15, 0, tzinfo=UTC))
    page = alice_client.get(priya_in_chicago.get_absolute_url()).content.decode()
    assert (
        "Your request goes out today 9:00 their time (15:00 yours); nothing to do until then."
        in page
    )
    assert "Next: write a short request" not in page
    # The list under it does not say "Scheduled" twice.
    assert "Scheduled to go out" in page
    assert "Scheduled: " not in page
    assert "<strong>Request to Priya Shah, today 9:00" in page

    item.state = ScheduledState.FAILED
    item.save()
    page = alice_client.get(priya_in_chicago.get_absolute_url()).content.decode()
    assert "Your request did not go out: edit it to try again, or cancel it (below)." in page

    scheduled.cancel(item)
    page = alice_client.get(priya_in_chicago.get_absolute_url()).content.decode()
    assert "Next: write a short request" in page
    assert "nothing to do until then" not in page


@time_machine.travel(TUESDAY, tick=False)
def test_a_moment_of_ones_own_is_in_the_users_time_zone(
    alice_client, alice, priya_in_chicago, smtp_server
):
    use_smtp(alice, smtp_server.port)
    schedule_post(alice_client, priya_in_chicago, send_later="at", send_later_at="2026-11-25T08:15")
    [item] = ScheduledMessage.objects.all()
    assert item.send_at == datetime(2026, 11, 25, 8, 15, tzinfo=UTC)  # London is UTC in winter
    assert item.time_zone == "Europe/London"


@time_machine.travel(TUESDAY, tick=False)
def test_a_moment_already_past_is_refused_and_the_text_stays(
    alice_client, alice, priya_in_chicago, smtp_server
):
    use_smtp(alice, smtp_server.port)
    response = schedule_post(
        alice_client, priya_in_chicago, send_later="at", send_later_at="2026-11-23T08:15"
    )
    html = response.content.decode()
    assert "That moment has passed: choose one still to come." in html
    assert not ScheduledMessage.objects.exists()
    assert Draft.objects.get().body == BODY


@time_machine.travel(TUESDAY, tick=False)
def test_without_a_mail_server_nothing_can_be_scheduled(alice_client, priya_in_chicago):
    page = alice_client.get(reverse("outreach:compose", args=[priya_in_chicago.pk]))
    assert b"Send later" not in page.content
    response = schedule_post(alice_client, priya_in_chicago)
    assert "Sending needs a mail server" in response.content.decode()
    assert not ScheduledMessage.objects.exists()


# Sending -------------------------------------------------------------------------------------


def test_it_leaves_when_its_moment_comes_and_is_recorded_as_sent_then(
    alice, priya_in_chicago, smtp_server
):
    use_smtp(alice, smtp_server.port)
    item = scheduled_for(priya_in_chicago)

    assert send_due(MONDAY_9_CHICAGO - timedelta(minutes=1)) == []
    assert smtp_server.received == []

    left = MONDAY_9_CHICAGO + timedelta(seconds=40)
    with time_machine.travel(left, tick=False):
        [outcome] = send_due(MONDAY_9_CHICAGO + timedelta(seconds=30))
    assert outcome.sent
    [mail] = smtp_server.received
    assert mail["To"].addresses[0].addr_spec == "priya@acme.example"
    assert mail["Subject"] == SUBJECT
    message = Message.objects.get()
    assert (message.contact, message.purpose, message.channel) == (
        priya_in_chicago, "request", "email",
    )  # fmt: skip
    assert message.sent_at == left  # the moment it left
    # Sending it started the follow-up routine: no reply after 3 business days.
    assert FollowUp.objects.filter(contact=priya_in_chicago, done_at__isnull=True).exists()
    item.refresh_from_db()
    assert (item.state, item.message) == (ScheduledState.SENT, message)
    # Later passes leave it alone.
    assert send_due(MONDAY_9_CHICAGO + timedelta(hours=1)) == []
    assert len(smtp_server.received) == 1


def test_a_failed_send_stays_scheduled_with_the_error_then_is_retried_then_shown_as_failed(
    alice, alice_client, priya_in_chicago, refusing_smtp_server, smtp_server
):
    use_smtp(alice, refusing_smtp_server.port)
    item = scheduled_for(priya_in_chicago)
    now = MONDAY_9_CHICAGO

    [first] = send_due(now)
    assert not first.sent and not first.gave_up
    item.refresh_from_db()
    assert item.state == ScheduledState.SCHEDULED
    assert item.attempts == 1
    assert "550 No such user here" in item.error
    assert item.next_try_at == now + timedelta(minutes=5)
    assert send_due(now + timedelta(minutes=4)) == []  # not before its back-off
    with time_machine.travel(now + timedelta(minutes=1), tick=False):
        today = alice_client.get(reverse("followups:today")).content.decode()
    assert "The last try failed, tried again at 15:05" in today
    assert "550 No such user here" in today

    tries = 1
    while True:
        item.refresh_from_db()
        if item.state == ScheduledState.FAILED:
            break
        [outcome] = send_due(item.next_try_at)
        tries += 1
    assert tries == 4 and outcome.gave_up
    assert not Message.objects.exists()
    with time_machine.travel(item.next_try_at + timedelta(hours=1), tick=False):
        today = alice_client.get(reverse("followups:today")).content.decode()
    assert "Not sent: request to Priya Shah" in today
    assert "Edit and try again" in today

    # Fixed: the mail server works again, and saving the message schedules it again.
    use_smtp(alice, smtp_server.port)
    later = item.next_try_at + timedelta(hours=2)
    with time_machine.travel(later, tick=False):
        response = alice_client.post(
            reverse("outreach:scheduled_edit", args=[item.pk]),
            {"subject": SUBJECT, "body": BODY, "send_at": "2026-11-24T09:00"},
        )
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.state, item.attempts, item.error) == (ScheduledState.SCHEDULED, 0, "")
    assert len(send_due(datetime(2026, 11, 24, 15, tzinfo=UTC))) == 1
    assert len(smtp_server.received) == 1


def test_a_send_interrupted_mid_way_is_shown_as_failed_never_sent_twice(
    alice, priya_in_chicago, smtp_server
):
    use_smtp(alice, smtp_server.port)
    item = scheduled_for(priya_in_chicago, state=ScheduledState.SENDING)
    ScheduledMessage.objects.filter(pk=item.pk).update(claimed_at=MONDAY_9_CHICAGO)

    assert send_due(MONDAY_9_CHICAGO + timedelta(minutes=5)) == []  # another run may still be on it
    assert send_due(MONDAY_9_CHICAGO + timedelta(minutes=16)) == []
    item.refresh_from_db()
    assert (item.state, item.error) == (ScheduledState.FAILED, DIED)
    assert smtp_server.received == []


def test_a_message_more_than_a_day_overdue_is_held_for_the_user_not_sent_late(
    alice, alice_client, priya_in_chicago, smtp_server
):
    # The laptop was off over the weekend, or the record came back from an old backup.
    use_smtp(alice, smtp_server.port)
    item = scheduled_for(priya_in_chicago)
    late = MONDAY_9_CHICAGO + timedelta(days=1, minutes=1)

    assert send_due(late) == []
    assert smtp_server.received == []
    item.refresh_from_db()
    assert (item.state, item.error) == (ScheduledState.FAILED, TOO_LATE)
    with time_machine.travel(late, tick=False):
        today = alice_client.get(reverse("followups:today")).content.decode()
    assert "Not sent: request to Priya Shah" in today
    assert "held rather than sent late" in today


def test_a_message_a_few_hours_late_still_goes(alice, priya_in_chicago, smtp_server):
    use_smtp(alice, smtp_server.port)
    scheduled_for(priya_in_chicago)
    [outcome] = send_due(MONDAY_9_CHICAGO + timedelta(hours=20))
    assert outcome.sent


@pytest.mark.django_db(transaction=True)
def test_two_scheduler_ticks_at_the_same_moment_send_each_message_once(alice, smtp_server):
    # In-memory SQLite's shared cache fails a second writer at once instead of waiting, so the
    # race runs on PostgreSQL or a file (COFFEECHAT_TEST_SQLITE); the test below races two
    # `coffeechat remind` processes over a SQLite file on every run.
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip("threads racing need PostgreSQL or COFFEECHAT_TEST_SQLITE")
    use_smtp(alice, smtp_server.port)
    people = [make.contact(alice, f"Person{n} Lee", email=f"p{n}@example.org") for n in range(6)]
    for person in people:
        scheduled_for(person)
    start = threading.Barrier(2)
    outcomes: list[scheduled.Outcome] = []

    def tick() -> None:
        start.wait()
        try:
            outcomes.extend(send_due(MONDAY_9_CHICAGO))
        finally:
            connection.close()

    threads = [threading.Thread(target=tick) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(m["To"].addresses[0].addr_spec for m in smtp_server.received) == sorted(
        person.email for person in people
    )
    assert len(outcomes) == 6 and all(outcome.sent for outcome in outcomes)
    assert Message.objects.count() == 6
    assert set(ScheduledMessage.objects.values_list("state", flat=True)) == {"sent"}


def test_coffeechat_remind_sends_the_scheduled_messages_that_are_due(
    alice, priya_in_chicago, smtp_server, capsys
):
    use_smtp(alice, smtp_server.port)
    scheduled_for(priya_in_chicago)
    with time_machine.travel(MONDAY_9_CHICAGO + timedelta(minutes=3), tick=False):
        assert cli.main(["remind", "--dry-run"]) == 0
        assert "alice: would send the scheduled request for a conversation to Priya Shah" in (
            capsys.readouterr().out
        )
        assert smtp_server.received == []
        cli.main(["remind"])
    out = capsys.readouterr().out
    assert "alice: sent the scheduled request for a conversation to Priya Shah" in out
    assert len(smtp_server.received) == 1
    assert Message.objects.count() == 1


SEED = """
from datetime import timedelta
from django.utils import timezone
from coffeechat.foundation.accounts.services import create_user
from coffeechat.network.people.models import Contact
from coffeechat.pipeline.outreach.models import ScheduledMessage
user = create_user(username="maya", password="a long test passphrase 42", email="maya@example.org")
for n in range(5):
    kim = Contact.objects.create(owner=user, first_name=f"Kim{n}", email=f"kim{n}@example.org")
    at = timezone.now() - timedelta(minutes=1)
    ScheduledMessage.objects.create(
        owner=user, contact=kim, body="Hello", send_at=at, next_try_at=at, time_zone="UTC"
    )
"""


def test_two_remind_processes_over_one_sqlite_file_send_each_message_once(
    tmp_path: Path, smtp_server
):
    env = cron_env(tmp_path, smtp_server.port)
    migrated_and_seeded(env, SEED)

    results = remind_twice_at_once(env)

    assert [code for code, _, _ in results] == [0, 0], results
    sent = [line for _, out, _ in results for line in out.splitlines() if ": sent the" in line]
    assert len(sent) == 5, results
    assert sorted(m["To"].addresses[0].addr_spec for m in smtp_server.received) == [
        f"kim{n}@example.org" for n in range(5)
    ]


# Editing and cancelling ----------------------------------------------------------------------


@time_machine.travel(FRIDAY_EVENING, tick=False)
def test_it_can_be_edited_until_it_leaves(alice_client, priya_in_chicago):
    item = scheduled_for(priya_in_chicago)
    url = reverse("outreach:scheduled_edit", args=[item.pk])
    page = alice_client.get(url).content.decode()
    assert 'value="2026-11-23T09:00"' in page  # in the zone it was chosen in
    response = alice_client.post(
        url, {"subject": "New subject", "body": "New words", "send_at": "2026-11-24T10:30"}
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.subject, item.body) == ("New subject", "New words")
    assert item.send_at == datetime(2026, 11, 24, 16, 30, tzinfo=UTC)  # 10:30 in Chicago

    ScheduledMessage.objects.filter(pk=item.pk).update(state=ScheduledState.SENDING)
    response = alice_client.post(
        url, {"subject": "Too late", "body": "Too late", "send_at": "2026-11-24T10:30"}, follow=True
    )
    assert "is leaving or has left, so it can no longer be changed" in response.content.decode()
    item.refresh_from_db()
    assert item.subject == "New subject"


@time_machine.travel(FRIDAY_EVENING, tick=False)
def test_cancelling_asks_first_then_returns_the_text_to_a_draft(
    alice_client, alice, priya_in_chicago
):
    item = scheduled_for(priya_in_chicago)
    url = reverse("outreach:scheduled_cancel", args=[item.pk])
    confirm = alice_client.get(url).content.decode()
    assert "Cancel the request for a conversation to Priya Shah?" in confirm
    assert ScheduledMessage.objects.filter(pk=item.pk).exists()  # asking changed nothing

    response = alice_client.post(url, follow=True)
    assert not ScheduledMessage.objects.exists()
    draft = Draft.objects.get()
    assert (draft.contact, draft.purpose, draft.subject, draft.body) == (
        priya_in_chicago, "request", SUBJECT, BODY,
    )  # fmt: skip
    assert response.redirect_chain[-1][0] == draft.get_absolute_url()
    html = response.content.decode()
    assert "Cancelled: nothing goes to Priya Shah" in html
    assert "Would you have 20 minutes for a call?" in html  # the compose page, text restored
    assert not Message.objects.exists()


@time_machine.travel(FRIDAY_EVENING, tick=False)
def test_cancelling_never_overwrites_a_draft_written_since(alice, priya_in_chicago):
    item = scheduled_for(priya_in_chicago)
    Draft.objects.create(owner=alice, contact=priya_in_chicago, subject="Newer", body="Newer")
    scheduled.cancel(item)
    assert sorted(Draft.objects.values_list("body", flat=True)) == [BODY, "Newer"]


def test_a_thank_you_scheduled_is_kept_with_its_conversation_when_it_leaves(
    alice, alice_client, priya_in_chicago, smtp_server
):
    use_smtp(alice, smtp_server.port)
    chat = make.held(priya_in_chicago, at=FRIDAY_EVENING - timedelta(hours=3))
    with time_machine.travel(FRIDAY_EVENING, tick=False):
        response = alice_client.post(
            reverse("outreach:thank_you_schedule", args=[chat.pk]),
            {"subject": "Thank you", "body": "Thank you, Priya.", "send_later": "morning"},
        )
    assert response.status_code == 302
    [item] = ScheduledMessage.objects.all()
    assert (item.purpose, item.conversation) == ("thank_you", chat)
    send_due(MONDAY_9_CHICAGO)
    message = Message.objects.get()
    assert (message.purpose, message.conversation) == ("thank_you", chat)


def test_another_users_scheduled_message_is_a_404(bob_client, priya_in_chicago):
    item = scheduled_for(priya_in_chicago)
    for name in ("outreach:scheduled_edit", "outreach:scheduled_cancel"):
        url = reverse(name, args=[item.pk])
        assert bob_client.get(url).status_code == 404
        assert bob_client.post(url, {"body": "x", "send_at": "2030-01-01T09:00"}).status_code == 404
    assert ScheduledMessage.objects.get().body == BODY


def test_today_and_the_contact_page_read_scheduled_messages_in_one_query_however_many(
    alice, alice_client, priya_in_chicago
):
    def count(url: str) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert alice_client.get(url).status_code == 200
        return len(queries)

    pages = [reverse("followups:today"), priya_in_chicago.get_absolute_url()]
    scheduled_for(priya_in_chicago)
    few = [count(url) for url in pages]
    for n in range(20):
        other = make.contact(alice, f"Other{n} Lee", email=f"o{n}@example.org")
        scheduled_for(other)
        scheduled_for(priya_in_chicago, at=MONDAY_9_CHICAGO + timedelta(hours=n))
    assert [count(url) for url in pages] == few
    today = alice_client.get(pages[0]).content.decode()
    assert today.count("Request to") == 20  # bounded: the soonest
    assert "Showing the 20 soonest" in today
    contact_page = alice_client.get(pages[1]).content.decode()
    assert contact_page.count("Request to Priya Shah") == 21


def test_merging_two_records_of_a_person_keeps_their_scheduled_messages(alice, priya_in_chicago):
    twin = make.contact(alice, "Priya Shah", email="p.shah@example.org")
    sam = make.contact(alice, "Sam Lee", introduced_by=twin)
    to_twin = scheduled_for(twin)
    asking_twin_about_sam = scheduled_for(sam, purpose=Purpose.INTRODUCTION, introduction_to=twin)

    merge_contacts(priya_in_chicago, twin)

    to_twin.refresh_from_db()
    asking_twin_about_sam.refresh_from_db()
    assert to_twin.contact == priya_in_chicago
    assert asking_twin_about_sam.introduction_to == priya_in_chicago


@time_machine.travel(TUESDAY, tick=False)
def test_an_autosave_arriving_after_the_message_was_scheduled_keeps_nothing(
    alice_client, alice, priya_in_chicago, smtp_server
):
    use_smtp(alice, smtp_server.port)
    page = alice_client.get(reverse("outreach:compose", args=[priya_in_chicago.pk]))
    opened_at = page.context["opened_at"]
    schedule_post(alice_client, priya_in_chicago)
    assert ScheduledMessage.objects.count() == 1
    late = alice_client.post(
        reverse("outreach:draft_save"),
        {"contact": priya_in_chicago.pk, "purpose": "request", "subject": SUBJECT, "body": BODY,
         "opened_at": opened_at},
    )  # fmt: skip
    assert late.status_code == 200
    assert not Draft.objects.exists()


def test_a_scheduled_request_counts_as_under_way_in_next_moves(alice, priya_in_chicago, acme):
    assert [move.title for move in next_moves_for(alice)] == ["Write to Priya Shah at Acme Climate"]
    item = scheduled_for(priya_in_chicago)
    assert next_moves_for(alice) == []  # nobody is told to write to Priya again
    scheduled.cancel(item)
    assert len(next_moves_for(alice)) == 1
