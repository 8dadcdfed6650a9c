"""Compose in a real browser picks the wording for how you know the person: a former colleague
gets "Hi <the name they go by>" and no self-introduction, a cold contact with a title "Dear
Dr. Public", and someone referred without leave to use the referrer's name is not told it."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from browser.helpers import CoffeechatServer, add_contact, create_owner


def set_up_profile(page: Page) -> None:
    page.get_by_label("Full name").fill("Maya Chen")
    page.get_by_label("Headline").fill("a middle-school science teacher moving into UX research")
    with page.expect_response(lambda r: r.request.method == "POST" and "/profile/" in r.url):
        page.get_by_label("Fields of interest").fill("UX research")


def give_name_parts(page: Page, contact_url: str, **parts: str) -> None:
    """A title or the name they go by, typed under "More name details" on the contact's form."""
    page.goto(f"{contact_url}edit/")
    page.get_by_text("More name details").click()
    labels = {"honorific": "Title", "goes_by": "Goes by"}
    for name, value in parts.items():
        page.get_by_label(labels[name], exact=True).fill(value)
    page.get_by_role("button", name=re.compile("Save")).click()


def compose(page: Page, contact_url: str) -> None:
    page.goto(contact_url)
    page.get_by_role("link", name="Write a request").click()
    expect(page.get_by_role("heading", level=1, name=re.compile("Write a request"))).to_be_visible()


def test_a_former_colleague_is_greeted_by_the_name_they_go_by_without_an_introduction(
    page: Page, coffeechat_server: CoffeechatServer
):
    url = coffeechat_server.url
    create_owner(page, coffeechat_server)
    set_up_profile(page)
    john = add_contact(
        page, url, "John", "Public", email="john@khan.example", how_you_know_them="Former colleague"
    )
    give_name_parts(page, john, goes_by="Johnny")
    compose(page, john)
    body = page.locator("#id_body")
    expect(body).to_have_value(re.compile(r"^Hi Johnny,\n\nIt's been a while since we worked"))
    expect(body).not_to_have_value(re.compile("I'm Maya|came across your work"))
    expect(page.locator("#template-reason")).to_have_text(
        "Former colleague: no need to introduce yourself."
    )
    expect(page.get_by_label("Template").locator("option:checked")).to_have_text(
        "Email to a former colleague"
    )
    # Someone who worked with you hears from you by your first name.
    expect(body).to_have_value(re.compile(r"Best wishes,\nMaya$"))
    # Picking another template still says what that one is for.
    page.get_by_label("Template").select_option(label="Cold email")
    expect(page.locator("#template-reason")).to_have_text(
        "Written for someone you have no connection with yet: an email asking for 15-20 minutes "
        "of advice."
    )


def test_a_cold_contact_with_a_title_is_written_to_formally(
    page: Page, coffeechat_server: CoffeechatServer
):
    url = coffeechat_server.url
    create_owner(page, coffeechat_server)
    set_up_profile(page)
    john = add_contact(
        page,
        url,
        "John",
        "Public",
        email="jp@ideo.example",
        how_you_know_them="Cold (no connection yet)",
    )
    give_name_parts(page, john, honorific="Dr.")
    compose(page, john)
    body = page.locator("#id_body")
    expect(body).to_have_value(re.compile(r"^Dear Dr\. Public,\n\nI came across your work"))
    # The headline already says the field: it is not said twice.
    expect(body).to_have_value(
        re.compile(r"I'm Maya Chen, a middle-school science teacher moving into UX research\.")
    )
    expect(page.locator("#message-check")).not_to_contain_text("merge field")


def test_someone_referred_without_leave_to_use_the_name_is_not_told_who(
    page: Page, coffeechat_server: CoffeechatServer
):
    url = coffeechat_server.url
    create_owner(page, coffeechat_server)
    set_up_profile(page)
    add_contact(page, url, "Priya", "Shah", email="priya@example.org", how_you_know_them="Friend")
    page.goto(f"{url}/contacts/new/")
    page.get_by_label("First name").fill("Sam")
    page.get_by_label("Last name").fill("Lee")
    page.get_by_label("Email").fill("sam@acme.example")
    page.get_by_label("How you know them").select_option(label="Referral")
    page.get_by_label("Introduced by").select_option(label="Priya Shah")
    page.get_by_role("button", name="Add contact").click()
    expect(page.get_by_role("heading", level=1, name=re.compile("Sam Lee"))).to_be_visible()
    page.get_by_role("link", name="Write a request").click()
    body = page.locator("#id_body")
    expect(body).to_have_value(re.compile(r"^Dear Sam,\n\nA mutual contact suggested I get"))
    expect(body).not_to_have_value(re.compile("Priya"))
    expect(page.locator("#id_subject")).to_have_value("A mutual contact suggested I get in touch")
    expect(page.locator("#template-reason")).to_contain_text("without naming them")
