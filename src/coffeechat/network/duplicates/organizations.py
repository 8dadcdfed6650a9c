"""Organizations entered twice ("Deloitte" and "Deloite", two records of one website), and
merging them: the contacts move, the notes are kept, nothing is lost.

Found with the same normalized names as imports and hand entry match on
(coffeechat.method.organizations): one `values_list` query, the comparison in memory.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from coffeechat.foundation.accounts.models import User
from coffeechat.method.organizations import Named, near_pairs
from coffeechat.network.people.models import Contact
from coffeechat.network.research.models import DifferentOrganizations, Organization

# Details filled in on the kept organization when it has none.
FILLED = ("website", "industry", "location", "field")


@dataclass(frozen=True)
class OrganizationPair:
    left: Organization
    right: Organization


def likely_duplicate_organizations(owner: User) -> list[tuple[int, int]]:
    """Ids of the owner's organizations likely to be one, oldest first in each pair."""
    rows = Organization.objects.owned_by(owner).values_list("pk", "name", "website")
    different = set(
        DifferentOrganizations.objects.owned_by(owner).values_list(
            "organization_a_id", "organization_b_id"
        )
    )
    pairs = ((a.id, b.id) for a, b in near_pairs(Named(*row) for row in rows))
    return [pair for pair in pairs if pair not in different]


def mark_different(owner: User, first: Organization, second: Organization) -> None:
    """Not the same organization: the pair is not offered for merging again."""
    a_id, b_id = DifferentOrganizations.ordered(first.pk, second.pk)
    DifferentOrganizations.objects.get_or_create(
        owner=owner, organization_a_id=a_id, organization_b_id=b_id
    )


def pairs_of(owner: User, ids: list[tuple[int, int]]) -> list[OrganizationPair]:
    """The organizations of a page of pairs, in one query."""
    wanted = {pk for pair in ids for pk in pair}
    found = Organization.objects.owned_by(owner).filter(pk__in=wanted).in_bulk()
    return [OrganizationPair(found[a], found[b]) for a, b in ids if a in found and b in found]


@dataclass(frozen=True)
class OrganizationMerge:
    """What merging `other` into `keep` does, shown before it is confirmed."""

    keep: Organization
    other: Organization
    contacts: int
    filled: list[str]
    notes: str
    target: bool


def plan_organization_merge(keep: Organization, other: Organization) -> OrganizationMerge:
    filled = [name for name in FILLED if not getattr(keep, name) and getattr(other, name)]
    notes = keep.notes
    if other.notes.strip():
        # The other record's research notes are kept under its name, never dropped.
        notes = f"{keep.notes.rstrip()}\n\n**From {other.name}:**\n\n{other.notes.strip()}".strip()
    return OrganizationMerge(
        keep=keep,
        other=other,
        contacts=other.contacts.count(),
        filled=filled,
        notes=notes,
        target=keep.is_target or other.is_target,
    )


@transaction.atomic
def merge_organizations(keep: Organization, other: Organization) -> Organization:
    """Move `other`'s contacts to `keep`, fill `keep`'s blanks from it, keep both notes, then
    delete `other`. A target merged with a known employer stays a target; the scores and
    the finished mark are the kept one's."""
    if keep.owner_id != other.owner_id or keep.pk == other.pk:
        raise ValueError("only two different organizations of one owner can be merged")
    plan = plan_organization_merge(keep, other)
    Contact.objects.filter(owner=keep.owner, organization=other).update(organization=keep)
    for name in plan.filled:
        setattr(keep, name, getattr(other, name))
    keep.notes = plan.notes
    keep.is_target = plan.target
    keep.save()
    other.delete()
    return keep
