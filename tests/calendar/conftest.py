"""Alice's calendar: Priya at Acme (a video call in New York time) and a thank-you owed to Sam.

The clock stands on Monday 16 November 2026, so "the last 90 days" is the same on every run.
This folder has no __init__.py on purpose: as a package it would be imported as `calendar`,
the standard library's module, which the test run already holds. Its modules are therefore
named so they clash with no other (test_calendar_*.py, calendar_helpers.py).
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from calendar_helpers import NOW
from django.urls import reverse

import factories as make
from coffeechat.method.today import Kind
from coffeechat.pages.calendar import services
from coffeechat.pipeline.conversations.models import Conversation, Mode
from coffeechat.pipeline.followups.models import FollowUp

# 09:30 in New York on Tuesday 1 December 2026 (UTC-5).
DEC_1_0930_NEW_YORK = datetime(2026, 12, 1, 14, 30, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _frozen_clock(time_machine):
    time_machine.move_to(NOW, tick=False)


@pytest.fixture
def priya(alice):
    return make.contact(alice, "Priya Shah", org="Acme", role="Analyst")


@pytest.fixture
def chat(alice, priya):
    return Conversation.objects.create(
        owner=alice,
        contact=priya,
        scheduled_at=DEC_1_0930_NEW_YORK,
        time_zone="America/New_York",
        duration_minutes=20,
        mode=Mode.VIDEO,
        video_link="https://meet.example/priya",
        goal="Learn how analysts get hired",
    )


@pytest.fixture
def thanks_owed(alice, sam):
    return FollowUp.objects.create(
        owner=alice,
        contact=sam,
        kind=Kind.THANK_YOU.value,
        due_on=date(2026, 11, 17),
        note="Send a thank-you within 24 hours.",
    )


@pytest.fixture
def feed_url(alice):
    return reverse("calendar:feed", args=[services.feed_for(alice).token])
