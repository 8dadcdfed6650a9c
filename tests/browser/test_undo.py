"""Mark done, then Undo, in a real browser: on Today the item turns into "Done: … Undo" where
it stood, and Undo brings it back there; without JavaScript the same line comes at the top of
the page; the Follow-ups page does the same."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Page, expect

from browser.helpers import (
    CoffeechatServer,
    Owner,
    add_contact,
    create_owner,
    log_in,
    mark_request_sent,
)


def write_to(page: Page, server: CoffeechatServer, first: str, last: str) -> None:
    """Add someone and mark a request to them sent: their no-reply routine starts."""
    add_contact(page, server.url, first, last)  # no email address on file: sent by phone
    mark_request_sent(page, f"{first} {last}")


def test_mark_done_on_today_then_undo_puts_the_item_back_in_place(
    page: Page, coffeechat_server: CoffeechatServer
):
    server = coffeechat_server
    create_owner(page, server)
    write_to(page, server, "Priya", "Shah")
    write_to(page, server, "Sam", "Lee")
    page.get_by_role("link", name="Today", exact=True).click()
    items = page.locator(".today-item")
    priya = items.filter(has_text="No reply from Priya Shah")
    expect(priya).to_be_visible()
    order = items.all_inner_texts()

    priya.get_by_role("button", name="Mark done").click()
    done = items.filter(has_text="Done: no reply yet for Priya Shah.")
    expect(done).to_be_visible()
    expect(priya).to_have_count(0)
    expect(items).to_have_count(len(order))  # in place: nothing else moved or went
    expect(items.filter(has_text="No reply from Sam Lee")).to_be_visible()

    done.get_by_role("button", name="Undo").click()
    expect(priya).to_be_visible()
    expect(done).to_have_count(0)
    expect(items).to_have_text(order)  # back where it was, as it was
    page.reload()
    expect(items).to_have_text(order)

    # Undo is no one-off: done again, and undone again, from the restored item.
    priya.get_by_role("button", name="Mark done").click()
    expect(done).to_be_visible()
    done.get_by_role("button", name="Undo").click()
    expect(priya).to_be_visible()


def test_without_javascript_today_says_done_at_the_top_with_an_undo(
    browser: Browser, page: Page, coffeechat_server: CoffeechatServer
):
    server = coffeechat_server
    owner: Owner = create_owner(page, server)
    write_to(page, server, "Priya", "Shah")
    context = browser.new_context(java_script_enabled=False)
    try:
        plain = context.new_page()
        log_in(plain, server, owner)
        plain.goto(f"{server.url}/")
        priya = plain.locator(".today-item").filter(has_text="No reply from Priya Shah")
        priya.get_by_role("button", name="Mark done").click()
        notice = plain.get_by_role("status").filter(has_text="Done: no reply yet for Priya Shah.")
        expect(notice).to_be_visible()
        expect(plain.get_by_role("heading", level=1, name=re.compile("^Today"))).to_be_visible()
        expect(priya).to_have_count(0)
        notice.get_by_role("button", name="Undo").click()
        undone = "Undone: no reply yet for Priya Shah is open again."
        expect(plain.get_by_role("status").filter(has_text=undone)).to_be_visible()
        expect(priya).to_be_visible()
    finally:
        context.close()


def test_the_follow_ups_page_offers_the_same_undo(page: Page, coffeechat_server: CoffeechatServer):
    server = coffeechat_server
    create_owner(page, server)
    write_to(page, server, "Priya", "Shah")
    page.get_by_role("link", name=re.compile("Follow-ups")).click()
    rows = page.locator("tbody tr")
    expect(rows).to_have_count(3)  # no reply yet, one polite follow-up, move on
    order = rows.all_inner_texts()
    no_reply = rows.filter(has_text="No reply yet")

    no_reply.get_by_role("button", name="Mark done").click()
    done = rows.filter(has_text="Done: no reply yet for Priya Shah.")
    expect(done).to_be_visible()
    done.get_by_role("button", name="Undo").click()
    expect(done).to_have_count(0)
    expect(rows).to_have_text(order)
