"""Insights in a real browser: a small network built through the pages, then every figure checked
as the reader sees it, and the weekly goal set under its chart.

The server's clock stands on Wednesday 11 March 2026 (the profile keeps its UTC time zone):
requests went out on Monday 2 March, Priya got the polite follow-up on the 11th (7 business days
on), answered it that day and was met that morning. Her reply is the follow-up's doing, and
Insights and the Message templates page both say so.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from browser.helpers import CoffeechatServer, add_contact_at, create_owner

WEDNESDAY = "2026-03-11T15:00:00+00:00"


def send_request(page: Page, url: str, name: str, channel: str) -> None:
    page.goto(f"{url}/contacts/")
    page.get_by_role("link", name=name).click()
    page.get_by_role("link", name="Write a request").click()
    page.get_by_label("Sent on").fill("2026-03-02")
    page.get_by_label("Sent by").select_option(channel)
    page.get_by_role("button", name="Mark as sent").click()
    expect(page.locator(".badge.stage")).to_have_text("Contacted")


def send_the_follow_up(page: Page, url: str, name: str) -> None:
    page.goto(f"{url}/contacts/")
    page.get_by_role("link", name=name).click()
    page.get_by_role("link", name="Write the follow-up").click()
    expect(page.get_by_role("heading", name=f"Follow up with {name}")).to_be_visible()
    page.get_by_label("Sent on").fill("2026-03-11")
    page.get_by_role("button", name="Mark as sent").click()
    expect(page.locator(".badge.stage")).to_have_text("Contacted")


def meet_priya_who_refers_chloe(page: Page, url: str) -> None:
    page.goto(f"{url}/contacts/")
    page.get_by_role("link", name="Priya Shah").click()
    page.get_by_role("link", name="Log a reply").click()
    page.get_by_label("Received on").fill("2026-03-11")
    page.get_by_label("Outcome").select_option("agreed")
    page.get_by_role("button", name="Log reply").click()
    expect(page.locator(".badge.stage")).to_have_text("Replied")

    page.get_by_role("link", name="Schedule a conversation").click()
    page.get_by_label("Date").fill("2026-03-11")
    page.get_by_label("Start time").fill("10:00")
    page.get_by_label("Mode").select_option("phone")
    page.get_by_label("Phone").fill("+44 20 7946 0000")
    page.get_by_role("button", name="Schedule conversation").click()
    page.get_by_role("button", name="Start the conversation").click()
    referrals = page.locator("#referrals")
    referrals.get_by_label("First name").fill("Chloe")
    referrals.get_by_label("Last name").fill("Park")
    referrals.get_by_label("Organization").fill("Northwind")
    referrals.get_by_role("button", name="Add referral").click()
    expect(referrals).to_contain_text("Chloe Park")
    page.get_by_label("What you learned").fill("Analysts come from economics and law.")
    page.get_by_role("button", name="End conversation").click()
    expect(page.get_by_text("Analysts come from economics and law.")).to_be_visible()


def figures(page: Page, name: str, key: str) -> str:
    """One row of a figures table, as its cells read."""
    row = page.locator(f"table[data-figures='{name}'] tr").filter(
        has=page.get_by_role("rowheader", name=key, exact=True)
    )
    return " | ".join(cell.strip() for cell in row.locator("th, td").all_inner_texts()).strip()


@pytest.mark.server_time(WEDNESDAY)
def test_insights_show_the_figures_of_a_known_network_and_take_a_weekly_goal(
    page: Page, coffeechat_server: CoffeechatServer
):
    url = coffeechat_server.url
    create_owner(page, coffeechat_server)
    page.goto(f"{url}/research/organizations/new/")
    page.get_by_label("Name").fill("Greenbank")
    page.get_by_role("button", name="Add organization").click()
    add_contact_at(page, url, "Greenbank", "Priya", "Shah", "priya@greenbank.example")
    add_contact_at(page, url, "Greenbank", "Sam", "Lee", "sam@greenbank.example")
    send_request(page, url, "Priya Shah", "email")
    send_request(page, url, "Sam Lee", "phone")
    send_the_follow_up(page, url, "Priya Shah")
    meet_priya_who_refers_chloe(page, url)
    # Chloe's employer came with the referral, so it is a known employer until made a target:
    # only then does the chain that reached her count on Insights.
    page.goto(f"{url}/research/?show=known")
    row = page.locator("table.organizations tr", has_text="Northwind")
    row.get_by_role("button", name=re.compile("^Make a target")).click()
    expect(page.get_by_role("status")).to_contain_text("Northwind is now a target")

    page.get_by_role("link", name="Insights").click()
    expect(page.get_by_role("heading", level=1, name="Insights")).to_be_visible()

    # The funnel: Priya, Sam and the referral Chloe; Priya met and referred onwards.
    assert figures(page, "funnel", "Identified") == "Identified | 3 | 100% |"
    assert figures(page, "funnel", "Contacted") == "Contacted | 2 | 67% | 67% of identified"
    assert figures(page, "funnel", "Replied") == "Replied | 1 | 33% | 50% of contacted"
    assert figures(page, "funnel", "Met") == "Met | 1 | 33% | 100% of replied"
    assert figures(page, "funnel", "Thanked") == "Thanked | 0 | 0% | 0% of met"
    assert figures(page, "funnel", "Referred onwards") == (
        "Referred onwards | 1 | 33% | 100% of met"
    )
    funnel_chart = page.get_by_role("img", name="Funnel: contacts at each step")
    expect(funnel_chart).to_be_visible()

    # Replies to requests and follow-ups: the follow-up Priya answered takes the credit. The
    # median runs from the request on Monday 2 March to her reply.
    expect(page.locator("#replies")).to_contain_text("Replies to your requests and follow-ups")
    assert figures(page, "by-channel", "Email") == "Email | 2 | 1 | 50%"
    assert figures(page, "by-channel", "Phone") == "Phone | 1 | 0 | 0%"
    template_rows = page.locator("table[data-figures='by-template'] tbody tr")
    expect(template_rows).to_have_count(2)  # the built-in cold email for both, and the follow-up
    assert figures(page, "by-template", "Cold email") == "Cold email | 2 | 0 | 0%"
    assert figures(page, "by-template", "First follow-up") == "First follow-up | 1 | 1 | 100%"
    expect(page.locator("[data-figure='median']")).to_contain_text("Median time to reply: 9 days")

    # This week: one conversation against the default goal of 2.
    weekly = page.locator("#weekly")
    this_week = figures(page, "weekly", "Mon 9 Mar to Sun 15 Mar 2026 (this week)")
    assert this_week == "Mon 9 Mar to Sun 15 Mar 2026 (this week) | 1 | no"
    expect(weekly.get_by_role("img", name=re.compile("goal of 2"))).to_be_visible()
    expect(weekly.locator("svg")).to_contain_text("Goal: 2 a week")

    # Referrals: one from one conversation, and the chain Priya -> Chloe.
    expect(page.locator("[data-figure='per-conversation']")).to_have_text(
        re.compile(r"^\s*1\.0 referral per conversation\s*$")
    )
    expect(page.locator(".chain")).to_have_text(
        ["Priya Shah (Greenbank) → Chloe Park (Northwind)"], use_inner_text=True
    )

    # The goal, set under the chart, redraws the chart in place and stays.
    weekly.get_by_label("Conversations per week (goal)").fill("1")
    weekly.get_by_role("button", name="Set goal").click()
    expect(weekly.get_by_role("status")).to_have_text("Goal saved.")
    expect(weekly.locator("svg")).to_contain_text("Goal: 1 a week")
    expect(weekly.locator("[data-figure='goal']")).to_have_text("1")
    assert figures(page, "weekly", "Mon 9 Mar to Sun 15 Mar 2026 (this week)").endswith("| yes")
    page.reload()
    expect(page.locator("#weekly svg")).to_contain_text("Goal: 1 a week")

    weekly = page.locator("#weekly")
    weekly.get_by_label("Conversations per week (goal)").fill("51")
    weekly.get_by_role("button", name="Set goal").click()
    expect(weekly).to_contain_text("Ensure this value is less than or equal to 50.")
    expect(weekly.locator("svg")).to_contain_text("Goal: 1 a week")

    # The Message templates page tells the same story about both templates.
    page.goto(f"{url}/outreach/templates/")

    def stats(name: str):
        template = page.locator(".template-list li").filter(
            has=page.get_by_role("link", name=name, exact=True)
        )
        return template.locator(".template-stats")

    expect(stats("Cold email")).to_have_text("2 sent · 0% replied")
    expect(stats("First follow-up")).to_have_text("1 sent · 100% replied")
