"""Passwords in a real browser: a forgotten one reset through the link a real SMTP server
receives (the old session on another device ends), then changed from the profile."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from browser.helpers import PASSWORD_LABEL, CoffeechatServer, Mailbox, wait_for

OLD = "maya's first long passphrase"
RESET = "a passphrase chosen after forgetting"
CHANGED = "and one more, changed on purpose"
NEW_PASSWORD = re.compile(r"^New password(?! confirmation)")


def log_in(page: Page, server: CoffeechatServer, password: str, who: str = "maya") -> None:
    page.goto(f"{server.url}/login/")
    page.get_by_label("Username or e-mail").fill(who)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()


@pytest.mark.server_mail
def test_a_forgotten_password_is_reset_by_e_mail_then_changed_from_the_profile(
    page: Page,
    browser: Browser,
    coffeechat_server: CoffeechatServer,
    smtp_server: tuple[Mailbox, int],
):
    server, (mailbox, _port) = coffeechat_server, smtp_server
    page.goto(server.setup_url)
    page.get_by_label("Username").fill("maya")
    page.get_by_label("Email").fill("maya@example.org")
    page.get_by_label(PASSWORD_LABEL).fill(OLD)
    page.get_by_label("Password (again)").fill(OLD)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", name="Your profile")).to_be_visible()
    # Logged in on a second device too; that session ends with the reset.
    laptop = browser.new_context().new_page()
    log_in(laptop, server, OLD)
    expect(laptop.get_by_role("heading", level=1, name=re.compile("^Today"))).to_be_visible()

    forgetful = browser.new_context().new_page()
    forgetful.goto(f"{server.url}/login/")
    forgetful.get_by_role("link", name="Forgot your password?").click()
    forgetful.get_by_label("Email").fill("maya@example.org")
    forgetful.get_by_role("button", name="Send the link").click()
    expect(forgetful.get_by_role("heading", name="Check your e-mail")).to_be_visible()
    wait_for(lambda: mailbox.received)
    (mail,) = mailbox.received
    assert mail["To"] == "maya@example.org"
    link = re.search(r"http://\S+/password/reset/\S+/", mail.get_content())
    assert link, mail.get_content()

    forgetful.goto(link.group(0))
    forgetful.get_by_label(NEW_PASSWORD).fill(RESET)
    forgetful.get_by_label("New password confirmation").fill(RESET)
    forgetful.get_by_role("button", name="Set the new password").click()
    expect(forgetful.get_by_role("status")).to_contain_text("Password changed.")
    log_in(forgetful, server, RESET)
    expect(forgetful.get_by_role("heading", level=1, name=re.compile("^Today"))).to_be_visible()
    laptop.reload()
    expect(laptop.get_by_role("heading", name=re.compile("Log in"))).to_be_visible()

    # The link works once.
    forgetful.goto(link.group(0))
    expect(forgetful.get_by_role("heading", name="This link no longer works")).to_be_visible()

    # Changed on purpose from the profile, asking the current password.
    forgetful.goto(f"{server.url}/profile/")
    forgetful.get_by_role("link", name="Change your password").click()
    forgetful.get_by_label("Old password").fill(RESET)
    forgetful.get_by_label(NEW_PASSWORD).fill(CHANGED)
    forgetful.get_by_label("New password confirmation").fill(CHANGED)
    forgetful.get_by_role("button", name="Change password").click()
    expect(forgetful.locator(".flash")).to_contain_text("You stay logged in here")
    log_in(page, server, CHANGED)
    expect(page.get_by_role("heading", level=1, name=re.compile("^Today"))).to_be_visible()


@pytest.mark.server_mail
def test_locked_out_after_wrong_passwords_then_unlocked_by_e_mail(
    page: Page, coffeechat_server: CoffeechatServer, smtp_server: tuple[Mailbox, int]
):
    server, (mailbox, _port) = coffeechat_server, smtp_server
    page.goto(server.setup_url)
    page.get_by_label("Username").fill("maya")
    page.get_by_label("Email").fill("maya@example.org")
    page.get_by_label(PASSWORD_LABEL).fill(OLD)
    page.get_by_label("Password (again)").fill(OLD)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", name="Your profile")).to_be_visible()
    page.context.clear_cookies()

    for _ in range(5):
        log_in(page, server, "a wrong guess, again")
    expect(page.get_by_role("heading", name="Too many failed logins")).to_be_visible()
    page.get_by_label("Your username or e-mail address").fill("maya")
    page.get_by_role("button", name="E-mail me an unlock link").click()
    expect(page.get_by_role("status")).to_contain_text("a link to unlock it is on its way")
    wait_for(lambda: mailbox.received)
    link = re.search(r"http://\S+/login/unlock/\S+/", mailbox.received[0].get_content())
    assert link

    page.goto(link.group(0))
    page.get_by_role("button", name="Unlock my account").click()
    expect(page.locator(".flash")).to_contain_text("Unlocked maya: log in.")
    log_in(page, server, OLD, who="maya@example.org")  # the address works as well as the name
    expect(page.get_by_role("heading", level=1, name=re.compile("^Today"))).to_be_visible()
