"""Helpers for browser tests: `from .helpers import create_owner` in a test module here."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage

from playwright.sync_api import Page, expect

OWNER_PASSWORD = "a long browser passphrase 42"
# The setup form has "Password" and "Password (again)"; labels of required fields end in " *".
PASSWORD_LABEL = re.compile(r"^Password(?!\s*\(again\))")


@dataclass
class CoffeechatServer:
    """A running `coffeechat serve`: its base URL (no trailing slash) and one-time setup link."""

    url: str
    setup_url: str
    output: list[str] = field(default_factory=list, repr=False)
    # restart(at): the same server and data, its clock set to `at` (an ISO date-time).
    restart: Callable[[str], None] = field(default=lambda at: None, repr=False)

    @property
    def log(self) -> str:
        return "".join(self.output)


@dataclass(frozen=True)
class Owner:
    username: str
    password: str


def create_owner(
    page: Page, server: CoffeechatServer, username: str = "maya", password: str = OWNER_PASSWORD
) -> Owner:
    """Create the first account through the setup link, as a new user would; ends logged in
    on the profile page."""
    page.goto(server.setup_url)
    page.get_by_label("Username").fill(username)
    page.get_by_label(PASSWORD_LABEL).fill(password)
    page.get_by_label("Password (again)").fill(password)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", name="Your profile")).to_be_visible()
    # The heading shows before the deferred scripts (htmx, autosave) run; a field changed in
    # between would save nothing, as on a busy machine it did.
    page.wait_for_load_state("load")
    return Owner(username=username, password=password)


def log_in(page: Page, server: CoffeechatServer, owner: Owner) -> None:
    """Log in through the login page (stays wherever the login redirects to)."""
    page.goto(f"{server.url}/login/")
    page.get_by_label("Username").fill(owner.username)
    page.get_by_label("Password").fill(owner.password)
    page.get_by_role("button", name="Log in").click()


def go(page: Page, server: CoffeechatServer, owner: Owner, path: str) -> None:
    """Open a page, logging in again when the moved clock has outlived the session."""
    page.goto(f"{server.url}{path}")
    if "/login/" in page.url:
        log_in(page, server, owner)
        page.goto(f"{server.url}{path}")


def go_today(page: Page, server: CoffeechatServer, owner: Owner) -> None:
    """Open Today, logging in again when the moved clock has outlived the session."""
    go(page, server, owner, "/")
    expect(page.get_by_role("heading", level=1, name=re.compile("^Today"))).to_be_visible()


class Mailbox:
    """What a local SMTP server (aiosmtpd, started by the `smtp_server` fixture) received."""

    def __init__(self) -> None:
        self.received: list[EmailMessage] = []

    async def handle_DATA(self, server, session, envelope):
        self.received.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted for delivery"


def wait_for(condition: Callable[[], object], timeout: float = 20) -> None:
    """Wait for something the server does on its own time (a mail, a log line)."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.05)


def use_mail_server(page: Page, port: int, from_address: str = "maya@example.org") -> None:
    """On the profile page's Email sending card: the local SMTP server, without encryption."""
    sending = page.locator("#email-sending")
    sending.get_by_label("SMTP server").fill("127.0.0.1")
    sending.get_by_label("Port").fill(str(port))
    sending.get_by_label("Encryption").select_option("none")
    sending.get_by_label("From address").fill(from_address)
    sending.get_by_role("button", name="Save email settings").click()
    expect(page.get_by_text("Email sending settings saved.")).to_be_visible()


def add_contact_at(
    page: Page, url: str, organization: str, first: str, last: str, email: str | None = None
) -> None:
    """Add a contact from the organization's page on Research, as a user would; ends on the
    new contact's page. No email leaves the field empty."""
    page.goto(f"{url}/research/")
    page.get_by_role("link", name=organization).click()
    page.get_by_role("link", name="Add a contact here").click()
    page.get_by_label("First name").fill(first)
    page.get_by_label("Last name").fill(last)
    if email is not None:
        page.get_by_label("Email").fill(email)
    page.get_by_role("button", name="Add contact").click()
    expect(page.get_by_role("heading", level=1, name=re.compile(f"{first} {last}"))).to_be_visible()


def us_user_at_green_bank(
    page: Page, server: CoffeechatServer, people: list[tuple[str, str]]
) -> Owner:
    """A new owner in New York time with these (first, last) people at Green Bank, each with a
    first-name@greenbank.example address."""
    owner = create_owner(page, server)
    with page.expect_response(lambda r: r.request.method == "POST" and r.url.endswith("/profile/")):
        page.get_by_label("Time zone").select_option("America/New_York")
    page.goto(f"{server.url}/research/organizations/new/")
    page.get_by_label("Name").fill("Green Bank")
    page.get_by_role("button", name="Add organization").click()
    for first, last in people:
        add_contact_at(
            page, server.url, "Green Bank", first, last, f"{first.lower()}@greenbank.example"
        )
    return owner


# Steps that many browser tests take on the way to what they check, walked as a person would.


def flash(page: Page, text: str):
    """The message a page shows after an action ("Added Priya Shah to your network.")."""
    return page.get_by_role("status").filter(has_text=text)


def today_item(page: Page, title: str):
    """An item on the Today page, found by its title."""
    return page.locator(".today-item").filter(has_text=title)


def add_organization(
    page: Page, url: str, name: str, *, industry: str = "", field: str = ""
) -> None:
    """Add a target organization through the form on Research; ends on its page."""
    page.goto(f"{url}/research/organizations/new/")
    page.get_by_label("Name").fill(name)
    if industry:
        page.get_by_label("Industry").fill(industry)
    if field:
        page.get_by_label("Field", exact=True).select_option(label=field)
    page.get_by_role("button", name="Add organization").click()
    expect(page.get_by_role("heading", level=1, name=re.compile(re.escape(name)))).to_be_visible()


def add_contact(
    page: Page,
    url: str,
    first: str,
    last: str,
    *,
    email: str = "",
    organization: str = "",
    role: str = "",
    **choices: str,
) -> str:
    """Add a contact through the form (`choices`: other drop-downs by label, e.g.
    how_known="Alumni"); ends on their page and returns its address."""
    page.goto(f"{url}/contacts/new/")
    page.get_by_label("First name").fill(first)
    page.get_by_label("Last name").fill(last)
    if email:
        page.get_by_label("Email").fill(email)
    if organization:
        page.get_by_label("Organization").select_option(label=organization)
    if role:
        page.get_by_label("Role").fill(role)
    for label, option in choices.items():
        page.get_by_label(label.replace("_", " ").capitalize()).select_option(label=option)
    page.get_by_role("button", name="Add contact").click()
    name = f"{first} {last}".strip()
    expect(page.get_by_role("heading", level=1, name=re.compile(re.escape(name)))).to_be_visible()
    expect(flash(page, f"Added {name} to your network.")).to_be_visible()
    return page.url


def open_contact(page: Page, url: str, name: str) -> None:
    """Open someone's page from the contacts list."""
    page.goto(f"{url}/contacts/")
    page.get_by_role("link", name=name).click()
    expect(page.get_by_role("heading", level=1, name=re.compile(re.escape(name)))).to_be_visible()


def mark_request_sent(page: Page, name: str, *, subject: str = "") -> None:
    """From a contact's page: draft the request (with this subject) and mark it sent; by phone
    when there is no email address on file."""
    page.get_by_role("link", name="Write a request").click()
    if subject:
        page.locator("#id_subject").fill(subject)
    sent_by = page.get_by_label("Sent by")
    if sent_by.input_value() == "":
        sent_by.select_option("phone")
    page.get_by_role("button", name="Mark as sent").click()
    expect(
        flash(page, f"Marked your request for a conversation to {name} as sent.")
    ).to_be_visible()
    expect(page.locator(".badge.stage")).to_have_text("Contacted")


def type_and_wait_for_autosave(page: Page, field, text: str) -> None:
    """Type as a person would and wait for the autosave request the pause in typing sends,
    carrying this text as the field's own value (so that a short text such as "30" is not
    found in the date or the CSRF token of an earlier request)."""
    name = field.get_attribute("name")

    def carries_text(response) -> bool:
        request = response.request
        if request.method != "POST" or "hx-request" not in request.headers:
            return False
        try:
            form = request.post_data_json or {}  # the form's fields, for a url-encoded post
        except ValueError:
            return False
        return str(form.get(name, "")).replace("\r\n", "\n") == text

    with page.expect_response(carries_text) as saved:
        field.fill(text)
    assert saved.value.ok
