"""Send later in a real browser: a request written on Friday evening goes out on Monday at 9:00
in the recipient's time zone, sent by the running server's own scheduler to a real SMTP server
and recorded as sent only then; another scheduled message is cancelled and its text comes back
as a draft."""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import Page, expect

from browser.helpers import (
    CoffeechatServer,
    flash,
    go,
    go_today,
    us_user_at_green_bank,
    use_mail_server,
    wait_for,
)

FRIDAY_EVENING = "2026-11-20T19:30:00-05:00"  # Maya is in New York
MONDAY_JUST_AFTER_9_IN_CHICAGO = "2026-11-23T10:00:20-05:00"


def to_green_bank(mailbox) -> list:
    """What was sent to people at Green Bank (not Maya's own morning digest)."""
    return [
        message
        for message in mailbox.received
        if message["To"].addresses[0].addr_spec.endswith("@greenbank.example")
    ]


def open_contact(page: Page, server: CoffeechatServer, name: str) -> None:
    page.goto(f"{server.url}/contacts/")
    page.get_by_role("link", name=name).click()
    expect(page.get_by_role("heading", level=1, name=re.compile(name))).to_be_visible()


@pytest.mark.server_time(FRIDAY_EVENING)
def test_a_request_scheduled_on_friday_evening_leaves_on_monday_morning_their_time(
    page: Page, coffeechat_server: CoffeechatServer, smtp_server
):
    mailbox, port = smtp_server
    server = coffeechat_server
    owner = us_user_at_green_bank(page, server, [("Priya", "Shah"), ("Sam", "Lee")])
    go(page, server, owner, "/profile/")
    use_mail_server(page, port)

    # Priya works in Chicago.
    open_contact(page, server, "Priya Shah")
    page.get_by_role("link", name="Edit").click()
    page.get_by_label("Location").fill("Chicago, IL")
    page.get_by_role("button", name=re.compile("^Save")).click()
    expect(page.get_by_role("heading", level=1, name=re.compile("Priya Shah"))).to_be_visible()

    # Friday evening: the compose page proposes Monday morning, Chicago time, and says why.
    page.get_by_role("link", name="Write a request").click()
    later = page.locator("#send-later")
    expect(later).to_contain_text(
        "It is Friday evening where you are, and replies are lowest to messages sent on "
        "Fridays and Saturdays, so this is set to go out Monday 9:00 their time. "
        "You can still send it now."
    )
    expect(later).to_contain_text("Monday 9:00 their time (10:00 yours)")
    expect(later).to_contain_text("Chicago time (America/Chicago), from Priya's location")
    expect(later.get_by_label(re.compile("The next business morning"))).to_be_checked()
    expect(page.get_by_role("button", name="Send", exact=True)).to_be_enabled()
    page_subject = page.get_by_label("Subject").input_value()
    later.get_by_role("button", name="Schedule").click()
    expect(
        flash(page, "Scheduled: your request for a conversation to Priya Shah goes out Monday")
    ).to_be_visible()
    # Not sent yet: still only identified, and the page says when it goes.
    expect(page.locator(".badge.stage")).to_have_text("Identified")
    expect(page.locator(".scheduled-messages")).to_contain_text(
        "Request to Priya Shah, Monday 9:00 their time (10:00 yours)"
    )
    expect(page.locator(".next-step")).to_have_text(
        "Your request goes out Monday 9:00 their time (10:00 yours); nothing to do until then."
    )

    # A request to Sam at a time of Maya's own choosing, then cancelled.
    open_contact(page, server, "Sam Lee")
    page.get_by_role("link", name="Write a request").click()
    page.get_by_label("Subject").fill("Hello from a fellow analyst")
    later = page.locator("#send-later")
    later.get_by_label("At", exact=True).check()
    later.locator("input[type=datetime-local]").fill("2026-11-23T11:00")
    later.get_by_role("button", name="Schedule").click()
    expect(flash(page, "Scheduled: your request for a conversation to Sam Lee")).to_be_visible()

    go_today(page, server, owner)
    scheduled = page.locator(".scheduled-messages")
    expect(scheduled).to_contain_text("Request to Priya Shah, Monday 9:00")
    expect(scheduled).to_contain_text("Request to Sam Lee, Monday 11:00")
    # Something is under way at Green Bank: Next moves does not say to write there again.
    expect(page.get_by_text("Write to Priya Shah at Green Bank")).to_have_count(0)
    scheduled.locator("li").filter(has_text="Sam Lee").get_by_role("link", name="Cancel").click()
    expect(page.get_by_role("heading", name="Cancel the request for a conversation to Sam Lee?"))
    page.get_by_role("button", name=re.compile("Yes, cancel it")).click()
    expect(flash(page, "Cancelled: nothing goes to Sam Lee.")).to_be_visible()
    expect(page.get_by_label("Subject")).to_have_value("Hello from a fellow analyst")
    go_today(page, server, owner)
    expect(page.locator(".scheduled-messages")).not_to_contain_text("Sam Lee")
    expect(page.locator(".today-item").filter(has_text="Draft to Sam Lee")).to_be_visible()

    # Monday, just after 9:00 in Chicago: the restarted server's scheduler sends it by itself.
    server.restart(MONDAY_JUST_AFTER_9_IN_CHICAGO)
    wait_for(lambda: to_green_bank(mailbox))
    [sent] = to_green_bank(mailbox)
    assert sent["To"].addresses[0].addr_spec == "priya@greenbank.example"
    assert sent["Subject"] == page_subject
    assert sent["From"].addresses[0].addr_spec == "maya@example.org"
    wait_for(lambda: "Scheduled message: maya: sent the scheduled request" in server.log)

    go(page, server, owner, "/contacts/")
    page.get_by_role("link", name="Priya Shah").click()
    expect(page.locator(".badge.stage")).to_have_text("Contacted")
    expect(page.locator(".scheduled-messages")).to_have_count(0)
    expect(page.locator(".timeline")).to_contain_text(re.compile(r"Mon 23 Nov 2026, 10:0\d"))
    time.sleep(1)  # room for a stray second send or Sam's cancelled one, were there one
    assert len(to_green_bank(mailbox)) == 1  # (Maya's own morning digest went out too)


@pytest.mark.server_time(FRIDAY_EVENING)
def test_on_a_phone_the_send_later_choice_reads_as_one_sentence_beside_its_radio(
    page: Page, coffeechat_server: CoffeechatServer, smtp_server
):
    _, port = smtp_server
    server = coffeechat_server
    owner = us_user_at_green_bank(page, server, [("Lena", "Fischer")])
    go(page, server, owner, "/profile/")
    use_mail_server(page, port)
    open_contact(page, server, "Lena Fischer")
    page.get_by_role("link", name="Edit").click()
    page.get_by_label("Location").fill("Oakland, CA")
    page.get_by_role("button", name=re.compile("^Save")).click()
    expect(page.get_by_role("heading", level=1, name=re.compile("Lena Fischer"))).to_be_visible()

    page.set_viewport_size({"width": 375, "height": 812})
    page.get_by_role("link", name="Write a request").click()
    morning = page.locator("#send-later .choices label").first
    expect(morning).to_contain_text("The next business morning in their time zone: Monday 9:00")
    morning.scroll_into_view_if_needed()
    page.screenshot(path="/tmp/fixlater-send-later-375.png", full_page=False)
    # The words flow as one paragraph to the right of the radio: its first line runs nearly
    # the width of the box, not a narrow column beside "Monday 9:00" and another beside "their
    # time (12:00 yours)"; at most three lines in all, and nothing wider than the phone.
    first_line, width, lines = morning.evaluate(
        """label => {
            const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
            let text = walker.nextNode();
            while (text && !text.textContent.trim()) text = walker.nextNode();
            const range = document.createRange();
            range.selectNodeContents(text);
            const box = label.getBoundingClientRect();
            return [range.getClientRects()[0].width, box.width,
                    box.height / parseFloat(getComputedStyle(label).lineHeight)];
        }"""
    )
    assert first_line > 0.7 * width, (first_line, width)
    assert lines <= 3.2, lines
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
