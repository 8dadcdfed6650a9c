"""`coffeechat remind` as cron runs it, against a real SMTP server the test starts."""

from __future__ import annotations

from pathlib import Path

import pytest
import time_machine

from coffeechat.edges import cli
from coffeechat.pages.reminders.models import DigestSent
from cron import coffeechat, cron_env, migrated_and_seeded, remind_twice_at_once
from reminders.conftest import NOW

NO_SMTP_LINE = (
    "coffeechat remind: error: no SMTP server is configured: set COFFEECHAT_SMTP_HOST and "
    "COFFEECHAT_SMTP_FROM (with COFFEECHAT_SMTP_PORT, COFFEECHAT_SMTP_USER and "
    "COFFEECHAT_SMTP_PASSWORD as the server needs), or fill in Email sending on the profile page"
)


@pytest.fixture(autouse=True)
def _django_already_set_up(monkeypatch):
    # pytest-django has set Django up; doing it again would re-point logging at capsys.
    monkeypatch.setattr(cli, "_setup_django", lambda: None)


@time_machine.travel(NOW, tick=False)
def test_run_twice_it_sends_one_mail_and_says_so(alice, alice_smtp, alices_items, capsys):
    assert cli.main(["remind"]) == 0
    assert cli.main(["remind"]) == 0

    out = capsys.readouterr().out.splitlines()
    assert out == [
        'alice: sent "Coffeechat: 3 things due today (1 overdue)" to alice@example.org',
        "alice: already sent today at 08:30 to alice@example.org",
    ]
    [message] = alice_smtp.received
    assert message["Subject"] == "Coffeechat: 3 things due today (1 overdue)"


@time_machine.travel(NOW, tick=False)
def test_without_an_smtp_server_it_prints_one_line_naming_the_settings(alice, alices_items, capsys):
    assert cli.main(["remind"]) == 1

    captured = capsys.readouterr()
    assert captured.err == NO_SMTP_LINE + "\n"
    assert captured.out == ""
    assert not DigestSent.objects.exists()


@time_machine.travel(NOW, tick=False)
def test_with_every_digest_off_a_missing_server_is_no_error(alice, alices_items, capsys):
    alice.profile.digest_enabled = False
    alice.profile.save()

    assert cli.main(["remind"]) == 0  # cron must not mail an error every ten minutes

    assert capsys.readouterr().out == "No one wants a morning digest: it is off on every profile.\n"


@time_machine.travel(NOW, tick=False)
def test_a_refusing_server_is_one_clear_line_and_a_non_zero_exit(
    alice, alice_smtp, alices_items, capsys
):
    alice_smtp.refuse = "550 No such user here"

    assert cli.main(["remind"]) == 1

    captured = capsys.readouterr()
    assert captured.err == (
        "coffeechat remind: error: alice: not sent: The mail server at "
        f"127.0.0.1:{alice_smtp.port} refused the recipient alice@example.org: "
        "550 No such user here\n"
    )
    # Fixed: cron waits 15 minutes before trying again (a wrong password isn't tried every
    # run); naming the user tries at once.
    alice_smtp.refuse = ""
    assert cli.main(["remind"]) == 0
    assert capsys.readouterr().out == "alice: failed earlier, tried again after 08:45\n"
    assert alice_smtp.received == []
    assert cli.main(["remind", "--user", "alice"]) == 0
    assert len(alice_smtp.received) == 1


@time_machine.travel("2026-11-20T06:10:00+00:00", tick=False)
def test_before_the_hour_it_says_when_and_exits_zero(alice, alice_smtp, alices_items, capsys):
    assert cli.main(["remind"]) == 0

    assert capsys.readouterr().out == (
        "alice: not yet: the digest goes out at 07:00 (Europe/London)\n"
    )
    assert alice_smtp.received == []


@time_machine.travel(NOW, tick=False)
def test_one_user_and_a_dry_run(alice, bob, alice_smtp, alices_items, capsys):
    assert cli.main(["remind", "--user", "alice", "--dry-run"]) == 0

    assert capsys.readouterr().out == (
        'alice: would send "Coffeechat: 3 things due today (1 overdue)" to alice@example.org\n'
    )
    assert alice_smtp.received == []
    assert cli.main(["remind", "--user", "nosuch"]) == 1
    assert capsys.readouterr().err == "coffeechat remind: error: no user named 'nosuch'\n"


# Two processes at once, as when cron fires while `coffeechat serve` sends: a SQLite file. -----

SEED = """
from datetime import timedelta
from django.utils import timezone
from coffeechat.foundation.accounts.services import create_user
from coffeechat.pipeline.followups.models import FollowUp
from coffeechat.network.people.models import Contact
user = create_user(username="maya", password="a long test passphrase 42", email="maya@example.org")
user.profile.digest_hour = 0
user.profile.save()
kim = Contact.objects.create(owner=user, first_name="Kim", last_name="Lee")
FollowUp.objects.create(
    owner=user, contact=kim, kind="nudge", due_on=timezone.localdate() - timedelta(days=3)
)
"""


def test_two_cron_runs_at_the_same_moment_send_one_mail(tmp_path: Path, mailbox):
    env = cron_env(tmp_path, mailbox.port)
    migrated_and_seeded(env, SEED)

    results = remind_twice_at_once(env)

    assert [code for code, _, _ in results] == [0, 0], results
    lines = sorted(out.strip() for _, out, _ in results)
    assert any(
        line.startswith('maya: sent "Coffeechat: 1 thing due today (1 overdue)"') for line in lines
    )
    assert any(
        line.startswith(("maya: already sent today", "maya: another run is sending it"))
        for line in lines
    ), lines
    assert len(mailbox.received) == 1
    again = coffeechat(env, "remind")
    assert again.stdout.startswith("maya: already sent today at "), again.stdout
    assert len(mailbox.received) == 1
