"""Names as people write them, in a real browser: adding someone with a title and the name they
go by behind "More name details", their page showing the formal name, the edit form opening the
details by itself and autosaving a change, and search finding them by the name they go by."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from browser.helpers import CoffeechatServer, create_owner


def test_a_title_and_the_name_they_go_by_make_a_greet_ready_name(
    page: Page, coffeechat_server: CoffeechatServer
):
    server = coffeechat_server
    create_owner(page, server)
    page.goto(f"{server.url}/contacts/new/")
    page.get_by_label("First name").fill("John")
    page.get_by_label("Last name").fill("Public")

    # The details sit closed behind their summary until asked for.
    expect(page.get_by_label("Goes by")).to_be_hidden()
    page.get_by_text("More name details").click()
    page.get_by_label("Title", exact=True).fill("Dr.")
    page.get_by_label("Middle name").fill("Quinlan")
    page.get_by_label("Suffix").fill("III")
    page.get_by_label("Goes by").fill("Johnny")
    page.get_by_role("button", name="Add contact").click()

    heading = page.get_by_role("heading", level=1)
    expect(heading).to_contain_text("Dr. John Quinlan Public III")
    expect(page.get_by_text("goes by Johnny")).to_be_visible()

    # Lists show given and family name.
    page.goto(f"{server.url}/contacts/")
    expect(page.get_by_role("link", name="John Public", exact=True)).to_be_visible()

    # Editing: the details are open since some are filled, and a change autosaves.
    page.get_by_role("link", name="John Public", exact=True).click()
    page.get_by_role("link", name="Edit").click()
    expect(page.get_by_label("Goes by")).to_be_visible()
    expect(page.get_by_label("Goes by")).to_have_value("Johnny")
    page.get_by_label("Goes by").fill("Jack")
    expect(page.locator("#autosave-status")).to_contain_text(re.compile("Saved"))
    page.get_by_role("link", name="Back").click()
    expect(page.get_by_text("goes by Jack")).to_be_visible()

    # The search box finds them by the name they go by.
    page.goto(f"{server.url}/search/?q=jack")
    results = page.get_by_role("main")
    expect(results.get_by_role("link", name=re.compile("John Public"))).to_be_visible()
    expect(results).to_contain_text("(goes by Jack)")
