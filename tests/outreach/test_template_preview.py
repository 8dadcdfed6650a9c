"""Previewing a template: the made-up conversation is dated in the user's own time zone, and the
choice of contacts to merge for stays short however big the network is."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse

import factories as make
from coffeechat.pages.outreach.queries import PREVIEW_CHOICES
from coffeechat.pipeline.outreach.models import MessageTemplate
from coffeechat.pipeline.services import correspondence

THANKS = {
    "name": "Short thanks", "situation": "thank_you", "channel": "email",
    "subject": "Thank you", "body": "Dear {{first_name}}, thank you for {{conversation_date}}.",
}  # fmt: skip
LIMITED = f"(one of the {PREVIEW_CHOICES} contacts you most recently wrote to or added)"


def previewed_body(page: str) -> str:
    return page.split('class="message-preview">')[1].split("</div>")[0]


@pytest.mark.parametrize(
    ("time_zone", "now", "yesterday"),
    [
        # 23:30 on Wednesday in UTC is already Thursday morning in Tokyo.
        ("Asia/Tokyo", datetime(2026, 3, 11, 23, 30, tzinfo=UTC), "Wednesday 11 March"),
        # 03:00 on Thursday in UTC is still Wednesday evening in Los Angeles.
        ("America/Los_Angeles", datetime(2026, 3, 12, 3, 0, tzinfo=UTC), "Tuesday 10 March"),
    ],
)
def test_the_made_up_conversation_was_held_yesterday_in_the_users_time_zone(
    alice_client, alice, time_zone, now, yesterday
):
    alice.profile.time_zone = time_zone
    alice.profile.save()
    saved = MessageTemplate.objects.create(owner=alice, **THANKS)
    with time_machine.travel(now, tick=False):
        live = alice_client.post(reverse("outreach:template_live_preview"), THANKS)
        page = alice_client.get(reverse("outreach:template_preview", args=[saved.pk]))
    assert previewed_body(live.content.decode()) == f"Dear Jordan, thank you for {yesterday}."
    assert previewed_body(page.content.decode()) == f"Dear Jordan, thank you for {yesterday}."


def choice(page: str, select_name: str) -> str:
    pattern = rf'<select id="preview-contact" name="{select_name}">(.*?)</select>'
    select = re.search(pattern, page, re.S)
    assert select, "no contact choice"
    return select.group(1)


def options(page: str, select_name: str) -> list[str]:
    return re.findall(r"<option [^>]*>([^<]*)</option>", choice(page, select_name))


def chosen(page: str, select_name: str) -> list[str]:
    return re.findall(r"<option [^>]* selected>([^<]*)</option>", choice(page, select_name))


@pytest.fixture
def big_network(alice):
    """60 contacts added a day apart (P00 the oldest); P01 was written to last week."""
    start = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
    people = []
    for index in range(60):
        with time_machine.travel(start + timedelta(days=index), tick=False):
            people.append(make.contact(alice, f"P{index:02}"))
    correspondence.record_message(
        contact=people[1], purpose="request", channel="email", subject="Hello", body="Hi",
        sent_at=datetime(2026, 3, 25, 9, 0, tzinfo=UTC),
    )  # fmt: skip
    return people


@time_machine.travel(datetime(2026, 4, 1, 9, 0, tzinfo=UTC), tick=False)
def test_the_editor_offers_the_50_contacts_most_recently_written_to_or_added_and_says_so(
    alice_client, big_network
):
    page = alice_client.get(reverse("outreach:template_new")).content.decode()
    names = options(page, "preview_contact")
    assert names[0] == "A made-up example contact"
    # P01 was written to most recently, then the newest added; the oldest ten are left out.
    assert names[1:] == ["P01"] + [f"P{index:02}" for index in range(59, 10, -1)]
    assert len(names) == 1 + PREVIEW_CHOICES
    assert f'Merged for <small class="muted">{LIMITED}</small>' in page


@time_machine.travel(datetime(2026, 4, 1, 9, 0, tzinfo=UTC), tick=False)
def test_a_contact_chosen_from_outside_the_50_stays_chosen(alice_client, alice, big_network):
    oldest = big_network[0]
    # A template not added yet (no name) comes back with the preview still for that contact.
    page = alice_client.post(
        reverse("outreach:template_new"), {**THANKS, "name": "", "preview_contact": oldest.pk}
    ).content.decode()
    assert chosen(page, "preview_contact") == ["P00"]
    assert len(options(page, "preview_contact")) == 2 + PREVIEW_CHOICES
    saved = MessageTemplate.objects.create(owner=alice, **THANKS)
    url = reverse("outreach:template_preview", args=[saved.pk]) + f"?contact={oldest.pk}"
    page = alice_client.get(url).content.decode()
    assert chosen(page, "contact") == ["P00"]
    assert len(options(page, "contact")) == 2 + PREVIEW_CHOICES
    assert f'Preview with <small class="muted">{LIMITED}</small>' in page


def test_a_small_network_is_listed_whole_without_the_note(alice_client, alice):
    for name in ("Ana", "Ben"):
        make.contact(alice, first_name=name)
    page = alice_client.get(reverse("outreach:template_new")).content.decode()
    assert options(page, "preview_contact") == ["A made-up example contact", "Ben", "Ana"]
    assert "most recently wrote to" not in page


def test_another_users_contacts_are_never_offered(alice_client, bob):
    make.contact(bob, "Zed")
    page = alice_client.get(reverse("outreach:template_new")).content.decode()
    assert options(page, "preview_contact") == ["A made-up example contact"]
