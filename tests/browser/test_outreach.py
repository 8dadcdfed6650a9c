"""Outreach in a real browser: a request drafted from a template, checked as you type, then sent
through a real SMTP server (aiosmtpd, started here) configured on the profile page."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from browser.helpers import CoffeechatServer, create_owner, use_mail_server, wait_for

FILLER = (
    "The work your team does on green bonds and transition plans is exactly what I want to "
    "understand better, from the way deals are structured to the way the impact is measured "
    "and reported to investors over the years that follow each issue."
)
# 130 words that mention a job ("position"): two problems for the checker.
TOO_LONG = (
    "Dear Priya,\n\nI found you through the Leeds alumni network. I'm looking for a position "
    f"in climate finance. {FILLER} {FILLER} Your recent talk at the Leeds careers fair was very "
    "inspiring.\n\nWould you have 15-20 minutes for a call, whenever suits you?\n\n"
    "Thank you,\nMaya Chen"
)
assert len(TOO_LONG.split()) == 130
FIXED = (
    "Dear Priya,\n\nI found you through the Leeds alumni network. I'm Maya Chen, a final-year "
    "economics student at Leeds, exploring climate finance.\n\nI would value your advice on "
    "the field and on how you found your way into it. Would you have 15-20 minutes for a call "
    "or a coffee in the next few weeks, whenever suits you?\n\nThank you,\nMaya Chen"
)


def switch_template(page: Page, label: str) -> None:
    """Pick another template and wait until htmx has swapped in the new draft and wired it up
    (it processes swapped-in content once it settles, 20 ms later)."""
    with page.expect_response(lambda response: "template=" in response.url):
        page.get_by_label("Template").select_option(label=label)
    expect(page.locator(".htmx-request, .htmx-swapping, .htmx-settling")).to_have_count(0)


def set_up_profile_and_mail(page: Page, port: int) -> None:
    """Profile details for the merge fields, and the local SMTP server, through the UI."""
    page.get_by_label("Full name").fill("Maya Chen")
    page.get_by_label("Headline").fill("a final-year economics student at Leeds")
    page.get_by_label("School").fill("Leeds")
    with page.expect_response(lambda r: r.request.method == "POST" and "/profile/" in r.url):
        page.get_by_label("Fields of interest").fill("climate finance")
    use_mail_server(page, port)
    expect(page.locator("#email-sending").get_by_label("SMTP server")).to_have_value("127.0.0.1")


def add_alumna(page: Page, server: CoffeechatServer) -> None:
    page.goto(f"{server.url}/contacts/new/")
    page.get_by_label("First name").fill("Priya")
    page.get_by_label("Last name").fill("Shah")
    page.get_by_label("Email").fill("priya.shah@greenbank.example")
    page.get_by_label("How you know them").select_option("alumni")
    page.get_by_role("button", name="Add contact").click()
    expect(page.get_by_role("heading", level=1, name=re.compile("Priya Shah"))).to_be_visible()


def test_a_request_is_checked_as_you_type_and_sent_through_smtp(
    page: Page, coffeechat_server: CoffeechatServer, smtp_server
):
    mailbox, port = smtp_server
    create_owner(page, coffeechat_server, username="maya")
    set_up_profile_and_mail(page, port)
    add_alumna(page, coffeechat_server)

    # Compose: the alumni template is picked for an alumna; switching template re-drafts.
    page.get_by_role("link", name="Write a request").click()
    picker = page.get_by_label("Template")
    expect(picker.locator("option:checked")).to_have_text("Fellow alumni")
    subject, body = page.locator("#id_subject"), page.locator("#id_body")
    expect(subject).to_have_value("A fellow Leeds alum asking for advice")
    expect(body).to_have_value(re.compile(r"^Dear Priya,\n\nI found you through the Leeds alumni"))
    switch_template(page, "Cold email")
    expect(subject).to_have_value("Your advice on climate finance")
    switch_template(page, "Fellow alumni")
    expect(subject).to_have_value("A fellow Leeds alum asking for advice")
    expect(page).to_have_url(re.compile(r"/outreach/write/\d+/\?template=\d+$"))
    check = page.locator("#message-check")
    expect(check).to_contain_text("No problems found.")

    # A long draft that mentions a job: the findings beside it update as you type.
    page.locator("#id_body").fill(TOO_LONG)
    jobs = check.locator("[data-rule='mentions-jobs']")
    expect(jobs).to_be_visible()
    expect(jobs.locator("mark")).to_have_text("position")
    expect(jobs.locator(".badge")).to_have_text("problem")
    expect(check.locator("[data-rule='too-long']")).to_contain_text("130 words")
    expect(check.locator(".word-count")).to_have_text("130 words")

    # Fixed: the findings go away.
    page.locator("#id_body").fill(FIXED)
    expect(check.locator("[data-rule='mentions-jobs']")).to_have_count(0)
    expect(check.locator("[data-rule='too-long']")).to_have_count(0)
    expect(check).to_contain_text("No problems found; 1 suggestion below.")

    # Send: the local server receives exactly what the timeline then shows.
    page.get_by_role("button", name="Send", exact=True).click()
    expect(
        page.get_by_text(
            "Sent your request for a conversation to Priya Shah (priya.shah@greenbank.example) "
            f"through 127.0.0.1:{port}."
        )
    ).to_be_visible()
    wait_for(lambda: mailbox.received)
    [received] = mailbox.received
    assert received["To"].addresses[0].addr_spec == "priya.shah@greenbank.example"
    assert received["From"].addresses[0].addr_spec == "maya@example.org"
    assert received["Subject"] == "A fellow Leeds alum asking for advice"
    assert received.get_content().replace("\r\n", "\n").rstrip("\n") == FIXED
    timeline = page.locator("#timeline + .timeline")
    expect(timeline).to_contain_text(
        "Request for a conversation sent (Email): “A fellow Leeds alum asking for advice”"
    )
    timeline.get_by_text("Show message").first.click()
    expect(timeline.locator(".message-preview").first).to_have_text(FIXED)
    expect(page.locator(".badge.stage")).to_have_text("Contacted")
