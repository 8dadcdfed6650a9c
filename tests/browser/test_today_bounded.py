"""A long-neglected list, walked in a real browser: Today shows every follow-up due today, the
oldest overdue ones up to its cap and "Show all N overdue", which opens every overdue follow-up
on the paginated Follow-ups list; the counts stay true after Mark done and Undo, in place."""

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
    mark_request_sent,
    today_item,
)

SENT = "2026-11-02T09:00:00+00:00"  # a Monday
FOUR_WEEKS_LATER = "2026-11-30T09:00:00+00:00"  # a Monday: two more requests go out
THREE_DAYS_ON = "2026-12-03T09:00:00+00:00"  # their "no reply" is due today, a Thursday
PEOPLE = 17  # each owes "no reply" and "move on" by then: 34, over Today's cap of 30


@pytest.mark.server_time(SENT)
def test_a_backlog_over_the_cap_never_hides_today_and_the_counts_follow_each_click(
    page: Page, coffeechat_server: CoffeechatServer
):
    server = coffeechat_server
    owner = create_owner(page, server)
    for n in range(PEOPLE):
        add_contact(page, server.url, f"Person{n:02d}", "Waiting")
        mark_request_sent(page, f"Person{n:02d} Waiting")
    server.restart(FOUR_WEEKS_LATER)
    go_today(page, server, owner)
    for name in ("Fresh", "Newer"):
        add_contact(page, server.url, name, "Request")
        mark_request_sent(page, f"{name} Request")

    server.restart(THREE_DAYS_ON)
    go_today(page, server, owner)
    # The overdue backlog is capped, counted in full; what is due today is all there.
    overdue = page.locator('[data-section="overdue"] > li')
    expect(overdue).to_have_count(30)
    expect(page.locator("#count-overdue")).to_have_text("34")
    expect(page.locator('[data-section="today"] > li')).to_have_count(2)
    expect(page.locator("#count-today")).to_have_text("2")
    expect(today_item(page, "No reply from Fresh Request")).to_be_visible()
    expect(today_item(page, "No reply from Newer Request")).to_be_visible()
    note = page.locator("#show-all-due")
    expect(note).to_contain_text("Showing 30 of 34 overdue follow-ups, oldest first.")

    # Mark done, in place: the badge and the "Showing" line count one fewer without a reload.
    overdue.first.get_by_role("button", name="Mark done").click()
    expect(overdue.first).to_contain_text("Done:")
    expect(page.locator("#count-overdue")).to_have_text("33")
    expect(note).to_contain_text("Showing 30 of 33 overdue follow-ups")
    fresh = today_item(page, "No reply from Fresh Request")
    fresh.get_by_role("button", name="Mark done").click()
    done = page.locator('[data-section="today"] > li.done-line')
    expect(done).to_contain_text("Done: no reply yet for Fresh Request.")
    expect(page.locator("#count-today")).to_have_text("1")
    # Undo puts it back, and the count with it.
    done.get_by_role("button", name="Undo").click()
    expect(today_item(page, "No reply from Fresh Request")).to_contain_text("Mark done")
    expect(page.locator("#count-today")).to_have_text("2")
    expect(page.locator("#count-overdue")).to_have_text("33")

    note.get_by_role("link", name="Show all 33 overdue").click()
    expect(page.get_by_role("heading", level=1, name=re.compile("Follow-ups"))).to_be_visible()
    expect(page.get_by_label("Due")).to_have_value("overdue")
    rows = page.locator("#followup-list tbody tr")
    expect(rows).to_have_count(33)
    expect(page.get_by_role("navigation", name="Pages of follow-ups")).to_contain_text(
        "1\u201333 of 33 follow-ups"  # an en dash, as the pager writes it
    )
    # Sorted by who, then narrowed to one kind: the filter and the sort stay in the address.
    page.get_by_role("link", name="Who").click()
    expect(rows.first).to_contain_text("Person00 Waiting")
    page.get_by_label("What").select_option(label="Moving on")
    page.get_by_role("button", name="Filter").click()
    expect(rows).to_have_count(PEOPLE)
    expect(page).to_have_url(re.compile(r"due=overdue.*kind=move_on|kind=move_on.*due=overdue"))
    expect(page).to_have_url(re.compile(r"sort=who"))
    expect(rows.first).to_contain_text("Person00 Waiting")

    # Done from the list: Today counts one fewer.
    rows.first.get_by_role("button", name="Mark done").click()
    expect(page.locator("#followup-list tr.done-line")).to_contain_text("Person00 Waiting")
    go(page, server, owner, "/")
    expect(page.locator("#show-all-due")).to_contain_text("Showing 30 of 32")
    expect(page.locator("#count-overdue")).to_have_text("32")
