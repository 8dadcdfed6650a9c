"""Importing LinkedIn connections in a real browser through `coffeechat serve`: upload, read
the preview (counts and a bad row), be refused, leave the bad rows out, find the people."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect

from browser.helpers import create_owner

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "imports"
CSP_COMPLAINT = re.compile(r"Content Security Policy|Refused to|violates the following", re.I)


def test_a_job_seeker_imports_their_linkedin_connections(
    page: Page, coffeechat_server, console_messages
):
    url = coffeechat_server.url
    create_owner(page, coffeechat_server)

    page.goto(f"{url}/contacts/")
    page.get_by_role("link", name="Import contacts").click()
    expect(page.get_by_role("heading", level=1, name=re.compile("Import contacts"))).to_be_visible()
    expect(page.get_by_role("radio", name=re.compile("^LinkedIn connections"))).to_be_checked()
    page.get_by_label("Exported file").set_input_files(
        {
            "name": "Connections.csv",
            "mimeType": "text/csv",
            "buffer": (FIXTURES / "linkedin_with_problems.csv").read_bytes(),
        }
    )
    page.get_by_role("button", name="Preview the import").click()

    # The preview: what would happen, and the bad rows by line.
    expect(
        page.get_by_role("heading", level=1, name="Check the import from Connections.csv")
    ).to_be_visible()
    counts = page.get_by_role("list", name="What the import would do")
    expect(counts).to_contain_text("2 to add")
    expect(counts).to_contain_text("1 skipped")
    expect(counts).to_contain_text("2 with problems")
    problems = page.get_by_role("alert")
    expect(problems).to_contain_text("2 rows have problems")
    expect(problems).to_contain_text("Line 6: the e-mail 'bob@' is not a valid address")
    rows = page.locator("table.import-rows tbody tr")
    expect(rows.filter(has_text="Priya Shah")).to_contain_text("Add")
    expect(rows.filter(has_text="no name")).to_contain_text("Skip")

    # All or nothing: the bad rows must be left out knowingly.
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("Nothing was imported: 2 rows")
    page.get_by_label("Import without the bad rows").check()
    page.get_by_role("button", name="Import", exact=True).click()

    expect(page.get_by_role("heading", level=1, name=re.compile("your contacts"))).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text(
        "Imported from Connections.csv: added 2, updated 0, unchanged 0, skipped 3."
    )
    priya = page.get_by_role("row").filter(has_text="Priya Shah")
    expect(priya).to_contain_text("Senior Analyst")
    expect(priya).to_contain_text("Green Bank")
    expect(priya).to_contain_text("LinkedIn")
    expect(page.get_by_role("row").filter(has_text="Lena Fischer")).to_contain_text("Solar Co")
    expect(page.get_by_role("row").filter(has_text="Bob Stone")).to_have_count(0)
    assert not [message for message in console_messages if CSP_COMPLAINT.search(message)]


def test_a_download_cut_short_is_refused_and_its_complete_rows_imported_on_request(
    page: Page, coffeechat_server
):
    url = coffeechat_server.url
    create_owner(page, coffeechat_server)
    whole = (FIXTURES / "linkedin_connections.csv").read_bytes()
    cut = {
        "name": "Connections.csv",
        "mimeType": "text/csv",
        "buffer": whole + b'Bob,"LastX unterminated quote,https://x\n',
    }
    page.goto(f"{url}/network/import/")
    page.get_by_label("Exported file").set_input_files(cut)
    page.get_by_role("button", name="Preview the import").click()
    expect(
        page.get_by_text(re.compile(r"ends in the middle of the row that starts on line \d+"))
    ).to_be_visible()
    expect(page.get_by_text("the file looks cut short", exact=False)).to_be_visible()

    # The complete rows are one click away, without choosing the file again.
    page.get_by_role("link", name="Preview the complete rows only").click()
    expect(
        page.get_by_role("heading", level=1, name=re.compile("Check the import"))
    ).to_be_visible()
    page.get_by_text(re.compile(r"rows? will be skipped")).click()
    skipped = page.locator(".import-skipped")
    expect(skipped).to_contain_text("the file ends in the middle of this row: left out")
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("added 6")
    expect(page.get_by_text("unterminated")).to_have_count(0)
