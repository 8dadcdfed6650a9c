"""Wrong passwords: one username from one address is locked after five; one address trying many
usernames is stopped too; and the person locked out can unlock at once with a link e-mailed to
their own address (the page tells no one whether an account exists)."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.test import Client
from django.urls import reverse

from coffeechat.foundation.accounts.services import create_user

LOGIN = reverse("accounts:login")


def try_login(client: Client, username: str, password: str, address: str = "192.0.2.10"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_one_address_guessing_many_usernames_is_stopped(client, alice, settings):
    settings.COFFEECHAT_LOGIN_ADDRESS_LIMIT = 8
    statuses = [try_login(client, f"user{n}", "guess").status_code for n in range(8)]
    assert statuses == [200] * 8  # no single username reached five
    stopped = try_login(client, "alice", "guess")
    assert stopped.status_code == 429
    assert "Too many failed logins" in stopped.content.decode()
    # Someone else, from another address, is not stopped by it.
    assert try_login(Client(), "alice", "guess", address="198.51.100.4").status_code == 200


def test_a_lockout_is_per_address_so_a_stranger_cannot_lock_the_owner_out(
    client, alice, persona_password
):
    for _ in range(5):
        try_login(client, "alice", "guess", address="203.0.113.66")
    assert try_login(client, "alice", persona_password, address="203.0.113.66").status_code == 429
    mine = Client()
    answer = try_login(mine, "alice", persona_password, address="198.51.100.4")
    assert answer.status_code == 302
    assert SESSION_KEY in mine.session


@pytest.fixture
def mail_server(settings):
    settings.EMAIL_HOST = "127.0.0.1"  # pytest-django keeps the mail in mail.outbox


def test_a_locked_out_person_unlocks_with_an_e_mailed_link(
    client, alice, persona_password, mail_server
):
    for _ in range(5):
        locked = try_login(client, "alice", "guess")
    assert locked.status_code == 429
    assert "E-mail me an unlock link" in locked.content.decode()
    sent = client.post(reverse("accounts:unlock_request"), {"who": "ALICE@example.org"})
    assert "a link to unlock it is on its way" in sent.content.decode()
    (letter,) = mail.outbox
    assert letter.to == ["alice@example.org"]
    path = re.search(r"https?://[^/\s]+(/login/unlock/\S+/)", letter.body).group(1)

    # Opening the link (as a mail scanner does) only asks; the button unlocks.
    asked = client.get(path)
    assert "Unlock alice" in asked.content.decode()
    assert try_login(client, "alice", persona_password).status_code == 429
    unlocked = client.post(path, follow=True)
    assert "Unlocked alice: log in." in unlocked.content.decode()
    assert try_login(client, "alice", persona_password).status_code == 302


def test_unknown_names_get_the_same_answer_and_forged_links_do_nothing(client, alice, mail_server):
    sent = client.post(reverse("accounts:unlock_request"), {"who": "nobody"})
    assert "a link to unlock it is on its way" in sent.content.decode()
    assert mail.outbox == []
    for send in (client.get, client.post):
        forged = send(reverse("accounts:unlock", args=["1:forged:token"]))
        assert forged.status_code == 400
        assert "This unlock link does not work" in forged.content.decode()


def test_without_a_mail_server_the_lockout_page_offers_no_link(client, alice, settings):
    settings.EMAIL_HOST = ""
    for _ in range(5):
        locked = try_login(client, "alice", "guess")
    assert "E-mail me an unlock link" not in locked.content.decode()
    client.post(reverse("accounts:unlock_request"), {"who": "alice"})
    assert mail.outbox == []


def test_a_password_reset_by_e_mail_also_lifts_the_lockout(client, alice, mail_server):
    for _ in range(5):
        try_login(client, "alice", "guess")
    client.post(reverse("accounts:password_reset"), {"email": "alice@example.org"})
    path = re.search(r"https?://[^/\s]+(/password/reset/\S+/)", mail.outbox[0].body).group(1)
    form = client.get(path, follow=True)
    new = "a brand new passphrase for 2027"
    client.post(form.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    assert try_login(client, "alice", new).status_code == 302


def test_the_account_e_mail_address_logs_in_and_its_failures_count_for_the_account(
    client, alice, persona_password
):
    # Typed either way, five wrong passwords lock the one account.
    for typed in ("alice", "ALICE@example.org", "alice", "alice@example.org", "alice"):
        try_login(client, typed, "guess")
    assert try_login(client, "alice@example.org", persona_password).status_code == 429


def test_an_address_logs_in_only_when_one_account_has_it(client, alice, persona_password):
    assert try_login(client, "Alice@Example.org", persona_password).status_code == 302
    client.logout()
    create_user(username="alice2", password="another passphrase 1", email="alice@example.org")
    refused = try_login(client, "alice@example.org", persona_password)
    assert refused.status_code == 200
    assert "do not match" in refused.content.decode()
