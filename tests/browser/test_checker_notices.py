"""The checker notices what a reader would: in a real browser, a request to a friend that reads
as if written to a stranger, then the same message about to go to them a second time."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from browser.helpers import CoffeechatServer, create_owner

STRANGER = (
    "Dear Grace,\n\nI came across your work at Acme Climate. I'm Maya Chen, a science teacher "
    "exploring UX research.\n\nWould you have 15-20 minutes for a call in the next few weeks, "
    "whenever suits you?\n\nThank you,\nMaya"
)
AS_A_FRIEND = STRANGER.replace(
    "I came across your work at Acme Climate. I'm Maya Chen, a science teacher exploring UX "
    "research.",
    "I'm moving from teaching into UX research, and I'd love your perspective on it.",
)


def add_friend(page: Page, server: CoffeechatServer) -> None:
    page.goto(f"{server.url}/contacts/new/")
    page.get_by_label("First name").fill("Grace")
    page.get_by_label("Last name").fill("Hopper")
    page.get_by_label("Email").fill("grace@acme.example")
    page.get_by_label("How you know them").select_option("friend")
    page.get_by_role("button", name="Add contact").click()
    expect(page.get_by_role("heading", level=1, name=re.compile("Grace Hopper"))).to_be_visible()


def test_a_friend_written_to_as_a_stranger_and_a_repeat_are_pointed_out(
    page: Page, coffeechat_server: CoffeechatServer
):
    create_owner(page, coffeechat_server, username="maya")
    add_friend(page, coffeechat_server)
    page.get_by_role("link", name="Write a request").click()
    compose_url = page.url
    check = page.locator("#message-check")
    stranger = check.locator("[data-rule='tie-stranger']")
    # The friend's own template: a warm greeting, and nothing a stranger would write.
    expect(page.locator("#id_body")).to_have_value(re.compile(r"^Hi Grace,\n\n"))
    expect(stranger).to_have_count(0)

    # "I came across your work at ..." to a friend: flagged as you type, with what to do.
    page.locator("#id_subject").fill("Your perspective on UX research")
    page.locator("#id_body").fill(STRANGER)
    expect(stranger).to_be_visible()
    expect(stranger.locator(".badge")).to_have_text("problem")
    expect(stranger.locator("mark")).to_have_text("came across your work at Acme Climate")
    expect(stranger).to_contain_text("is how you write to a stranger, and this is a friend")

    # Written as to a friend: the finding goes away; record it as sent.
    page.locator("#id_body").fill(AS_A_FRIEND)
    expect(stranger).to_have_count(0)
    expect(check).to_contain_text("No problems found.")
    page.get_by_role("button", name=re.compile("^Mark as sent")).click()
    expect(page.get_by_role("heading", level=1, name=re.compile("Grace Hopper"))).to_be_visible()

    # About to send her the same message again: the checker says so.
    page.goto(compose_url)
    page.locator("#id_body").fill(AS_A_FRIEND.replace("next few weeks", "coming weeks"))
    repeat = check.locator("[data-rule='same-as-sent']")
    expect(repeat).to_be_visible()
    expect(repeat).to_contain_text("Nearly the same as a message you already sent them")
