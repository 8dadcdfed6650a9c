"""Alice's network for conversation tests: Sam at Acme (tests/personas.py), introduced by her
friend Kim."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

import factories as make
from coffeechat.network.people.models import HowKnown
from coffeechat.pipeline.conversations.models import Conversation, Mode

# A Friday in November; Europe/London is on UTC then.
FRIDAY_10AM = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


@pytest.fixture
def kim(alice):
    return make.contact(alice, "Kim Ode", how_known=HowKnown.FRIEND)


@pytest.fixture
def sam(alice, acme, kim):
    return make.contact(
        alice,
        "Sam Lee",
        org=acme,
        role="Carbon analyst",
        education="MSc Environmental Economics, LSE",
        how_known=HowKnown.ALUMNI,
        introduced_by=kim,
        phone="+44 20 7946 0000",
    )


@pytest.fixture
def chat(alice, sam):
    return Conversation.objects.create(
        owner=alice,
        contact=sam,
        scheduled_at=FRIDAY_10AM,
        time_zone="Europe/London",
        mode=Mode.VIDEO,
        video_link="https://meet.example/sam",
    )
