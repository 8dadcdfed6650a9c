"""Asking a mutual contact for an introduction, in a real browser: from Today's next move, the
introduction template goes to Lena through the local SMTP server and is kept on Lena's timeline;
Sam, who received nothing, stays Identified with no follow-ups; Lena gets one reminder after
7 business days, and writing it closes it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from browser.helpers import (
    CoffeechatServer,
    add_contact,
    create_owner,
    go,
    go_today,
    use_mail_server,
    wait_for,
)

TUESDAY = "2026-12-01T09:00:00-05:00"
LENAS_SEVENTH_BUSINESS_DAY = "2026-12-10T10:00:00-05:00"  # Thursday after


@pytest.mark.server_time(TUESDAY)
def test_asking_lena_to_introduce_you_to_sam_is_kept_on_lena_and_leaves_sam_alone(
    page: Page, coffeechat_server: CoffeechatServer, smtp_server
):
    server = coffeechat_server
    mailbox, port = smtp_server
    owner = create_owner(page, server)
    with page.expect_response(lambda r: r.request.method == "POST" and r.url.endswith("/profile/")):
        page.get_by_label("Time zone").select_option("America/New_York")
    with page.expect_response(lambda r: r.request.method == "POST" and r.url.endswith("/profile/")):
        page.get_by_label("Full name").fill("Maya Chen")
    use_mail_server(page, port)
    page.goto(f"{server.url}/research/organizations/new/")
    page.get_by_label("Name").fill("Green Bank")
    page.get_by_role("button", name="Add organization").click()
    add_contact(
        page, server.url, "Lena", "Ortiz", email="lena@example.org", how_you_know_them="Friend"
    )
    add_contact(
        page, server.url, "Sam", "Lee", email="sam@example.org",
        organization="Green Bank", how_you_know_them="LinkedIn",
        introduced_by="Lena Ortiz",
    )  # fmt: skip

    # Today's next move for a weak tie: ask Lena, with the introduction template.
    go_today(page, server, owner)
    move = page.locator("#next-moves .today-item").filter(has_text="Write to Sam Lee at Green Bank")
    move.get_by_role("link", name="Ask Lena Ortiz to introduce you").click()
    expect(
        page.get_by_role("heading", name="Ask Lena Ortiz to introduce you to Sam Lee")
    ).to_be_visible()
    expect(page.get_by_label("Template").locator("option:checked")).to_have_text(
        "Asking a mutual contact for an introduction"
    )
    expect(page.locator("#id_body")).to_have_value(re.compile(r"^Hi Lena,\n\nI hope you're well."))
    page.get_by_role("button", name="Send", exact=True).click()
    expect(
        page.get_by_text(
            "Sent Lena Ortiz (lena@example.org) your request to introduce you to Sam Lee, "
            f"through 127.0.0.1:{port}."
        )
    ).to_be_visible()
    wait_for(lambda: mailbox.received)
    [received] = mailbox.received
    assert received["To"].addresses[0].addr_spec == "lena@example.org"
    assert received["Subject"] == "Would you introduce me to Sam Lee?"

    # Back on Sam's page: still Identified, nothing sent to him, nothing waiting on him.
    expect(page.get_by_role("heading", level=1, name=re.compile("Sam Lee"))).to_be_visible()
    expect(page.locator(".badge.stage")).to_have_text("Identified")
    expect(page.get_by_text("to introduce you (Tue 1 Dec 2026)")).to_be_visible()
    expect(page.get_by_text("Nothing yet. Messages, replies")).to_be_visible()

    # Lena's timeline has exactly what she got.
    page.locator(".introduction-asked").get_by_role("link", name="Lena Ortiz").click()
    timeline = page.locator("#timeline + .timeline")
    expect(timeline).to_contain_text(
        "Request for an introduction sent (Email): “Would you introduce me to Sam Lee?”"
    )
    timeline.get_by_text("Show message").first.click()
    expect(timeline.locator(".message-preview").first).to_contain_text("Hi Lena,")
    expect(
        page.get_by_text(re.compile(r"You asked Lena to introduce you to Sam Lee"))
    ).to_be_visible()

    # Green Bank is in play now: the next move gives way.
    go_today(page, server, owner)
    expect(page.locator("#next-moves")).to_have_count(0)

    # 7 business days on: one reminder to Lena, and no follow-up to Sam.
    server.restart(LENAS_SEVENTH_BUSINESS_DAY)
    go_today(page, server, owner)
    reminder = page.locator("[data-section='today'] .today-item").filter(has_text="Lena Ortiz")
    expect(reminder).to_contain_text("Follow up with Lena Ortiz")
    expect(reminder).to_contain_text("No word yet about introducing you to Sam Lee")
    expect(page.locator(".today-item")).to_have_count(1)  # nothing about Sam himself
    reminder.get_by_role("link", name="Open contact").click()
    page.get_by_role("link", name="Write the reminder").click()
    expect(
        page.get_by_role("heading", name="Ask Lena Ortiz to introduce you to Sam Lee")
    ).to_be_visible()
    page.locator("#id_body").fill(
        "Hi Lena,\n\nJust a gentle nudge about Sam Lee, in case my note got buried. "
        "No pressure at all if the timing isn't right.\n\nThank you,\nMaya Chen"
    )
    page.get_by_role("button", name="Mark as sent").last.click()
    expect(
        page.get_by_text("Marked your request to Lena Ortiz to introduce you to Sam Lee as sent.")
    ).to_be_visible()
    expect(page.locator(".badge.stage")).to_have_text("Identified")

    # The reminder is written: nothing more is asked of Lena, or of Sam.
    go(page, server, owner, "/")
    expect(page.locator(".today-item").filter(has_text="Lena Ortiz")).to_have_count(0)
    expect(page.locator(".today-item").filter(has_text="Sam Lee")).to_have_count(0)
