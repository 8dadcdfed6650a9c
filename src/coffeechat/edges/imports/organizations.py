"""The user's organizations as an import sees them: found by their name however it is written
(method/organizations.py), and the ones the import adds."""

from __future__ import annotations

from typing import TypeAlias

from coffeechat.foundation.accounts.models import User
from coffeechat.method.importers import organization_key
from coffeechat.network.research.models import Organization

# An organization as a plan points at one: a stored one's pk, the key of one the import
# creates, or none.
OrgRef: TypeAlias = int | str | None


class Organizations:
    """The owner's organizations by case-insensitive name, and the ones the import adds.

    A reference is an existing organization's pk (int), a new one's key (str), or None.
    """

    def __init__(self, owner: User) -> None:
        self.pk_by_key: dict[str, int] = {}
        self.key_by_pk: dict[int, str] = {}
        self.name_by_pk: dict[int, str] = {}
        self.new: dict[str, str] = {}  # key -> name as first written in the file
        # Stored organizations the file names, by pk: the name as first written there.
        self.matched: dict[int, str] = {}
        self._refs: dict[str, int | str] = {}  # name as written -> reference (names repeat)
        rows = Organization.objects.owned_by(owner).order_by("pk").values_list("pk", "name")
        for pk, name in rows:
            key = organization_key(name)
            self.key_by_pk[pk] = key
            self.name_by_pk[pk] = name
            self.pk_by_key.setdefault(key, pk)

    def ref(self, name: str) -> OrgRef:
        if not name:
            return None
        ref = self._refs.get(name)
        if ref is None:
            ref = self._refs[name] = self._ref(name)
        return ref

    def _ref(self, name: str) -> int | str:
        key = organization_key(name)
        pk = self.pk_by_key.get(key)
        if pk is not None:
            self.matched.setdefault(pk, name)
            return pk
        self.new.setdefault(key, name)
        return key

    def key(self, ref: OrgRef) -> str:
        if ref is None:
            return ""
        return self.key_by_pk.get(ref, "") if isinstance(ref, int) else ref

    def name(self, ref: OrgRef) -> str:
        if ref is None:
            return ""
        return self.name_by_pk.get(ref, "") if isinstance(ref, int) else self.new[ref]
