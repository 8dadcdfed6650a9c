"""People manage their own passwords: change it (asking the current one), reset a forgotten one
by a single-use e-mailed link, or have an administrator set one with `coffeechat
changepassword`. Every other session ends when the password changes."""

from __future__ import annotations

import io
import re

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

NEW = "a brand new passphrase for 2027"
TODAY = "/"


def logged_in(client: Client) -> bool:
    response = client.get(reverse("accounts:profile"))
    return response.status_code == 200


def log_in(username: str, password: str) -> Client:
    other = Client()
    other.post(reverse("accounts:login"), {"username": username, "password": password})
    return other


def test_changing_the_password_asks_the_current_one(alice_client):
    refused = alice_client.post(
        reverse("accounts:password_change"),
        {"old_password": "not it at all", "new_password1": NEW, "new_password2": NEW},
    )
    assert refused.status_code == 200
    assert "Your old password was entered incorrectly" in refused.content.decode()


def test_a_new_password_keeps_this_session_and_ends_the_others(client, alice, persona_password):
    here = log_in("alice", persona_password)
    laptop = log_in("alice", persona_password)
    assert logged_in(here) and logged_in(laptop)
    done = here.post(
        reverse("accounts:password_change"),
        {"old_password": persona_password, "new_password1": NEW, "new_password2": NEW},
        follow=True,
    )
    assert "Password changed. You stay logged in here" in done.content.decode()
    assert logged_in(here)
    assert not logged_in(laptop)  # the other device is logged out
    assert logged_in(log_in("alice", NEW))


def test_a_weak_new_password_is_refused_with_the_reason(alice_client, persona_password):
    refused = alice_client.post(
        reverse("accounts:password_change"),
        {"old_password": persona_password, "new_password1": "short", "new_password2": "short"},
    )
    assert "This password is too short" in refused.content.decode()
    # The reason sits under the new password, where it was typed, not under the confirmation.
    form = refused.context["form"]
    assert any("too short" in error for error in form.errors["new_password1"])
    assert "new_password2" not in form.errors


def test_the_profile_and_the_login_page_link_to_the_password_pages(alice_client, client):
    profile = alice_client.get(reverse("accounts:profile")).content.decode()
    assert f'href="{reverse("accounts:password_change")}"' in profile
    alice_client.logout()
    login = client.get(reverse("accounts:login")).content.decode()
    assert f'href="{reverse("accounts:password_reset")}"' in login


@pytest.fixture
def mail_server(settings):
    settings.EMAIL_HOST = "127.0.0.1"  # pytest-django keeps the mail in mail.outbox


def reset_link() -> str:
    (sent,) = mail.outbox
    match = re.search(r"https?://[^/\s]+(/password/reset/\S+/)", sent.body)
    assert match, sent.body
    return match.group(1)


def test_a_forgotten_password_is_reset_by_a_single_use_link(
    client, alice, persona_password, mail_server
):
    laptop = log_in("alice", persona_password)
    sent = client.post(reverse("accounts:password_reset"), {"email": "Alice@example.org"})
    assert sent.status_code == 302
    page = client.get(sent["Location"]).content.decode()
    assert "If an account has that address, a link to choose a new password is on its way" in page
    assert mail.outbox[0].to == ["alice@example.org"]
    assert "alice" in mail.outbox[0].body

    link = reset_link()
    form = client.get(link, follow=True)
    assert "Choose a new password" in form.content.decode()
    done = client.post(
        form.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW}, follow=True
    )
    assert "Password changed. Log in with the new one." in done.content.decode()
    assert not logged_in(laptop)
    assert logged_in(log_in("alice", NEW))
    # Used once, the link no longer works.
    again = Client().get(link, follow=True).content.decode()
    assert "This link no longer works" in again


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client, alice, mail_server):
    sent = client.post(reverse("accounts:password_reset"), {"email": "nobody@example.org"})
    assert sent["Location"] == reverse("accounts:password_reset_sent")
    assert mail.outbox == []


def test_without_a_mail_server_the_page_says_who_can_set_a_new_password(client, alice, settings):
    settings.EMAIL_HOST = ""
    page = client.get(reverse("accounts:password_reset")).content.decode()
    assert "This Coffeechat cannot send e-mail" in page
    assert "coffeechat changepassword YOUR-USERNAME" in page
    client.post(reverse("accounts:password_reset"), {"email": "alice@example.org"})
    assert mail.outbox == []


def test_an_administrator_sets_a_password_and_the_user_is_logged_out(
    alice, persona_password, monkeypatch
):
    laptop = log_in("alice", persona_password)
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{NEW}\n"))
    out = io.StringIO()
    call_command("set_password", "alice", stdout=out)
    assert "Changed the password of alice; they are logged out everywhere." in out.getvalue()
    assert not logged_in(laptop)
    assert logged_in(log_in("alice", NEW))


def test_changepassword_refuses_a_weak_password_and_an_unknown_user(alice, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    with pytest.raises(CommandError, match="too short"):
        call_command("set_password", "alice")
    with pytest.raises(CommandError, match="no user named 'zed'"):
        call_command("set_password", "zed")
