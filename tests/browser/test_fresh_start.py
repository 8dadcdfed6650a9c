"""A new install as its first user meets it: the login page says where the setup link is, and
the digest page previews the real e-mail and points to where its mail server is set up."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from browser.helpers import (
    CoffeechatServer,
    create_owner,
    go,
    us_user_at_green_bank,
    use_mail_server,
)

# A Tuesday in New York before the digest hour (07:00), so the scheduler sends nothing itself.
EARLY_TUESDAY = "2026-11-24T06:00:00-05:00"
TERMINAL_HEADING = "No account yet. Open this one-time link to create yours"


def test_the_login_page_says_where_the_setup_link_is_until_the_first_account_exists(
    page: Page, coffeechat_server: CoffeechatServer
):
    server = coffeechat_server
    page.goto(f"{server.url}/login/")

    hint = page.get_by_role("region", name="No account yet")
    expect(hint).to_contain_text(
        f"It is printed in the terminal where coffeechat serve runs, under “{TERMINAL_HEADING}”"
    )
    expect(hint).to_contain_text("coffeechat createuser")
    # It names the very words the terminal shows above the link.
    assert TERMINAL_HEADING in server.log

    create_owner(page, server)
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("heading", name="Log in to Coffeechat")).to_be_visible()
    expect(page.get_by_text("No account yet")).to_have_count(0)
    expect(page.get_by_text("setup link")).to_have_count(0)


def schedule_conversation_today(page: Page, server: CoffeechatServer) -> None:
    page.goto(f"{server.url}/contacts/")
    page.get_by_role("link", name="Priya Shah").click()
    page.get_by_role("link", name="Schedule a conversation").click()
    page.get_by_label("Date").fill("2026-11-24")
    page.get_by_label("Start time").fill("15:00")
    page.get_by_label("Mode").select_option("coffee")
    page.get_by_label("Place").fill("Blue Bottle, Bryant Park")
    page.get_by_role("button", name="Schedule conversation").click()
    expect(
        page.get_by_role("heading", name=re.compile("Conversation with Priya Shah"))
    ).to_be_visible()


@pytest.mark.server_time(EARLY_TUESDAY)
def test_the_digest_page_previews_the_email_it_sends_and_links_to_email_sending(
    page: Page, coffeechat_server: CoffeechatServer, smtp_server
):
    mailbox, port = smtp_server
    server = coffeechat_server
    owner = us_user_at_green_bank(page, server, [("Priya", "Shah")])
    schedule_conversation_today(page, server)

    # From the profile's Morning digest card to the preview.
    go(page, server, owner, "/profile/")
    page.locator("#morning-digest").get_by_role("link", name="Preview today's digest").click()
    expect(page.get_by_role("heading", level=1, name="Morning digest")).to_be_visible()
    preview = page.locator("#todays-digest")
    expect(preview.locator(".digest-subject")).to_have_text("Coffeechat: 1 thing due today")
    body = preview.get_by_label("Text of the e-mail")
    expect(body).to_contain_text("Conversation with Priya Shah (Green Bank)")
    assert "{#" not in page.content()  # no template comment shows
    # No link back to the page itself; the way to a mail server leads to the real form.
    expect(page.get_by_role("link", name=re.compile("Preview today's digest"))).to_have_count(0)
    status = page.locator("#morning-digest")
    expect(status).to_contain_text("Fill in Email sending on your profile")
    expect(status).not_to_contain_text("below")
    status.get_by_role("link", name="Email sending").click()
    assert page.url == f"{server.url}/profile/#email-sending"
    expect(page.locator("#email-sending").get_by_label("SMTP server")).to_be_visible()

    use_mail_server(page, port)
    go(page, server, owner, "/reminders/")
    envelope = preview.get_by_role("definition")
    expect(envelope).to_have_text(
        ["Coffeechat <maya@example.org>", "maya@example.org", "Coffeechat: 1 thing due today"]
    )
    previewed = body.inner_text()
    page.get_by_role("button", name="Send today's digest now").click()
    expect(page.get_by_text("Sent today's digest to maya@example.org.")).to_be_visible()

    [sent] = mailbox.received
    assert sent["Subject"] == "Coffeechat: 1 thing due today"
    assert sent.get_content().replace("\r\n", "\n").strip() == previewed.strip()
