"""A conversation held on another day than the one planned (moved up, and run with the clock):
what follows counts from the day it really took place, not from the day once agreed."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import time_machine

import factories as make
from coffeechat.method.today import Kind
from coffeechat.pipeline.conversations import services as conversations
from coffeechat.pipeline.outreach.services import _conversation_fields
from coffeechat.pipeline.services import conversation_changes

PLANNED = datetime(2026, 12, 9, 11, 0, tzinfo=UTC)  # Wednesday 9 December
HELD = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)  # they could talk a week earlier


def test_the_thank_you_and_the_referral_count_from_the_day_it_was_held(alice, priya):
    chat = make.conversation(priya, at=PLANNED)
    with time_machine.travel(HELD, tick=False):
        conversations.start(chat, now=HELD)
        referral = conversation_changes.add_referral(chat, first_name="Sam", last_name="Lee")
        conversation_changes.end(
            chat, learned="", still_unknown="", next_steps="", now=HELD + timedelta(minutes=25)
        )
    chat.refresh_from_db()

    assert _conversation_fields(chat)["conversation_date"] == "Wednesday 2 December"
    due = referral.contact.followups.get(kind=Kind.CONTACT_REFERRAL).due_on
    assert due == date(2026, 12, 7)  # three business days after Wed 2 Dec, not after 9 Dec
