"""One entry point that works out a contact's follow-ups again from what is recorded."""

from __future__ import annotations

from coffeechat.conversations.models import Status
from coffeechat.followups import keep_in_touch
from coffeechat.followups.close_the_loop import sync_advice_loop
from coffeechat.people.models import Contact


def replan(contact: Contact) -> None:
    """Bring the contact's follow-ups in line with their recorded events (after a correction)."""
    keep_in_touch.replan(contact)
    for conversation in contact.conversations.filter(status=Status.HELD):
        sync_advice_loop(conversation)
