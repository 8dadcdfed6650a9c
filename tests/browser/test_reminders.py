"""The morning digest in a real browser: the profile warns until a mail server is set up, then
the running server's own scheduler sends the digest by itself, once, with links back in."""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import Page, expect

from browser.helpers import CoffeechatServer, go, use_mail_server, wait_for
from browser.test_cadence import send_request_to_priya, setup_us_user_with_two_contacts

TUESDAY = "2026-11-24T09:00:00-05:00"  # Priya's "no reply" falls due Monday 30 November
MONDAY = "2026-11-30T10:00:00-05:00"


@pytest.mark.server_time(TUESDAY)
def test_the_digest_arrives_once_from_the_servers_own_scheduler(
    page: Page, coffeechat_server: CoffeechatServer, smtp_server
):
    mailbox, port = smtp_server
    server = coffeechat_server
    owner = setup_us_user_with_two_contacts(page, server)
    go(page, server, owner, "/profile/")
    status = page.locator("#morning-digest")
    expect(status).to_contain_text(
        "No SMTP server is configured, so the morning digest cannot be sent."
    )
    # The server log says so too, from the scheduler's first look (at start, then each minute).
    server.restart("2026-11-24T09:05:00-05:00")
    wait_for(lambda: "Morning digest cannot be sent to maya: no SMTP server" in server.log)
    go(page, server, owner, "/profile/")

    # The mail server, through Email sending on the profile page.
    use_mail_server(page, port)
    expect(status).to_contain_text(
        "Your digest goes out at 07:00 (America/New_York) to maya@example.org."
    )
    # A new hour is saved as you type, and the status line follows.
    page.get_by_label("Digest hour").fill("8")
    page.get_by_label("Digest hour").press("Tab")
    expect(status).to_contain_text("Your digest goes out at 08:00 (America/New_York)")

    send_request_to_priya(page, server)
    # Next Monday, 10:00: the restarted server's scheduler sends the digest by itself.
    server.restart(MONDAY)
    wait_for(lambda: mailbox.received)
    [digest] = mailbox.received
    assert digest["Subject"] == "Coffeechat: 1 thing due today"
    assert digest["To"].addresses[0].addr_spec == "maya@example.org"
    body = digest.get_content().replace("\r\n", "\n")
    assert "- No reply from Priya Shah (Green Bank) (due today)" in body
    link = re.search(rf"Write to Sam Lee: ({re.escape(server.url)}/\S+)", body).group(1)
    # The server logs it once the mail server has closed the session: after the mail arrives.
    wait_for(lambda: 'Morning digest for maya: sent "Coffeechat: 1 thing due today"' in server.log)

    go(page, server, owner, "/profile/")
    expect(status).to_contain_text(re.compile(r"last sent today at 10:0\d\."))
    page.goto(link)
    expect(page.get_by_role("heading", name="Write a request to Sam Lee")).to_be_visible()

    # Another server process the same morning, and the button: still one mail.
    server.restart("2026-11-30T10:30:00-05:00")
    go(page, server, owner, "/profile/")
    page.get_by_role("link", name="Preview today's digest or send it now").click()
    expect(page.locator(".digest-subject")).to_have_text("Coffeechat: 1 thing due today")
    page.get_by_role("button", name="Send today's digest now").click()
    expect(
        page.get_by_text(re.compile(r"goes out once a day: already sent today at 10:0\d"))
    ).to_be_visible()
    time.sleep(1)  # room for a stray second send to arrive, were there one
    assert len(mailbox.received) == 1
