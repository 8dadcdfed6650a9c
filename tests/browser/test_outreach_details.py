"""Outreach details in a real browser: the LinkedIn cap when marking a note sent, a template of
your own previewed live then used, copying and downloading a draft, a mail server that says no,
and the profile's rule set, country and region as the compose page and Today then show them."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from browser.helpers import (
    CoffeechatServer,
    Mailbox,
    add_contact,
    add_organization,
    create_owner,
    go,
    use_mail_server,
)

NOTE_310 = (
    "Hi Priya, I found you through the Leeds alumni network and your move from insurance into "
    "climate risk is the path I hope to follow. Your talk at the Green Finance Forum stayed "
    "with me. Would you have 20 minutes for a call in the next few weeks, whenever suits "
    "you? Thanks, Maya K Chen (Leeds, economics, 2026)."
)
assert len(NOTE_310) == 310, len(NOTE_310)
MY_TEMPLATE = (
    "Dear {{first_name}},\n\nI found you through {{school}} and your work at {{organization}} "
    "is what drew me to the field. Would you have 20 minutes for a call?\n\nThank you,\n"
    "{{my_name}}"
)


class RefusingMailbox(Mailbox):
    """A mail server that turns every recipient away, as a strict relay does."""

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        return "550 No such user here"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def refusing_smtp_server() -> Iterator[tuple[RefusingMailbox, int]]:
    from aiosmtpd.controller import Controller

    mailbox = RefusingMailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    yield mailbox, controller.port
    controller.stop()


def save_profile_field(page: Page, fill) -> None:
    """Change the profile and wait for its autosave."""
    with page.expect_response(lambda r: r.request.method == "POST" and r.url.endswith("/profile/")):
        fill()


def set_up_profile(page: Page) -> None:
    page.get_by_label("Full name").fill("Maya Chen")
    page.get_by_label("Headline").fill("a final-year economics student at Leeds")
    save_profile_field(page, lambda: page.get_by_label("School").fill("Leeds"))


def check_panel(page: Page):
    return page.locator("#message-check")


def test_a_linkedin_note_over_300_characters_is_refused_when_marked_sent(
    page: Page, coffeechat_server: CoffeechatServer
):
    server = coffeechat_server
    create_owner(page, server)
    add_contact(page, server.url, "Priya", "Shah")
    page.get_by_role("link", name="Write a request").click()

    page.get_by_label("Sent by").select_option("LinkedIn")
    page.locator("#id_body").fill(NOTE_310)
    expect(check_panel(page).locator(".character-count")).to_have_text("310/300 characters")
    expect(check_panel(page).locator("[data-rule='too-long']")).to_contain_text("cut 10")
    page.get_by_role("button", name="Mark as sent").click()

    expect(
        page.get_by_text("LinkedIn caps connection notes at 300 characters; this one has 310.")
    ).to_be_visible()
    expect(page.locator("#id_body")).to_have_value(NOTE_310)  # nothing typed is lost
    page.get_by_role("link", name="Cancel").click()
    expect(page.locator(".badge.stage")).to_have_text("Identified")
    expect(page.get_by_text("Nothing yet. Messages, replies")).to_be_visible()

    # Cut to fit, it goes on the record.
    page.get_by_role("link", name="Write a request").click()
    page.get_by_label("Sent by").select_option("LinkedIn")
    page.locator("#id_body").fill(NOTE_310.replace(" (Leeds, economics, 2026)", ""))
    page.get_by_role("button", name="Mark as sent").click()
    expect(
        page.get_by_text("Marked your request for a conversation to Priya Shah as sent.")
    ).to_be_visible()
    expect(page.locator(".badge.stage")).to_have_text("Contacted")


def test_a_template_of_your_own_previews_live_as_you_type_then_writes_the_request(
    page: Page, coffeechat_server: CoffeechatServer, console_messages: list[str]
):
    server = coffeechat_server
    create_owner(page, server)
    set_up_profile(page)
    add_organization(page, server.url, "Green Bank")
    add_contact(page, server.url, "Priya", "Shah", email="priya@greenbank.example",
                organization="Green Bank")  # fmt: skip

    page.goto(f"{server.url}/outreach/templates/")
    page.get_by_role("link", name="Add a template").click()
    preview = page.locator("#template-preview")
    expect(preview).to_contain_text("Write the template to see it merged here.")
    page.get_by_label("Name").fill("Short and warm")
    page.get_by_label("Situation").select_option(label="Email request")
    page.get_by_label("Subject").fill("Advice from a {{school}} student")
    page.get_by_label("Body").fill(MY_TEMPLATE)

    # The preview fills the merge fields for a made-up contact, and says so.
    expect(preview).to_contain_text("Example only: merged for a made-up contact, Jordan Rivera")
    expect(preview.locator(".preview-subject")).to_have_text("Advice from a Leeds student")
    expect(preview.locator(".message-preview")).to_have_text(
        "Dear Jordan,\n\nI found you through Leeds and your work at Northwind Energy is what "
        "drew me to the field. Would you have 20 minutes for a call?\n\nThank you,\nMaya Chen"
    )
    expect(preview).to_contain_text("No problems found.")

    # Typing on: the preview and its findings follow.
    page.get_by_label("Body").press_sequentially(" PS: is your team hiring?")
    expect(preview.locator("[data-rule='mentions-jobs'] mark")).to_have_text("hiring")
    page.get_by_label("Body").fill(MY_TEMPLATE)
    expect(preview.locator("[data-rule='mentions-jobs']")).to_have_count(0)

    # Merged for one of your own contacts instead.
    page.get_by_label("Merged for").select_option(label="Priya Shah")
    expect(preview).to_contain_text("Merged for Priya Shah, one of your contacts.")
    expect(preview.locator(".message-preview")).to_contain_text("your work at Green Bank")
    page.get_by_role("button", name="Add template").click()
    expect(page.get_by_text("Added the template “Short and warm”.")).to_be_visible()

    # Editing it later: it saves as you type, and the preview keeps up.
    page.get_by_label("Subject").fill("A {{school}} student asking for advice")
    expect(page.locator("#autosave-status")).to_contain_text("Saved")
    expect(page.locator("#template-preview .preview-subject")).to_have_text(
        "A Leeds student asking for advice"
    )
    page.get_by_label("Subject").fill("Advice from a {{school}} student")
    expect(page.locator("#template-preview .preview-subject")).to_have_text(
        "Advice from a Leeds student"
    )
    expect(page.locator("#autosave-status")).to_contain_text("Saved")

    # Compose from it.
    page.goto(f"{server.url}/contacts/")
    page.get_by_role("link", name="Priya Shah").click()
    page.get_by_role("link", name="Write a request").click()
    with page.expect_response(lambda response: "template=" in response.url):
        page.get_by_label("Template").select_option(label="Short and warm")
    expect(page.locator("#id_subject")).to_have_value("Advice from a Leeds student")
    expect(page.locator("#id_body")).to_have_value(
        "Dear Priya,\n\nI found you through Leeds and your work at Green Bank is what "
        "drew me to the field. Would you have 20 minutes for a call?\n\nThank you,\nMaya Chen"
    )
    expect(check_panel(page)).to_contain_text("No problems found.")
    assert not [m for m in console_messages if m.startswith("pageerror") or "Content Security" in m]


def test_copy_puts_the_message_on_the_clipboard_and_the_eml_holds_subject_and_body(
    page: Page, coffeechat_server: CoffeechatServer, tmp_path: Path
):
    server = coffeechat_server
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url)
    create_owner(page, server)
    set_up_profile(page)
    add_contact(page, server.url, "Priya", "Shah", email="priya@greenbank.example")
    page.get_by_role("link", name="Write a request").click()
    page.locator("#id_subject").fill("A fellow Leeds graduate asking for advice")
    body = (
        "Dear Priya,\n\nI found you through the Leeds alumni network. Would you have 20 "
        "minutes for a call in the next few weeks?\n\nThank you,\nMaya Chen"
    )
    page.locator("#id_body").fill(body)

    page.get_by_role("button", name="Copy", exact=True).click()

    expect(page.get_by_role("button", name="Copied")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == body

    with page.expect_download() as download:
        page.get_by_role("button", name="Download .eml").click()
    assert download.value.suggested_filename == "Priya Shah.eml"
    saved = tmp_path / "draft.eml"
    download.value.save_as(saved)
    draft = message_from_bytes(saved.read_bytes(), policy=policy.default)
    assert draft["Subject"] == "A fellow Leeds graduate asking for advice"
    assert draft["To"].addresses[0].addr_spec == "priya@greenbank.example"
    assert draft.get_content().replace("\r\n", "\n").rstrip("\n") == body
    # A download is a draft, not a sent message.
    page.goto(f"{server.url}/contacts/")
    page.get_by_role("link", name="Priya Shah").click()
    expect(page.locator(".badge.stage")).to_have_text("Identified")


def test_a_mail_server_that_refuses_says_so_and_keeps_the_draft(
    page: Page, coffeechat_server: CoffeechatServer, refusing_smtp_server
):
    mailbox, port = refusing_smtp_server
    server = coffeechat_server
    create_owner(page, server)
    set_up_profile(page)
    use_mail_server(page, port)
    add_contact(page, server.url, "Priya", "Shah", email="priya@greenbank.example")
    page.get_by_role("link", name="Write a request").click()
    page.locator("#id_subject").fill("A fellow Leeds graduate asking for advice")
    body = "Dear Priya,\n\nWould you have 20 minutes for a call?\n\nThank you,\nMaya Chen"
    page.locator("#id_body").fill(body)

    page.get_by_role("button", name="Send", exact=True).click()

    expect(
        page.get_by_text(
            f"The mail server at 127.0.0.1:{port} refused the recipient "
            "priya@greenbank.example: 550 No such user here"
        )
    ).to_be_visible()
    expect(page.locator("#id_subject")).to_have_value("A fellow Leeds graduate asking for advice")
    expect(page.locator("#id_body")).to_have_value(body)
    assert mailbox.received == []
    page.get_by_role("link", name="Cancel").click()
    expect(page.get_by_text("Nothing yet. Messages, replies")).to_be_visible()


STATEMENT = (
    "Dear Priya,\n\nI found you through the Leeds alumni network. I'd be grateful for 20 "
    "minutes of your advice on climate finance.\n\nThank you,\nMaya Chen"
)


@pytest.mark.server_time("2026-11-25T09:00:00+00:00")  # a Wednesday; Monday 30th is St Andrew's
def test_the_profiles_rule_set_country_and_region_change_what_compose_and_today_say(
    page: Page, coffeechat_server: CoffeechatServer
):
    server = coffeechat_server
    owner = create_owner(page, server)
    add_contact(page, server.url, "Priya", "Shah", email="priya@greenbank.example")
    page.get_by_role("link", name="Write a request").click()
    page.locator("#id_body").fill(STATEMENT)
    check = check_panel(page)
    expect(check).to_contain_text("Aim for under 100 words")
    expect(check).to_contain_text("No problems found.")
    expect(check.locator("[data-rule='ask-not-a-question']")).to_have_count(0)

    page.goto(f"{server.url}/profile/")
    save_profile_field(page, lambda: page.get_by_label("Country").fill("GB"))
    save_profile_field(page, lambda: page.get_by_label("Region").fill("XX"))
    expect(page.locator("#autosave-status")).to_contain_text("Not saved")
    save_profile_field(page, lambda: page.get_by_label("Region").fill("SCT"))
    save_profile_field(page, lambda: page.get_by_label("Message rules").select_option("strict"))
    page.reload()
    expect(page.get_by_label("Country")).to_have_value("GB")
    expect(page.get_by_label("Region")).to_have_value("SCT")

    # The stricter rules: 75 words, the request as a question.
    page.goto(f"{server.url}/contacts/")
    page.get_by_role("link", name="Priya Shah").click()
    page.get_by_role("link", name="Write a request").click()
    page.locator("#id_body").fill(STATEMENT)
    expect(check).to_contain_text("Aim for under 75 words")
    expect(check).to_contain_text("as a question ending in “?”")
    expect(check.locator("[data-rule='ask-not-a-question']")).to_be_visible()
    page.locator("#id_body").fill(
        "Dear Priya,\n\nI found you through the Leeds alumni network. Could you spare 20 "
        "minutes to share your advice on climate finance?\n\nThank you,\nMaya Chen"
    )
    expect(check).to_contain_text("No problems found.")
    page.get_by_role("button", name="Mark as sent").click()
    expect(page.locator(".badge.stage")).to_have_text("Contacted")

    # Scotland's St Andrew's Day (Monday 30th) is no business day: the nudge waits a day more.
    go(page, server, owner, "/")
    waiting = page.locator(".today-item").filter(has_text="No reply from Priya Shah")
    expect(waiting).to_contain_text("due Tue 1 Dec")
