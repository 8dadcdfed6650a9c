"""The small things of the daily loop, in a real browser: a contact's keep-in-touch cadence moves
their next update, a conversation's .ics invitation opens in a calendar app and follows a move,
an update sent from "Keep your network posted" really goes out and shows on the timeline, and
meeting someone a contact suggested owes that contact a word on Today."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from playwright.sync_api import Page, expect

from browser.helpers import (
    CoffeechatServer,
    Mailbox,
    add_contact,
    create_owner,
    go,
    use_mail_server,
    wait_for,
)

TUESDAY = "2026-11-17T09:00:00+00:00"
NEW_YORK = ZoneInfo("America/New_York")


def schedule_coffee(page: Page, day: str) -> None:
    """From the contact's page: coffee at 10:00 on `day`; ends on the conversation's page."""
    page.get_by_role("link", name="Schedule a conversation").click()
    page.get_by_label("Date").fill(day)
    page.get_by_label("Start time").fill("10:00")
    page.get_by_label("Mode").select_option("coffee")
    page.get_by_label("Place").fill("Green Bank café")
    page.get_by_role("button", name="Schedule conversation").click()


def hold(page: Page, learned: str) -> None:
    """On the conversation's page: start it, end it with what was learned."""
    page.get_by_role("button", name="Start the conversation").click()
    page.get_by_label("What you learned").fill(learned)
    page.get_by_role("button", name="End conversation").click()
    expect(page.get_by_text(learned)).to_be_visible()


def next_update(page: Page):
    return page.locator("#keep-in-touch .next-update")


@pytest.mark.server_time(TUESDAY)
def test_a_new_cadence_moves_the_next_update_on_the_contact_page_and_today(
    page: Page, coffeechat_server: CoffeechatServer
):
    server = coffeechat_server
    owner = create_owner(page, server)
    priya = add_contact(page, server.url, "Priya", "Shah", email="priya@greenbank.example")
    priya = priya.removeprefix(server.url)
    schedule_coffee(page, "2026-11-16")  # yesterday's coffee, logged today
    hold(page, "Analysts come from economics and law.")

    # The first update goes out today; from then on, the cadence decides.
    go(page, server, owner, priya)
    expect(next_update(page)).to_contain_text("Next update due Mon 14 Dec 2026")
    page.locator("#keep-in-touch").get_by_role("link", name="Write an update").click()
    page.get_by_role("button", name="Mark as sent").click()
    expect(page.get_by_text("Marked your update to Priya Shah as sent.")).to_be_visible()
    go(page, server, owner, priya)
    expect(next_update(page)).to_contain_text("Next update due Wed 17 Feb 2027")  # quarterly

    cadence = page.get_by_label("How often, after the first update")
    cadence.select_option("monthly")
    expect(next_update(page)).to_contain_text("Next update due Thu 17 Dec 2026")
    page.reload()  # stored, not just shown
    expect(page.get_by_label("How often, after the first update")).to_have_value("monthly")
    expect(next_update(page)).to_contain_text("Next update due Thu 17 Dec 2026")

    # A month on, Today asks for the monthly update, not the quarterly one.
    server.restart("2026-12-17T09:00:00+00:00")
    go(page, server, owner, "/")
    keep = page.locator("[data-section='today'] .today-item").filter(
        has_text="Keep in touch with Priya Shah"
    )
    expect(keep).to_contain_text("Monthly update")


@pytest.mark.server_time(TUESDAY)
def test_a_conversations_ics_opens_as_one_event_and_a_move_replaces_it(
    page: Page, coffeechat_server: CoffeechatServer
):
    server = coffeechat_server
    create_owner(page, server)
    add_contact(page, server.url, "Priya", "Shah", email="priya@greenbank.example")
    page.get_by_role("link", name="Schedule a conversation").click()
    page.get_by_label("Date").fill("2026-12-01")
    page.get_by_label("Start time").fill("09:30")
    page.get_by_label("Time zone").select_option("America/New_York")
    page.get_by_label("Length (minutes)").fill("20")
    page.get_by_label("Mode").select_option("video")
    page.get_by_label("Video link").fill("https://meet.example/priya")
    page.get_by_role("button", name="Schedule conversation").click()
    prep_url = page.url

    def download_invitation() -> tuple[str, Calendar]:
        with page.expect_download() as info:
            page.get_by_role("link", name="Add to calendar (.ics)").click()
        download = info.value
        return download.suggested_filename, Calendar.from_ical(Path(download.path()).read_bytes())

    name, invitation = download_invitation()

    assert name == "video-call-with-priya-shah-2026-12-01.ics"
    assert invitation["METHOD"] == "PUBLISH"
    (meeting,) = invitation.events
    assert str(meeting["SUMMARY"]) == "Video call with Priya Shah"
    assert meeting.start == datetime(2026, 12, 1, 9, 30, tzinfo=NEW_YORK)
    assert meeting.end == datetime(2026, 12, 1, 9, 50, tzinfo=NEW_YORK)
    assert meeting["DTSTART"].params["TZID"] == "America/New_York"
    assert [tz.tz_name for tz in invitation.timezones] == ["America/New_York"]
    assert str(meeting["LOCATION"]) == "https://meet.example/priya"
    assert str(meeting["URL"]) == prep_url
    assert re.fullmatch(r"conversation-\d+@coffeechat", str(meeting["UID"]))

    # Moved to the next day at 11:00: the new file replaces the event it imported before.
    page.get_by_role("link", name="Edit logistics").click()
    page.get_by_label("Date").fill("2026-12-02")
    page.get_by_label("Start time").fill("11:00")
    page.get_by_role("button", name="Save and close").click()
    expect(page.get_by_text("Logistics saved.")).to_be_visible()

    name, moved_invitation = download_invitation()

    (moved,) = moved_invitation.events
    assert name == "video-call-with-priya-shah-2026-12-02.ics"
    assert moved.start == datetime(2026, 12, 2, 11, 0, tzinfo=NEW_YORK)
    assert str(moved["UID"]) == str(meeting["UID"])
    assert moved["SEQUENCE"] > meeting["SEQUENCE"]


def to_priya(mailbox: Mailbox) -> list:
    return [
        message
        for message in mailbox.received
        if message["To"].addresses[0].addr_spec == "priya@greenbank.example"
    ]


@pytest.mark.server_time(TUESDAY)
def test_an_update_sent_from_keep_your_network_posted_goes_out_and_shows_on_the_timeline(
    page: Page, coffeechat_server: CoffeechatServer, smtp_server: tuple[Mailbox, int]
):
    server = coffeechat_server
    mailbox, port = smtp_server
    owner = create_owner(page, server)
    use_mail_server(page, port)
    priya = add_contact(page, server.url, "Priya", "Shah", email="priya@greenbank.example")
    priya = priya.removeprefix(server.url)
    schedule_coffee(page, "2026-11-16")
    hold(page, "Analysts come from economics and law.")

    go(page, server, owner, "/followups/")
    page.get_by_role("link", name="Keep your network posted").click()
    page.get_by_label("What happened").select_option("new_job")
    page.get_by_label("In one line").fill("I start at Acme as a climate analyst on 3 March")
    page.get_by_role("button", name="Draft the updates").click()
    card = page.locator(".update-draft").filter(has_text="To Priya Shah")
    body = card.get_by_label("Body")
    expect(body).to_have_value(re.compile("^Dear Priya,"))
    body.fill(f"{body.input_value()}\n\nPS: the coffee was on me, as promised.")
    card.get_by_role("button", name="Send", exact=True).click()

    expect(
        page.get_by_text("Sent your update to Priya Shah (priya@greenbank.example)")
    ).to_be_visible()
    expect(card).to_contain_text("Sent")
    # The server's own scheduler may send Maya her morning digest meanwhile: only Priya's counts.
    wait_for(lambda: to_priya(mailbox))
    (message,) = to_priya(mailbox)
    text = message.get_content()
    assert "I start at Acme as a climate analyst on 3 March" in text
    assert "PS: the coffee was on me, as promised." in text

    go(page, server, owner, priya)
    timeline = page.locator("ol.timeline")
    entry = timeline.locator("li").filter(has_text="Update sent (Email)")
    expect(entry).to_have_count(1)
    entry.get_by_text("Show message").click()
    expect(entry).to_contain_text("PS: the coffee was on me, as promised.")
    # Sending it was being in touch: the next update is a quarter away.
    expect(next_update(page)).to_contain_text("Next update due Wed 17 Feb 2027")


@pytest.mark.server_time(TUESDAY)
def test_meeting_someone_a_contact_suggested_owes_them_a_word_on_today(
    page: Page, coffeechat_server: CoffeechatServer
):
    server = coffeechat_server
    owner = create_owner(page, server)
    add_contact(page, server.url, "Priya", "Shah", email="priya@greenbank.example")
    schedule_coffee(page, "2026-11-16")
    page.get_by_role("button", name="Start the conversation").click()
    referrals = page.locator("#referrals")
    referrals.get_by_label("First name").fill("Sam")
    referrals.get_by_label("Last name").fill("Lee")
    referrals.get_by_label("Organization").fill("Carbon Partners")
    referrals.get_by_role("button", name="Add referral").click()
    expect(referrals).to_contain_text("Sam Lee")
    page.get_by_label("What you learned").fill("Analysts come from economics and law.")
    page.get_by_role("button", name="End conversation").click()

    # Before meeting Sam, Priya is owed nothing more than thanks.
    go(page, server, owner, "/")
    expect(page.locator(".today-item").filter(has_text="Close the loop")).to_have_count(0)

    expect(page.locator(".today-item").filter(has_text="Contact referral Sam Lee")).to_be_visible()
    go(page, server, owner, "/contacts/")
    page.get_by_role("link", name="Sam Lee").first.click()
    expect(page.get_by_role("heading", name="Sam Lee")).to_be_visible()
    schedule_coffee(page, "2026-11-17")
    hold(page, "Carbon desks hire from the big four.")

    go(page, server, owner, "/")
    loop = page.locator(".today-item").filter(has_text="Close the loop with Priya Shah")
    expect(loop).to_be_visible()
    expect(loop).to_contain_text("You met Sam Lee, whom Priya suggested. Tell Priya how it went.")
    expect(loop).to_contain_text("due Thu 19 Nov")  # two business days after meeting Sam
    expect(loop.get_by_role("link", name="Tell them what came of it")).to_be_visible()
