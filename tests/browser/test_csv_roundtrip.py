"""The contacts spreadsheet out of one account and into another, in a real browser through
`coffeechat serve`: values a spreadsheet would take for formulas come back exactly as typed."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Page, expect

from browser.helpers import OWNER_PASSWORD, CoffeechatServer, Owner, create_owner, log_in

PRIYA = {
    "First name": '=HYPERLINK("x")',
    "Last name": "'Quoted",
    "Email": "-dash@example.org",
    "Phone": "+44 20 7946 0000",
    "LinkedIn URL": "https://www.linkedin.com/in/priya-shah",
    "Role": "-dash",
    "Location": "@handle",
    "Education": "+BSc, '=1+1",
    "Notes": "=SUM(A1:A2) and a line\nthen @someone",
}  # fmt: skip
ORGANIZATION = "@Green Bank"


def create_user(server: CoffeechatServer, home: Path, username: str) -> Owner:
    """A second account, made as the admin would: `coffeechat createuser` on the same data."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COFFEECHAT_", "DJANGO_"))}
    env["COFFEECHAT_HOME"] = str(home)
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        # The server's own database, as it announced it ("... (data: NAME)").
        name = re.search(r"\(data: ([^)]+)\)", server.log).group(1)
        env["DATABASE_URL"] = urlsplit(url)._replace(path=f"/{name}").geturl()
    else:
        env.pop("DATABASE_URL", None)
    created = subprocess.run(
        [sys.executable, "-m", "coffeechat", "createuser", username],
        input=f"{OWNER_PASSWORD}\n", env=env, cwd=home.parent, capture_output=True, text=True,
        timeout=60,
    )  # fmt: skip
    assert created.returncode == 0, created.stdout + created.stderr
    return Owner(username, OWNER_PASSWORD)


def test_contacts_downloaded_from_your_data_import_unchanged_into_another_account(
    page: Page, coffeechat_server, tmp_path
):
    url = coffeechat_server.url
    create_owner(page, coffeechat_server, username="maya")

    # Maya's network: an introducer, and Priya with values a spreadsheet would evaluate.
    page.goto(f"{url}/research/organizations/new/")
    page.get_by_label("Name").fill(ORGANIZATION)
    page.get_by_role("button", name="Add organization").click()
    page.goto(f"{url}/contacts/new/")
    page.get_by_label("First name").fill("-Dana")
    page.get_by_label("Last name").fill("Lee")
    page.get_by_role("button", name="Add contact").click()
    expect(page.get_by_role("heading", level=1, name=re.compile("-Dana Lee"))).to_be_visible()
    page.goto(f"{url}/contacts/new/")
    for label, value in PRIYA.items():
        page.get_by_label(label).fill(value)
    page.get_by_label("Organization").select_option(label=ORGANIZATION)
    page.get_by_label("How you know them").select_option(label="Former colleague")
    page.get_by_label("Introduced by").select_option(label="-Dana Lee")
    page.get_by_role("button", name="Add contact").click()
    expect(page.get_by_role("heading", level=1, name=re.compile("HYPERLINK"))).to_be_visible()

    # Download the spreadsheet from "Your data".
    page.get_by_role("navigation", name="Account").get_by_role("link", name="Your data").click()
    with page.expect_download() as started:
        page.get_by_role("link", name="Contacts (CSV)").click()
    spreadsheet = tmp_path / started.value.suggested_filename
    started.value.save_as(spreadsheet)
    assert "'=HYPERLINK" in spreadsheet.read_text("utf-8-sig")  # a formula no more

    # Sam imports it into a new account.
    sam = create_user(coffeechat_server, tmp_path / "home", "sam")
    page.get_by_role("button", name="Log out").click()
    log_in(page, coffeechat_server, sam)
    page.goto(f"{url}/contacts/")
    page.get_by_role("link", name="Import contacts").click()
    upload = page.get_by_label("Exported file")
    upload.set_input_files(str(spreadsheet))
    page.get_by_role("button", name="Preview the import").click()
    expect(page.get_by_text("Choose “Coffeechat” as the kind of file")).to_be_visible()
    page.get_by_role("radio", name=re.compile("^Coffeechat contacts")).check()
    page.get_by_label("Exported file").set_input_files(str(spreadsheet))
    page.get_by_role("button", name="Preview the import").click()
    expect(page.get_by_role("list", name="What the import would do")).to_contain_text("2 to add")
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text(
        f"Imported from {spreadsheet.name}: added 2, updated 0, unchanged 0, skipped 0."
    )

    # Every value is as Maya typed it: no quote added, no formula lost.
    page.get_by_role("link", name=re.compile("HYPERLINK")).click()
    expect(page.get_by_role("definition").filter(has_text="-Dana Lee")).to_be_visible()
    expect(page.get_by_role("definition").filter(has_text=ORGANIZATION)).to_be_visible()
    page.get_by_role("link", name="Edit").click()
    for label, value in PRIYA.items():
        expect(page.get_by_label(label)).to_have_value(value)
    expect(page.get_by_label("Organization")).to_have_value(re.compile(r"\d+"))
    expect(page.get_by_label("Organization").locator("option:checked")).to_have_text(ORGANIZATION)
    expect(page.get_by_label("How you know them").locator("option:checked")).to_have_text(
        "Former colleague"
    )
    expect(page.get_by_label("Introduced by").locator("option:checked")).to_have_text("-Dana Lee")
