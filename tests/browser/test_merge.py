"""Merging duplicates in a real browser: the same person entered twice (in the end the same
e-mail, written differently), a request sent to each record, then Find duplicates and merge
into one contact whose timeline holds both requests."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from browser.helpers import CoffeechatServer, create_owner, mark_request_sent


def add_priya(page: Page, server: CoffeechatServer, email: str, role: str) -> None:
    page.goto(f"{server.url}/contacts/")
    page.get_by_role("link", name="Add contact").click()
    page.get_by_label("First name").fill("Priya")
    page.get_by_label("Last name").fill("Shah")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Role").fill(role)
    page.get_by_role("button", name="Add contact").click()
    expect(page.get_by_role("heading", level=1, name=re.compile("Priya Shah"))).to_be_visible()


def test_two_records_of_one_person_are_merged_with_both_timelines(
    page: Page, coffeechat_server: CoffeechatServer
):
    server = coffeechat_server
    create_owner(page, server)
    add_priya(page, server, "priya.shah@greenbank.example", "Senior analyst")
    mark_request_sent(page, "Priya Shah", subject="Advice on green bonds")
    # Added again under her personal address (a new one would have been warned about), then
    # given her work address, written differently.
    add_priya(page, server, "priya.s@home.example", "Analyst")
    page.get_by_role("link", name="Edit", exact=True).click()
    page.get_by_label("Email").fill("Priya.Shah@GreenBank.example")
    page.get_by_role("button", name="Save and close").click()
    mark_request_sent(page, "Priya Shah", subject="A fellow Leeds alum")

    page.goto(f"{server.url}/contacts/")
    expect(page.get_by_role("link", name="Priya Shah")).to_have_count(2)
    page.get_by_role("link", name="Find duplicates").click()
    pair = page.get_by_role("article")
    expect(pair).to_have_count(1)
    expect(pair).to_contain_text("Same e-mail")
    expect(pair).to_contain_text("Senior analyst")
    expect(pair).to_contain_text("Analyst")

    pair.get_by_role("link", name="Merge into the left one").click()
    expect(page.get_by_role("heading", level=1, name="Merge into Priya Shah?")).to_be_visible()
    expect(page.get_by_text("1 message", exact=True)).to_be_visible()
    notes = page.get_by_role("region", name="Notes after the merge")
    expect(notes).to_contain_text("Also known: role Analyst")
    page.get_by_role("button", name="Merge", exact=True).click()

    expect(page.get_by_role("status")).to_contain_text("Merged Priya Shah into Priya Shah.")
    expect(page.get_by_text("No likely duplicates.")).to_be_visible()
    page.get_by_role("link", name="Back to your contacts").click()
    contact = page.get_by_role("link", name="Priya Shah")
    expect(contact).to_have_count(1)
    contact.click()

    expect(page.get_by_role("heading", level=1, name=re.compile("Priya Shah"))).to_be_visible()
    expect(page.get_by_text("Senior analyst").first).to_be_visible()
    timeline = page.locator("ol.timeline")
    expect(timeline).to_contain_text("“Advice on green bonds”")
    expect(timeline).to_contain_text("“A fellow Leeds alum”")
    expect(page.get_by_role("region", name="Notes")).to_contain_text("Also known: role Analyst")
