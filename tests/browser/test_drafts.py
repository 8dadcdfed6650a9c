"""Nothing recorded by accident, nothing written lost, in a real browser: Enter in the compose
page only saves the draft, "Mark as sent" says what it records, and an edited draft survives
leaving the page (with a warning if it was not saved yet) and a server restart, reached again
from Today."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from browser.helpers import CoffeechatServer, Owner, add_contact, create_owner, go, go_today

WEDNESDAY = "2026-12-02T14:05:00+00:00"


def add_priya(page: Page, server: CoffeechatServer, email: str = "") -> None:
    """Priya Shah, a fellow alumna, with or without an email address on file."""
    add_contact(page, server.url, "Priya", "Shah", email=email)


def write_to_priya(page: Page, server: CoffeechatServer, owner: Owner) -> None:
    go(page, server, owner, "/contacts/")
    page.get_by_role("link", name="Priya Shah").click()
    page.get_by_role("link", name="Write a request").click()
    expect(page.get_by_role("heading", name="Write a request to Priya Shah")).to_be_visible()


def type_into(page: Page, selector: str, text: str) -> None:
    """Type as a person does, key by key (a real gesture, which the browser's leave warning
    needs), at the end of what is there."""
    field = page.locator(selector)
    field.click()
    field.press("End" if selector == "#id_subject" else "ControlOrMeta+End")
    field.press_sequentially(text)


@pytest.mark.server_time(WEDNESDAY)
def test_enter_in_the_subject_records_nothing(page: Page, coffeechat_server: CoffeechatServer):
    server = coffeechat_server
    owner = create_owner(page, server)
    add_priya(page, server)  # no email address on file
    write_to_priya(page, server, owner)

    page.locator("#id_subject").fill("Coffee next week?")
    page.locator("#id_subject").press("Enter")

    expect(page.locator("#draft-note")).to_contain_text(re.compile(r"Draft saved at 14:0\d"))
    expect(page.locator("#id_subject")).to_have_value("Coffee next week?")
    page.get_by_role("link", name="Cancel").click()
    expect(page.locator(".badge.stage")).to_have_text("Identified")
    expect(page.get_by_text("Nothing yet. Messages, replies")).to_be_visible()
    go(page, server, owner, "/outreach/")
    expect(page.get_by_text("No messages yet.")).to_be_visible()
    expect(
        page.get_by_text("Nobody: every request has an answer, or none is out yet.")
    ).to_be_visible()


@pytest.mark.server_time(WEDNESDAY)
def test_mark_as_sent_says_the_channel_and_the_day_it_records(
    page: Page, coffeechat_server: CoffeechatServer
):
    server = coffeechat_server
    owner = create_owner(page, server)
    add_priya(page, server)  # no email address on file
    write_to_priya(page, server, owner)
    mark = page.locator("fieldset.mark-sent").get_by_role("button")
    expect(mark).to_have_text("Mark as sent today, Wed 2 Dec")

    # Email is refused for someone with no address, with the way out.
    page.get_by_label("Sent by").select_option("email")
    expect(mark).to_have_text("Mark as sent by Email today, Wed 2 Dec")
    mark.click()
    expect(
        page.get_by_text("Priya Shah has no email address on file, so it cannot have gone by email")
    ).to_be_visible()

    page.get_by_label("Sent by").select_option("phone")
    expect(mark).to_have_text("Mark as sent by Phone today, Wed 2 Dec")
    page.get_by_label("Sent on").fill("2026-11-30")
    expect(mark).to_have_text("Mark as sent by Phone on Mon 30 Nov")
    mark.click()
    expect(
        page.get_by_text("Marked your request for a conversation to Priya Shah as sent.")
    ).to_be_visible()
    timeline = page.locator("#timeline + .timeline")
    expect(timeline).to_contain_text("Request for a conversation sent (Phone)")
    expect(timeline).to_contain_text("Mon 30 Nov")


@pytest.mark.server_time(WEDNESDAY)
def test_an_edited_draft_is_kept_through_today_and_a_restart(
    page: Page, coffeechat_server: CoffeechatServer
):
    server = coffeechat_server
    owner = create_owner(page, server)
    add_priya(page, server, email="priya@greenbank.example")
    write_to_priya(page, server, owner)
    type_into(page, "#id_body", "\n\nP.S. I loved your talk on green bonds.")
    expect(page.locator("#draft-note")).to_contain_text(re.compile(r"Draft saved at 14:0\d"))

    page.get_by_role("link", name="Today", exact=True).click()
    draft = page.locator(".today-item").filter(has_text="Draft to Priya Shah, not sent yet")
    expect(draft).to_be_visible()
    expect(page.locator("[data-section='today']")).to_contain_text("Draft to Priya Shah")
    draft.get_by_role("link", name="Finish the draft").click()
    body = page.locator("#id_body")
    expect(body).to_have_value(re.compile(r"P\.S\. I loved your talk on green bonds\.$"))
    expect(page.locator("#draft-note")).to_contain_text(
        re.compile(r"Draft saved at 14:0\d — Discard draft")
    )

    # A restart later that afternoon: the draft is still there, on Today and on the page.
    server.restart("2026-12-02T16:30:00+00:00")
    go_today(page, server, owner)
    draft.get_by_role("link", name="Finish the draft").click()
    expect(body).to_have_value(re.compile(r"P\.S\. I loved your talk on green bonds\.$"))

    # Discarded after a confirmation, it starts again from the template and leaves Today.
    page.get_by_role("link", name="Discard draft").click()
    page.get_by_role("button", name="Yes, delete draft").click()
    expect(page.get_by_role("heading", name="Write a request to Priya Shah")).to_be_visible()
    expect(body).not_to_have_value(re.compile("green bonds"))
    go_today(page, server, owner)
    expect(page.get_by_text("Draft to Priya Shah, not sent yet")).to_have_count(0)


@pytest.mark.server_time(WEDNESDAY)
def test_leaving_right_after_typing_warns_and_loses_nothing(
    page: Page, coffeechat_server: CoffeechatServer
):
    server = coffeechat_server
    owner = create_owner(page, server)
    add_priya(page, server, email="priya@greenbank.example")
    write_to_priya(page, server, owner)
    dialogs: list[str] = []

    def answer(dialog) -> None:
        dialogs.append(dialog.type)
        dialog.accept()  # leave anyway

    page.on("dialog", answer)
    type_into(page, "#id_subject", " (from Leeds)")
    page.get_by_role("link", name="Today", exact=True).click()  # before the autosave's pause

    expect(page.get_by_role("heading", level=1, name=re.compile("^Today"))).to_be_visible()
    assert dialogs == ["beforeunload"]
    write_to_priya(page, server, owner)
    expect(page.locator("#id_subject")).to_have_value(re.compile(r"\(from Leeds\)$"))

    # Recording it sends the draft away, from the page and from Today; no warning on the way.
    page.get_by_role("button", name="Mark as sent").click()
    expect(page.locator(".badge.stage")).to_have_text("Contacted")
    go_today(page, server, owner)
    expect(page.get_by_text("Draft to Priya Shah, not sent yet")).to_have_count(0)
    assert dialogs == ["beforeunload"]


@pytest.mark.server_time(WEDNESDAY)
def test_choosing_how_or_when_it_was_sent_saves_no_draft(
    page: Page, coffeechat_server: CoffeechatServer
):
    server = coffeechat_server
    owner = create_owner(page, server)
    add_priya(page, server)
    write_to_priya(page, server, owner)
    page.get_by_label("Sent by").select_option("phone")
    page.get_by_label("Sent on").fill("2026-11-30")
    page.wait_for_timeout(1500)  # longer than the autosave's pause
    go_today(page, server, owner)
    expect(page.get_by_text("Draft to Priya Shah")).to_have_count(0)
