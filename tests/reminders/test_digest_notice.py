"""Today says so when the morning digest the user wants cannot be sent: a reminder that never
arrives is the top complaint about personal CRMs, and nobody reads their profile every day.

The notice is reminders/_digest_notice.html, included by the Today page with
{% include "reminders/_digest_notice.html" %}."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

from reminders.conftest import use_smtp

TODAY_LIKE = Template('<main>{% include "reminders/_digest_notice.html" %}</main>')
NO_SERVER = "No SMTP server is configured, so no e-mail of what is due goes out each morning."


def notice(user) -> str:
    request = RequestFactory().get("/")
    request.user = user
    return TODAY_LIKE.render(Context({"request": request}))


def test_a_wanted_digest_with_no_smtp_server_is_announced_with_the_way_out(alice):
    text = notice(alice)

    assert "Your morning digest cannot be sent" in text
    assert NO_SERVER in text
    assert f'href="{reverse("accounts:profile")}#email-sending"' in text
    assert "COFFEECHAT_SMTP_HOST" in text and "COFFEECHAT_SMTP_FROM" in text
    assert (
        f'href="{reverse("accounts:profile")}#id_digest_enabled">Turn the morning digest off'
        in (text)
    )


def test_no_notice_once_the_users_own_mail_server_is_set_up(alice, mailbox):
    use_smtp(alice, mailbox.port)

    assert "digest-notice" not in notice(alice)


def test_no_notice_when_the_deployment_has_a_mail_server(alice, settings):
    settings.EMAIL_HOST = "smtp.example.org"

    assert "digest-notice" not in notice(alice)


def test_no_notice_for_someone_who_turned_the_digest_off(alice):
    alice.profile.digest_enabled = False
    alice.profile.save()

    assert "digest-notice" not in notice(alice)


def test_an_account_with_no_address_to_send_to_is_told_too(bob, settings):
    settings.EMAIL_HOST = "smtp.example.org"  # the deployment's From address is not bob's
    bob.email = ""
    bob.save()

    text = notice(bob)

    assert "Your morning digest cannot be sent" in text
    assert "Your account has no e-mail address to send it to." in text
    assert NO_SERVER not in text


def test_nothing_is_shown_or_asked_for_a_visitor_not_logged_in(db):
    assert "digest-notice" not in notice(AnonymousUser())


def test_the_today_page_shows_the_notice(alice_client):
    page = alice_client.get(reverse("followups:today")).content.decode()

    assert NO_SERVER in page
