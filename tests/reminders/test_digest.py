"""The morning digest goes out once a day per user, at their hour, in their time zone."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection

from coffeechat.pages.reminders import digest
from coffeechat.pages.reminders.digest import Status, due_digests, run, send_digest
from coffeechat.pages.reminders.models import DigestSent, DigestState
from coffeechat.pages.today.queries import today_items
from reminders.conftest import NOW, TODAY, body_of, due, use_smtp


def statuses(outcomes: list[digest.Outcome]) -> list[Status]:
    return [outcome.status for outcome in outcomes]


def test_a_due_digest_is_sent_once_however_often_the_routine_runs(alice, alice_smtp, alices_items):
    first = run(NOW)
    second = run(NOW + timedelta(minutes=1))
    third = run(NOW + timedelta(hours=5), retry_failed=True)

    assert statuses(first) == [Status.SENT]
    assert statuses(second) == statuses(third) == [Status.DONE]
    assert third[0].line() == "alice: already sent today at 08:30 to alice@example.org"
    [message] = alice_smtp.received
    assert message["Subject"] == "Coffeechat: 3 things due today (1 overdue)"
    assert message["To"].addresses[0].addr_spec == "alice@example.org"
    assert message["From"].addresses[0].display_name == "Coffeechat"
    row = DigestSent.objects.owned_by(alice).get()
    assert (row.day, row.state, row.item_count, row.sent_at) == (TODAY, "sent", 3, NOW)


def test_the_mail_lists_overdue_then_today_in_the_order_of_the_today_list(
    alice, alice_smtp, alices_items
):
    run(NOW)

    body = body_of(alice_smtp.received[0])
    listed = [item for item in today_items(alice, NOW) if item.section(TODAY, NOW) != "coming up"]
    assert [i.title for i in listed] == [
        "Send Kim Lee (Acme) one polite follow-up",
        "Thank Jo Lee (Acme)",
        "Contact referral Ravi Lee (Acme)",
    ]
    positions = [body.index(f"- {item.title} (") for item in listed]
    assert positions == sorted(positions)
    assert body.index("OVERDUE") < positions[0] < body.index("TODAY") < positions[1]
    assert "Sam Lee" not in body  # coming up, not due
    thank_you = next(i for i in listed if i.title.startswith("Thank"))
    assert f"Write thank-you: http://127.0.0.1:8000{thank_you.url}" in body


def test_links_point_at_the_configured_base_url(alice, alice_smtp, alices_items, settings):
    settings.COFFEECHAT_BASE_URL = "https://coffeechat.example.edu"

    run(NOW)

    assert "Your Today list: https://coffeechat.example.edu/\n" in body_of(alice_smtp.received[0])


def test_nothing_is_sent_before_the_digest_hour(alice, alice_smtp, alices_items):
    early = datetime(2026, 11, 20, 6, 59, tzinfo=UTC)  # 06:59 in London

    [outcome] = run(early)

    assert outcome.line() == "alice: not yet: the digest goes out at 07:00 (Europe/London)"
    assert due_digests(early) == []
    assert alice_smtp.received == []
    assert not DigestSent.objects.exists()


def test_each_user_gets_it_at_their_own_hour_on_their_own_date(alice, bob, mailbox):
    alice.profile.time_zone = "Asia/Tokyo"
    alice.profile.save()
    bob.profile.time_zone = "America/New_York"
    bob.profile.save()
    for user in (alice, bob):
        use_smtp(user, mailbox.port, from_address=user.email)
        due(user, "Kim", "nudge", TODAY - timedelta(days=3))

    # 23:30 UTC on the 19th: 08:30 on the 20th in Tokyo, 18:30 on the 19th in New York.
    evening = datetime(2026, 11, 19, 23, 30, tzinfo=UTC)
    assert statuses(run(evening)) == [Status.SENT, Status.SENT]
    days = dict(DigestSent.objects.values_list("owner__username", "day"))
    assert days == {"alice": TODAY, "bob": TODAY - timedelta(days=1)}

    # 11:00 UTC on the 20th: still the 20th in Tokyo (done); 06:00 in New York (not yet).
    morning = datetime(2026, 11, 20, 11, 0, tzinfo=UTC)
    assert statuses(run(morning)) == [Status.DONE, Status.NOT_YET]
    assert statuses(run(morning + timedelta(hours=1))) == [Status.DONE, Status.SENT]
    recipients = [m["To"].addresses[0].addr_spec for m in mailbox.received]
    assert recipients == ["alice@example.org", "bob@example.org", "bob@example.org"]


def test_a_user_who_turned_the_digest_off_gets_none(alice, alice_smtp, alices_items):
    alice.profile.digest_enabled = False
    alice.profile.save()

    assert run(NOW) == []
    assert due_digests(NOW) == []
    assert alice_smtp.received == []


def test_without_a_mail_server_it_says_which_settings_are_missing_and_claims_nothing(
    alice, alices_items
):
    [outcome] = run(NOW)

    assert outcome.failed
    assert outcome.line() == (
        "alice: not sent: no SMTP server is configured: set COFFEECHAT_SMTP_HOST and "
        "COFFEECHAT_SMTP_FROM (with COFFEECHAT_SMTP_PORT, COFFEECHAT_SMTP_USER and "
        "COFFEECHAT_SMTP_PASSWORD as the server needs), or fill in Email sending on the "
        "profile page"
    )
    assert not DigestSent.objects.exists()  # set one up later today and it still goes out


def test_a_refused_send_is_recorded_and_retried_later_without_sending_twice(
    alice, alice_smtp, alices_items
):
    alice_smtp.refuse = "550 No such user here"

    [failed] = run(NOW)

    assert failed.status == Status.FAILED
    assert "refused the recipient alice@example.org: 550 No such user here" in failed.detail
    row = DigestSent.objects.owned_by(alice).get()
    assert row.state == DigestState.FAILED
    assert "550 No such user here" in row.error
    # The scheduler does not hammer the server every minute...
    assert statuses(run(NOW + timedelta(minutes=1))) == [Status.RETRY_LATER]
    # ...but tries again after a pause, and once it is sent, that is it for the day.
    alice_smtp.refuse = ""
    assert statuses(run(NOW + timedelta(minutes=15))) == [Status.SENT]
    assert statuses(run(NOW + timedelta(minutes=30), retry_failed=True)) == [Status.DONE]
    assert len(alice_smtp.received) == 1
    row.refresh_from_db()
    assert (row.state, row.error) == (DigestState.SENT, "")


def test_a_person_asking_retries_a_failed_send_at_once(alice, alice_smtp, alices_items):
    alice_smtp.refuse = "550 No such user here"
    run(NOW)
    alice_smtp.refuse = ""

    assert statuses(run(NOW + timedelta(minutes=1), retry_failed=True)) == [Status.SENT]
    assert len(alice_smtp.received) == 1


def test_a_claim_being_sent_is_left_alone_until_it_is_stale(alice, alice_smtp, alices_items):
    DigestSent.objects.create(owner=alice, day=TODAY, state="sending", claimed_at=NOW)

    assert statuses(run(NOW + timedelta(minutes=5), retry_failed=True)) == [Status.BUSY]
    assert alice_smtp.received == []
    # Its process died mid-send: after 15 minutes another run takes the day over.
    assert statuses(run(NOW + timedelta(minutes=15))) == [Status.SENT]
    assert len(alice_smtp.received) == 1


def test_with_nothing_due_no_mail_goes_and_the_day_counts_as_done(alice, alice_smtp):
    due(alice, "Sam", "follow_up", TODAY + timedelta(days=2))  # coming up only

    assert statuses(run(NOW)) == [Status.NOTHING_DUE]
    due(alice, "Jo", "thank_you", TODAY)  # added later that day
    [later] = run(NOW + timedelta(hours=2))

    assert later.line() == "alice: nothing was due today, so no digest went out"
    assert alice_smtp.received == []
    # Asked for (the "send now" button), the day is looked at again.
    again = send_digest(alice, NOW + timedelta(hours=3), reconsider_empty=True)
    assert again.status == Status.SENT
    assert len(alice_smtp.received) == 1


def test_a_dry_run_sends_and_records_nothing(alice, alice_smtp, alices_items):
    [outcome] = run(NOW, dry_run=True)

    assert outcome.line() == (
        'alice: would send "Coffeechat: 3 things due today (1 overdue)" to alice@example.org'
    )
    assert alice_smtp.received == []
    assert not DigestSent.objects.exists()


def test_without_an_account_address_it_goes_to_the_users_own_from_address(alice, mailbox):
    alice.email = ""
    alice.save()
    use_smtp(alice, mailbox.port, from_address="alice.martin@mail.example")
    due(alice, "Jo", "thank_you", TODAY)

    [outcome] = run(NOW)

    assert outcome.recipient == "alice.martin@mail.example"
    assert mailbox.received[0]["To"].addresses[0].addr_spec == "alice.martin@mail.example"


def test_the_sites_from_address_is_never_taken_for_the_users(alice, mailbox, settings):
    alice.email = ""
    alice.save()
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", mailbox.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.DEFAULT_FROM_EMAIL = "coffeechat@careers.example.edu"
    due(alice, "Jo", "thank_you", TODAY)

    [outcome] = run(NOW)

    assert outcome.status == Status.NO_RECIPIENT
    assert "has no e-mail address" in outcome.line()
    assert mailbox.received == []


def test_the_deployments_server_sends_for_users_with_an_address(alice, mailbox, settings):
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", mailbox.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.DEFAULT_FROM_EMAIL = "coffeechat@careers.example.edu"
    due(alice, "Jo", "thank_you", TODAY)

    assert statuses(run(NOW)) == [Status.SENT]
    [message] = mailbox.received
    assert message["From"].addresses[0].addr_spec == "coffeechat@careers.example.edu"
    assert message["To"].addresses[0].addr_spec == "alice@example.org"


def test_due_digests_lists_who_is_past_the_hour_and_not_done(alice, bob, alice_smtp):
    bob.profile.time_zone = "America/New_York"  # 03:30 there
    bob.profile.save()

    assert due_digests(NOW) == [alice]
    DigestSent.objects.create(owner=alice, day=TODAY, state="nothing_due", claimed_at=NOW)
    assert due_digests(NOW) == []


@pytest.mark.django_db(transaction=True)
def test_two_runs_racing_send_one_mail(alice, alice_smtp, alices_items):
    # In-memory SQLite's shared cache fails a second writer at once instead of waiting, so the
    # race runs on PostgreSQL or a file (COFFEECHAT_TEST_SQLITE); test_remind_command races two
    # processes over a SQLite file on every run.
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip("threads racing need PostgreSQL or COFFEECHAT_TEST_SQLITE")
    start = threading.Barrier(4)
    outcomes: list[digest.Outcome] = []

    def one_run() -> None:
        start.wait()
        try:
            outcomes.append(send_digest(alice, NOW))
        finally:
            connection.close()

    threads = [threading.Thread(target=one_run) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(outcomes) == 4
    assert statuses(outcomes).count(Status.SENT) == 1
    assert set(statuses(outcomes)) <= {Status.SENT, Status.BUSY, Status.DONE}
    assert len(alice_smtp.received) == 1
