"""One person at a time per organization, in a real browser: after 3 business days without a
reply Today suggests the next contact there; once the user has written to them, Today asks for
no third person while they wait, and the first contact's own polite follow-up still comes."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from browser.helpers import CoffeechatServer, Owner, go_today, us_user_at_green_bank

TUESDAY = "2026-12-01T09:00:00-05:00"
PRIYAS_THIRD_BUSINESS_DAY = "2026-12-04T10:00:00-05:00"  # Friday
SAMS_THIRD_BUSINESS_DAY = "2026-12-09T10:00:00-05:00"  # Wednesday after
PRIYAS_SEVENTH_BUSINESS_DAY = "2026-12-10T10:00:00-05:00"  # Thursday after


def item(page: Page, section: str, text: str):
    return page.locator(f"[data-section='{section}'] .today-item").filter(has_text=text)


def three_people_at_green_bank(page: Page, server: CoffeechatServer) -> Owner:
    return us_user_at_green_bank(page, server, [("Priya", "Shah"), ("Sam", "Lee"), ("Kim", "Ito")])


@pytest.mark.server_time(TUESDAY)
def test_today_approaches_one_person_at_a_time_at_an_organization(
    page: Page, coffeechat_server: CoffeechatServer
):
    server = coffeechat_server
    owner = three_people_at_green_bank(page, server)
    page.goto(f"{server.url}/contacts/")
    page.get_by_role("link", name="Priya Shah").click()
    page.get_by_role("link", name="Write a request").click()
    page.get_by_role("button", name="Mark as sent").click()
    expect(page.locator(".badge.stage")).to_have_text("Contacted")

    # 3 business days without a reply: Today suggests the next person there, Sam.
    server.restart(PRIYAS_THIRD_BUSINESS_DAY)
    go_today(page, server, owner)
    priya = item(page, "today", "No reply from Priya Shah (Green Bank)")
    expect(priya).to_contain_text("write to Sam Lee, the next contact at Green Bank.")
    priya.get_by_role("link", name="Write to Sam Lee").click()
    expect(page.get_by_role("heading", name="Write a request to Sam Lee")).to_be_visible()
    page.get_by_role("button", name="Mark as sent").click()
    expect(page.locator(".badge.stage")).to_have_text("Contacted")

    # Written to Sam: Priya's "try the next contact" is done, and says so on her timeline.
    go_today(page, server, owner)
    expect(page.locator(".today-item").filter(has_text="No reply from Priya Shah")).to_have_count(0)
    expect(page.get_by_text("Kim Ito")).to_have_count(0)
    page.goto(f"{server.url}/contacts/")
    page.get_by_role("link", name="Priya Shah").click()
    expect(page.get_by_text(re.compile("Done: you wrote to Sam Lee on Fri 4 Dec"))).to_be_visible()

    # Sam's 3 business days: Priya still has time to answer, so no third person yet.
    server.restart(SAMS_THIRD_BUSINESS_DAY)
    go_today(page, server, owner)
    sam = item(page, "today", "No reply from Sam Lee (Green Bank)")
    expect(sam).to_contain_text(
        "you are still waiting for Priya Shah at Green Bank to answer too: one person at a time "
        "per organization, so no one else there for now."
    )
    expect(page.get_by_text("Kim Ito")).to_have_count(0)
    expect(page.get_by_text("find another contact")).to_have_count(0)

    # Priya's 7 business days: her one polite follow-up, and still nobody new at Green Bank.
    server.restart(PRIYAS_SEVENTH_BUSINESS_DAY)
    go_today(page, server, owner)
    nudge = item(page, "today", "Send Priya Shah (Green Bank) one polite follow-up")
    expect(nudge.get_by_role("link", name="Write the follow-up")).to_be_visible()
    expect(page.get_by_text("Kim Ito")).to_have_count(0)
