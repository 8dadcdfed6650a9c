"""Keeping records, in a real browser through `coffeechat serve`: what the end-to-end journey
does not walk. Fields of interest, editing and deleting organizations, contacts and
conversations, a declined reply, the question bank, follow-ups by hand, and the phone layout.
Everything is created through the pages, as a person would."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from playwright.sync_api import Page, expect

from browser.helpers import (
    add_contact,
    add_organization,
    create_owner,
    flash,
    mark_request_sent,
    type_and_wait_for_autosave,
)

CSP_COMPLAINT = re.compile(r"Content Security Policy|Refused to|violates the following", re.I)
SAVED = re.compile(r"Saved \d\d:\d\d:\d\d")


def schedule_coffee(page: Page, when: date, place: str) -> str:
    """From a contact's page: a coffee at 10:00 on that day; ends on the prep page."""
    page.get_by_role("link", name="Schedule a conversation").click()
    page.get_by_label("Date").fill(when.isoformat())
    page.get_by_label("Start time").fill("10:00")
    page.get_by_label("Mode").select_option("coffee")
    page.get_by_label("Place").fill(place)
    page.get_by_role("button", name="Schedule conversation").click()
    expect(page.get_by_role("heading", name=re.compile("^Conversation with"))).to_be_visible()
    return page.url


def contact_rows(page: Page):
    return page.locator("table tbody tr")


def search_contacts(page: Page, url: str, text: str = "", stage: str = "Any stage") -> None:
    page.goto(f"{url}/contacts/")
    page.get_by_role("searchbox").fill(text)
    page.get_by_label("Stage").select_option(label=stage)
    page.get_by_role("button", name="Search").click()
    page.wait_for_url(re.compile(r"/contacts/\?"))


# 1. Fields of interest


def test_a_field_of_interest_keeps_markdown_notes_and_lists_its_organizations(
    page: Page, coffeechat_server
):
    url = coffeechat_server.url
    create_owner(page, coffeechat_server)

    page.goto(f"{url}/research/")
    page.get_by_role("link", name="Fields of interest").click()
    expect(page.get_by_role("heading", name="Fields of interest")).to_be_visible()
    expect(page.get_by_text("No fields yet.")).to_be_visible()
    page.get_by_label("Name").fill("Climate finance")
    page.get_by_label("Notes").fill("Banks that fund the **energy transition**.")
    page.get_by_role("button", name="Add field").click()
    expect(flash(page, "Added the field Climate finance.")).to_be_visible()

    page.get_by_role("link", name="Climate finance").click()
    expect(page.get_by_role("heading", level=1, name="Climate finance")).to_be_visible()
    notes = page.locator(".note")
    expect(notes.locator("strong", has_text="energy transition")).to_be_visible()
    expect(page.get_by_text("None yet.")).to_be_visible()  # no organization in the field

    new_notes = "Two ways in:\n\n- *green bonds*\n- transition loans\n\nAsk about **ratings**."
    type_and_wait_for_autosave(page, page.get_by_label("Notes"), new_notes)
    expect(page.locator("#autosave-status")).to_contain_text(SAVED)
    page.reload()
    expect(page.get_by_label("Notes")).to_have_value(new_notes)
    expect(notes.locator("li")).to_have_count(2)
    expect(notes.locator("li em", has_text="green bonds")).to_be_visible()
    expect(notes.locator("strong", has_text="ratings")).to_be_visible()
    expect(notes).not_to_contain_text("*green bonds*")  # rendered, not shown raw
    expect(notes).not_to_contain_text("energy transition")

    add_organization(page, url, "Green Bank", industry="Banking", field="Climate finance")
    page.get_by_role("link", name="Climate finance").click()
    expect(page.get_by_role("heading", level=1, name="Climate finance")).to_be_visible()
    in_field = page.locator("section", has=page.get_by_role("heading", name="Organizations"))
    expect(in_field.get_by_role("link", name="Green Bank")).to_be_visible()
    expect(page.get_by_text("None yet.")).to_have_count(0)

    page.goto(f"{url}/research/")
    row = page.get_by_role("row").filter(has_text="Green Bank")
    expect(row).to_contain_text("Climate finance · Banking")


# 2. Organizations


def test_an_organization_autosaves_its_edits_and_is_deleted_only_after_confirmation(
    page: Page, coffeechat_server
):
    url = coffeechat_server.url
    create_owner(page, coffeechat_server)
    add_organization(page, url, "Carbon Partners")
    add_organization(page, url, "Green Bank", industry="Banking")
    add_contact(page, url, "Priya", "Shah", organization="Green Bank")

    page.goto(f"{url}/research/")
    page.get_by_role("link", name="Green Bank").click()
    page.get_by_role("link", name="Edit").click()
    expect(page.get_by_role("heading", name="Edit Green Bank")).to_be_visible()
    expect(page.get_by_text("Changes save as you type.")).to_be_visible()
    type_and_wait_for_autosave(page, page.get_by_label("Location"), "Leeds")
    expect(page.locator("#autosave-status")).to_contain_text(SAVED)
    type_and_wait_for_autosave(page, page.get_by_label("Industry"), "Sustainable finance")
    page.reload()
    expect(page.get_by_label("Location")).to_have_value("Leeds")
    expect(page.get_by_label("Industry")).to_have_value("Sustainable finance")
    page.get_by_role("link", name="Back").click()
    expect(page.get_by_role("heading", level=1, name="Green Bank")).to_be_visible()
    expect(page.get_by_text("Sustainable finance · Leeds")).to_be_visible()

    # Delete, then think better of it: Cancel keeps everything.
    page.get_by_role("link", name="Delete").click()
    expect(page.get_by_role("heading", name="Delete organization “Green Bank”?")).to_be_visible()
    expect(page.get_by_text("Its contacts stay in your network")).to_be_visible()
    page.get_by_role("link", name="Cancel").click()
    expect(page.get_by_role("heading", level=1, name="Green Bank")).to_be_visible()
    page.goto(f"{url}/research/")
    expect(page.get_by_role("link", name="Green Bank")).to_be_visible()

    # Delete for real.
    page.get_by_role("link", name="Green Bank").click()
    page.get_by_role("link", name="Delete").click()
    page.get_by_role("button", name="Yes, delete organization").click()
    expect(flash(page, "Deleted organization “Green Bank”.")).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile("target organizations"))).to_be_visible()
    expect(page.get_by_role("link", name="Green Bank")).to_have_count(0)
    expect(page.get_by_role("link", name="Carbon Partners")).to_be_visible()

    # Its contact stays, without an organization.
    page.goto(f"{url}/contacts/")
    priya = contact_rows(page).filter(has_text="Priya Shah")
    expect(priya).to_be_visible()
    expect(priya).not_to_contain_text("Green Bank")


# 3. Contacts


def test_the_contacts_list_searches_by_name_and_organization_and_filters_by_stage(
    page: Page, coffeechat_server
):
    url = coffeechat_server.url
    create_owner(page, coffeechat_server)
    add_organization(page, url, "Green Bank")
    add_organization(page, url, "Carbon Partners")
    add_contact(page, url, "Priya", "Shah", organization="Green Bank", role="Analyst")
    add_contact(page, url, "Sam", "Lee", organization="Carbon Partners", role="Associate")
    mark_request_sent(page, "Sam Lee")

    page.get_by_role("link", name=re.compile("People")).click()
    expect(page.get_by_role("heading", name=re.compile("your contacts"))).to_be_visible()
    expect(contact_rows(page)).to_have_count(2)
    expect(contact_rows(page).filter(has_text="Priya Shah")).to_contain_text("Identified")
    expect(contact_rows(page).filter(has_text="Sam Lee")).to_contain_text("Contacted")

    search_contacts(page, url, "priya shah")
    expect(contact_rows(page)).to_have_count(1)
    expect(contact_rows(page)).to_contain_text("Priya Shah")
    expect(page.get_by_role("searchbox")).to_have_value("priya shah")

    search_contacts(page, url, "Carbon")
    expect(contact_rows(page)).to_have_count(1)
    expect(contact_rows(page)).to_contain_text("Sam Lee")

    search_contacts(page, url, stage="Contacted")
    expect(contact_rows(page)).to_have_count(1)
    expect(contact_rows(page)).to_contain_text("Sam Lee")
    expect(page.get_by_label("Stage")).to_have_value("contacted")

    search_contacts(page, url, stage="Identified")
    expect(contact_rows(page)).to_have_count(1)
    expect(contact_rows(page)).to_contain_text("Priya Shah")

    search_contacts(page, url, "Green", stage="Contacted")
    expect(contact_rows(page)).to_have_count(0)
    expect(page.get_by_text("No contact matches “Green” at stage “Contacted”.")).to_be_visible()
    page.get_by_role("link", name="Show everyone").click()
    expect(contact_rows(page)).to_have_count(2)


def test_a_contact_autosaves_its_edits_and_keeps_the_last_good_email(page: Page, coffeechat_server):
    url = coffeechat_server.url
    create_owner(page, coffeechat_server)
    add_organization(page, url, "Green Bank")
    add_contact(
        page, url, "Priya", "Shah", organization="Green Bank",
        email="priya.shah@greenbank.example", role="Analyst",
    )  # fmt: skip

    page.get_by_role("link", name="Edit").click()
    expect(page.get_by_role("heading", name="Edit Priya Shah")).to_be_visible()
    type_and_wait_for_autosave(page, page.get_by_label("Role"), "Climate bond analyst")
    expect(page.locator("#autosave-status")).to_contain_text(SAVED)
    page.reload()
    expect(page.get_by_label("Role")).to_have_value("Climate bond analyst")

    # A typo in the address (no top-level domain): the browser lets it through, the app does not.
    type_and_wait_for_autosave(page, page.get_by_label("Email"), "priya.shah@greenbank")
    status = page.locator("#autosave-status")
    expect(status).to_contain_text("Not saved")
    expect(status).to_contain_text("Enter a valid email address.")
    expect(status).not_to_contain_text(SAVED)
    page.reload()
    expect(page.get_by_label("Email")).to_have_value("priya.shah@greenbank.example")
    expect(page.get_by_label("Role")).to_have_value("Climate bond analyst")

    page.get_by_role("link", name="Back").click()
    expect(page.get_by_role("heading", level=1, name="Priya Shah")).to_be_visible()
    expect(page.get_by_text("Climate bond analyst at Green Bank")).to_be_visible()
    expect(page.get_by_role("link", name="priya.shah@greenbank.example")).to_be_visible()


def test_an_email_without_an_at_sign_says_it_was_not_saved(page: Page, coffeechat_server):
    url = coffeechat_server.url
    create_owner(page, coffeechat_server)
    add_contact(page, url, "Priya", "Shah", email="priya.shah@greenbank.example")

    page.get_by_role("link", name="Edit").click()
    type_and_wait_for_autosave(page, page.get_by_label("Role"), "Analyst")
    expect(page.locator("#autosave-status")).to_contain_text(SAVED)
    page.get_by_label("Email").fill("priya.shah greenbank.example")

    expect(page.locator("#autosave-status")).to_contain_text("Not saved", timeout=3_000)
    expect(page.locator("#autosave-status")).to_contain_text("Enter a valid email address.")
    page.reload()
    expect(page.get_by_label("Role")).to_have_value("Analyst")
    expect(page.get_by_label("Email")).to_have_value("priya.shah@greenbank.example")


def test_a_bare_domain_is_accepted_as_a_website(page: Page, coffeechat_server):
    url = coffeechat_server.url
    create_owner(page, coffeechat_server)
    page.goto(f"{url}/research/organizations/new/")
    page.get_by_label("Name").fill("Green Bank")
    page.get_by_label("Website").fill("greenbank.example")
    page.get_by_role("button", name="Add organization").click()
    expect(page.get_by_role("link", name="https://greenbank.example")).to_be_visible()


def test_a_contact_is_deleted_only_after_confirmation(page: Page, coffeechat_server):
    url = coffeechat_server.url
    create_owner(page, coffeechat_server)
    add_contact(page, url, "Sam", "Lee")
    priya = add_contact(page, url, "Priya", "Shah")

    page.get_by_role("link", name="Delete").click()
    expect(page.get_by_role("heading", name="Delete contact “Priya Shah”?")).to_be_visible()
    expect(
        page.get_by_text("Their messages, replies, conversations and follow-ups")
    ).to_be_visible()
    page.get_by_role("link", name="Cancel").click()
    expect(page.get_by_role("heading", level=1, name="Priya Shah")).to_be_visible()
    assert page.url == priya

    page.get_by_role("link", name="Delete").click()
    page.get_by_role("button", name="Yes, delete contact").click()
    expect(flash(page, "Deleted contact “Priya Shah”.")).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile("your contacts"))).to_be_visible()
    expect(contact_rows(page)).to_have_count(1)
    expect(page.get_by_role("link", name="Priya Shah")).to_have_count(0)
    expect(page.get_by_role("link", name="Sam Lee")).to_be_visible()
    assert page.goto(priya).status == 404


# 4. A declined reply


def test_a_declined_reply_shows_as_declined_with_its_reason_on_the_timeline(
    page: Page, coffeechat_server
):
    url = coffeechat_server.url
    reason = "No calls until the bond season ends in March."
    create_owner(page, coffeechat_server)
    add_organization(page, url, "Green Bank")
    add_contact(page, url, "Priya", "Shah", organization="Green Bank")
    mark_request_sent(page, "Priya Shah")

    page.get_by_role("link", name="Log a reply").click()
    expect(page.get_by_role("heading", name="Log a reply from Priya Shah")).to_be_visible()
    page.get_by_label("Outcome").select_option(label="Declined")
    page.get_by_label("Note", exact=True).fill(reason)
    page.get_by_role("button", name="Log reply").click()

    expect(flash(page, "Logged that Priya declined.")).to_be_visible()
    expect(page.locator(".badge.stage")).to_have_text("Declined")
    timeline = page.locator("section", has=page.get_by_role("heading", name="Timeline"))
    reply = timeline.locator("li").filter(has_text="Reply received: Declined")
    expect(reply).to_be_visible()
    expect(reply).to_contain_text(reason)
    # The "no reply yet" follow-up settled itself.
    expect(page.get_by_text("Nothing open.")).to_be_visible()

    page.goto(f"{url}/contacts/")
    expect(contact_rows(page).filter(has_text="Priya Shah")).to_contain_text("Declined")


# 5. Conversations


def test_a_conversation_autosaves_its_logistics_and_can_be_cancelled(page: Page, coffeechat_server):
    url = coffeechat_server.url
    create_owner(page, coffeechat_server)
    add_organization(page, url, "Green Bank")
    add_contact(page, url, "Priya", "Shah", organization="Green Bank")
    tomorrow = date.today() + timedelta(days=1)
    prep = schedule_coffee(page, tomorrow, "Café Nero, Park Row")

    page.get_by_role("link", name="Edit logistics").click()
    expect(
        page.get_by_role("heading", name="Logistics: conversation with Priya Shah")
    ).to_be_visible()
    type_and_wait_for_autosave(page, page.get_by_label("Place"), "Bean & Leaf, 3 Park Row")
    expect(page.locator("#autosave-status")).to_contain_text(SAVED)
    type_and_wait_for_autosave(page, page.get_by_label("Length (minutes)"), "30")
    page.reload()
    expect(page.get_by_label("Place")).to_have_value("Bean & Leaf, 3 Park Row")
    expect(page.get_by_label("Length (minutes)")).to_have_value("30")
    page.get_by_role("link", name="← Back to preparation").click()
    when = page.locator("section", has=page.get_by_role("heading", name="When and where"))
    expect(when).to_contain_text("Bean & Leaf, 3 Park Row")
    expect(when).to_contain_text("30 minutes")
    expect(when.locator(".when-local")).to_contain_text("10:00\N{EN DASH}10:30")

    page.goto(f"{url}/")
    expect(
        page.locator(".today-item").filter(has_text="Conversation with Priya Shah")
    ).to_be_visible()

    # Cancel, first keeping it, then for real.
    page.goto(prep)
    page.get_by_role("link", name="Cancel conversation").click()
    expect(
        page.get_by_role("heading", name="Cancel the conversation with Priya Shah?")
    ).to_be_visible()
    page.get_by_role("link", name="Keep it").click()
    expect(page.locator("h1 .badge")).to_have_text("Scheduled")
    page.get_by_role("link", name="Cancel conversation").click()
    page.get_by_role("button", name="Yes, cancel conversation").click()
    expect(flash(page, "Cancelled the conversation with Priya Shah.")).to_be_visible()
    expect(page.locator("h1 .badge")).to_have_text("Cancelled")
    expect(page.get_by_role("link", name="Cancel conversation")).to_have_count(0)
    expect(page.get_by_role("link", name="Schedule again")).to_be_visible()

    page.get_by_role("link", name=re.compile("Conversations")).first.click()
    expect(page.get_by_text("Nothing scheduled.")).to_be_visible()
    past = page.get_by_role("table", name="Past")
    expect(past.get_by_role("row").filter(has_text="Priya Shah")).to_contain_text("Cancelled")

    page.goto(f"{url}/")
    expect(
        page.locator(".today-item").filter(has_text="Conversation with Priya Shah")
    ).to_have_count(0)
    expect(page.get_by_text("Nothing is due.")).to_be_visible()


# 6. The question bank


def test_your_own_question_can_be_added_edited_and_deleted_in_the_bank(
    page: Page, coffeechat_server
):
    url = coffeechat_server.url
    first = "Which newsletters do people on your desk actually read?"
    better = "Which newsletters or podcasts do people on your desk actually follow?"
    create_owner(page, coffeechat_server)

    page.goto(f"{url}/conversations/")
    page.get_by_role("link", name="Your question bank").click()
    expect(page.get_by_role("heading", level=1, name="Your question bank")).to_be_visible()
    page.get_by_label("Category").select_option(label="Resources")
    page.get_by_label("Question").fill(first)
    page.get_by_role("button", name="Add to bank").click()
    expect(flash(page, "Added your question to the bank.")).to_be_visible()
    mine = page.locator(".bank-list li").filter(has_text=first)
    expect(mine).to_contain_text("yours")
    resources = page.locator(
        "section", has=page.get_by_role("heading", name=re.compile("^Resources"))
    )
    expect(resources).to_contain_text(first)

    page.get_by_role("link", name=f"Edit “{first}”").click()
    expect(page.get_by_role("heading", name="Edit question")).to_be_visible()
    type_and_wait_for_autosave(page, page.get_by_label("Question"), better)
    expect(page.locator("#autosave-status")).to_contain_text(SAVED)
    page.reload()
    expect(page.get_by_label("Question")).to_have_value(better)
    page.get_by_role("link", name="← Your question bank").click()
    expect(page.locator(".bank-list li").filter(has_text=better)).to_contain_text("yours")
    expect(page.get_by_text(first)).to_have_count(0)

    page.get_by_role("link", name=f"Delete “{better}”").click()
    expect(page.get_by_role("heading", name=f"Delete question “{better}”?")).to_be_visible()
    page.get_by_role("link", name="Cancel").click()
    expect(page.locator(".bank-list li").filter(has_text=better)).to_be_visible()
    page.get_by_role("link", name=f"Delete “{better}”").click()
    page.get_by_role("button", name="Yes, delete question").click()
    expect(flash(page, f"Deleted question “{better}”.")).to_be_visible()
    expect(page.locator(".bank-list li").filter(has_text=better)).to_have_count(0)
    expect(page.locator(".bank-list li").first).to_be_visible()  # the built-in ones stay


# 7. Follow-ups


def test_a_follow_up_can_be_marked_done_and_reopened_on_the_follow_ups_page(
    page: Page, coffeechat_server
):
    url = coffeechat_server.url
    create_owner(page, coffeechat_server)
    add_organization(page, url, "Green Bank")
    add_contact(page, url, "Priya", "Shah", organization="Green Bank")
    mark_request_sent(page, "Priya Shah")

    page.get_by_role("link", name=re.compile("Follow-ups")).click()
    expect(page.get_by_role("heading", level=1, name=re.compile("Follow-ups"))).to_be_visible()
    open_row = page.get_by_role("row").filter(has_text="No reply yet")
    expect(open_row).to_contain_text("Priya Shah")
    expect(open_row).to_contain_text("Green Bank")
    done = page.locator("#recently-done")
    expect(done).to_have_text("Nothing yet.")

    open_row.get_by_role("button", name="Mark done").click()
    expect(flash(page, "Done: no reply yet for Priya Shah.")).to_be_visible()  # in place, Undo
    page.reload()
    expect(page.get_by_role("heading", level=1, name=re.compile("Follow-ups"))).to_be_visible()
    expect(page.get_by_role("row").filter(has_text="No reply yet")).to_have_count(0)
    # The rest of the routine (one nudge at 7 business days, moving on at 10) stays open.
    expect(page.get_by_role("row").filter(has_text="Send one polite follow-up")).to_be_visible()
    expect(page.get_by_role("row").filter(has_text="Move on")).to_be_visible()
    expect(done).to_contain_text("No reply yet: Priya Shah — Done,")

    done.get_by_role("button", name="Reopen").click()
    expect(flash(page, "Reopened: no reply yet for Priya Shah.")).to_be_visible()
    expect(page.get_by_role("row").filter(has_text="No reply yet")).to_contain_text("Priya Shah")
    expect(done).to_have_text("Nothing yet.")
    page.goto(f"{url}/")
    expect(page.locator(".today-item").filter(has_text="No reply from Priya Shah")).to_be_visible()


def test_mark_done_on_the_today_page_removes_the_item(page: Page, coffeechat_server):
    url = coffeechat_server.url
    create_owner(page, coffeechat_server)
    add_organization(page, url, "Green Bank")
    add_contact(page, url, "Priya", "Shah", organization="Green Bank")
    mark_request_sent(page, "Priya Shah")
    add_contact(page, url, "Sam", "Lee")
    mark_request_sent(page, "Sam Lee")

    page.get_by_role("link", name="Today", exact=True).click()
    priya = page.locator(".today-item").filter(has_text="No reply from Priya Shah (Green Bank)")
    sam = page.locator(".today-item").filter(has_text="No reply from Sam Lee")
    expect(priya).to_be_visible()
    expect(sam).to_be_visible()

    priya.get_by_role("button", name="Mark done").click()
    expect(flash(page, "Done: no reply yet for Priya Shah.")).to_be_visible()
    expect(page.get_by_role("heading", level=1, name=re.compile("^Today"))).to_be_visible()
    expect(priya).to_have_count(0)
    expect(sam).to_be_visible()

    sam.get_by_role("button", name="Mark done").click()
    expect(sam).to_have_count(0)
    page.reload()
    expect(page.get_by_text("Nothing is due.")).to_be_visible()


# 8. On a phone


STEP_LINKS = ("Today", "Research", "People", "Outreach", "Conversations", "Follow-ups")


@pytest.fixture
def phone(browser, request):
    """A fresh 390x844 browser context (the size of a common phone); a screenshot on failure."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.set_default_timeout(10_000)
    phone_page = context.new_page()
    try:
        yield phone_page
        failed = any(
            getattr(getattr(request.node, f"rep_{when}", None), "failed", False)
            for when in ("setup", "call")
        )
        if failed:
            artifacts = request.config.rootpath / "test-artifacts"
            artifacts.mkdir(exist_ok=True)
            phone_page.screenshot(path=str(artifacts / f"{request.node.name}.png"), full_page=True)
    finally:
        context.close()


def test_the_main_pages_fit_a_phone_screen_without_sideways_scrolling(
    phone: Page, coffeechat_server
):
    page = phone
    url = coffeechat_server.url
    console: list[str] = []
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
    page.on("pageerror", lambda error: console.append(f"pageerror: {error}"))

    create_owner(page, coffeechat_server)
    add_organization(
        page, url, "Green Bank International Sustainable Finance Group",
        industry="Sustainable finance and climate-aligned lending",
    )  # fmt: skip
    contact = add_contact(
        page, url, "Priya", "Shah-Okonkwo",
        organization="Green Bank International Sustainable Finance Group",
        email="priya.shah-okonkwo@greenbank-international.example",
        role="Senior climate bond analyst",
    )  # fmt: skip
    mark_request_sent(page, "Priya Shah-Okonkwo")
    tomorrow = date.today() + timedelta(days=1)
    page.goto(contact)
    prep = schedule_coffee(page, tomorrow, "Bean & Leaf, 3 Park Row, Leeds LS1 5HD")

    page.get_by_role("button", name="Start the conversation").click()
    expect(page.locator(".timer")).to_be_visible()
    conduct = page.url

    page.goto(contact)
    page.get_by_role("link", name="Write a request").click()
    expect(page.locator("#id_body")).to_be_visible()
    compose = page.url

    pages = {
        "Today": f"{url}/",
        "research list": f"{url}/research/",
        "contacts list": f"{url}/contacts/",
        "contact page": contact,
        "compose page": compose,
        "prep page": prep,
        "conduct page": conduct,
    }
    overflowing = []
    for name, address in pages.items():
        response = page.goto(address)
        assert response.status == 200, name
        page.wait_for_load_state("networkidle")
        if not page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"):
            overflowing.append(name)
        steps = page.get_by_role("navigation", name="The six steps")
        for link in STEP_LINKS:
            step = steps.get_by_role("link", name=re.compile(link))
            expect(step).to_be_visible()
            expect(step).to_be_in_viewport(ratio=1)
    assert overflowing == []

    complaints = [message for message in console if CSP_COMPLAINT.search(message)]
    assert complaints == []
