"""Follow-ups on business days, in a real browser: the server's clock is moved forward 3, 7 and
10 business days across Thanksgiving, and Today says what to do at each point."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from browser.helpers import CoffeechatServer, Owner, go_today, log_in, us_user_at_green_bank

TUESDAY = "2026-11-24T09:00:00-05:00"  # Thanksgiving is Thursday 26 November


def section(page: Page, name: str):
    return page.locator(f"[data-section='{name}']")


def setup_us_user_with_two_contacts(page: Page, server: CoffeechatServer) -> Owner:
    return us_user_at_green_bank(page, server, [("Priya", "Shah"), ("Sam", "Lee")])


def send_request_to_priya(page: Page, server: CoffeechatServer) -> None:
    page.goto(f"{server.url}/contacts/")
    page.get_by_role("link", name="Priya Shah").click()
    page.get_by_role("link", name="Write a request").click()
    page.get_by_role("button", name="Mark as sent").click()
    expect(page.locator(".badge.stage")).to_have_text("Contacted")


@pytest.mark.server_time(TUESDAY)
def test_the_3b7_routine_runs_on_business_days_across_a_holiday(
    page: Page, coffeechat_server: CoffeechatServer
):
    server = coffeechat_server
    owner = setup_us_user_with_two_contacts(page, server)
    send_request_to_priya(page, server)

    go_today(page, server, owner)
    waiting = page.locator(".today-item").filter(has_text="No reply from Priya Shah (Green Bank)")
    expect(waiting).to_contain_text("due Mon 30 Nov")
    expect(section(page, "coming up")).to_contain_text("No reply from Priya Shah")

    # Friday: three calendar working days, but Thanksgiving does not count: not due yet.
    server.restart("2026-11-27T10:00:00-05:00")
    go_today(page, server, owner)
    expect(section(page, "coming up")).to_contain_text("No reply from Priya Shah")
    expect(section(page, "today")).to_have_count(0)

    # Monday: 3 business days without a reply: write to the next person there.
    server.restart("2026-11-30T10:00:00-05:00")
    go_today(page, server, owner)
    due = section(page, "today").locator(".today-item").filter(has_text="No reply from Priya Shah")
    expect(due).to_contain_text("write to Sam Lee, the next contact at Green Bank.")
    due.get_by_role("link", name="Write to Sam Lee").click()
    expect(page.get_by_role("heading", name="Write a request to Sam Lee")).to_be_visible()

    # Friday after: 7 business days: one polite follow-up, drafted, then it is gone.
    server.restart("2026-12-04T10:00:00-05:00")
    go_today(page, server, owner)
    nudge = (
        section(page, "today")
        .locator(".today-item")
        .filter(has_text="Send Priya Shah (Green Bank) one polite follow-up")
    )
    nudge.get_by_role("link", name="Write the follow-up").click()
    expect(page.get_by_role("heading", name="Follow up with Priya Shah")).to_be_visible()
    expect(page.locator("#id_body")).to_have_value(re.compile("Priya"))
    page.get_by_role("button", name="Mark as sent").click()
    go_today(page, server, owner)
    expect(page.get_by_text("one polite follow-up")).to_have_count(0)

    # 10 business days: move on gracefully, no third message.
    server.restart("2026-12-09T10:00:00-05:00")
    go_today(page, server, owner)
    expect(section(page, "today")).to_contain_text("Move on from Priya Shah (Green Bank)")
    page.goto(f"{server.url}/contacts/")
    page.get_by_role("link", name="Priya Shah").click()
    expect(page.locator(".badge.stage")).to_have_text("No response")
    expect(page.locator("h1 .badge").filter(has_text="Silent")).to_be_visible()


@pytest.mark.server_time(TUESDAY)
def test_a_reply_is_logged_in_one_click_from_today(page: Page, coffeechat_server: CoffeechatServer):
    server = coffeechat_server
    owner = setup_us_user_with_two_contacts(page, server)
    send_request_to_priya(page, server)
    server.restart("2026-11-25T16:00:00-05:00")
    go_today(page, server, owner)
    item = page.locator(".today-item").filter(has_text="No reply from Priya Shah")
    # One quiet control per item; the reply outcomes open in one dialog, for that person.
    expect(item.get_by_role("button", name="Agreed to talk")).to_have_count(0)
    item.get_by_role("link", name="They replied").click()
    dialog = page.get_by_role("dialog", name="They replied")
    expect(dialog).to_contain_text("No reply from Priya Shah (Green Bank)")
    expect(dialog.get_by_label("They replied on")).to_have_value("2026-11-25")
    expect(dialog.get_by_role("link", name="Declined or more…")).to_have_attribute(
        "href", re.compile(r"/outreach/reply/\d+/$")
    )
    dialog.get_by_role("button", name="Agreed to talk").click()
    expect(page.get_by_text("Logged Priya's reply: they agreed to talk.")).to_be_visible()
    # The routine is over; what is left is agreeing a time.
    priya = page.locator(".today-item").filter(has_text="Priya Shah")
    expect(priya).to_have_count(1)
    expect(priya).to_contain_text("Schedule with Priya Shah")
    page.goto(f"{server.url}/contacts/")
    row = page.get_by_role("row").filter(has_text="Priya Shah")
    expect(row).to_contain_text("Replied")
    expect(row).to_contain_text("Quick to help")


@pytest.mark.server_time(TUESDAY)
def test_they_replied_works_without_javascript_and_can_be_cancelled_with_it(
    browser: Browser, page: Page, coffeechat_server: CoffeechatServer
):
    server = coffeechat_server
    owner = setup_us_user_with_two_contacts(page, server)
    send_request_to_priya(page, server)
    server.restart("2026-11-25T16:00:00-05:00")
    go_today(page, server, owner)

    # Opened and cancelled: nothing is logged and the item is still there.
    item = page.locator(".today-item").filter(has_text="No reply from Priya Shah")
    item.get_by_role("link", name="They replied").click()
    dialog = page.get_by_role("dialog", name="They replied")
    dialog.get_by_role("button", name="Cancel").click()
    expect(dialog).to_be_hidden()
    expect(item).to_be_visible()

    context = browser.new_context(java_script_enabled=False)
    try:
        plain = context.new_page()
        log_in(plain, server, owner)
        plain.goto(f"{server.url}/")
        plain_item = plain.locator(".today-item").filter(has_text="No reply from Priya Shah")
        plain_item.get_by_role("link", name="They replied").click()
        expect(plain.get_by_role("heading", level=1, name="Priya Shah replied")).to_be_visible()
        expect(plain.get_by_label("They replied on")).to_have_value("2026-11-25")
        plain.get_by_role("button", name="Replied", exact=True).click()
        expect(plain.get_by_text("Logged Priya's reply.")).to_be_visible()
        expect(plain.get_by_role("heading", level=1, name=re.compile("^Today"))).to_be_visible()
        expect(plain_item).to_have_count(0)
    finally:
        context.close()
