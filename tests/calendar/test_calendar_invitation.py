"""One conversation as an .ics file: the same event as in the feed, for its owner only."""

from __future__ import annotations

from calendar_helpers import event, fetch
from django.urls import reverse
from icalendar import Calendar


def download(client, chat):
    return client.get(reverse("calendar:conversation_ics", args=[chat.pk]))


def test_the_invitation_is_an_ics_attachment_named_after_the_conversation(alice_client, chat):
    response = download(alice_client, chat)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="video-call-with-priya-shah-acme-2026-12-01.ics"'
    )


def test_it_holds_the_feeds_event_with_the_same_uid(alice_client, chat, feed_url):
    invitation = Calendar.from_ical(download(alice_client, chat).content)
    in_feed = event(fetch(alice_client, feed_url), f"conversation-{chat.pk}@coffeechat")

    assert invitation["METHOD"] == "PUBLISH"
    (only,) = invitation.events
    assert str(only["UID"]) == f"conversation-{chat.pk}@coffeechat"
    for name in ("DTSTART", "DTEND", "SUMMARY", "LOCATION", "URL", "SEQUENCE", "STATUS"):
        assert only[name] == in_feed[name] or only[name].dt == in_feed[name].dt, name
    assert only["DTSTART"].params["TZID"] == "America/New_York"
    assert [tz.tz_name for tz in invitation.timezones] == ["America/New_York"]


def test_another_users_conversation_is_a_404(bob_client, chat):
    assert download(bob_client, chat).status_code == 404


def test_it_needs_a_login(client, chat):
    response = download(client, chat)

    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_the_prep_page_offers_it(alice_client, chat):
    page = alice_client.get(chat.get_absolute_url()).content.decode()

    assert (
        f'<a href="{reverse("calendar:conversation_ics", args=[chat.pk])}" download>'
        "Add to calendar (.ics)</a>"
    ) in page
