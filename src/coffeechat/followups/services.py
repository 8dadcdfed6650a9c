"""Opening and closing follow-ups as the user's actions make them due or settle them."""

from __future__ import annotations

from datetime import date, datetime

from django.utils import timezone

from coffeechat.followups.models import FollowUp
from coffeechat.method.today import Kind
from coffeechat.people.models import Contact


def open_followup(
    *,
    contact: Contact,
    kind: Kind,
    due_on: date,
    due_at: datetime | None = None,
    conversation: object = None,
    note: str = "",
) -> FollowUp:
    return FollowUp.objects.create(
        owner=contact.owner,
        contact=contact,
        kind=kind.value,
        due_on=due_on,
        due_at=due_at,
        conversation=conversation,
        note=note,
    )


def settle(contact: Contact, *kinds: Kind, when: datetime | None = None) -> int:
    """Mark the contact's open follow-ups of these kinds done; returns how many."""
    return (
        FollowUp.objects.owned_by(contact.owner)
        .open()
        .filter(contact=contact, kind__in=[kind.value for kind in kinds])
        .update(done_at=when or timezone.now())
    )


def complete(followup: FollowUp, when: datetime | None = None) -> None:
    followup.done_at = when or timezone.now()
    followup.save(update_fields=["done_at", "updated_at"])


def reopen(followup: FollowUp) -> None:
    followup.done_at = None
    followup.save(update_fields=["done_at", "updated_at"])
