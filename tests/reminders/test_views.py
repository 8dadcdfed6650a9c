"""What the user sees of the digest: the profile's status line and the digest page."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse

from coffeechat.pages.reminders.digest import run
from coffeechat.pages.reminders.models import DigestSent
from reminders.conftest import NOW

pytestmark = pytest.mark.usefixtures("_at_now")


@pytest.fixture
def _at_now():
    with time_machine.travel(NOW, tick=False):
        yield


def card(client) -> str:
    page = client.get(reverse("accounts:profile")).content.decode()
    start = page.index('id="morning-digest"')
    return page[start : page.index("</section>", start)]


def test_the_profile_warns_when_no_smtp_server_is_configured(alice_client):
    text = card(alice_client)

    assert "No SMTP server is configured, so the morning digest cannot be sent." in text
    assert 'Fill in <a href="/profile/#email-sending">Email sending</a> below' in text
    assert "COFFEECHAT_SMTP_HOST" in text


def test_the_profile_says_when_and_where_it_goes_and_when_it_last_went(
    alice_client, alice, alice_smtp, alices_items
):
    assert "Your digest goes out at 07:00 (Europe/London) to alice@example.org." in card(
        alice_client
    )

    run(NOW)

    assert (
        "Your digest goes out at 07:00 (Europe/London) to alice@example.org; "
        "last sent today at 08:30." in card(alice_client)
    )
    with time_machine.travel(NOW + timedelta(days=1), tick=False):
        assert "last sent Fri 20 Nov at 08:30." in card(alice_client)


def test_the_profile_shows_a_failed_send_and_a_day_with_nothing_due(
    alice_client, alice, alice_smtp, alices_items
):
    alice_smtp.refuse = "550 No such user here"
    run(NOW)
    assert "Today's digest was not sent: The mail server at 127.0.0.1:" in card(alice_client)

    DigestSent.objects.update(state="nothing_due")
    assert "Nothing was due this morning, so no digest went out today." in card(alice_client)


def test_the_profile_says_when_the_digest_is_off(alice_client, alice):
    alice.profile.digest_enabled = False
    alice.profile.save()

    assert "The morning digest is off." in card(alice_client)


def test_the_status_card_comes_alone_for_htmx_to_swap_in_after_an_autosave(alice_client, alice):
    alice.profile.digest_hour = 9
    alice.profile.save()

    response = alice_client.get(reverse("reminders:status"), headers={"HX-Request": "true"})

    text = response.content.decode()
    assert "<html" not in text
    assert 'hx-get="/reminders/status/"' in text
    assert "No SMTP server is configured" in text


def test_the_digest_page_previews_todays_mail(alice_client, alice_smtp, alices_items):
    page = alice_client.get(reverse("reminders:digest")).content.decode()

    assert "Coffeechat: 3 things due today (1 overdue)" in page
    assert "Send Kim Lee (Acme) one polite follow-up (due Wed 18 Nov)" in page
    # Opened at the test server's address, the preview's links point there, and open.
    assert 'Your Today list: <a href="http://testserver/"' in page
    assert "Send today's digest now" in page


def test_send_now_sends_once_and_then_says_it_went(alice_client, alice_smtp, alices_items):
    first = alice_client.post(reverse("reminders:send_now"), follow=True)
    second = alice_client.post(reverse("reminders:send_now"), follow=True)

    assert "Sent today&#x27;s digest to alice@example.org." in first.content.decode()
    assert (
        "Today&#x27;s digest goes out once a day: already sent today at 08:30 to "
        "alice@example.org." in second.content.decode()
    )
    assert len(alice_smtp.received) == 1
    assert run(NOW + timedelta(hours=1))[0].line().startswith("alice: already sent today")


def test_send_now_without_a_server_says_what_is_missing(alice_client, alice):
    response = alice_client.post(reverse("reminders:send_now"), follow=True)

    assert "Today&#x27;s digest was not sent: no SMTP server is configured" in (
        response.content.decode()
    )


def test_send_now_with_nothing_due_says_so_and_sends_nothing(alice_client, alice_smtp):
    response = alice_client.post(reverse("reminders:send_now"), follow=True)

    assert "Nothing is overdue or due today, so there was nothing to send." in (
        response.content.decode()
    )
    assert alice_smtp.received == []


def test_the_pages_are_for_logged_in_users_only(client, db):
    for name in ("reminders:digest", "reminders:status"):
        assert client.get(reverse(name)).status_code == 302
    assert client.post(reverse("reminders:send_now")).status_code == 302
    assert not DigestSent.objects.exists()


def test_each_user_sees_and_sends_only_their_own_digest(
    bob_client, alice, alice_smtp, alices_items
):
    page = bob_client.get(reverse("reminders:digest")).content.decode()

    assert "Kim Lee" not in page
    assert "Nothing is overdue or due today" in page


def _profile_post(profile, **changes: object) -> dict[str, object]:
    data = {
        name: getattr(profile, name)
        for name in ("full_name", "time_zone", "country", "region", "message_rules")
    }
    data.update(digest_enabled="on", digest_hour=7, weekly_conversation_goal=2)
    data.update(changes)
    return data


def test_the_address_the_digest_goes_to_is_set_on_the_profile(alice_client, alice, alice_smtp):
    alice.email = ""
    alice.save()
    assert 'id="id_email"' in alice_client.get(reverse("accounts:profile")).content.decode()

    alice_client.post(
        reverse("accounts:profile"), _profile_post(alice.profile, email="alice@new.example")
    )

    alice.refresh_from_db()
    assert alice.email == "alice@new.example"
    assert "to alice@new.example." in card(alice_client)


def test_a_bad_address_on_the_profile_is_refused_and_the_old_one_kept(alice_client, alice):
    page = alice_client.post(
        reverse("accounts:profile"), _profile_post(alice.profile, email="alice at example")
    ).content.decode()

    assert "Enter a valid email address." in page
    alice.refresh_from_db()
    assert alice.email == "alice@example.org"
