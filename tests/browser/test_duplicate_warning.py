"""Adding someone twice by hand, in a real browser: warned before anything is saved, with a link
to the contact already there; adding them anyway when it is a different person; and the
Introduced by list then telling the two apart."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from browser.helpers import CoffeechatServer, create_owner


def fill_priya(page: Page, server: CoffeechatServer, role: str) -> None:
    page.goto(f"{server.url}/contacts/new/")
    page.get_by_label("First name").fill("Priya")
    page.get_by_label("Last name").fill("Shah")
    page.get_by_label("Organization").select_option(label="Acme")
    page.get_by_label("Role").fill(role)


def test_adding_a_duplicate_warns_with_a_link_then_adds_a_different_person(
    page: Page, coffeechat_server: CoffeechatServer
):
    server = coffeechat_server
    create_owner(page, server)
    page.goto(f"{server.url}/research/organizations/new/")
    page.get_by_label("Name").fill("Acme")
    page.get_by_role("button", name="Add organization").click()
    fill_priya(page, server, "Analyst")
    page.get_by_role("button", name="Add contact").click()
    expect(page.get_by_role("heading", level=1, name=re.compile("Priya Shah"))).to_be_visible()

    # The same name at the same organization: warned, nothing saved, what was typed kept.
    fill_priya(page, server, "Engineer")
    page.get_by_role("button", name="Add contact").click()
    warning = page.get_by_role("alert")
    expect(warning).to_contain_text("You may already have this person")
    expect(warning).to_contain_text("Same name at Acme")
    expect(page.get_by_label("Role")).to_have_value("Engineer")
    existing = warning.get_by_role("link", name="Open Priya Shah (Acme, Analyst)")
    expect(existing).to_be_visible()

    # The link opens the contact already there...
    existing.click()
    expect(page.get_by_role("heading", level=1, name=re.compile("Priya Shah"))).to_be_visible()
    expect(page.get_by_text("Analyst", exact=True).first).to_be_visible()
    page.goto(f"{server.url}/contacts/")
    expect(page.get_by_role("link", name="Priya Shah")).to_have_count(1)

    # ...or, another Priya Shah after all, she is added anyway.
    fill_priya(page, server, "Engineer")
    page.get_by_role("button", name="Add contact").click()
    page.get_by_role("button", name="It's a different person: add them").click()
    added = page.get_by_role("status").filter(has_text="Added Priya Shah to your network.")
    expect(added).to_be_visible()
    page.goto(f"{server.url}/contacts/")
    expect(page.get_by_role("link", name="Priya Shah")).to_have_count(2)
    page.get_by_role("link", name="Find duplicates").click()
    expect(page.get_by_text("No likely duplicates.")).to_be_visible()

    # Introducing someone, the two Priyas can be told apart.
    page.goto(f"{server.url}/contacts/new/")
    introducers = page.get_by_label("Introduced by").locator("option")
    expect(introducers).to_have_text(
        ["---------", "Priya Shah (Acme, Analyst)", "Priya Shah (Acme, Engineer)"]
    )
