"""Changes to many contacts at once, from the Contacts list's selection."""

from __future__ import annotations

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from coffeechat.network.people.models import Contact
from coffeechat.pipeline.followups import keep_in_touch


def set_how_known(contacts: QuerySet[Contact], how_known: str) -> int:
    """How the user knows each of them; returns how many changed."""
    return contacts.update(how_known=how_known, updated_at=timezone.now())


@transaction.atomic
def set_keep_in_touch(contacts: QuerySet[Contact], cadence: str) -> int:
    """How often to write to each of them; each one's next update moves as on their page."""
    changed = 0
    for contact in contacts.select_related("owner__profile"):
        keep_in_touch.set_cadence(contact, cadence)
        changed += 1
    return changed


@transaction.atomic
def delete(contacts: QuerySet[Contact]) -> int:
    """Delete them with their messages, replies, conversations and follow-ups, as one by one
    would; returns how many people went."""
    count = contacts.count()
    contacts.delete()
    return count
