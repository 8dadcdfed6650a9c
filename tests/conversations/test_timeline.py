"""A contact's timeline places a held conversation when it really happened."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from coffeechat.pages.people.queries import contact_timeline
from coffeechat.pipeline.conversations import services
from coffeechat.pipeline.outreach.models import Channel, Message, Purpose
from coffeechat.pipeline.services import conversation_changes

END = {"learned": "Analysts come from audit", "still_unknown": "", "next_steps": ""}


def test_the_timeline_puts_a_conversation_held_early_before_its_thank_you(alice, chat):
    # Agreed for Friday, but Sam called on Wednesday; the thank-you went out that evening.
    wednesday = datetime(2026, 11, 18, 16, 0, tzinfo=UTC)
    services.start(chat, now=wednesday)
    conversation_changes.end(chat, **END, now=wednesday + timedelta(minutes=25))
    Message.objects.create(
        owner=alice,
        contact=chat.contact,
        purpose=Purpose.THANK_YOU,
        channel=Channel.EMAIL,
        subject="Thank you",
        body="Thanks, Sam",
        sent_at=wednesday + timedelta(hours=3),
    )
    entries = [e for e in contact_timeline(chat.contact) if e.kind in ("conversation", "message")]
    assert [e.kind for e in entries] == ["message", "conversation"]
    assert entries[1].at == wednesday


def test_a_conversation_not_yet_held_stands_at_its_agreed_time(chat):
    (entry,) = [e for e in contact_timeline(chat.contact) if e.kind == "conversation"]
    assert entry.at == chat.scheduled_at
