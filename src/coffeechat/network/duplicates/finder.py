"""Likely duplicates in a user's contacts: the same LinkedIn profile, the same e-mail, or very
similar names at the same organization (the name someone goes by counts: "Johnny Public" and
John Public who goes by Johnny have the same name).

Addresses and organizations are compared with the keys the importers match on
(coffeechat.method.importers), so what an import would recognize is what is found here: a
contact's other addresses (kept by a merge, see addresses.py) count as theirs.

Built for tens of thousands of contacts: one `values()` query (and one for other addresses),
grouping by key in Python, and fuzzy comparison only among the people of one organization.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from itertools import combinations

from rapidfuzz import fuzz, process

from coffeechat.foundation.accounts.models import User
from coffeechat.method.importers import email_key, linkedin_key, organization_key
from coffeechat.network.duplicates.addresses import EMAIL, LINKEDIN
from coffeechat.network.duplicates.models import NotDuplicate
from coffeechat.network.people.models import Contact, OtherAddress, full_name

NAME_SIMILARITY = 90  # rapidfuzz token_sort_ratio, 0-100
# A key shared by more people than this (a team inbox, a company page pasted as a profile) is
# not one person entered twice; pairing them all would flood the list quadratically.
LARGEST_GROUP = 12

SAME_LINKEDIN = "same LinkedIn profile"
SAME_EMAIL = "same e-mail"


@dataclass(frozen=True)
class Candidate:
    """The facts about one contact that decide whether it duplicates another."""

    id: int
    full_name: str
    email: str
    linkedin_url: str
    organization: str
    # Other addresses the contact is known by (a merged record's), as written.
    other_linkedin_urls: tuple[str, ...] = ()
    other_emails: tuple[str, ...] = ()
    # The name they go by ("Johnny") and their name with it ("Johnny Public").
    goes_by: str = ""
    called: str = ""

    def names(self) -> tuple[str, ...]:
        return (self.full_name, self.called) if self.called else (self.full_name,)

    def linkedin_keys(self) -> Collection[str]:
        if not self.other_linkedin_urls:  # nearly everyone: no set to build
            return (linkedin_key(self.linkedin_url),)
        return {linkedin_key(url) for url in (self.linkedin_url, *self.other_linkedin_urls)}

    def email_keys(self) -> Collection[str]:
        if not self.other_emails:
            return (email_key(self.email),)
        return {email_key(address) for address in (self.email, *self.other_emails)}


@dataclass(frozen=True)
class Pair:
    """Two contacts that may be one person, the older record (lower id) first."""

    left_id: int
    right_id: int
    reasons: tuple[str, ...]
    # Sorting key: exact matches before fuzzy ones, the closest names first.
    strength: int

    @property
    def reason(self) -> str:
        return ", ".join(self.reasons)


def comparable_name(name: str) -> str:
    """Lower case, accents and punctuation dropped, words sorted (as token_sort_ratio does)."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    letters = "".join(
        char if char.isalnum() else " " for char in decomposed if not unicodedata.combining(char)
    )
    return " ".join(sorted(letters.split()))


def _pairs_sharing(groups: dict[str, list[int]]) -> Iterator[tuple[int, int]]:
    for ids in groups.values():
        if 1 < len(ids) <= LARGEST_GROUP:
            yield from combinations(sorted(ids), 2)


def _grouped(
    candidates: Iterable[Candidate], keys: Callable[[Candidate], Collection[str]]
) -> dict[str, list[int]]:
    groups: dict[str, list[int]] = defaultdict(list)
    for candidate in candidates:
        for value in keys(candidate):
            if value:
                groups[value].append(candidate.id)
    return groups


def _similar_names(people: list[Candidate]) -> Iterator[tuple[int, int, int, str]]:
    """(id, id, score, how) for names at one organization at least NAME_SIMILARITY alike; `how`
    says when it is the name one of them goes by that matched."""
    people = sorted(people, key=lambda person: person.id)
    # Every name of every person, in the people's order: (person's index, key, how).
    names: list[tuple[int, str, str]] = []
    starts: list[int] = []
    for index, person in enumerate(people):
        starts.append(len(names))
        for position, name in enumerate(person.names()):
            how = f"{person.full_name} goes by {person.goes_by}" if position else ""
            names.append((index, comparable_name(name), how))
    keys = [key for _index, key, _how in names]
    best: dict[tuple[int, int], tuple[int, str]] = {}
    for index, key, how in names:
        if not key or index + 1 >= len(people):
            continue
        start = starts[index + 1]
        # The keys are already sorted word by word, so plain ratio is token_sort_ratio.
        for _match, score, offset in process.extract(
            key,
            keys[start:],
            scorer=fuzz.ratio,
            processor=None,
            score_cutoff=NAME_SIMILARITY,
            limit=None,
        ):
            other, _key, other_how = names[start + offset]
            found = (round(score), how or other_how)
            if found[0] > best.get((index, other), (-1, ""))[0]:
                best[index, other] = found
    for (left, right), (score, how) in best.items():
        yield people[left].id, people[right].id, score, how


def find_pairs(
    candidates: Iterable[Candidate], dismissed: AbstractSet[tuple[int, int]] = frozenset()
) -> list[Pair]:
    """Every likely duplicate pair among the candidates, strongest first.

    `dismissed` holds (lower id, higher id) pairs the user said are different people.
    """
    candidates = list(candidates)
    reasons: dict[tuple[int, int], list[str]] = defaultdict(list)
    strength: dict[tuple[int, int], int] = defaultdict(int)

    def add(pair: tuple[int, int], reason: str, score: int) -> None:
        if pair not in dismissed:
            reasons[pair].append(reason)
            strength[pair] = max(strength[pair], score)

    for pair in _pairs_sharing(_grouped(candidates, Candidate.linkedin_keys)):
        add(pair, SAME_LINKEDIN, 300)
    for pair in _pairs_sharing(_grouped(candidates, Candidate.email_keys)):
        add(pair, SAME_EMAIL, 200)
    by_organization: dict[str, list[Candidate]] = defaultdict(list)
    for candidate in candidates:
        if candidate.organization.strip():
            by_organization[organization_key(candidate.organization)].append(candidate)
    for people in by_organization.values():
        organization = people[0].organization
        for left, right, score, how in _similar_names(people):
            said = f"; {how}" if how else ""
            if score == 100:
                add((left, right), f"same name at {organization}{said}", score)
            else:
                add((left, right), f"similar names at {organization} ({score}%{said})", score)
    pairs = [
        Pair(left, right, tuple(why), strength[left, right])
        for (left, right), why in reasons.items()
    ]
    return sorted(pairs, key=lambda pair: (-pair.strength, pair.left_id, pair.right_id))


def candidates_of(owner: User) -> Iterator[Candidate]:
    others: dict[tuple[int, str], list[str]] = defaultdict(list)
    addresses = OtherAddress.objects.owned_by(owner).order_by("pk")
    for contact_id, kind, address in addresses.values_list("contact_id", "kind", "address"):
        others[contact_id, kind].append(address)
    rows = Contact.objects.owned_by(owner).values_list(
        "id", "first_name", "last_name", "goes_by", "email", "linkedin_url", "organization__name"
    )
    for pk, first, last, goes_by, email, linkedin_url, organization in rows.iterator(
        chunk_size=5000
    ):
        yield Candidate(
            pk, full_name(first, last), email, linkedin_url, organization or "",
            tuple(others.get((pk, LINKEDIN), ())), tuple(others.get((pk, EMAIL), ())),
            goes_by, _called(goes_by, last),
        )  # fmt: skip


def _called(goes_by: str, last: str) -> str:
    """Their name with the one they go by: "Johnny Public"."""
    return full_name(goes_by, last) if goes_by.strip() else ""


def dismissed_pairs(owner: User) -> set[tuple[int, int]]:
    return set(NotDuplicate.objects.owned_by(owner).values_list("contact_a_id", "contact_b_id"))


def likely_duplicates(owner: User) -> list[Pair]:
    """The user's likely duplicate pairs, strongest first, minus those they dismissed."""
    return find_pairs(candidates_of(owner), dismissed_pairs(owner))


@dataclass(frozen=True)
class Match:
    """An existing contact that looks like the one being added, and why."""

    contact: Contact
    reason: str


def _as_candidate(contact: Contact) -> Candidate:
    organization = contact.organization.name if contact.organization is not None else ""
    return Candidate(
        contact.pk or 0, contact.full_name, contact.email, contact.linkedin_url, organization,
        goes_by=contact.goes_by, called=_called(contact.goes_by, contact.last_name),
    )  # fmt: skip


def _shares_a_key(mine: Candidate, other: Candidate) -> bool:
    """Cheap pre-filter: only people sharing an address or an organization can pair with it."""
    organization = organization_key(mine.organization) if mine.organization.strip() else ""
    if organization and organization == organization_key(other.organization):
        return True
    shared_linkedin = set(mine.linkedin_keys()) & set(other.linkedin_keys())
    shared_email = set(mine.email_keys()) & set(other.email_keys())
    return bool((shared_linkedin | shared_email) - {""})


def matches_for(owner: User, contact: Contact) -> list[Match]:
    """The owner's contacts that `contact` (usually not saved yet) likely duplicates, strongest
    first: the same rules as the Find duplicates page (find_pairs), applied to one person."""
    mine = _as_candidate(contact)
    others = [
        other
        for other in candidates_of(owner)
        if other.id != mine.id and _shares_a_key(mine, other)
    ]
    dismissed = dismissed_pairs(owner) if contact.pk else frozenset()
    reasons = {
        pair.right_id if pair.left_id == mine.id else pair.left_id: pair.reason
        for pair in find_pairs([mine, *others], dismissed)
        if mine.id in (pair.left_id, pair.right_id)
    }
    found = Contact.objects.owned_by(owner).filter(pk__in=reasons).select_related("organization")
    by_id = {match.pk: match for match in found}
    # reasons keeps find_pairs' order: strongest first.
    return [Match(by_id[pk], reason) for pk, reason in reasons.items() if pk in by_id]


def remember_different_people(*, owner: User, contact: Contact) -> int:
    """The user added `contact` although it looked like others ("It's a different person"):
    Find duplicates will not offer those pairs again. Returns how many were recorded."""
    matches = matches_for(owner, contact)
    for match in matches:
        mark_not_duplicate(owner=owner, first=contact, second=match.contact)
    return len(matches)


def mark_not_duplicate(*, owner: User, first: Contact, second: Contact) -> NotDuplicate:
    """Remember that two of the owner's contacts are different people (asking twice is fine)."""
    if first.owner_id != owner.pk or second.owner_id != owner.pk:
        raise ValueError("Both contacts must belong to the same user.")
    if first.pk == second.pk:
        raise ValueError("A contact is always the same person as itself.")
    a_id, b_id = NotDuplicate.ordered(first.pk, second.pk)
    dismissal, _created = NotDuplicate.objects.get_or_create(
        owner=owner, contact_a_id=a_id, contact_b_id=b_id
    )
    return dismissal
