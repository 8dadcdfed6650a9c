"""Changes to many contacts at once, from the Contacts list's selection."""

from __future__ import annotations

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from coffeechat.network.people.models import Contact
from coffeechat.network.research.models import Organization
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


def set_organizations_target(contacts: QuerySet[Contact], *, target: bool) -> list[str]:
    """Put the organizations these people work at on the target list (or take them off);
    returns the names of the organizations that changed, in alphabetical order."""
    changing = Organization.objects.filter(
        pk__in=contacts.exclude(organization=None).values("organization"),
        owner__in=contacts.values("owner"),
    ).exclude(is_target=target)
    names = sorted(changing.values_list("name", flat=True), key=str.casefold)
    changing.update(is_target=target, updated_at=timezone.now())
    return names


@transaction.atomic
def delete(contacts: QuerySet[Contact]) -> int:
    """Delete them with their messages, replies, conversations and follow-ups, as one by one
    would; returns how many people went."""
    count = contacts.count()
    contacts.delete()
    return count
