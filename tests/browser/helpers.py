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
    return Owner(username=username, password=password)


def log_in(page: Page, server: CoffeechatServer, owner: Owner) -> None:
    """Log in through the login page (stays wherever the login redirects to)."""
    page.goto(f"{server.url}/login/")
    page.get_by_label("Username").fill(owner.username)
    page.get_by_label("Password").fill(owner.password)
    page.get_by_role("button", name="Log in").click()


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
