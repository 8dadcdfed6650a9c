"""Alice's records to correct: Priya at Acme (tests/personas.py), written to on Monday
16 November 2026.

The clock stands on Friday 20 November 2026, 10:00 (Europe/London is on UTC then), so the
request's no-reply check (3 business days) is due, its nudge (7) and move-on (10) are to come.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from html import unescape

import pytest
from django.test import Client
from django.urls import reverse
from icalendar import Calendar, Event

from coffeechat.network.people.models import Contact
from coffeechat.pages.calendar import services as calendar
from coffeechat.pipeline.conversations import services as conversations
from coffeechat.pipeline.conversations.models import Conversation
from coffeechat.pipeline.followups.models import FollowUp
from coffeechat.pipeline.outreach.models import Message, MessageTemplate
from coffeechat.pipeline.services import conversation_changes, correspondence

NOW = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)  # a Friday
MONDAY_9AM = datetime(2026, 11, 16, 9, 0, tzinfo=UTC)
WEDNESDAY = date(2026, 11, 18)


@pytest.fixture(autouse=True)
def _frozen_clock(time_machine):
    time_machine.move_to(NOW, tick=False)


def text(html: str) -> str:
    """A page as a reader sees it: tags dropped, whitespace collapsed."""
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def open_followups(contact: Contact) -> dict[str, date]:
    """The contact's open follow-ups: kind -> due day."""
    return dict(
        FollowUp.objects.filter(contact=contact, done_at=None).values_list("kind", "due_on")
    )


def feed_events(user: object) -> list[Event]:
    """The user's calendar feed, fetched as a calendar app would (no login), parsed back."""
    # A fresh link each time: the stored hash cannot give back an earlier one.
    feed = reverse("calendar:feed", args=[calendar.regenerate(user).token])
    response = Client().get(feed)
    assert response.status_code == 200
    return list(Calendar.from_ical(response.content).events)


@pytest.fixture
def cold_email(alice):
    return MessageTemplate.objects.owned_by(alice).get(name="Cold email")


@pytest.fixture
def request_to_priya(priya, cold_email) -> Message:
    """The request recorded by pressing Enter in the subject: the one to correct."""
    return correspondence.record_message(
        contact=priya, purpose="request", channel="email", subject="Your advice on climate finance",
        body="Dear Priya, would you have 15 minutes?", sent_at=MONDAY_9AM, template=cold_email,
    )  # fmt: skip


def send(contact: Contact, purpose: str, sent_at: datetime, **extra: object) -> Message:
    return correspondence.record_message(
        contact=contact, purpose=purpose, channel="email", subject="", body="Hello",
        sent_at=sent_at, **extra,
    )  # fmt: skip


@pytest.fixture
def held_with_kim(alice, kim) -> Conversation:
    """Alice met Kim on Tuesday 17 November: advice, a resource and a referral came of it."""
    chat = Conversation.objects.create(
        owner=alice, contact=kim, scheduled_at=datetime(2026, 11, 17, 10, 0, tzinfo=UTC),
        time_zone="Europe/London",
    )  # fmt: skip
    conversations.add_takeaway(chat, kind="advice", text="Join the CFA climate group")
    conversations.add_takeaway(chat, kind="resource", text="The Green Finance podcast")
    conversation_changes.add_referral(chat, first_name="Sam", last_name="Lee", may_use_name=False)
    conversation_changes.end(
        chat, learned="How analysts get hired", still_unknown="", next_steps="",
        now=datetime(2026, 11, 17, 10, 30, tzinfo=UTC),
    )  # fmt: skip
    return chat
