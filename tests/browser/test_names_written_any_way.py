"""Names found however they are written, in a real browser: an import that lands "& Co." on
the organization the user has, Contacts' filters ignoring accents and legal forms, ties
listed by name, and a rename onto an existing organization leading to merging the two."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from browser.helpers import create_owner

CONNECTIONS = (
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Zoë,Martin,https://www.linkedin.com/in/zoe-martin,,Ember Studio & Co.,Designer,18 Jun 2025\n"
    "José,Ortega,https://www.linkedin.com/in/jose-ortega,,Société Générale,Analyst,18 Jun 2025\n"
    "Cleo,Park,https://www.linkedin.com/in/cleo-park,,Morningstar Inc.,Consultant,18 Jun 2025\n"
    "Amy,Young,https://www.linkedin.com/in/amy-young,,Beacon Bank,Analyst,18 Jun 2025\n"
    "Amy,Baker,https://www.linkedin.com/in/amy-baker,,Beacon Bank,Analyst,18 Jun 2025\n"
).encode()


def _add_organization(page: Page, url: str, name: str) -> None:
    page.goto(f"{url}/research/organizations/new/")
    page.get_by_label("Name").fill(name)
    page.get_by_role("button", name=re.compile("^(Save|Add)")).first.click()
    expect(page.get_by_role("heading", level=1, name=name)).to_be_visible()


def _filter(page: Page, url: str, *, q: str = "", org: str = "") -> None:
    page.goto(f"{url}/contacts/")
    page.get_by_placeholder("Search name, email, role, organization").fill(q)
    page.get_by_placeholder("Organization", exact=True).fill(org)
    page.get_by_role("search", name="Filter contacts").get_by_role("button").first.click()


def test_names_are_found_however_they_are_written(page: Page, coffeechat_server):
    url = coffeechat_server.url
    create_owner(page, coffeechat_server)
    _add_organization(page, url, "Ember Studio")
    _add_organization(page, url, "Morningstar")

    page.goto(f"{url}/network/import/")
    page.get_by_label("Exported file").set_input_files(
        {"name": "Connections.csv", "mimeType": "text/csv", "buffer": CONNECTIONS}
    )
    page.get_by_role("button", name="Preview the import").click()
    organizations = page.get_by_role("region", name="Organizations")
    expect(organizations).to_contain_text("“Ember Studio & Co.” is Ember Studio")
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("added 5")

    table = page.locator("table.contact-list")
    _filter(page, url, q="zoe")
    expect(table).to_contain_text("Zoë Martin")
    expect(table).not_to_contain_text("José")
    _filter(page, url, q="jose")
    expect(table).to_contain_text("José Ortega")
    _filter(page, url, org="societe")
    expect(table).to_contain_text("José Ortega")
    expect(table).not_to_contain_text("Zoë")
    _filter(page, url, org="Morningstar Inc.")
    expect(table).to_contain_text("Cleo Park")
    expect(table).not_to_contain_text("José")

    # Sorted by how they are known (all the same here): by name, not in import order.
    page.goto(f"{url}/contacts/?sort=how")
    names = page.locator("table.contact-list tbody tr").all_inner_texts()
    assert [n.split()[0:2] for n in names][:2] == [["Amy", "Baker"], ["Amy", "Young"]]

    page.goto(f"{url}/research/?show=all")
    search = page.get_by_placeholder("Search name, industry, location")
    search.fill("societe")
    search.press("Enter")
    expect(page.locator("table.organizations")).to_contain_text("Société Générale")
    expect(page.locator("table.organizations")).not_to_contain_text("Ember")


def test_renaming_onto_an_organization_you_have_offers_merging(page: Page, coffeechat_server):
    url = coffeechat_server.url
    create_owner(page, coffeechat_server)
    _add_organization(page, url, "Ember Studio")
    _add_organization(page, url, "Ember Co-op")

    page.get_by_role("link", name=re.compile("^Edit")).first.click()
    page.get_by_label("Name").fill("Ember Studio & Co.")
    page.get_by_role("button", name="Save and close").click()
    page.get_by_role("link", name="merge Ember Co-op into it").click()
    page.get_by_role("button", name="Merge").click()
    expect(page.get_by_text("Merged Ember Co-op into Ember Studio.")).to_be_visible()
