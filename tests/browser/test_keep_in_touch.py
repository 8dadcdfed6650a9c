"""Keeping in touch, in a real browser: a conversation is held, the server's clock moves four
weeks on, Today asks for an update; advice acted on asks to close the loop; one network update,
edited and marked sent, settles both."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from browser.helpers import CoffeechatServer, create_owner, go, today_item

TUESDAY = "2026-11-17T09:00:00+00:00"
FOUR_WEEKS_ON = "2026-12-16T09:00:00+00:00"  # 28 days after Wednesday 18 November
NEWS = "I start at Acme as a climate analyst on 3 March"


def hold_a_conversation_with_priya(page: Page, server: CoffeechatServer) -> None:
    page.goto(f"{server.url}/contacts/new/")
    page.get_by_label("First name").fill("Priya")
    page.get_by_label("Last name").fill("Shah")
    page.get_by_label("Email").fill("priya@greenbank.example")
    page.get_by_role("button", name="Add contact").click()
    page.get_by_role("link", name="Schedule a conversation").click()
    page.get_by_label("Date").fill("2026-11-18")
    page.get_by_label("Start time").fill("10:00")
    page.get_by_label("Mode").select_option("coffee")
    page.get_by_label("Place").fill("Green Bank café")
    page.get_by_role("button", name="Schedule conversation").click()
    page.get_by_role("button", name="Start the conversation").click()
    page.locator("#advice").get_by_label("Advice").fill("Learn the green bond principles")
    page.locator("#advice").get_by_role("button", name="Add advice").click()
    expect(page.locator("#advice")).to_contain_text("Learn the green bond principles")
    page.get_by_label("What you learned").fill("Analysts come from economics and law.")
    page.get_by_role("button", name="End conversation").click()
    expect(page.get_by_text("Analysts come from economics and law.")).to_be_visible()


@pytest.mark.server_time(TUESDAY)
def test_keeping_in_touch_after_a_conversation(page: Page, coffeechat_server: CoffeechatServer):
    server = coffeechat_server
    owner = create_owner(page, server)
    hold_a_conversation_with_priya(page, server)
    conversation_url = page.url.removeprefix(server.url)

    # The contact page already says when the first update is due.
    page.get_by_role("link", name="Priya Shah").first.click()
    expect(page.locator("#keep-in-touch")).to_contain_text("Next update due Wed 16 Dec 2026")
    # Met: the main button writes an update now, not another request.
    actions = page.locator(".actions").first
    expect(actions.get_by_role("link", name="Write a request")).to_have_count(0)
    actions.get_by_role("link", name="Write an update").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Priya Shah")
    expect(page).to_have_url(re.compile(r"purpose=update"))
    page.go_back()

    # Four weeks on, Today asks for a short update.
    server.restart(FOUR_WEEKS_ON)
    go(page, server, owner, "/")
    keep = today_item(page, "Keep in touch with Priya Shah")
    expect(keep).to_be_visible()
    expect(page.locator("[data-section='today']")).to_contain_text("Keep in touch with Priya")
    expect(keep.get_by_role("link", name="Write an update")).to_be_visible()

    # She was right about the green bond principles: tick it, and close the loop.
    go(page, server, owner, conversation_url)
    advice = page.locator(".advice-item").filter(has_text="Learn the green bond principles")
    advice.get_by_role("button", name=re.compile("I acted on")).click()
    expect(advice).to_contain_text("Acted on 16 Dec")
    expect(advice).to_contain_text("Close the loop: tell Priya what came of it")
    go(page, server, owner, "/")
    loop = today_item(page, "Close the loop with Priya Shah")
    expect(loop).to_contain_text("You acted on Priya's advice: “Learn the green bond principles”")
    # Writing her an update now closes the loop, and the page says why.
    go(page, server, owner, conversation_url)
    page.get_by_role("link", name="Priya Shah").first.click()
    page.locator(".actions").first.get_by_role("link", name="Write an update").click()
    expect(page.get_by_label("Template").locator("option:checked")).to_have_text("Closing the loop")
    expect(page.locator("#template-reason")).to_contain_text("says what came of their advice")
    draft = page.locator("#id_body")
    expect(draft).to_have_value(re.compile("I followed your advice to learn the green bond"))
    expect(draft).to_have_value(re.compile(r"\[Write what happened\]"))

    # Big news for everyone met: one draft each, edited (and autosaved) before it goes.
    go(page, server, owner, "/followups/")
    page.get_by_role("link", name="Keep your network posted").click()
    page.get_by_label("What happened").select_option("new_job")
    page.get_by_label("In one line").fill(NEWS)
    page.get_by_role("button", name="Draft the updates").click()
    card = page.locator(".update-draft").filter(has_text="To Priya Shah")
    body = card.get_by_label("Body")
    expect(body).to_have_value(re.compile("^Dear Priya,"))
    expect(body).to_have_value(re.compile("to learn the green bond principles"))
    expect(body).to_have_value(re.compile("I start at Acme as a climate analyst on 3 March."))
    edited = "Dear Priya,\n\nI got the job at Acme, and the green bond principles came up!\n\nMaya"
    body.fill(edited)
    expect(card.locator(".draft-status")).to_contain_text("Draft saved")
    page.reload()
    expect(card.get_by_label("Body")).to_have_value(edited)
    card.get_by_role("button", name="Mark as sent").click()
    expect(page.get_by_text("Marked your update to Priya Shah as sent.")).to_be_visible()
    expect(card).to_contain_text("Sent")

    # Both follow-ups are settled, and the next update is a quarter away.
    go(page, server, owner, "/")
    expect(today_item(page, "Keep in touch with Priya Shah")).to_have_count(0)
    expect(today_item(page, "Close the loop with Priya Shah")).to_have_count(0)
    expect(today_item(page, "Thank Priya Shah")).to_be_visible()  # an update is no thank-you
    go(page, server, owner, "/followups/")
    done = page.locator("main ul").last
    expect(done).to_contain_text("Keep in touch: Priya Shah")
    expect(done).to_contain_text("Close the loop: Priya Shah")
    page.get_by_role("link", name="Priya Shah").first.click()
    expect(page.locator("#keep-in-touch")).to_contain_text("Next update due Tue 16 Mar 2027")
