"""The subscribed feed, parsed back with icalendar as a calendar app would read it."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import time_machine
from calendar_helpers import NOW, event, fetch
from django.urls import reverse

import factories as make
from coffeechat.pages.calendar import services
from coffeechat.pipeline.conversations.models import Conversation, Mode
from coffeechat.pipeline.followups.models import FollowUp

NEW_YORK = ZoneInfo("America/New_York")


def test_it_is_a_published_calendar_with_a_name_and_a_refresh_hint(client, alice, feed_url):
    calendar = fetch(client, feed_url)

    assert calendar["METHOD"] == "PUBLISH"
    assert calendar["VERSION"] == "2.0"
    assert "Coffeechat" in calendar["PRODID"]
    assert calendar["X-WR-CALNAME"] == "Coffeechat"
    assert calendar["REFRESH-INTERVAL"].dt == timedelta(hours=1)
    assert calendar.events == []  # a new user's feed is empty, not an error


def test_a_conversation_is_an_event_in_its_own_time_zone(client, chat, feed_url):
    calendar = fetch(client, feed_url)

    meeting = event(calendar, f"conversation-{chat.pk}@coffeechat")
    assert meeting["DTSTART"].params["TZID"] == "America/New_York"
    assert meeting.start == datetime(2026, 12, 1, 9, 30, tzinfo=NEW_YORK)
    assert meeting.end == datetime(2026, 12, 1, 9, 50, tzinfo=NEW_YORK)
    assert [tz.tz_name for tz in calendar.timezones] == ["America/New_York"]
    assert calendar.get_missing_tzids() == set()
    assert meeting["SUMMARY"] == "Video call with Priya Shah (Acme)"
    assert meeting["LOCATION"] == "https://meet.example/priya"
    assert meeting["STATUS"] == "CONFIRMED"
    assert meeting["SEQUENCE"] == 0
    assert meeting["DTSTAMP"].dt == chat.updated_at


def test_the_event_links_back_to_the_prep_page_and_says_who(client, chat, feed_url):
    meeting = event(fetch(client, feed_url), f"conversation-{chat.pk}@coffeechat")

    prep_url = f"http://testserver/conversations/{chat.pk}/"
    assert meeting["URL"] == prep_url
    description = str(meeting["DESCRIPTION"])
    assert prep_url in description
    assert "Priya Shah, Analyst, Acme" in description
    assert "https://meet.example/priya" in description
    assert "Learn how analysts get hired" not in description  # the goal stays private


def test_the_place_or_the_phone_is_the_location_by_mode(client, alice, priya, feed_url):
    coffee = Conversation.objects.create(
        owner=alice, contact=priya, scheduled_at=NOW + timedelta(days=3),
        mode=Mode.COFFEE, place="Flat White, 12 Elm St",
    )  # fmt: skip
    call = Conversation.objects.create(
        owner=alice, contact=priya, scheduled_at=NOW + timedelta(days=4),
        mode=Mode.PHONE, phone="+1 212 555 0100",
    )  # fmt: skip

    calendar = fetch(client, feed_url)

    coffee_event = event(calendar, f"conversation-{coffee.pk}@coffeechat")
    assert coffee_event["SUMMARY"] == "Coffee with Priya Shah (Acme)"
    assert coffee_event["LOCATION"] == "Flat White, 12 Elm St"
    assert event(calendar, f"conversation-{call.pk}@coffeechat")["LOCATION"] == "+1 212 555 0100"


def test_uids_and_content_are_the_same_on_every_fetch_and_host(client, chat, thanks_owed, settings):
    settings.ALLOWED_HOSTS = ["testserver", "calendar.example"]
    url = reverse("calendar:feed", args=[services.feed_for(chat.owner).token])

    first = client.get(url).content
    again = client.get(url).content
    other_host = fetch_uids(client.get(url, HTTP_HOST="calendar.example").content)

    assert first == again
    assert (
        fetch_uids(first)
        == other_host
        == {
            f"conversation-{chat.pk}@coffeechat",
            f"followup-{thanks_owed.pk}@coffeechat",
        }
    )


def fetch_uids(body: bytes) -> set[str]:
    from icalendar import Calendar

    return {str(e["UID"]) for e in Calendar.from_ical(body).events}


def test_links_use_the_configured_public_address(client, chat, feed_url, settings):
    settings.COFFEECHAT_BASE_URL = "https://coffeechat.example.edu"

    meeting = event(fetch(client, feed_url), f"conversation-{chat.pk}@coffeechat")

    assert meeting["URL"] == f"https://coffeechat.example.edu/conversations/{chat.pk}/"


def test_a_cancelled_conversation_shows_as_cancelled(alice_client, client, chat, feed_url):
    alice_client.post(reverse("conversations:cancel", args=[chat.pk]))

    meeting = event(fetch(client, feed_url), f"conversation-{chat.pk}@coffeechat")

    assert meeting["STATUS"] == "CANCELLED"
    assert meeting["SUMMARY"] == "Cancelled: Video call with Priya Shah (Acme)"
    assert meeting["SEQUENCE"] == 1
    assert meeting["TRANSP"] == "TRANSPARENT"


def test_conversations_older_than_90_days_are_left_out(client, alice, priya, feed_url):
    old = Conversation.objects.create(
        owner=alice, contact=priya, scheduled_at=NOW - timedelta(days=91)
    )
    recent = Conversation.objects.create(
        owner=alice, contact=priya, scheduled_at=NOW - timedelta(days=89)
    )

    uids = {str(e["UID"]) for e in fetch(client, feed_url).events}

    assert f"conversation-{recent.pk}@coffeechat" in uids
    assert f"conversation-{old.pk}@coffeechat" not in uids


def test_an_open_follow_up_is_a_free_all_day_event_on_its_due_date(client, thanks_owed, feed_url):
    owed = event(fetch(client, feed_url), f"followup-{thanks_owed.pk}@coffeechat")

    assert owed["DTSTART"].params.get("VALUE") == "DATE"
    assert owed.start == date(2026, 11, 17)
    assert owed.end == date(2026, 11, 18)
    assert owed["TRANSP"] == "TRANSPARENT"
    assert owed["SUMMARY"] == "Send a thank-you: Sam Lee"
    assert owed["URL"] == f"http://testserver/contacts/{thanks_owed.contact.pk}/"
    assert "Send a thank-you within 24 hours." in str(owed["DESCRIPTION"])


def test_done_follow_ups_leave_the_feed(client, thanks_owed, feed_url):
    thanks_owed.done_at = NOW
    thanks_owed.save()

    assert fetch(client, feed_url).events == []


def test_another_users_data_is_not_in_the_feed(client, chat, thanks_owed, bob):
    bobs_feed = reverse("calendar:feed", args=[services.feed_for(bob).token])

    assert fetch(client, bobs_feed).events == []


def test_an_unknown_or_revoked_token_is_a_404(client, alice, chat, feed_url):
    new_token = services.regenerate(alice).token

    assert client.get(feed_url).status_code == 404
    assert client.get(reverse("calendar:feed", args=["not-a-real-token"])).status_code == 404
    assert client.get("/calendar/feed/.ics").status_code == 404
    new_url = reverse("calendar:feed", args=[new_token])
    assert len(fetch(client, new_url).events) == 1


def test_a_deactivated_accounts_feed_is_a_404(client, alice, chat, feed_url):
    alice.is_active = False
    alice.save()

    assert client.get(feed_url).status_code == 404


def test_the_feed_only_answers_reads(client, feed_url):
    assert client.post(feed_url).status_code == 405


def test_the_feed_is_read_in_a_fixed_number_of_queries(
    client, alice, priya, feed_url, django_assert_num_queries
):
    def add_rows(count: int) -> None:
        for n in range(count):
            contact = make.contact(alice, first_name=f"P{n}", last_name="X")
            Conversation.objects.create(
                owner=alice, contact=contact, scheduled_at=NOW + timedelta(days=n + 1),
                time_zone=["Europe/Paris", "Asia/Tokyo", "UTC"][n % 3],
            )  # fmt: skip
            FollowUp.objects.create(
                owner=alice, contact=contact, kind="follow_up", due_on=date(2026, 12, n + 1)
            )

    add_rows(1)
    # The feed, its version (follow-ups, conversations, contacts, organizations), then its
    # conversations and follow-ups.
    with django_assert_num_queries(7):
        assert len(client.get(feed_url).content) > 0
    add_rows(20)
    with django_assert_num_queries(7):
        body = client.get(feed_url).content
    assert len(fetch_uids(body)) == 42
    with django_assert_num_queries(5):  # unchanged: the version only, the body from the cache
        assert client.get(feed_url).content == body


def test_times_in_utc_need_no_time_zone_component(client, alice, priya, feed_url):
    Conversation.objects.create(
        owner=alice, contact=priya, scheduled_at=datetime(2026, 12, 2, 8, 0, tzinfo=UTC)
    )

    calendar = fetch(client, feed_url)

    assert calendar.events[0].start == datetime(2026, 12, 2, 8, 0, tzinfo=UTC)
    assert calendar.get_missing_tzids() == set()


def test_a_call_across_the_autumn_clock_change_keeps_its_length(client, alice, priya, feed_url):
    london = ZoneInfo("Europe/London")
    # 01:30 BST on 25 October 2026; an hour later the clocks have gone back to 01:30 GMT.
    start = datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    late_night = Conversation.objects.create(
        owner=alice, contact=priya, scheduled_at=start, time_zone="Europe/London",
        duration_minutes=60,
    )  # fmt: skip

    with time_machine.travel(datetime(2026, 10, 20, tzinfo=UTC), tick=False):
        meeting = event(fetch(client, feed_url), f"conversation-{late_night.pk}@coffeechat")

    assert meeting.start == start.astimezone(london)
    assert meeting.end - meeting.start == timedelta(hours=1)
    assert meeting.end.astimezone(UTC) == datetime(2026, 10, 25, 1, 30, tzinfo=UTC)


def test_a_nudge_never_sent_leaves_the_feed_once_it_is_time_to_move_on(client, priya, feed_url):
    # Request on Monday 2 November: nudge due after 7 business days, move on after 10.
    from coffeechat.pipeline.services import correspondence

    correspondence.record_message(
        contact=priya,
        purpose="request",
        channel="email",
        subject="Hello",
        body="Hi",
        sent_at=datetime(2026, 11, 2, 14, 0, tzinfo=UTC),
    )
    nudge = FollowUp.objects.get(contact=priya, kind="nudge")
    move_on = FollowUp.objects.get(contact=priya, kind="move_on")
    assert move_on.due_on <= NOW.date()  # the clock stands past day 10

    uids = {str(e["UID"]) for e in fetch(client, feed_url).events}
    assert f"followup-{move_on.pk}@coffeechat" in uids
    assert f"followup-{nudge.pk}@coffeechat" not in uids
