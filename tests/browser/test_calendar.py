"""The calendar feed through the real server: copying the link, fetching it as a calendar app
would (no login, only the token), and a conversation moved in the browser moving in the feed."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar
from playwright.sync_api import Page, expect

from browser.helpers import CoffeechatServer, create_owner

LONDON = ZoneInfo("Europe/London")


def open_calendar_page(page: Page) -> str:
    """Reach the page from the account menu, as a user would; returns the private link shown."""
    page.get_by_role("navigation", name="Account").get_by_role("link", name="Calendar").click()
    expect(page.get_by_role("heading", level=1, name="Your calendar")).to_be_visible()
    return page.get_by_label("Your private calendar link").input_value()


def fetch_status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def fetch_feed(url: str) -> Calendar:
    """What Google or Apple would get: a plain GET with no cookies."""
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.status == 200
        assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
        return Calendar.from_ical(response.read())


def test_the_feed_answers_its_token_and_nothing_else(
    page: Page, coffeechat_server: CoffeechatServer
):
    server = coffeechat_server
    create_owner(page, server)
    feed_url = open_calendar_page(page)
    assert re.fullmatch(rf"{re.escape(server.url)}/calendar/feed/[\w-]{{40,}}\.ics", feed_url)

    calendar = fetch_feed(feed_url)

    assert calendar["METHOD"] == "PUBLISH"
    assert fetch_status(f"{server.url}/calendar/feed/") == 404
    assert fetch_status(f"{server.url}/calendar/feed/.ics") == 404
    assert fetch_status(f"{server.url}/calendar/feed/{'x' * 43}.ics") == 404

    # Revoked: the old link is dead at once, the new one works.
    page.get_by_role("link", name="Revoke and make a new link").click()
    page.get_by_role("button", name="Yes, revoke and make a new link").click()
    expect(page.get_by_text("the old one no longer works")).to_be_visible()
    new_url = page.get_by_label("Your private calendar link").input_value()
    assert new_url != feed_url
    assert fetch_status(feed_url) == 404
    assert fetch_feed(new_url)["METHOD"] == "PUBLISH"


def test_copy_link_puts_the_link_on_the_clipboard_and_says_so(
    page: Page, coffeechat_server: CoffeechatServer, console_messages: list[str]
):
    server = coffeechat_server
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url)
    create_owner(page, server)
    feed_url = open_calendar_page(page)

    page.get_by_role("button", name="Copy link").click()

    expect(page.get_by_role("status").filter(has_text="Copied")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == feed_url
    # No script error and no CSP refusal (the copy script is a static file, never inline).
    assert not [m for m in console_messages if m.startswith("pageerror") or "Content Security" in m]


def test_a_conversation_moved_in_the_browser_moves_in_the_feed(
    page: Page, coffeechat_server: CoffeechatServer
):
    server = coffeechat_server
    create_owner(page, server)
    feed_url = open_calendar_page(page)
    page.goto(f"{server.url}/contacts/new/")
    page.get_by_label("First name").fill("Priya")
    page.get_by_label("Last name").fill("Shah")
    page.get_by_role("button", name="Add contact").click()
    page.get_by_role("link", name="Schedule a conversation").click()
    day = date.today() + timedelta(days=7)
    page.get_by_label("Date").fill(day.isoformat())
    page.get_by_label("Start time").fill("10:00")
    page.get_by_label("Time zone").select_option("Europe/London")
    page.get_by_label("Mode").select_option("video")
    page.get_by_label("Video link").fill("https://meet.example/priya")
    page.get_by_role("button", name="Schedule conversation").click()
    expect(page.get_by_role("link", name="Add to calendar (.ics)")).to_be_visible()

    (scheduled,) = fetch_feed(feed_url).events
    assert scheduled.start == datetime.combine(day, datetime.min.time(), LONDON).replace(hour=10)
    assert scheduled["DTSTART"].params["TZID"] == "Europe/London"

    page.get_by_role("link", name="Edit logistics").click()
    page.get_by_label("Start time").fill("11:30")
    page.get_by_role("button", name="Save and close").click()
    expect(page.locator(".when-local")).to_contain_text("11:30")

    (moved,) = fetch_feed(feed_url).events
    assert moved.start == datetime.combine(day, datetime.min.time(), LONDON).replace(
        hour=11, minute=30
    )
    assert moved["UID"] == scheduled["UID"]
    assert moved["SEQUENCE"] > scheduled["SEQUENCE"]
    assert moved["SUMMARY"] == "Video call with Priya Shah"
