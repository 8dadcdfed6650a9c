"""First run, in a real browser against `coffeechat serve`: the one-time setup link, logging out
and back in, and a Content-Security-Policy that the pages actually live within."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from browser.helpers import PASSWORD_LABEL, Owner, create_owner, log_in

CSP_COMPLAINT = re.compile(r"Content Security Policy|Refused to|violates the following", re.I)


def test_the_setup_link_creates_the_owner_account_and_opens_the_profile(page, coffeechat_server):
    static = []
    page.on("response", lambda r: static.append((r.url, r.status)) if "/static/" in r.url else None)
    response = page.goto(coffeechat_server.setup_url)
    assert response.status == 200
    expect(page.get_by_role("heading", name="Welcome to Coffeechat")).to_be_visible()

    create_owner(page, coffeechat_server, username="maya")

    assert page.url == f"{coffeechat_server.url}/profile/"
    expect(page.get_by_role("status").filter(has_text="Welcome!")).to_be_visible()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    # Styles and scripts come from WhiteNoise under their hashed names, from the first start on.
    assert any(url.endswith(".css") for url, _ in static)
    assert any(url.endswith(".js") for url, _ in static)
    assert [(url, status) for url, status in static if status != 200] == []


def test_the_setup_form_refuses_a_short_password_and_keeps_the_link_working(
    page, coffeechat_server
):
    page.goto(coffeechat_server.setup_url)
    page.get_by_label("Username").fill("maya")
    page.get_by_label(PASSWORD_LABEL).fill("short pass")
    page.get_by_label("Password (again)").fill("short pass")
    page.get_by_role("button", name="Create account").click()

    expect(page.get_by_text("at least 12 characters", exact=False).first).to_be_visible()
    expect(page.get_by_role("heading", name="Welcome to Coffeechat")).to_be_visible()
    create_owner(page, coffeechat_server)  # the link still works after a refused attempt


def test_the_setup_link_works_only_once(page, coffeechat_server):
    create_owner(page, coffeechat_server)

    response = page.goto(coffeechat_server.setup_url)

    assert response.status == 404
    expect(page.get_by_role("heading", name="This setup link is not valid")).to_be_visible()
    expect(page.get_by_role("button", name="Create account")).to_have_count(0)


def test_the_used_setup_link_is_refused_to_a_stranger_too(browser, page, coffeechat_server):
    create_owner(page, coffeechat_server)
    stranger = browser.new_context()
    try:
        other = stranger.new_page()
        response = other.goto(coffeechat_server.setup_url)
        assert response.status == 404
        expect(other.get_by_role("heading", name="This setup link is not valid")).to_be_visible()
    finally:
        stranger.close()


def test_the_owner_can_log_out_and_log_back_in(page, coffeechat_server):
    owner = create_owner(page, coffeechat_server)

    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("heading", name="Log in to Coffeechat")).to_be_visible()
    page.goto(f"{coffeechat_server.url}/profile/")
    expect(page.get_by_role("heading", name="Log in to Coffeechat")).to_be_visible()

    log_in(page, coffeechat_server, Owner(owner.username, "not the right passphrase"))
    expect(page.get_by_text("username or e-mail address and password do not match")).to_be_visible()
    expect(page.get_by_role("button", name="Log out")).to_have_count(0)

    log_in(page, coffeechat_server, owner)
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    expect(page.get_by_role("heading", name="Log in to Coffeechat")).to_have_count(0)
    page.goto(f"{coffeechat_server.url}/profile/")
    expect(page.get_by_role("heading", name="Your profile")).to_be_visible()


def test_pages_send_a_strict_content_security_policy_and_stay_within_it(
    page, coffeechat_server, console_messages
):
    response = page.goto(f"{coffeechat_server.url}/login/")
    policy = response.headers.get("content-security-policy", "")
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy

    create_owner(page, coffeechat_server)
    # The profile autosaves through HTMX: scripts and the CSRF header work under the policy.
    page.get_by_label("Full name").fill("Maya Okafor")
    expect(page.locator("#autosave-status")).to_contain_text("Saved")
    page.reload()
    expect(page.get_by_label("Full name")).to_have_value("Maya Okafor")
    for path in ("/", "/help/"):
        response = page.goto(f"{coffeechat_server.url}{path}")
        assert response.status == 200, path
        assert "unsafe-inline" not in response.headers.get("content-security-policy", "")

    complaints = [message for message in console_messages if CSP_COMPLAINT.search(message)]
    assert complaints == []
