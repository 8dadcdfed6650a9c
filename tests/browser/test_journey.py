"""The whole six-step journey for one informational interview, walked in a real browser through
`coffeechat serve`, from an empty database: the Today page is checked after every step."""

from __future__ import annotations

import re
from datetime import date, timedelta

from playwright.sync_api import Page, expect

from browser.helpers import create_owner, today_item, type_and_wait_for_autosave

PITCH = "I'm finishing economics and want to help companies cut their emissions."
BACKGROUND = "Two summers at a credit-rating agency; a dissertation on green bonds."


def today_page(page: Page, url: str) -> None:
    page.goto(f"{url}/")
    expect(page.get_by_role("heading", level=1, name=re.compile("^Today"))).to_be_visible()


def autosaved(page: Page, status_selector: str) -> None:
    expect(page.locator(status_selector)).to_contain_text(re.compile(r"Saved \d\d:\d\d:\d\d"))


def test_a_job_seeker_walks_one_informational_interview_end_to_end(page: Page, coffeechat_server):
    url = coffeechat_server.url
    create_owner(page, coffeechat_server, username="maya")

    # The profile: pitch and background show on every prep page; it saves as you type.
    page.get_by_label("Full name").fill("Maya Chen")
    page.get_by_label("Headline").fill("a final-year economics student at Leeds")
    page.get_by_label("School").fill("Leeds")
    page.get_by_label("Fields of interest").fill("climate finance")
    type_and_wait_for_autosave(page, page.get_by_label("Elevator pitch"), PITCH)
    type_and_wait_for_autosave(page, page.get_by_label("Background summary"), BACKGROUND)
    autosaved(page, "#autosave-status")
    page.reload()
    expect(page.get_by_label("Elevator pitch")).to_have_value(PITCH)
    expect(page.get_by_label("Background summary")).to_have_value(BACKGROUND)

    today_page(page, url)
    expect(page.get_by_text("Nothing is due.")).to_be_visible()

    # 1. Research: a target organization, top of the list.
    page.get_by_role("link", name=re.compile("Research")).first.click()
    page.get_by_role("link", name="Add organization").click()
    page.get_by_label("Name").fill("Green Bank")
    page.get_by_label("Website").fill("https://greenbank.example")
    page.get_by_label("Industry").fill("Sustainable finance")
    page.get_by_label("Motivation").select_option("3")
    page.get_by_label("Notes").fill("Runs a **climate bond** desk.")
    page.get_by_role("button", name="Add organization").click()
    expect(page.get_by_role("heading", name="Green Bank")).to_be_visible()
    expect(page.locator("strong", has_text="climate bond")).to_be_visible()
    page.goto(f"{url}/research/")
    expect(page.get_by_role("row").filter(has_text="Green Bank")).to_contain_text("top 5")

    # Today: nothing is due yet, but a top-5 target with nobody there is the next move.
    today_page(page, url)
    expect(page.get_by_text("Nothing is due.")).to_be_visible()
    find = today_item(page, "Find someone at Green Bank")
    expect(find).to_be_visible()

    # 2. Identify: an alumna who works there.
    find.get_by_role("link", name="Add someone there").click()
    expect(page.get_by_role("heading", name="Green Bank")).to_be_visible()
    page.get_by_role("link", name="Add a contact here").click()
    page.get_by_label("First name").fill("Priya")
    page.get_by_label("Last name").fill("Shah")
    page.get_by_label("Email").fill("priya.shah@greenbank.example")
    page.get_by_label("Role").fill("Climate bond analyst")
    page.get_by_label("Education").fill("BSc Economics, Leeds")
    page.get_by_label("How you know them").select_option("alumni")
    page.get_by_role("button", name="Add contact").click()
    expect(page.get_by_role("heading", name="Priya Shah")).to_be_visible()
    expect(page.locator(".badge.stage")).to_have_text("Identified")

    # Today: the next move is now a request to her.
    today_page(page, url)
    expect(today_item(page, "Find someone at Green Bank")).to_have_count(0)
    write = today_item(page, "Write to Priya Shah at Green Bank")
    expect(write).to_contain_text("no mention of jobs")

    # 3. Make contact: the drafted request names the connection, and is marked sent.
    write.get_by_role("link", name="Write a request").click()
    body = page.locator("#id_body")
    expect(body).to_have_value(re.compile(r"^Dear Priya,"))
    expect(body).to_have_value(re.compile("Leeds alumni network"))
    expect(body).to_have_value(re.compile("15-20 minutes"))
    mailto = page.get_by_role("link", name="Open in mail app")
    expect(mailto).to_have_attribute("href", re.compile(r"^mailto:priya\.shah%40greenbank"))
    expect(page.locator("#message-check")).to_contain_text(re.compile(r"\d+ words"))
    page.get_by_role("button", name="Mark as sent").click()
    expect(
        page.get_by_text("Marked your request for a conversation to Priya Shah as sent.")
    ).to_be_visible()
    expect(page.locator(".badge.stage")).to_have_text("Contacted")

    today_page(page, url)
    waiting = today_item(page, "No reply from Priya Shah (Green Bank)")
    expect(waiting).to_be_visible()
    expect(waiting).to_contain_text("due")  # three business days out: coming up, not yet due
    expect(today_item(page, "Write to Priya Shah")).to_have_count(0)

    # ... and she replies: the follow-up settles itself.
    page.goto(f"{url}/contacts/")
    page.get_by_role("link", name="Priya Shah").click()
    page.get_by_role("link", name="Log a reply").click()
    page.get_by_label("Outcome").select_option("agreed")
    page.get_by_role("button", name="Log reply").click()
    expect(page.locator(".badge.stage")).to_have_text("Replied")
    today_page(page, url)
    expect(today_item(page, "No reply from Priya Shah")).to_have_count(0)

    # 4. Prepare: schedule a video call tomorrow, pick questions, add one of our own.
    page.goto(f"{url}/contacts/")
    page.get_by_role("link", name="Priya Shah").click()
    page.get_by_role("link", name="Schedule a conversation").click()
    tomorrow = date.today() + timedelta(days=1)
    page.get_by_label("Date").fill(tomorrow.isoformat())
    page.get_by_label("Start time").fill("10:00")
    expect(page.get_by_label("Length (minutes)")).to_have_value("20")
    page.get_by_label("Mode").select_option("video")
    page.get_by_label("Video link").fill("https://meet.example/priya")
    page.get_by_role("button", name="Schedule conversation").click()
    expect(
        page.get_by_role("heading", name=re.compile("Conversation with Priya Shah"))
    ).to_be_visible()
    expect(page.get_by_text(PITCH)).to_be_visible()
    expect(page.get_by_text(BACKGROUND)).to_be_visible()

    questions = page.locator("#questions")
    questions.get_by_label("What does a typical week look like for you?").check()
    questions.get_by_label(re.compile("What changes do you see coming")).check()
    questions.get_by_role("button", name="Add chosen questions").click()
    page.get_by_role("textbox", name="Your question").fill("How did the climate bond desk start?")
    page.get_by_role("button", name="Add question").click()
    expect(page.locator("#questions")).to_contain_text("How did the climate bond desk start?")

    today_page(page, url)
    upcoming = today_item(page, "Conversation with Priya Shah (Green Bank)")
    expect(upcoming).to_be_visible()
    upcoming.get_by_role("link", name="Prepare").click()
    expect(
        page.get_by_role("heading", name=re.compile("Conversation with Priya Shah"))
    ).to_be_visible()

    # 5. Conduct: timer, notes that autosave and survive a reload, referrals and advice.
    page.get_by_role("button", name="Start the conversation").click()
    expect(page.locator(".timer")).to_have_text(re.compile(r"^\d+:\d\d$"))
    expect(page.locator(".timer-left")).to_contain_text("of the 20 you asked for")
    page.get_by_label("Thank them for their time").check()
    autosaved(page, "#agenda-status")
    answer = page.get_by_label(re.compile(r"^\d\. What does a typical week look like"))
    type_and_wait_for_autosave(
        page, answer, "Mornings on deals, afternoons on research; Fridays are reporting."
    )
    answer_id = answer.get_attribute("id")
    autosaved(page, f"#answer-status-{answer_id.removeprefix('answer-')}")
    page.reload()
    expect(page.locator(f"#{answer_id}")).to_have_value(
        "Mornings on deals, afternoons on research; Fridays are reporting."
    )
    expect(page.get_by_label("Thank them for their time")).to_be_checked()

    referrals = page.locator("#referrals")
    referrals.get_by_label("First name").fill("Sam")
    referrals.get_by_label("Last name").fill("Lee")
    referrals.get_by_label("Organization").fill("Carbon Partners")
    referrals.get_by_label("May I use your name?").check()
    referrals.get_by_role("button", name="Add referral").click()
    expect(referrals).to_contain_text("Sam Lee")
    expect(referrals).to_contain_text("may use name: yes")
    page.locator("#advice").get_by_label("Advice").fill("Learn the green bond principles")
    page.locator("#advice").get_by_role("button", name="Add advice").click()
    expect(page.locator("#advice")).to_contain_text("Learn the green bond principles")
    page.locator("#resources").get_by_label("Resource").fill("Climate Bonds Initiative reports")
    page.locator("#resources").get_by_role("button", name="Add resource").click()
    expect(page.locator("#resources")).to_contain_text("Climate Bonds Initiative reports")

    # Mid-conversation, Today leads back to the notes rather than to preparation.
    conduct_url = page.url
    today_page(page, url)
    ongoing = today_item(page, "Conversation with Priya Shah (Green Bank)")
    ongoing.get_by_role("link", name="Continue the conversation").click()
    expect(page).to_have_url(conduct_url)
    expect(page.locator(f"#{answer_id}")).to_have_value(
        "Mornings on deals, afternoons on research; Fridays are reporting."
    )

    # 6. Follow up: end it, thank her, then write to the referral.
    page.get_by_label("What you learned").fill("Analysts come from economics and law.")
    page.get_by_label("What you still want to know").fill("How the desk hires juniors.")
    page.get_by_label("Your next steps").fill("Read the green bond principles; write to Sam.")
    page.get_by_role("button", name="End conversation").click()
    expect(page.get_by_text("Analysts come from economics and law.")).to_be_visible()
    expect(page.get_by_text("Climate Bonds Initiative reports")).to_be_visible()

    today_page(page, url)
    thanks = today_item(page, "Thank Priya Shah (Green Bank)")
    expect(thanks).to_be_visible()
    expect(page.locator("[data-section='today']")).to_contain_text("Thank Priya Shah")
    expect(thanks).to_contain_text(re.compile(r"by \w{3} \d\d:\d\d"))  # the 24-hour deadline
    referral = today_item(page, "Contact referral Sam Lee (Carbon Partners)")
    expect(referral).to_contain_text("Referred by Priya Shah. You may mention Priya.")
    expect(today_item(page, "Conversation with Priya Shah")).to_have_count(0)

    thanks.get_by_role("link", name="Write thank-you").click()
    expect(page.locator("#id_body")).to_have_value(re.compile("green bond principles"))
    expect(page.locator("#id_body")).to_have_value(re.compile("speak with Sam"))
    page.get_by_role("button", name="Mark as sent").click()
    expect(page.get_by_text("Marked your thank-you to Priya Shah as sent.")).to_be_visible()
    expect(page.locator(".badge.stage")).to_have_text("Thanked")
    timeline = page.locator("#timeline, section:has(h2:text('Timeline'))").first
    expect(timeline).to_contain_text("Thank-you")
    expect(timeline).to_contain_text("Conversation (held")

    today_page(page, url)
    expect(today_item(page, "Thank Priya Shah")).to_have_count(0)
    referral = today_item(page, "Contact referral Sam Lee")
    referral.get_by_role("link", name="Write to them").click()
    body = page.locator("#id_body")
    expect(body).to_have_value(re.compile("Priya Shah suggested I get in touch"))
    page.get_by_label("Sent by").select_option("phone")  # Sam has no email address on file
    page.get_by_role("button", name="Mark as sent").click()
    expect(page.get_by_role("heading", name="Sam Lee")).to_be_visible()
    expect(page.get_by_role("link", name="Priya Shah", exact=True)).to_be_visible()  # introduced by

    today_page(page, url)
    expect(today_item(page, "Contact referral Sam Lee")).to_have_count(0)
    expect(today_item(page, "No reply from Sam Lee (Carbon Partners)")).to_be_visible()
