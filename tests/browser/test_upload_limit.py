"""The upload limit in a real browser through `coffeechat serve`: the import page states it, a
file over it is refused in the page before anything is sent, and a small file still imports."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, Request, expect

from browser.helpers import create_owner

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "imports"
# The server runs with the default cap of 10 MB; this is also over waitress's own limit (the
# cap plus 1 MiB), so a request that got out would end in its bare 413 page, not the preview.
HUGE = 12 * 1024 * 1024


def test_a_file_over_the_limit_is_refused_before_it_is_sent_and_a_small_one_imports(
    page: Page, coffeechat_server, tmp_path: Path
):
    url = coffeechat_server.url
    create_owner(page, coffeechat_server)
    huge = tmp_path / "all-contacts.vcf"
    with huge.open("wb") as out:
        out.write(b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Big Photo\r\nPHOTO;ENCODING=b:")
        out.write(b"A" * HUGE)
        out.write(b"\r\nEND:VCARD\r\n")
    posts: list[Request] = []
    page.on("request", lambda request: posts.append(request) if request.method == "POST" else None)

    page.goto(f"{url}/network/import/")
    file_field = page.get_by_label("Exported file")
    expect(page.get_by_text("Up to 10 MB.")).to_be_visible()

    page.get_by_role("radio", name=re.compile("^vCard")).check()
    file_field.set_input_files(huge)
    refusal = page.get_by_role("alert")
    expect(refusal).to_have_text(
        "all-contacts.vcf is 12 MB; the largest file Coffeechat takes is 10 MB. Nothing was sent. "
        "Split it into smaller files, or export your contacts again without photos, then choose "
        "the new file."
    )
    expect(file_field).to_have_attribute("aria-invalid", "true")

    page.get_by_role("button", name="Preview the import").click()
    expect(refusal).to_be_visible()
    expect(file_field).to_be_focused()
    expect(page.get_by_role("heading", level=1, name=re.compile("Import contacts"))).to_be_visible()
    assert page.url == f"{url}/network/import/"
    assert posts == []

    page.get_by_role("radio", name=re.compile("^LinkedIn connections")).check()
    file_field.set_input_files(
        {
            "name": "Connections.csv",
            "mimeType": "text/csv",
            "buffer": (FIXTURES / "linkedin_connections.csv").read_bytes(),
        }
    )
    expect(refusal).to_have_count(0)
    expect(file_field).not_to_have_attribute("aria-invalid", "true")
    page.get_by_role("button", name="Preview the import").click()

    expect(
        page.get_by_role("heading", level=1, name="Check the import from Connections.csv")
    ).to_be_visible()
    expect(page.get_by_role("list", name="What the import would do")).to_contain_text("6 to add")
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("Imported from Connections.csv: added 6")
    expect(page.get_by_role("row").filter(has_text="Zoë Müller")).to_be_visible()
