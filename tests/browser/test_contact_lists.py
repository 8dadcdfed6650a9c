"""A few hundred contacts in a real browser: page through them, sort, filter, and act on a
selection, with the URL keeping what the person chose."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from .helpers import create_owner, flash, mark_request_sent, open_contact

FIRST_NAMES = ["Ada", "Ben", "Cleo", "Dev", "Eli", "Fay", "Gus", "Hana", "Ivo", "Jun"]
ORGANIZATIONS = [f"Org {letter}" for letter in "ABCDEFGHIJKL"]  # Org A ... Org L
PEOPLE = 300


def connections_csv() -> bytes:
    """A LinkedIn export of PEOPLE connections across twelve organizations."""
    lines = ["First Name,Last Name,URL,Email Address,Company,Position,Connected On"]
    for index in range(PEOPLE):
        first = FIRST_NAMES[index % len(FIRST_NAMES)]
        organization = ORGANIZATIONS[index % len(ORGANIZATIONS)]
        lines.append(f"{first},Lee{index:03d},,,{organization},Analyst,18 Jun 2025")
    return ("\n".join(lines) + "\n").encode()


def import_connections(page: Page, url: str) -> None:
    page.goto(f"{url}/contacts/")
    page.get_by_role("link", name="Import contacts").click()
    page.get_by_label("Exported file").set_input_files(
        {"name": "Connections.csv", "mimeType": "text/csv", "buffer": connections_csv()}
    )
    page.get_by_role("button", name="Preview the import").click()
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.get_by_role("heading", level=1, name=re.compile("your contacts"))).to_be_visible()


def rows(page: Page):
    return page.locator("table.contact-list tbody tr")


def pager(page: Page):
    return page.get_by_role("navigation", name="Pages of people")


def test_paging_sorting_filtering_and_acting_on_a_selection_of_contacts(
    page: Page, coffeechat_server
):
    url = coffeechat_server.url
    create_owner(page, coffeechat_server)
    import_connections(page, url)
    open_contact(page, url, "Ada Lee000")
    mark_request_sent(page, "Ada Lee000")

    # Page to page 2 and back: 50 at a time, the count in the pager.
    page.goto(f"{url}/contacts/")
    expect(rows(page)).to_have_count(50)
    expect(pager(page)).to_contain_text("1\u201350 of 300 people")
    pager(page).get_by_role("link", name="Next").click()
    expect(page).to_have_url(re.compile(r"[?&]page=2\b"))
    expect(pager(page)).to_contain_text("51\u2013100 of 300 people")
    expect(rows(page)).to_have_count(50)

    # Sort by organization, then the other way, then back to names: page 1 each time.
    page.get_by_role("link", name="Organization").click()
    expect(page).to_have_url(re.compile(r"\?sort=organization$"))
    expect(rows(page).first).to_contain_text("Org A")
    page.get_by_role("link", name="Organization").click()
    expect(page).to_have_url(re.compile(r"\?sort=-organization$"))
    expect(rows(page).first).to_contain_text("Org L")
    expect(page.get_by_role("columnheader", name="Organization")).to_have_attribute(
        "aria-sort", "descending"
    )
    page.get_by_role("link", name="Name", exact=True).click()
    expect(rows(page).first).to_contain_text("Ada Lee000")

    # Filter by stage; the URL keeps the filter and the sort, and the form shows them.
    page.get_by_role("link", name="Organization").click()
    page.get_by_label("Stage").select_option(label="Contacted")
    page.get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"stage=contacted"))
    expect(page).to_have_url(re.compile(r"sort=organization"))
    expect(rows(page)).to_have_count(1)
    expect(rows(page).first).to_contain_text("Ada Lee000")
    page.reload()
    expect(page.get_by_label("Stage")).to_have_value("contacted")
    expect(rows(page)).to_have_count(1)
    page.get_by_role("link", name="Show everyone").click()
    expect(rows(page)).to_have_count(50)

    # "Select all on this page" ticks the page's fifty, and untick clears them.
    select_all = page.get_by_label("Select all on this page")
    select_all.check()
    expect(page.locator("input[name=contact]:checked")).to_have_count(50)
    select_all.uncheck()
    expect(page.locator("input[name=contact]:checked")).to_have_count(0)

    # Keep in touch monthly with three selected people (page 1 by name: 30 Adas, then Bens).
    for name in ("Ada Lee010", "Ada Lee020", "Ben Lee001"):
        page.get_by_label(f"Select {name}").check()
    page.get_by_label("Set keep in touch to").select_option(label="Monthly")
    page.get_by_role("button", name="Set keep in touch").click()
    expect(flash(page, "Keep in touch: Monthly, for 3 people.")).to_be_visible()
    open_contact(page, url, "Ada Lee020")
    expect(page.get_by_label("How often, after the first update")).to_have_value("monthly")
    open_contact(page, url, "Ada Lee030")
    expect(page.get_by_label("How often, after the first update")).to_have_value("quarterly")

    # Delete two, after a confirmation that says how many and names them.
    page.goto(f"{url}/contacts/")
    page.get_by_label("Select Ben Lee011").check()
    page.get_by_label("Select Ben Lee021").check()
    page.get_by_role("button", name="Delete selected…").click()
    expect(page.get_by_role("heading", level=1, name="Delete 2 people?")).to_be_visible()
    expect(page.get_by_text("You selected 2 people: Ben Lee011, Ben Lee021.")).to_be_visible()
    page.get_by_role("button", name="Delete 2 people").click()
    expect(flash(page, "Deleted 2 people.")).to_be_visible()
    expect(pager(page)).to_contain_text("1\u201350 of 298 people")
    expect(page.get_by_role("link", name="Ben Lee011")).to_have_count(0)
    expect(page.get_by_role("link", name="Ben Lee021")).to_have_count(0)
