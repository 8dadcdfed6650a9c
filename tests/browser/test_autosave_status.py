"""The one autosave status line and the one copy script, in a real browser: a save refused for
a cleared field names it as the form labels it, and a copy button copies and says so."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from browser.helpers import CoffeechatServer, create_owner


def add_priya(page: Page, server: CoffeechatServer) -> None:
    page.goto(f"{server.url}/contacts/new/")
    page.get_by_label("First name").fill("Priya")
    page.get_by_label("Last name").fill("Shah")
    page.get_by_role("button", name="Add contact").click()
    expect(page.get_by_role("heading", level=1, name="Priya Shah")).to_be_visible()


def test_clearing_a_required_field_says_which_by_its_label_and_keeps_the_old_value(
    page: Page, coffeechat_server: CoffeechatServer
):
    server = coffeechat_server
    create_owner(page, server)
    add_priya(page, server)
    page.get_by_role("link", name="Edit").click()

    page.get_by_label("First name").fill("")

    status = page.locator("#autosave-status")
    expect(status).to_have_text("Not saved: First name: Enter at least a first name.")
    expect(status).not_to_contain_text("first_name")
    expect(status).not_to_contain_text("First_name")
    page.reload()
    expect(page.get_by_label("First name")).to_have_value("Priya")

    page.get_by_label("First name").fill("Priyanka")
    expect(status).to_contain_text("Saved")
    expect(status).not_to_contain_text("Not saved")


def test_the_calendar_link_is_copied_by_the_shared_copy_button(
    page: Page, coffeechat_server: CoffeechatServer, console_messages: list[str]
):
    server = coffeechat_server
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url)
    create_owner(page, server)
    page.goto(f"{server.url}/calendar/")
    link = page.get_by_label("Your private calendar link")

    link.click()  # a click into the link selects all of it, ready to copy by hand
    assert (
        page.evaluate(
            "(() => { const el = document.activeElement;"
            " return el.value.substring(el.selectionStart, el.selectionEnd); })()"
        )
        == link.input_value()
    )

    page.get_by_role("button", name="Copy link").click()
    expect(page.get_by_role("status").filter(has_text="Copied")).to_have_text(
        "Copied. Paste it into your calendar app."
    )
    assert page.evaluate("navigator.clipboard.readText()") == link.input_value()
    assert not [m for m in console_messages if m.startswith("pageerror") or "Content Security" in m]
