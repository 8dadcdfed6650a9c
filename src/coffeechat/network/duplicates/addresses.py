"""The other LinkedIn URLs and e-mails a contact is known by (people.OtherAddress).

A merge keeps one address of each kind on the contact and the other record's here; imports and
Find duplicates read them back with the same keys they match on, so a merged person is still
recognised by every address either record had.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from coffeechat.foundation.accounts.models import User
from coffeechat.method.importers import email_key, linkedin_key
from coffeechat.network.people.models import Contact, OtherAddress

LINKEDIN, EMAIL = OtherAddress.Kind.LINKEDIN.value, OtherAddress.Kind.EMAIL.value
_KEYS = {LINKEDIN: linkedin_key, EMAIL: email_key}


def address_key(kind: str, address: str) -> str:
    """The key importers match this address on ("" for one they cannot match on)."""
    return _KEYS[kind](address) if address else ""


class KnownAddresses:
    """Per contact id, the keys of its other LinkedIn URLs and e-mails."""

    def __init__(self) -> None:
        self.linkedin: dict[int, set[str]] = defaultdict(set)
        self.emails: dict[int, set[str]] = defaultdict(set)

    def __bool__(self) -> bool:
        return bool(self.linkedin or self.emails)

    def add(self, contact_id: int, kind: str, address: str) -> None:
        if key := address_key(kind, address):
            (self.linkedin if kind == LINKEDIN else self.emails)[contact_id].add(key)


def known_addresses(owner: User) -> KnownAddresses:
    """Every other address of the owner's contacts, in one query."""
    known = KnownAddresses()
    rows = OtherAddress.objects.owned_by(owner).order_by("pk")
    for contact_id, kind, address in rows.values_list("contact_id", "kind", "address"):
        known.add(contact_id, kind, address)
    return known


def addresses_to_keep(result: Contact, keep: Contact, other: Contact) -> list[tuple[str, str]]:
    """(kind, address) the merged contact is also known by that it does not record yet.

    `result` is the merged contact: its own LinkedIn URL and e-mail need no other address.
    The other record's addresses, and those it was itself known by, are kept unless the
    same key is already known (a LinkedIn URL written another way, an e-mail in capitals).
    """
    stored = list(
        OtherAddress.objects.filter(owner_id=keep.owner_id, contact_id__in=[keep.pk, other.pk])
        .order_by("pk")
        .values_list("contact_id", "kind", "address")
    )
    known = {(LINKEDIN, address_key(LINKEDIN, result.linkedin_url))}
    known.add((EMAIL, address_key(EMAIL, result.email)))
    known |= {(kind, address_key(kind, address)) for pk, kind, address in stored if pk == keep.pk}
    theirs: Iterable[tuple[str, str]] = [
        (LINKEDIN, other.linkedin_url),
        (EMAIL, other.email),
        *((kind, address) for pk, kind, address in stored if pk == other.pk),
    ]
    kept = []
    for kind, address in theirs:
        key = address_key(kind, address)
        if key and (kind, key) not in known:
            known.add((kind, key))
            kept.append((kind, address))
    return kept
