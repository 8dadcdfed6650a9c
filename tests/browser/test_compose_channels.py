"""A LinkedIn connection with no e-mail address, in a real browser: the message is a LinkedIn
message (no 300-character note limit, no mail actions); a LinkedIn note chosen for someone with
an address offers no Send or Send later."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from browser.helpers import CoffeechatServer, create_owner


def add_contact(page: Page, server: CoffeechatServer, *, how: str, email: str = "") -> None:
    page.goto(f"{server.url}/contacts/new/")
    page.get_by_label("First name").fill("Ravi")
    page.get_by_label("Last name").fill("Kumar")
    if email:
        page.get_by_label("Email").fill(email)
    page.get_by_label("LinkedIn").fill("https://www.linkedin.com/in/ravi")
    page.get_by_label("How you know them").select_option(how)
    page.get_by_role("button", name="Add contact").click()
    expect(page.get_by_role("heading", level=1, name=re.compile("Ravi Kumar"))).to_be_visible()


def test_a_linkedin_connection_without_email_is_written_a_linkedin_message(
    page: Page, coffeechat_server: CoffeechatServer
):
    create_owner(page, coffeechat_server, username="maya")
    add_contact(page, coffeechat_server, how="linkedin")
    page.get_by_role("link", name="Write a request").click()
    check = page.locator("#message-check")
    expect(page.locator("#template-choice")).to_have_value(re.compile(r"\d+"))
    expect(page.locator("#id_channel")).to_have_value("linkedin")
    expect(check.locator(".character-count")).not_to_contain_text("/300")
    expect(check.locator("[data-rule='too-long']")).to_have_count(0)
    expect(check).not_to_contain_text("how you got their name")
    expect(page.get_by_role("link", name="Open in mail app")).to_have_count(0)
    expect(page.get_by_role("button", name="Send", exact=True)).to_have_count(0)
    expect(page.get_by_role("button", name="Download .eml")).to_have_count(0)
    expect(page.locator("#send-reason")).to_contain_text("send it yourself as a LinkedIn message")


def test_a_linkedin_note_offers_no_send_or_send_later(
    page: Page, coffeechat_server: CoffeechatServer
):
    create_owner(page, coffeechat_server, username="maya")
    add_contact(page, coffeechat_server, how="cold", email="ravi@acme.example")
    page.get_by_role("link", name="Write a request").click()
    expect(page.get_by_role("link", name="Open in mail app")).to_be_visible()
    expect(page.get_by_role("button", name="Send", exact=True)).to_have_count(1)
    page.locator("#template-choice").select_option(label="LinkedIn connection note")
    expect(page.locator("#send-reason")).to_contain_text(
        "“LinkedIn connection note” is written for LinkedIn: copy it into LinkedIn"
    )
    expect(page.get_by_role("button", name="Send", exact=True)).to_have_count(0)
    expect(page.locator("#send-later")).to_have_count(0)
    expect(page.get_by_role("link", name="Open in mail app")).to_have_count(0)
    expect(page.locator("#message-check .character-count")).to_contain_text("/300")
