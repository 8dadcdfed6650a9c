"""Finding anything from the header, in a real browser: "/" puts the cursor in the search box
(but not while typing in a field), the live results appear as you type, an accented word is
found typed without its accents, and the result opens the conversation at that very question."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from browser.helpers import CoffeechatServer, add_contact, create_owner, mark_request_sent

NOON = "2026-11-18T12:00:00+00:00"
NOTE = "Join the Montréal chapter of the nurses' association; ask Ségolène."


def hold_a_conversation_with_a_note(page: Page) -> None:
    """From the contact's page: a coffee at 11:00 with one question, its note typed during the
    conversation, then ended."""
    page.get_by_role("link", name="Schedule a conversation").click()
    page.get_by_label("Date").fill("2026-11-18")
    page.get_by_label("Start time").fill("11:00")
    page.get_by_label("Time zone").select_option("Europe/London")
    page.get_by_label("Mode").select_option("coffee")
    page.get_by_label("Place").fill("Green Bank café")
    page.get_by_role("button", name="Schedule conversation").click()
    expect(page.get_by_role("heading", name=re.compile("Conversation with"))).to_be_visible()
    page.get_by_role("textbox", name="Your question").fill("Which groups should I join?")
    page.get_by_role("button", name="Add question").click()
    expect(page.get_by_text("Added your question")).to_be_visible()
    page.get_by_role("link", name="Open the conversation page").click()
    answer = page.get_by_label("1. Which groups should I join?")
    with page.expect_response(lambda r: "/notes/" in r.url and r.request.method == "POST"):
        answer.fill(NOTE)
    page.get_by_label("What you learned").fill("Professional groups matter.")
    page.get_by_role("button", name="End conversation").click()
    expect(page.locator(".outcome")).to_contain_text(NOTE)


@pytest.mark.server_time(NOON)
def test_the_header_search_finds_a_note_typed_without_accents_and_opens_it_at_the_question(
    page: Page, coffeechat_server: CoffeechatServer
):
    server = coffeechat_server
    create_owner(page, server)
    add_contact(page, server.url, "Zoë", "Hernández", role="Nurse educator")
    hold_a_conversation_with_a_note(page)

    page.goto(f"{server.url}/contacts/")
    box = page.get_by_role("textbox", name="Search everything")
    # Anywhere but in a field, "/" puts the cursor in the search box.
    page.locator("h1").first.click()
    page.keyboard.press("/")
    expect(box).to_be_focused()
    page.keyboard.type("montreal seg")

    live = page.locator("#search-live")
    expect(live.get_by_role("heading", name=re.compile("Notes under questions"))).to_be_visible()
    expect(live.locator("mark").first).to_have_text("Montréal")
    live.get_by_role("link", name="Which groups should I join?").click()

    expect(page).to_have_url(re.compile(r"/conversations/\d+/#question-\d+$"))
    target = page.locator(":target")
    expect(target).to_contain_text("Which groups should I join?")
    expect(target).to_contain_text(NOTE)
    expect(target).to_be_in_viewport()


def test_slash_in_a_field_types_a_slash_and_the_results_page_works_without_the_live_list(
    page: Page, coffeechat_server: CoffeechatServer
):
    server = coffeechat_server
    create_owner(page, server)
    add_contact(page, server.url, "Zoë", "Hernández", role="Nurse educator")
    page.goto(f"{server.url}/contacts/new/")
    role = page.get_by_label("Role")
    role.fill("")
    role.press("/")
    expect(role).to_have_value("/")
    expect(page.get_by_role("textbox", name="Search everything")).not_to_be_focused()

    box = page.get_by_role("textbox", name="Search everything")
    box.fill("hernandez")
    box.press("Enter")
    expect(page.get_by_role("heading", level=1, name="Results for “hernandez”")).to_be_visible()
    results = page.locator("main .search-results")
    expect(results.get_by_role("link", name="Zoë Hernández")).to_be_visible()
    expect(results.locator("mark")).to_have_text("Hernández")
    results.get_by_role("link", name="Zoë Hernández").click()
    expect(page.get_by_role("heading", level=1, name=re.compile("Zoë Hernández"))).to_be_visible()


def test_someone_the_search_does_not_find_is_added_from_the_search_box(
    page: Page, coffeechat_server: CoffeechatServer
):
    server = coffeechat_server
    create_owner(page, server)
    page.goto(f"{server.url}/")
    box = page.get_by_role("textbox", name="Search everything")
    box.fill("Ana López")
    live = page.locator("#search-live")
    expect(live).to_contain_text("Nothing matches “Ana López”.")
    live.get_by_role("link", name="Add “Ana López” as a person").click()

    expect(page.get_by_role("heading", level=1, name="Add a person")).to_be_visible()
    expect(page.get_by_label("Name")).to_have_value("Ana López")
    page.get_by_label("Organization").fill("Lakeside Health")
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("Ana López")

    box = page.get_by_role("textbox", name="Search everything")
    box.fill("lopez")
    expect(
        page.locator("#search-live").get_by_role("link", name=re.compile("Ana López"))
    ).to_be_visible()


def test_the_live_results_stay_on_screen_and_close_on_a_click_elsewhere(
    page: Page, coffeechat_server: CoffeechatServer
):
    server = coffeechat_server
    create_owner(page, server)
    add_contact(page, server.url, "Zoë", "Hernández", role="Nurse educator at Lakeside Health")
    for width in (1366, 1024, 375):
        page.set_viewport_size({"width": width, "height": 800})
        page.goto(f"{server.url}/")
        page.get_by_role("textbox", name="Search everything").fill("zoe")
        live = page.locator("#search-live")
        expect(live.get_by_role("link", name=re.compile("Zoë"))).to_be_visible()
        box = live.bounding_box()
        assert box is not None
        # Wholly on screen: nothing cut off on the right, no sideways scrolling.
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, (width, box)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.mouse.click(2, 795)  # below the panel, on the page
    expect(live).to_be_empty()
    # Only quotes: nothing to search, so no empty panel either.
    page.get_by_role("textbox", name="Search everything").fill('""')
    page.wait_for_timeout(600)
    expect(live).to_be_empty()


def test_arrow_keys_walk_the_live_results_and_a_message_opens_unfolded_on_the_timeline(
    page: Page, coffeechat_server: CoffeechatServer
):
    server = coffeechat_server
    create_owner(page, server)
    add_contact(page, server.url, "Zoë", "Hernández", role="Nurse educator")
    mark_request_sent(page, "Zoë Hernández", subject="Pediatric nursing in Montréal")

    page.goto(f"{server.url}/")
    box = page.get_by_role("textbox", name="Search everything")
    box.fill("pediatric")
    live = page.locator("#search-live")
    found = live.get_by_role("link", name="Pediatric nursing in Montréal")
    expect(found).to_be_visible()
    links = live.locator("a[href]")
    # Down from the box reaches the first result, Up from it goes back to the box with the words.
    box.press("ArrowDown")
    expect(links.first).to_be_focused()
    page.keyboard.press("ArrowUp")
    expect(box).to_be_focused()
    expect(box).to_have_value("pediatric")
    # Down until the message, then Enter opens it.
    for _ in range(links.count()):
        page.keyboard.press("ArrowDown")
        if found.evaluate("link => link === document.activeElement"):
            break
    expect(found).to_be_focused()
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/contacts/\d+/#message-\d+$"))
    entry = page.locator(":target")
    expect(entry).to_contain_text("Pediatric nursing in Montréal")
    # The message's text, folded elsewhere, is open here.
    expect(entry.locator(".message-preview")).to_be_visible()
    expect(entry).to_be_in_viewport()
