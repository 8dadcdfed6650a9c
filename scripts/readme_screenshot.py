"""Regenerate docs/today.png, the README's picture of the Today page.

Run: .venv/bin/python scripts/readme_screenshot.py [URL_PATH=FILE.png ...] [--width N]
Extra URL_PATH=FILE pairs photograph other pages of the same account (for reviewing layouts).
It builds a small, realistic account in a throwaway COFFEECHAT_HOME through the same services
the app uses, serves it with `coffeechat serve`, and photographs the page in Debian's chromium.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "a long demo passphrase 42"

POPULATE = """
from datetime import timedelta
from django.utils import timezone
from coffeechat.foundation.accounts.services import create_user
from coffeechat.pipeline.conversations import services as conversations
from coffeechat.pipeline.conversations.models import Conversation
from coffeechat.pipeline.outreach import services as outreach
from coffeechat.network.people.models import Contact
from coffeechat.network.research.models import Organization

now = timezone.now()
maya = create_user(username="maya", password=PASSWORD)
maya.profile.full_name = "Maya Chen"
maya.profile.time_zone = "Europe/London"
maya.profile.country, maya.profile.region = "GB", "ENG"
maya.profile.digest_enabled = False  # Today shows a notice until mail is set up
maya.profile.save()
green = Organization.objects.create(owner=maya, name="Green Bank", motivation=3, posting=2)
carbon = Organization.objects.create(owner=maya, name="Carbon Partners", motivation=2)
tidal = Organization.objects.create(owner=maya, name="Tidal Energy", motivation=2)
priya = Contact.objects.create(owner=maya, first_name="Priya", last_name="Shah",
                               organization=green, how_known="alumni")
omar = Contact.objects.create(owner=maya, first_name="Omar", last_name="Haddad",
                              organization=tidal, how_known="linkedin")
lena = Contact.objects.create(owner=maya, first_name="Lena", last_name="Berg",
                              organization=carbon, how_known="friend")
solar = Organization.objects.create(owner=maya, name="Solar Commons", motivation=3, posting=3)
harbour = Organization.objects.create(owner=maya, name="Blue Harbour Fund", motivation=2, posting=3)
Contact.objects.create(owner=maya, first_name="Dan", last_name="Okafor", organization=harbour,
                       how_known="linkedin", introduced_by=lena)
outreach.record_message(contact=omar, purpose="request", channel="linkedin", subject="",
                        body="Hello Omar", sent_at=now - timedelta(days=6))
chat = Conversation.objects.create(owner=maya, contact=priya, mode="video",
                                   scheduled_at=now - timedelta(hours=3))
conversations.add_referral(chat, first_name="Sam", last_name="Lee",
                           organization="Carbon Partners", may_use_name=True)
conversations.end(chat, learned="Analysts come from economics and law.", still_unknown="",
                  next_steps="", now=now - timedelta(hours=2, minutes=30))
Conversation.objects.create(owner=maya, contact=lena, mode="coffee", place="Brew Lab",
                            scheduled_at=(now + timedelta(days=2)).replace(hour=9, minute=30))
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main(argv: list[str]) -> None:
    from playwright.sync_api import sync_playwright

    width = 1100
    if "--width" in argv:
        at = argv.index("--width")
        width = int(argv[at + 1])
        del argv[at : at + 2]
    extra = [arg.split("=", 1) for arg in argv]

    home = tempfile.mkdtemp(prefix="coffeechat-shot-")
    env = {**os.environ, "COFFEECHAT_HOME": home}
    env.pop("DATABASE_URL", None)
    python = sys.executable
    subprocess.run([python, "-m", "coffeechat", "migrate"], env=env, check=True)
    script = (
        "import django, os\n"
        "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'coffeechat.settings')\n"
        f"django.setup()\nPASSWORD = {PASSWORD!r}\n{POPULATE}"
    )
    subprocess.run([python, "-c", script], env=env, check=True)
    port = free_port()
    server = subprocess.Popen(
        [python, "-m", "coffeechat", "serve", "--port", str(port)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        for _ in range(100):
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium",
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            page = browser.new_page(viewport={"width": width, "height": 760})
            page.goto(f"http://127.0.0.1:{port}/login/")
            page.get_by_label("Username").fill("maya")
            page.get_by_label("Password").fill(PASSWORD)
            page.get_by_role("button", name="Log in").click()
            page.wait_for_url(f"http://127.0.0.1:{port}/")
            if not extra:
                page.screenshot(path=str(ROOT / "docs" / "today.png"), full_page=True)
            for path, target in extra:
                page.goto(f"http://127.0.0.1:{port}{path}")
                page.screenshot(path=target, full_page=True)
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    print("Wrote", ", ".join(target for _, target in extra) or ROOT / "docs" / "today.png")


if __name__ == "__main__":
    main(sys.argv[1:])
