"""The conversation clock and the record it leaves, in a real browser: opening the conversation
page starts nothing; Start, Pause, a reload, Resume and End measure the time really talked; the
held conversation's page is its record (notes under each question, no preparation advice), and
its start and length can be corrected. The server's clock is moved by restarting it."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from browser.helpers import CoffeechatServer, Owner, add_contact, create_owner, go

# A Wednesday in November: London is on UTC, so the times below read the same in both.
NOON = "2026-11-18T12:00:00+00:00"
TIMER = re.compile(r"^\d+:\d\d$")


def at(minutes: int) -> str:
    return f"2026-11-18T12:{minutes:02d}:00+00:00"


def schedule_coffee(page: Page, time: str) -> str:
    """From the contact's page: coffee on 18 November at `time`, London; ends on its page."""
    page.get_by_role("link", name="Schedule a conversation").click()
    page.get_by_label("Date").fill("2026-11-18")
    page.get_by_label("Start time").fill(time)
    page.get_by_label("Time zone").select_option("Europe/London")
    page.get_by_label("Mode").select_option("coffee")
    page.get_by_label("Place").fill("Green Bank café")
    page.get_by_role("button", name="Schedule conversation").click()
    expect(page.get_by_role("heading", name=re.compile("Conversation with"))).to_be_visible()
    return page.url


def clock(page: Page):
    return page.locator("#clock")


def press(page: Page, server: CoffeechatServer, owner: Owner, url: str, minute: int, name: str):
    """At 12:`minute` on the server's clock, press one of the clock's buttons."""
    server.restart(at(minute))
    go(page, server, owner, url.removeprefix(server.url))
    clock(page).get_by_role("button", name=name).click()


@pytest.mark.server_time(NOON)
def test_the_clock_runs_only_from_start_pauses_survives_a_reload_and_is_what_is_recorded(
    page: Page, coffeechat_server: CoffeechatServer
):
    server = coffeechat_server
    owner = create_owner(page, server)
    add_contact(page, server.url, "Priya", "Shah")
    schedule_coffee(page, "12:15")

    # Opened a quarter of an hour early to get ready: the clock waits.
    page.get_by_role("link", name="Open the conversation page").click()
    conduct = page.url
    expect(clock(page)).to_contain_text("The clock is not running")
    expect(clock(page).locator(".timer")).to_have_text("0:00")
    expect(clock(page).get_by_role("button", name="Pause")).to_have_count(0)
    page.reload()
    expect(clock(page).locator(".timer")).to_have_text("0:00")

    press(page, server, owner, conduct, 15, "Start the conversation")
    expect(clock(page).get_by_role("button", name="Pause")).to_be_visible()
    expect(clock(page)).to_contain_text("Running since 12:15")
    expect(clock(page).locator(".timer-left")).to_contain_text("of the 20 you asked for")

    # Six minutes in, the call drops: Pause. The time stands still, across reloads and restarts.
    press(page, server, owner, conduct, 21, "Pause")
    expect(clock(page)).to_contain_text("Paused at 12:21")
    paused = clock(page).locator(".timer").inner_text()
    assert re.fullmatch(r"[56]:\d\d", paused), paused
    page.reload()
    expect(clock(page).locator(".timer")).to_have_text(paused)
    server.restart(at(30))
    go(page, server, owner, conduct.removeprefix(server.url))
    expect(clock(page).locator(".timer")).to_have_text(paused)
    expect(clock(page).get_by_role("button", name="Resume")).to_be_visible()

    # Back on the line at 12:35, and twenty minutes more before saying goodbye.
    press(page, server, owner, conduct, 35, "Resume")
    expect(clock(page).get_by_role("button", name="Pause")).to_be_visible()
    expect(clock(page).locator(".timer")).to_have_text(TIMER)
    server.restart(at(55))
    go(page, server, owner, conduct.removeprefix(server.url))
    expect(clock(page).locator(".timer-left")).to_contain_text("min over the agreed 20")
    page.get_by_label("What you learned").fill("Analysts come from audit.")
    page.get_by_role("button", name="End conversation").click()

    expect(page.get_by_role("heading", name="How it went")).to_be_visible()
    expect(page.locator(".held-when")).to_contain_text("Held Wednesday 18 November 2026, 12:15")
    expect(page.locator(".held-when")).to_contain_text("for 26 minutes")
    expect(page.get_by_label("Length (minutes)")).to_have_value("26")


@pytest.mark.server_time(NOON)
def test_resetting_the_clock_asks_first_and_leaves_it_not_started(
    page: Page, coffeechat_server: CoffeechatServer
):
    server = coffeechat_server
    create_owner(page, server)
    add_contact(page, server.url, "Sam", "Lee")
    schedule_coffee(page, "12:30")
    # Pressed by mistake long before the call.
    page.get_by_role("button", name="Start the conversation").click()
    expect(clock(page).get_by_role("button", name="Pause")).to_be_visible()

    clock(page).get_by_role("link", name="Reset the clock").click()
    expect(page.get_by_role("heading", name=re.compile("Reset the clock"))).to_be_visible()
    page.get_by_role("link", name="Keep it").click()
    expect(clock(page).get_by_role("button", name="Pause")).to_be_visible()

    clock(page).get_by_role("link", name="Reset the clock").click()
    page.get_by_role("button", name="Yes, reset the clock").click()
    expect(page.get_by_text("The clock is reset.")).to_be_visible()
    expect(clock(page)).to_contain_text("The clock is not running")
    expect(clock(page).locator(".timer")).to_have_text("0:00")
    expect(clock(page).get_by_role("button", name="Start the conversation")).to_be_visible()


@pytest.mark.server_time(NOON)
def test_a_held_conversation_shows_its_record_and_its_start_and_length_can_be_corrected(
    page: Page, coffeechat_server: CoffeechatServer, tmp_path: Path
):
    server = coffeechat_server
    create_owner(page, server)
    add_contact(page, server.url, "Priya", "Shah")
    schedule_coffee(page, "11:00")
    research = page.get_by_label("Research the person")
    research.fill("Priya moved from audit to green bonds in 2021.")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Preparation saved.")).to_be_visible()
    for question in ("What surprised you most in your first year?", "How do people get hired?"):
        page.get_by_role("textbox", name="Your question").fill(question)
        page.get_by_role("button", name="Add question").click()
        expect(page.get_by_text("Added your question")).to_be_visible()

    # Held, but nobody pressed Start: the notes are typed under the questions all the same.
    page.get_by_role("link", name="Open the conversation page").click()
    first = page.get_by_label("1. What surprised you most in your first year?")
    with page.expect_response(lambda r: "/notes/" in r.url and r.request.method == "POST"):
        first.fill("How much of the job is writing.")
    second = page.get_by_label("2. How do people get hired?")
    with page.expect_response(lambda r: "/notes/" in r.url and r.request.method == "POST"):
        second.fill("Mostly referrals; apply early in the autumn.")
    page.get_by_label("What you learned").fill("Green bonds need lawyers and analysts.")
    page.get_by_role("button", name="End conversation").click()

    record = page.locator(".outcome")
    expect(record).to_contain_text("Green bonds need lawyers and analysts.")
    answers = record.locator("ol.answers > li")
    expect(answers).to_have_count(2)
    expect(answers.nth(0)).to_contain_text("What surprised you most in your first year?")
    expect(answers.nth(0)).to_contain_text("How much of the job is writing.")
    expect(answers.nth(1)).to_contain_text("Mostly referrals; apply early in the autumn.")
    expect(page.get_by_text("Dress as for a job interview", exact=False)).to_have_count(0)
    expect(page.get_by_role("heading", name="Elevator pitch")).to_have_count(0)
    expect(page.get_by_text("Priya moved from audit to green bonds in 2021.")).to_have_count(1)
    expect(record).to_contain_text("the clock was not run")

    # The record is corrected: a typo first, then the real start and length.
    time = page.locator("#time")
    time.get_by_label("Started at").fill("11:05")
    time.get_by_label("Length (minutes)").fill("0")
    time.get_by_role("button", name="Save start and length").click()
    expect(page.locator("#time")).to_contain_text("between 1 and 240 (0 cannot be right)")
    page.locator("#time").get_by_label("Length (minutes)").fill("600")
    page.locator("#time").get_by_role("button", name="Save start and length").click()
    expect(page.locator("#time")).to_contain_text("(600 cannot be right)")
    page.locator("#time").get_by_label("Date").fill("2026-11-19")
    page.locator("#time").get_by_label("Length (minutes)").fill("35")
    page.locator("#time").get_by_role("button", name="Save start and length").click()
    expect(page.locator("#time")).to_contain_text("That start is in the future")

    page.locator("#time").get_by_label("Date").fill("2026-11-18")
    page.locator("#time").get_by_role("button", name="Save start and length").click()
    expect(page.get_by_text("Saved when it started and how long it lasted.")).to_be_visible()
    expect(page.locator(".held-when")).to_contain_text("Held Wednesday 18 November 2026, 11:05")
    expect(page.locator(".held-when")).to_contain_text("for 35 minutes")
    page.reload()
    expect(page.locator("#time").get_by_label("Length (minutes)")).to_have_value("35")

    # The conversations spreadsheet carries the notes under each question, and the correction.
    page.get_by_role("navigation", name="Account").get_by_role("link", name="Your data").click()
    with page.expect_download() as started:
        page.get_by_role("link", name="Conversations (CSV)").click()
    saved = tmp_path / started.value.suggested_filename
    started.value.save_as(saved)
    (row,) = csv.DictReader(io.StringIO(saved.read_text("utf-8-sig"), newline=""))
    assert row["Question Notes"] == (
        "Q: What surprised you most in your first year? — A: How much of the job is writing.\n\n"
        "Q: How do people get hired? — A: Mostly referrals; apply early in the autumn."
    )
    assert (row["Started"], row["Held Minutes"]) == ("2026-11-18 11:05", "35")
