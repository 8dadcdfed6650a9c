"""The first-run setup link works once, and for a day: an old one left in a terminal's
scrollback or a log makes no account (each start of `coffeechat serve` prints a fresh one)."""

from __future__ import annotations

from datetime import timedelta

import time_machine
from django.urls import reverse
from django.utils import timezone

from coffeechat.foundation.accounts.models import User
from coffeechat.foundation.accounts.services import issue_setup_token

PASSWORD = "maya's long passphrase 2026"


def set_up(client, token: str):
    return client.post(
        reverse("accounts:setup", args=[token]),
        {"username": "maya", "password": PASSWORD, "password_again": PASSWORD},
    )


def test_a_setup_link_older_than_a_day_makes_no_account(client, db):
    token = issue_setup_token()
    with time_machine.travel(timezone.now() + timedelta(hours=24, minutes=1)):
        page = client.get(reverse("accounts:setup", args=[token]))
        assert page.status_code == 404
        assert "more than a day old" in page.content.decode()
        set_up(client, token)
    assert not User.objects.exists()


def test_a_setup_link_of_today_still_works(client, db):
    token = issue_setup_token()
    with time_machine.travel(timezone.now() + timedelta(hours=23)):
        assert set_up(client, token).status_code == 302
    assert User.objects.filter(username="maya").exists()
