"""Thin views, seen in a real browser: a save refused for a cleared field names it as the form
labels it (the one autosave status line), the shared copy button copies and says so, and each
button of the email settings does its own one thing."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from browser.helpers import CoffeechatServer, create_owner, wait_for


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


def test_send_a_test_email_saves_the_settings_and_mails_the_user(
    page: Page, coffeechat_server: CoffeechatServer, smtp_server
):
    mailbox, port = smtp_server
    server = coffeechat_server
    create_owner(page, server)
    page.goto(f"{server.url}/profile/")
    sending = page.locator("#email-sending")
    sending.get_by_label("SMTP server").fill("127.0.0.1")
    sending.get_by_label("Port").fill(str(port))
    sending.get_by_label("Encryption").select_option("none")
    sending.get_by_label("From address").fill("maya@example.org")

    sending.get_by_role("button", name="Send a test email to myself").click()

    expect(page.get_by_text(f"through 127.0.0.1:{port}.")).to_be_visible()
    expect(page.get_by_text("Email sending settings saved.")).to_have_count(0)
    wait_for(lambda: mailbox.received)
    assert mailbox.received[0]["Subject"] == "Coffeechat test message"
    expect(page.locator("#email-sending").get_by_label("SMTP server")).to_have_value("127.0.0.1")
