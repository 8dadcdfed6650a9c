"""Correcting the record, in a real browser: a request marked sent by mistake is deleted from
the timeline, a reply logged as a no becomes a yes, a message's date is fixed from
the Outreach page, and a piece of advice is deleted; the stage and Today follow each time."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from browser.helpers import (
    CoffeechatServer,
    Owner,
    add_contact,
    create_owner,
    go_today,
    open_contact,
    today_item,
)

MONDAY = "2026-11-16T09:00:00+00:00"


def timeline_entry(page: Page, text: str):
    return page.locator(".timeline li").filter(has_text=text)


def add_priya(page: Page, server: CoffeechatServer) -> None:
    add_contact(page, server.url, "Priya", "Shah", email="priya@greenbank.example")
    expect(page.locator(".badge.stage")).to_have_text("Identified")


def start_with_priya(page: Page, server: CoffeechatServer) -> Owner:
    owner = create_owner(page, server)  # in UTC, the time zone a new profile starts with
    add_priya(page, server)
    return owner


@pytest.mark.server_time(MONDAY)
def test_a_request_marked_sent_by_mistake_is_deleted_from_the_timeline(
    page: Page, coffeechat_server: CoffeechatServer
):
    server = coffeechat_server
    owner = start_with_priya(page, server)

    # A click on "Mark as sent" for a request that never went out.
    page.get_by_role("link", name="Write a request").click()
    page.locator("#id_subject").fill("A quick question")
    page.get_by_role("button", name=re.compile("^Mark as sent")).click()
    expect(page.locator(".badge.stage")).to_have_text("Contacted")
    go_today(page, server, owner)
    expect(today_item(page, "No reply from Priya Shah")).to_be_visible()

    # On the timeline: delete it. A confirmation comes first, and Cancel keeps it.
    open_contact(page, server.url, "Priya Shah")
    request = timeline_entry(page, "Request for a conversation sent")
    request.get_by_role("link", name=re.compile("^Delete")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Delete message “Request for a conversation to Priya Shah”?"
    )
    expect(page.locator(".warning")).to_contain_text("Sent Mon 16 Nov 2026 (“A quick question”)")
    page.get_by_role("link", name="Cancel").click()
    expect(request).to_be_visible()
    request.get_by_role("link", name=re.compile("^Delete")).click()
    page.get_by_role("button", name="Yes, delete message").click()

    # Back on her page: nothing was sent after all.
    expect(
        page.get_by_text("Deleted message “Request for a conversation to Priya Shah”.")
    ).to_be_visible()
    expect(page.locator(".badge.stage")).to_have_text("Identified")
    expect(timeline_entry(page, "Request for a conversation sent")).to_have_count(0)
    expect(page.get_by_text("Next: write a short request.")).to_be_visible()
    go_today(page, server, owner)
    expect(today_item(page, "Priya Shah")).to_have_count(0)


@pytest.mark.server_time(MONDAY)
def test_a_reply_logged_as_declined_is_corrected_to_agreed(
    page: Page, coffeechat_server: CoffeechatServer
):
    server = coffeechat_server
    start_with_priya(page, server)
    page.get_by_role("link", name="Write a request").click()
    page.get_by_role("button", name="Mark as sent").click()
    page.get_by_role("link", name="Log a reply").first.click()
    page.get_by_label("Outcome").select_option(label="Declined")
    page.get_by_role("button", name="Log reply").click()
    expect(page.locator(".badge.stage")).to_have_text("Declined")

    reply = timeline_entry(page, "Reply received: Declined")
    reply.get_by_role("link", name=re.compile("^Edit")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Correct the reply from Priya Shah")
    expect(page.get_by_label("Outcome")).to_have_value("declined")
    page.get_by_label("Outcome").select_option(label="Agreed to talk")
    page.get_by_label("Note").fill("Happy to talk next week")
    page.get_by_role("button", name="Save correction").click()

    expect(page.get_by_text("Saved your correction to the reply from Priya Shah.")).to_be_visible()
    expect(page.locator(".badge.stage")).to_have_text("Replied")
    expect(timeline_entry(page, "Reply received: Agreed to talk")).to_contain_text(
        "Happy to talk next week"
    )
    expect(timeline_entry(page, "Reply received: Declined")).to_have_count(0)
    expect(page.get_by_text("Next: Priya agreed to talk: agree a time")).to_be_visible()


@pytest.mark.server_time(MONDAY)
def test_a_messages_date_is_corrected_from_the_outreach_page(
    page: Page, coffeechat_server: CoffeechatServer
):
    server = coffeechat_server
    start_with_priya(page, server)
    page.get_by_role("link", name="Write a request").click()
    page.get_by_role("button", name="Mark as sent").click()

    page.goto(f"{server.url}/outreach/")
    sent = page.locator("section[aria-labelledby='sent'] tbody tr").filter(has_text="Priya Shah")
    sent.get_by_role("link", name=re.compile("^Edit")).click()
    expect(page.get_by_label("Sent on")).to_have_value("2026-11-16")

    # A sent message cannot be dated in the future.
    page.get_by_label("Sent on").fill("2026-11-17")
    page.get_by_role("button", name="Save correction").click()
    expect(page.get_by_text("A sent message cannot be dated in the future")).to_be_visible()

    page.get_by_label("Sent on").fill("2026-11-13")
    page.get_by_label("Sent by").select_option(label="LinkedIn")
    page.get_by_role("button", name="Save correction").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Outreach")
    expect(sent).to_contain_text("Fri 13 Nov 2026")
    expect(sent).to_contain_text("LinkedIn")


def hold_a_conversation_with_advice(page: Page) -> None:
    page.get_by_role("link", name="Schedule a conversation").click()
    page.get_by_label("Date").fill("2026-11-16")
    page.get_by_label("Start time").fill("08:00")
    page.get_by_label("Mode").select_option("phone")
    page.get_by_label("Phone").fill("+44 20 7946 0000")
    page.get_by_role("button", name="Schedule conversation").click()
    page.get_by_role("button", name="Start the conversation").click()
    page.locator("#advice").get_by_label("Advice").fill("Learn the green bond principles")
    page.locator("#advice").get_by_role("button", name="Add advice").click()
    expect(page.locator("#advice")).to_contain_text("Learn the green bond principles")
    page.get_by_label("What you learned").fill("Analysts come from economics and law.")
    page.get_by_role("button", name="End conversation").click()
    advice = page.locator(".advice-item").filter(has_text="Learn the green bond principles")
    advice.get_by_role("button", name=re.compile("I acted on")).click()
    expect(advice).to_contain_text("Close the loop: tell Priya what came of it")


@pytest.mark.server_time(MONDAY)
def test_a_piece_of_advice_is_deleted_and_the_news_owed_for_it_goes(
    page: Page, coffeechat_server: CoffeechatServer
):
    server = coffeechat_server
    owner = start_with_priya(page, server)
    hold_a_conversation_with_advice(page)
    conversation_url = page.url
    go_today(page, server, owner)
    expect(today_item(page, "Close the loop with Priya Shah")).to_be_visible()

    open_contact(page, server.url, "Priya Shah")
    # (The close-the-loop follow-up quotes it too: the takeaway is the entry to correct.)
    advice = page.locator(".timeline-takeaway").filter(has_text="Learn the green bond principles")
    expect(advice).to_contain_text("Acted on Mon 16 Nov 2026.")
    advice.get_by_role("link", name=re.compile("^Delete")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Delete advice “Learn the green bond principles”?"
    )
    page.get_by_role("button", name="Yes, delete advice").click()

    expect(
        page.get_by_text("Deleted the advice “Learn the green bond principles”.")
    ).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Priya Shah")
    expect(page.locator(".timeline-takeaway")).to_have_count(0)
    page.goto(conversation_url)
    expect(page.locator(".advice-item")).to_have_count(0)
    go_today(page, server, owner)
    expect(today_item(page, "Close the loop with Priya Shah")).to_have_count(0)
