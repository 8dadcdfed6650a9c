"""A long-neglected list, walked in a real browser: Today shows what fits under its cap and
"Show all N", which opens every overdue follow-up on the paginated Follow-ups list."""

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
)

SENT = "2026-11-02T09:00:00+00:00"  # a Monday
FOUR_WEEKS_LATER = "2026-11-30T09:00:00+00:00"
PEOPLE = 17  # each owes "no reply" and "move on" by then: 34, over Today's cap of 30


@pytest.mark.server_time(SENT)
def test_more_overdue_than_the_cap_shows_the_cap_and_show_all_opens_them_paginated(
    page: Page, coffeechat_server: CoffeechatServer
):
    server = coffeechat_server
    owner = create_owner(page, server)
    for n in range(PEOPLE):
        add_contact(page, server.url, f"Person{n:02d}", "Waiting")
        mark_request_sent(page, f"Person{n:02d} Waiting")

    server.restart(FOUR_WEEKS_LATER)
    go_today(page, server, owner)
    overdue = page.locator('[data-section="overdue"] > li')
    expect(overdue).to_have_count(30)
    note = page.locator("#show-all-due")
    expect(note).to_contain_text("Showing 30 of 34 follow-ups overdue or due today")
    note.get_by_role("link", name="Show all 34").click()

    expect(page.get_by_role("heading", level=1, name=re.compile("Follow-ups"))).to_be_visible()
    expect(page.get_by_label("Due")).to_have_value("now")
    rows = page.locator("#followup-list tbody tr")
    expect(rows).to_have_count(34)
    expect(page.get_by_role("navigation", name="Pages of follow-ups")).to_contain_text(
        "1\u201334 of 34 follow-ups"  # an en dash, as the pager writes it
    )
    # Sorted by who, then narrowed to one kind: the filter and the sort stay in the address.
    page.get_by_role("link", name="Who").click()
    expect(rows.first).to_contain_text("Person00 Waiting")
    page.get_by_label("What").select_option(label="Moving on")
    page.get_by_role("button", name="Filter").click()
    expect(rows).to_have_count(PEOPLE)
    expect(page).to_have_url(re.compile(r"due=now.*kind=move_on|kind=move_on.*due=now"))
    expect(page).to_have_url(re.compile(r"sort=who"))
    expect(rows.first).to_contain_text("Person00 Waiting")

    # Done from the list: Today counts one fewer.
    rows.first.get_by_role("button", name="Mark done").click()
    expect(page.locator("#followup-list tr.done-line")).to_contain_text("Person00 Waiting")
    go(page, server, owner, "/")
    expect(page.locator("#show-all-due")).to_contain_text("Showing 30 of 33")
