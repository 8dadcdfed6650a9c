"""The issue's whole walk in one browser session: upload LinkedIn connections, review the
preview, import, merge the duplicate it created, import the same file again (nothing is
added), and download the JSON export."""

from __future__ import annotations

import json
import re
from pathlib import Path

from playwright.sync_api import Page, expect

from browser.helpers import create_owner

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "imports"


def preview_connections_csv(page: Page) -> None:
    """On the import page: choose LinkedIn's file (with two bad rows) and preview it."""
    page.get_by_label("Exported file").set_input_files(
        {
            "name": "Connections.csv",
            "mimeType": "text/csv",
            "buffer": (FIXTURES / "linkedin_with_problems.csv").read_bytes(),
        }
    )
    page.get_by_role("button", name="Preview the import").click()


def test_import_merge_and_export_in_one_go(page: Page, coffeechat_server, tmp_path):
    url = coffeechat_server.url
    create_owner(page, coffeechat_server)

    # Priya is already in the network, typed in by hand with an old LinkedIn address.
    page.goto(f"{url}/research/organizations/new/")
    page.get_by_label("Name").fill("Green Bank")
    page.get_by_role("button", name="Add organization").click()
    page.get_by_role("link", name="Add a contact here").click()
    page.get_by_label("First name").fill("Priya")
    page.get_by_label("Last name").fill("Shah")
    page.get_by_label("LinkedIn URL").fill("https://www.linkedin.com/in/priya-s-old")
    page.get_by_label("Notes").fill("Met at the Leeds careers fair.")
    page.get_by_role("button", name="Add contact").click()
    expect(page.get_by_role("heading", level=1, name=re.compile("Priya Shah"))).to_be_visible()

    # Upload and review.
    page.goto(f"{url}/contacts/")
    page.get_by_role("link", name="Import contacts").click()
    preview_connections_csv(page)
    counts = page.get_by_role("list", name="What the import would do")
    expect(counts).to_contain_text("2 to add")
    expect(page.get_by_role("alert")).to_contain_text("Line 6: the e-mail 'bob@'")
    page.get_by_label("Import without the bad rows").check()
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("Imported from Connections.csv: added 2")
    expect(page.get_by_role("link", name="Priya Shah")).to_have_count(2)

    # The two Priyas are one person: merge, keeping the hand-written record.
    page.get_by_role("link", name="Find duplicates").click()
    pair = page.get_by_role("article").filter(has_text="Priya Shah")
    expect(pair).to_contain_text("Green Bank")
    pair.get_by_role("link", name="Merge into the left one").click()
    expect(page.get_by_role("heading", level=1, name="Merge into Priya Shah?")).to_be_visible()
    page.get_by_role("button", name="Merge", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("Merged Priya Shah into Priya Shah.")
    page.goto(f"{url}/contacts/")
    expect(page.get_by_role("link", name="Priya Shah")).to_have_count(1)

    # The same file again: the merged Priya is recognised by her new address, nothing is added.
    page.get_by_role("link", name="Import contacts").click()
    preview_connections_csv(page)
    counts = page.get_by_role("list", name="What the import would do")
    expect(counts).to_contain_text("0 to add")
    expect(counts).to_contain_text("2 unchanged")
    expect(page.get_by_role("row").filter(has_text="Priya Shah")).to_contain_text("Unchanged")
    page.get_by_label("Import without the bad rows").check()
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text(
        "Imported from Connections.csv: added 0, updated 0, unchanged 2"
    )
    expect(page.get_by_role("link", name="Priya Shah")).to_have_count(1)
    page.get_by_role("link", name="Find duplicates").click()
    expect(page.get_by_text("No likely duplicates.")).to_be_visible()

    # Everything comes back out in one JSON document.
    page.get_by_role("navigation", name="Account").get_by_role("link", name="Your data").click()
    with page.expect_download() as started:
        page.get_by_role("link", name="Download everything (JSON)").click()
    path = tmp_path / started.value.suggested_filename
    started.value.save_as(path)
    document = json.loads(path.read_text("utf-8-sig"))
    people = sorted(f"{c['first_name']} {c['last_name']}" for c in document["contacts"])
    assert people == ["Lena Fischer", "Priya Shah"]
    priya = next(c for c in document["contacts"] if c["first_name"] == "Priya")
    assert "Met at the Leeds careers fair." in priya["notes"]
    assert [(a["contact"], a["kind"], a["address"]) for a in document["other_addresses"]] == [
        (priya["id"], "linkedin", "https://www.linkedin.com/in/priya-shah-4b1a2c")
    ]
    organizations = {o["name"] for o in document["organizations"]}
    assert {"Green Bank", "Solar Co"} <= organizations
