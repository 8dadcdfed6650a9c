"""Today never goes quiet about a target and never claims what the user did not do, walked in a
real browser: a decline that names a colleague makes them the next move, an agreement is
scheduled from a link and Today reminds until it is, and what Coffeechat closed by itself says
why instead of passing for done."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from browser.helpers import (
    CoffeechatServer,
    go,
    go_today,
    mark_request_sent,
    open_contact,
    us_user_at_green_bank,
)

TUESDAY = "2026-12-01T09:00:00-05:00"
THURSDAY = "2026-12-03T10:00:00-05:00"


@pytest.mark.server_time(TUESDAY)
def test_a_decline_that_suggests_a_colleague_makes_them_the_next_move(
    page: Page, coffeechat_server: CoffeechatServer
):
    server = coffeechat_server
    owner = us_user_at_green_bank(page, server, [("Priya", "Shah")])
    open_contact(page, server.url, "Priya Shah")
    mark_request_sent(page, "Priya Shah")
    go_today(page, server, owner)
    expect(page.locator("#next-moves")).to_have_count(0)  # Priya is waiting: one at a time

    server.restart(THURSDAY)
    open_contact(page, server.url, "Priya Shah")
    page.get_by_role("link", name="Log a reply").click()
    page.get_by_label("Outcome").select_option("declined")
    page.get_by_label("They suggested someone else: first name").fill("Lena")
    page.get_by_label("Last name").fill("Ortiz")
    page.get_by_role("button", name="Log reply").click()
    expect(
        page.get_by_text("Lena Ortiz is now in your contacts: your next move at Green Bank.")
    ).to_be_visible()

    go_today(page, server, owner)
    move = page.locator("#next-moves .today-item").filter(
        has_text="Write to Lena Ortiz at Green Bank"
    )
    expect(move).to_contain_text("Priya Shah suggested them: say so first")
    move.get_by_role("link", name="Write a request").click()
    expect(page.get_by_role("heading", name="Write a request to Lena Ortiz")).to_be_visible()

    # Priya's routine was closed by her answer, not done by the user, and says so.
    go(page, server, owner, "/followups/")
    closed = page.locator(".endings li").filter(has_text="Priya Shah")
    expect(closed.first).to_contain_text("Closed: Priya declined")
    expect(page.locator(".endings").get_by_text("Done", exact=False)).to_have_count(0)
    expect(closed.get_by_role("button", name="Reopen")).to_have_count(0)

    # Finished with Green Bank: no more next moves for it.
    page.goto(f"{server.url}/research/")
    page.get_by_role("link", name="Green Bank").click()
    page.get_by_role("button", name="Mark finished").click()
    expect(page.locator("#finished-note")).to_be_visible()
    go_today(page, server, owner)
    expect(page.locator("#next-moves")).to_have_count(0)


@pytest.mark.server_time(TUESDAY)
def test_an_agreement_is_scheduled_from_a_link_and_today_reminds_until_it_is(
    page: Page, coffeechat_server: CoffeechatServer
):
    server = coffeechat_server
    owner = us_user_at_green_bank(page, server, [("Grace", "Hopper")])
    open_contact(page, server.url, "Grace Hopper")
    mark_request_sent(page, "Grace Hopper")
    server.restart(THURSDAY)
    go_today(page, server, owner)
    page.get_by_role("link", name="They replied").first.click()
    page.get_by_role("dialog").get_by_role("button", name="Agreed to talk").click()
    page.get_by_role("link", name="Schedule it now").click()
    expect(
        page.get_by_role("heading", name="Schedule a conversation with Grace Hopper")
    ).to_be_visible()

    # Not scheduled yet: Today keeps asking, with the same link.
    go_today(page, server, owner)
    schedule = page.locator(".today-item").filter(
        has_text="Schedule with Grace Hopper (Green Bank)"
    )
    expect(schedule).to_have_count(1)
    expect(page.get_by_text("No reply from Grace Hopper")).to_have_count(0)
    schedule.get_by_role("link", name="Schedule it").click()
    page.get_by_label("Date").fill("2026-12-08")
    page.get_by_label("Start time").fill("10:00")
    page.get_by_label("Video link").fill("https://meet.example/grace")
    page.get_by_role("button", name="Schedule conversation").click()
    expect(page.get_by_text("Scheduled with Grace Hopper.")).to_be_visible()

    go_today(page, server, owner)
    expect(page.locator(".today-item").filter(has_text="Schedule with Grace")).to_have_count(0)
    expect(
        page.locator(".today-item").filter(has_text="Conversation with Grace Hopper")
    ).to_have_count(1)


SEVENTH_BUSINESS_DAY = "2026-12-10T10:00:00-05:00"  # Thursday after
TENTH_BUSINESS_DAY = "2026-12-15T10:00:00-05:00"  # Tuesday after that


@pytest.mark.server_time(TUESDAY)
def test_today_never_asks_for_the_follow_up_and_says_it_is_too_late_at_once(
    page: Page, coffeechat_server: CoffeechatServer
):
    server = coffeechat_server
    owner = us_user_at_green_bank(page, server, [("Chloe", "Martin")])
    open_contact(page, server.url, "Chloe Martin")
    mark_request_sent(page, "Chloe Martin")

    server.restart(SEVENTH_BUSINESS_DAY)
    go_today(page, server, owner)
    nudge = page.locator(".today-item").filter(has_text="Send Chloe Martin (Green Bank) one polite")
    expect(nudge).to_have_count(1)
    expect(page.get_by_text("too late", exact=False)).to_have_count(0)

    server.restart(TENTH_BUSINESS_DAY)
    go_today(page, server, owner)
    move_on = page.locator(".today-item").filter(has_text="Move on from Chloe Martin")
    expect(move_on).to_contain_text("too late now for the follow-up you did not send")
    expect(page.get_by_text("one polite follow-up", exact=False)).to_have_count(0)
