"""Changing the target list."""

from __future__ import annotations

from django.utils import timezone

from coffeechat.foundation.accounts.models import User
from coffeechat.method.organizations import Named, find_match, name_matcher
from coffeechat.network.research.models import Organization


def set_finished(organization: Organization, finished: bool) -> None:
    """Finished with a target for now, or back on the list (the day is the user's own)."""
    organization.finished_on = (
        timezone.localdate(timezone=organization.owner.profile.tz()) if finished else None
    )
    organization.save(update_fields=["finished_on", "updated_at"])


def set_target(organization: Organization, target: bool) -> None:
    """Onto the target list (LAMP, Next moves) or back to a known employer only."""
    organization.is_target = target
    organization.save(update_fields=["is_target", "updated_at"])


def matching_organization(
    owner: User, name: str, website: str = "", *, exclude: int | None = None
) -> Organization | None:
    """The owner's organization `name` (or `website`) stands for, however it is written
    ("Morningstar Inc." finds "Morningstar"); the oldest when several do."""
    rows = Organization.objects.owned_by(owner).order_by("pk").values_list("pk", "name", "website")
    known = (Named(pk, known_name, url) for pk, known_name, url in rows if pk != exclude)
    match = find_match(known, name, website)
    return Organization.objects.get(pk=match.id) if match else None


def organization_named(owner: User, name: str, *, target: bool = False) -> Organization | None:
    """The owner's organization of that name, matched however it is written, else a new one
    (a known employer unless `target`); None for a blank name."""
    name = " ".join(name.split())
    if not name:
        return None
    existing = matching_organization(owner, name)
    return existing or Organization.objects.create(owner=owner, name=name, is_target=target)


def organization_ids_named(owner: User, typed: str) -> list[int]:
    """Ids of the owner's organizations whose name contains `typed` however either is written
    ("societe" finds "Société Générale", "Morningstar Inc." finds "Morningstar").

    Names are compared in Python (method/organizations.name_matcher): one lean query of the
    owner's names, about 20 ms for 20,000 organizations, and no accent folding that SQLite and
    PostgreSQL would each do differently.
    """
    matches = name_matcher(typed)
    rows = Organization.objects.owned_by(owner).values_list("pk", "name")
    return [pk for pk, name in rows.iterator(chunk_size=5000) if matches(name)]
