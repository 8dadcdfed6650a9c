"""Taking your records away, in a real browser through `coffeechat serve`: the JSON export and
a spreadsheet downloaded from the "Your data" page."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from playwright.sync_api import Page, expect

from browser.helpers import add_contact, create_owner
from coffeechat.method.spreadsheet import unneutralise

DATED = r"\d{4}-\d\d-\d\d"


def download(page: Page, link_name: str, folder: Path) -> tuple[str, str]:
    """Click a link on the page; the suggested file name and the file's text."""
    with page.expect_download() as started:
        page.get_by_role("link", name=link_name).click()
    file = started.value
    path = folder / file.suggested_filename
    file.save_as(path)
    return file.suggested_filename, path.read_text("utf-8-sig")


def open_your_data(page: Page, url: str) -> None:
    page.goto(f"{url}/")
    page.get_by_role("navigation", name="Account").get_by_role("link", name="Your data").click()
    expect(page.get_by_role("heading", level=1, name="Your data")).to_be_visible()


def test_the_json_export_downloads_everything_you_entered(page, coffeechat_server, tmp_path):
    create_owner(page, coffeechat_server, username="maya")
    add_contact(page, coffeechat_server.url, "Zoë", "Ørsted")
    open_your_data(page, coffeechat_server.url)

    filename, text = download(page, "Download everything (JSON)", tmp_path)

    assert re.fullmatch(rf"coffeechat-export-{DATED}\.json", filename)
    document = json.loads(text)
    assert (document["format"], document["version"]) == ("coffeechat-export", 1)
    assert document["user"]["username"] == "maya"
    assert [(c["first_name"], c["last_name"]) for c in document["contacts"]] == [("Zoë", "Ørsted")]
    assert document["questions"]  # the question bank the account started with


def test_the_contacts_spreadsheet_keeps_a_formula_as_text(page, coffeechat_server, tmp_path):
    create_owner(page, coffeechat_server)
    add_contact(page, coffeechat_server.url, "=HYPERLINK(1)", "Shah")
    add_contact(page, coffeechat_server.url, "Priya", "'Quoted")
    open_your_data(page, coffeechat_server.url)

    filename, text = download(page, "Contacts (CSV)", tmp_path)

    assert re.fullmatch(rf"coffeechat-contacts-{DATED}\.csv", filename)
    header, *rows = list(csv.reader(io.StringIO(text, newline="")))
    assert header[:2] == ["First Name", "Last Name"]
    assert [row[:2] for row in rows] == [["'=HYPERLINK(1)", "Shah"], ["Priya", "''Quoted"]]
    assert [[unneutralise(cell) for cell in row[:2]] for row in rows] == [
        ["=HYPERLINK(1)", "Shah"],
        ["Priya", "'Quoted"],
    ]
