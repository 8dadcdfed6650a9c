"""Targets in a real browser: an import that creates no target, quick add creating an
organization, and making an organization a target putting it in Next moves."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from browser.helpers import create_owner

CONNECTIONS = (
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Ana,López,https://www.linkedin.com/in/ana-lopez,,Abbott,Analyst,18 Jun 2025\n"
    "Ben,Okafor,https://www.linkedin.com/in/ben-okafor,,Accenture,Engineer,18 Jun 2025\n"
    "Cleo,Park,https://www.linkedin.com/in/cleo-park,,Morningstar Inc.,Consultant,18 Jun 2025\n"
).encode()


def _add_target_by_hand(page: Page, url: str, name: str) -> None:
    page.goto(f"{url}/research/organizations/new/")
    page.get_by_label("Name").fill(name)
    page.get_by_role("button", name=re.compile("^(Save|Add)")).first.click()
    expect(page.get_by_role("heading", level=1, name=name)).to_be_visible()


def test_an_import_creates_known_employers_and_no_target(page: Page, coffeechat_server):
    url = coffeechat_server.url
    create_owner(page, coffeechat_server)
    _add_target_by_hand(page, url, "Morningstar")

    page.goto(f"{url}/network/import/")
    page.get_by_label("Exported file").set_input_files(
        {"name": "Connections.csv", "mimeType": "text/csv", "buffer": CONNECTIONS}
    )
    page.get_by_role("button", name="Preview the import").click()

    # The preview names what it would create and what it matched.
    organizations = page.get_by_role("region", name="Organizations")
    expect(organizations).to_contain_text("2 new organizations would be added as known employers")
    expect(page.get_by_role("checkbox", name="Abbott")).not_to_be_checked()
    expect(page.get_by_role("checkbox", name="Accenture")).not_to_be_checked()
    expect(organizations).to_contain_text("“Morningstar Inc.” is Morningstar")
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("Imported from Connections.csv: added 3")

    # Research: only the target; the imported employers wait under Known employers.
    page.get_by_role("link", name=re.compile("Research")).first.click()
    table = page.locator("table.organizations")
    expect(table).to_contain_text("Morningstar")
    expect(table).not_to_contain_text("Abbott")
    page.get_by_role("link", name="Known employers").click()
    expect(page.locator("table.organizations")).to_contain_text("Abbott")
    expect(page.locator("table.organizations")).to_contain_text("Accenture")
    expect(page).to_have_url(re.compile(r"show=known"))

    # Today's next moves come only from the target.
    page.goto(f"{url}/")
    next_moves = page.locator("#next-moves")
    expect(next_moves).to_contain_text("Morningstar")
    expect(next_moves).not_to_contain_text("Abbott")
    expect(next_moves).not_to_contain_text("Accenture")


def test_no_targets_today_says_how_to_pick_them_and_making_one_a_target_adds_a_next_move(
    page: Page, coffeechat_server
):
    url = coffeechat_server.url
    create_owner(page, coffeechat_server)

    # Quick add from Contacts, typing a new organization freely.
    page.goto(f"{url}/contacts/")
    quick = page.locator("form.quick-add")
    quick.get_by_label("Name").fill("Ana María López")
    quick.get_by_label("Organization").fill("Northwind Energy")
    quick.get_by_label("How you know them").select_option(label="Alumni")
    quick.get_by_role("button", name="Add").click()
    expect(page.get_by_role("heading", level=1, name="Ana María López")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text(
        "Added Ana María López at Northwind Energy to your network."
    )

    # A known employer: Today has no next move there and says how to pick targets.
    page.goto(f"{url}/")
    expect(page.locator("#no-targets")).to_contain_text("not picked any target organizations")
    page.locator("#no-targets").get_by_role("link", name="Research").click()
    row = page.locator("table.organizations tr", has_text="Northwind Energy")
    expect(row).to_contain_text("known employer")
    row.get_by_role("button", name=re.compile("^Make a target")).click()
    expect(page.get_by_role("status")).to_contain_text("Northwind Energy is now a target")

    page.goto(f"{url}/")
    expect(page.locator("#next-moves")).to_contain_text(
        "Write to Ana María López at Northwind Energy"
    )

    # Quick add again, with the name written differently: no second organization.
    page.goto(f"{url}/contacts/quick-add/?name=Ben%20Okafor")
    expect(page.get_by_label("Name")).to_have_value("Ben Okafor")
    page.get_by_label("Organization").fill("Northwind Energy, Inc.")
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("at Northwind Energy to your network")
    page.goto(f"{url}/research/?show=all")
    expect(page.locator("table.organizations tbody tr")).to_have_count(1)


def test_an_organization_entered_twice_is_merged_and_the_research_list_filters(
    page: Page, coffeechat_server
):
    url = coffeechat_server.url
    create_owner(page, coffeechat_server)
    _add_target_by_hand(page, url, "Deloitte")
    _add_target_by_hand(page, url, "Accenture")

    # Quick add on Accenture's page, typing a misspelt employer: a new known employer.
    quick = page.locator("form.quick-add")
    quick.get_by_label("Name").fill("Kim Lee")
    quick.get_by_label("Organization").fill("Deloite")
    quick.get_by_role("button", name="Add").click()
    expect(page.get_by_role("status")).to_contain_text("Added Kim Lee at Deloite")

    page.goto(f"{url}/research/")
    page.get_by_role("link", name="Find duplicates").click()
    pair = page.get_by_role("article", name="Deloitte and Deloite")
    pair.get_by_role("link", name=re.compile("^Merge into the left one")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Merge Deloite into Deloitte?")
    expect(page.get_by_role("region", name="What happens")).to_contain_text(
        "1 contact moves to Deloitte"
    )
    page.get_by_role("button", name="Merge").click()
    expect(page.get_by_role("status")).to_contain_text("Merged Deloite into Deloitte.")
    expect(page.get_by_text("No likely duplicate organizations.")).to_be_visible()

    page.goto(f"{url}/research/")
    page.get_by_role("link", name="Deloitte").click()
    expect(page.get_by_role("region", name="People here")).to_contain_text("Kim Lee")

    # Filters and sort live in the address.
    page.goto(f"{url}/research/?show=all")
    page.get_by_label("Someone you know").select_option(label="No")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"advocacy=no"))
    table = page.locator("table.organizations")
    expect(table).to_contain_text("Accenture")
    expect(table).to_contain_text("Deloitte")
    page.get_by_role("link", name="Organization", exact=True).click()
    expect(page).to_have_url(re.compile(r"advocacy=no.*sort=name"))
    expect(page.locator("table.organizations tbody tr").first).to_contain_text("Accenture")
