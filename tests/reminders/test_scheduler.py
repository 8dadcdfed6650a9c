"""The scheduler inside `coffeechat serve`: each minute's tick sends, logs, and warns once."""

from __future__ import annotations

import logging
import time
from datetime import timedelta

import pytest
from django.db import connection

from coffeechat.pages.reminders.digest import Status
from coffeechat.pages.reminders.scheduler import DigestScheduler
from reminders.conftest import NOW, TODAY, due, use_smtp

LOGGER = "coffeechat.pages.reminders"


def warnings(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]


def test_a_tick_sends_the_due_digest_and_logs_it(alice, alice_smtp, alices_items, caplog):
    scheduler = DigestScheduler(base="http://127.0.0.1:8123")
    caplog.set_level(logging.INFO, logger=LOGGER)

    [outcome] = scheduler.tick(NOW)
    assert scheduler.tick(NOW + timedelta(minutes=1))[0].status == Status.DONE

    assert outcome.status == Status.SENT
    assert len(alice_smtp.received) == 1
    # Without COFFEECHAT_BASE_URL, links point at the address the server listens on.
    assert "http://127.0.0.1:8123/" in alice_smtp.received[0].get_content()
    assert [r.getMessage() for r in caplog.records] == [
        'Morning digest for alice: sent "Coffeechat: 3 things due today (1 overdue)" '
        "to alice@example.org"
    ]


def test_no_smtp_server_is_a_warning_once_and_again_when_it_changes(alice, bob, caplog, mailbox):
    scheduler = DigestScheduler(base="http://127.0.0.1:8000")
    caplog.set_level(logging.INFO, logger=LOGGER)
    use_smtp(bob, mailbox.port, from_address="bob@example.org")

    for minute in range(3):  # before alice's hour too: she is told before it matters
        scheduler.tick(NOW - timedelta(hours=3) + timedelta(minutes=minute))
    assert warnings(caplog) == [
        "Morning digest cannot be sent to alice: no SMTP server is configured: set "
        "COFFEECHAT_SMTP_HOST and COFFEECHAT_SMTP_FROM (with COFFEECHAT_SMTP_PORT, "
        "COFFEECHAT_SMTP_USER and COFFEECHAT_SMTP_PASSWORD as the server needs), or fill in "
        "Email sending on the profile page."
    ]

    caplog.clear()
    use_smtp(alice, mailbox.port)
    scheduler.tick(NOW)
    scheduler.tick(NOW + timedelta(minutes=1))
    assert warnings(caplog) == []
    assert "Morning digests can be sent again" in caplog.records[0].getMessage()


def test_a_refused_send_is_logged_as_a_warning(alice, alice_smtp, alices_items, caplog):
    alice_smtp.refuse = "550 No such user here"
    caplog.set_level(logging.INFO, logger=LOGGER)

    DigestScheduler(base="http://127.0.0.1:8000").tick(NOW)

    [warning] = warnings(caplog)
    assert warning.startswith("Morning digest for alice: not sent: The mail server at 127.0.0.1:")
    assert warning.endswith("550 No such user here")


@pytest.mark.django_db(transaction=True)
def test_the_thread_sends_by_itself_and_survives_a_bad_minute(
    alice, alice_smtp, monkeypatch, caplog
):
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip("a second thread needs PostgreSQL or COFFEECHAT_TEST_SQLITE")
    alice.profile.digest_hour = 0
    alice.profile.save()
    due(alice, "Kim", "nudge", TODAY - timedelta(days=400))
    scheduler = DigestScheduler(base="http://127.0.0.1:8000", interval=0.05)
    ticks = []
    real_tick = scheduler.tick

    def flaky_tick():
        ticks.append(1)
        if len(ticks) == 1:
            raise RuntimeError("database is locked")
        return real_tick()

    monkeypatch.setattr(scheduler, "tick", flaky_tick)
    scheduler.start()
    try:
        deadline = time.monotonic() + 10
        while not alice_smtp.received and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        scheduler.stop()

    assert len(alice_smtp.received) == 1
    assert "The morning digest check failed" in caplog.text
