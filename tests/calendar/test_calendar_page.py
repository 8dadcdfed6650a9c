"""The calendar page: the private link, how to subscribe, revoking it, and where it is linked."""

from __future__ import annotations

import hashlib
import re

from django.urls import reverse

from coffeechat.pages.calendar.models import CalendarFeed


def shown_feed_url(page: str) -> str:
    match = re.search(r'id="feed-url" type="text" value="([^"]+)"', page)
    assert match, "no feed link on the page"
    return match.group(1)


def test_the_link_is_made_on_the_first_visit_shown_once_and_kept_only_as_a_hash(
    alice_client, client, alice
):
    assert not CalendarFeed.objects.owned_by(alice).exists()

    first = alice_client.get(reverse("calendar:page")).content.decode()
    again = alice_client.get(reverse("calendar:page")).content.decode()

    url = shown_feed_url(first)
    token = url.removeprefix("http://testserver/calendar/feed/").removesuffix(".ics")
    assert len(token) >= 40
    assert "it is shown only this once" in first
    # Stored as a fingerprint only: the token appears nowhere in the database row.
    stored = CalendarFeed.objects.owned_by(alice).get()
    assert stored.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in str(CalendarFeed.objects.filter(pk=stored.pk).values().get())
    # Later visits cannot show it again, and say what to do; the link keeps working.
    assert 'id="feed-url"' not in again
    assert "Add it to your calendar app" not in again  # no steps that need a link not shown
    assert "cannot show it\n  again" in again or "cannot show it again" in " ".join(again.split())
    assert client.get(url.removeprefix("http://testserver")).status_code == 200


def test_the_page_offers_copy_webcal_and_steps_for_each_app(alice_client):
    page = alice_client.get(reverse("calendar:page")).content.decode()

    url = shown_feed_url(page)
    assert "readonly" in page
    assert ">Copy link</button>" in page
    assert 'role="status" aria-live="polite"' in page
    assert f'href="webcal://{url.removeprefix("http://")}"' in page
    for step in ("From URL", "File &gt; New Calendar Subscription", "Subscribe from web"):
        assert step in page
    assert "up to a day" in page
    assert "reminders come from Coffeechat" in page
    assert 'data-copy-target="feed-url" data-copy-status="copy-status"' in page  # app.js copies
    assert "<script>" not in page and "style=" not in page  # the CSP forbids inline code


def test_a_link_to_this_computer_says_only_apps_here_can_read_it(alice_client, settings):
    page = alice_client.get(reverse("calendar:page"), HTTP_HOST="127.0.0.1:8000")
    assert "only a calendar app running here" in page.content.decode()
    # Only the steps an app on this computer can follow.
    assert "From URL" not in page.content.decode()
    assert "Internet\n  Calendars" in page.content.decode()

    settings.COFFEECHAT_BASE_URL = "https://coffeechat.example.edu"
    page = alice_client.post(
        reverse("calendar:regenerate"), HTTP_HOST="127.0.0.1:8000", follow=True
    )
    assert "only a calendar app running here" not in page.content.decode()
    assert 'value="https://coffeechat.example.edu/calendar/feed/' in page.content.decode()


def test_every_user_gets_their_own_link(alice_client, client, alice, bob):
    alices = shown_feed_url(alice_client.get(reverse("calendar:page")).content.decode())
    client.force_login(
        bob, backend="coffeechat.foundation.accounts.backends.UsernameOrEmailBackend"
    )
    bobs = shown_feed_url(client.get(reverse("calendar:page")).content.decode())

    assert alices != bobs


def test_revoking_asks_first_and_changes_nothing_until_confirmed(alice_client, client, alice):
    old = shown_feed_url(alice_client.get(reverse("calendar:page")).content.decode())

    confirm = alice_client.get(reverse("calendar:regenerate")).content.decode()

    assert "Revoke your calendar link?" in confirm
    assert "Yes, revoke and make a new link" in confirm
    assert client.get(old.removeprefix("http://testserver")).status_code == 200


def test_revoking_gives_a_new_link_and_the_old_one_stops_working(alice_client, client):
    old = shown_feed_url(alice_client.get(reverse("calendar:page")).content.decode())

    response = alice_client.post(reverse("calendar:regenerate"), follow=True)

    page = response.content.decode()
    new = shown_feed_url(page)
    assert new != old
    assert "the old one no longer works" in page
    client.logout()
    assert client.get(old.removeprefix("http://testserver")).status_code == 404
    assert client.get(new.removeprefix("http://testserver")).status_code == 200


def test_the_page_and_revoking_need_a_login(client, db):
    for name in ("calendar:page", "calendar:regenerate"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert "/login/" in response["Location"]
    assert not CalendarFeed.objects.exists()


def test_the_account_menu_and_help_lead_to_the_calendar(alice_client):
    today = alice_client.get(reverse("followups:today")).content.decode()
    help_page = alice_client.get(reverse("core:help")).content.decode()

    assert f'<a href="{reverse("calendar:page")}"' in today
    assert '<h2 id="calendar">Calendar</h2>' in help_page
