"""Recognising one organization under the names people write for it.

"Morningstar Inc." and "Morningstar", "McKinsey & Company, Inc." and "mckinsey and company"
are the same employer: an import or a hand-typed name must land on the organization the user
already has, not create a second one. The key ignores case, accents, punctuation, a leading
"The", "&" versus "and", and legal suffixes (Inc, LLC, GmbH...). A website's domain
recognises an organization whatever it is called.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import combinations
from urllib.parse import urlsplit

from rapidfuzz import fuzz, process

# Legal forms that say nothing about which organization it is. Only dropped at the end of a
# name, so "Company" in "McKinsey & Company" stays while "Co" in "Acme Co" goes.
LEGAL_SUFFIXES = frozenset(
    [
        "inc",
        "incorporated",
        "corp",
        "corporation",
        "co",
        "ltd",
        "limited",
        "llc",
        "llp",
        "lp",
        "plc",
        "pllc",
        "pc",
        "gmbh",
        "ag",
        "kg",
        "se",
        "sa",
        "sas",
        "sarl",
        "srl",
        "spa",
        "bv",
        "nv",
        "oy",
        "ab",
        "as",
        "asa",
        "aps",
        "pty",
        "pvt",
        "sl",
    ]
)
_NOT_WORD = re.compile(r"[^\w]+")
# How near two keys must be to be offered for merging (rapidfuzz ratio, 0-100).
NEAR_MATCH = 90
# Names are compared fuzzily only within a block sharing their first letters; a block bigger
# than this is skipped (the comparison is quadratic).
BLOCK = 4
LARGEST_BLOCK = 1000
# "& Co." and "and Company" at the end are a legal form too ("Ember Studio & Co.").
_AND_COMPANY = frozenset(["co", "company"])


def _words(name: str) -> list[str]:
    """The name's words, casefolded, without accents or punctuation, "&" read as "and"."""
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(char for char in text if not unicodedata.combining(char))
    # Dots and apostrophes join: "S.A." is "sa", "O'Reilly" is "oreilly".
    text = text.replace("&", " and ")
    text = text.replace(".", "").replace("'", "").replace("\u2019", "")
    return [word for word in _NOT_WORD.sub(" ", text).replace("_", " ").split() if word]


def organization_key(name: str) -> str:
    """The name as a comparable key: 'McKinsey & Company, Inc.' -> 'mckinsey',
    'Ember Studio & Co.' -> 'ember studio'.

    A name made only of a legal form ("Inc.") keeps it rather than becoming empty.
    """
    return _key(_words(name))


def _key(words: list[str]) -> str:
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    end = len(words)
    while end > 1:
        # "and co" before "co" alone, which would leave "ember studio and".
        if end > 2 and words[end - 2] == "and" and words[end - 1] in _AND_COMPANY:
            end -= 2
        elif words[end - 1] in LEGAL_SUFFIXES:
            end -= 1
        else:
            break
    return " ".join(words[:end])


def name_matcher(typed: str) -> Callable[[str], bool]:
    """A test of whether an organization's name contains what was typed, however either is
    written: "societe" finds "Société Générale", "MORNINGSTAR INC" and "Morningstar Inc."
    find "Morningstar", "mckinsey and" finds "McKinsey & Company"."""
    typed_words = _words(typed)
    plain = " ".join(typed_words)
    key = _key(typed_words)
    # A half-typed "mckinsey and" ends where the key of "McKinsey & Company" does.
    key = key.removesuffix(" and") if key != "and" else key
    if not plain:
        return lambda name: True

    def matches(name: str) -> bool:
        words = _words(name)  # once per name: this runs over every organization the user has
        return key in _key(words) or plain in " ".join(words)

    return matches


def domain_key(website: str) -> str:
    """The website's domain without 'www.': 'https://www.Acme.com/about' -> 'acme.com'; ''
    when there is none."""
    website = website.strip().casefold()
    if not website:
        return ""
    if "//" not in website:
        website = f"//{website}"
    host = urlsplit(website).hostname or ""
    return host.removeprefix("www.")


@dataclass(frozen=True)
class Named:
    """An organization as matching sees it."""

    id: int
    name: str
    website: str = ""


def find_match(known: Iterable[Named], name: str, website: str = "") -> Named | None:
    """The organization `name` (or `website`) stands for among `known`, or None; the first
    (oldest, when given in creation order) wins."""
    key, domain = organization_key(name), domain_key(website)
    for organization in known:
        if key and organization_key(organization.name) == key:
            return organization
        if domain and domain_key(organization.website) == domain:
            return organization
    return None


def near_pairs(known: Iterable[Named], threshold: int = NEAR_MATCH) -> list[tuple[Named, Named]]:
    """Pairs likely to be one organization: the same key or domain, or names nearly alike
    ("Deloite" and "Deloitte"), oldest first in each pair, each pair once.

    Names are only compared fuzzily within a block sharing their first letters, so 20,000
    organizations are not 200 million comparisons.
    """
    items = sorted(known, key=lambda o: o.id)
    keys = {o.id: organization_key(o.name) for o in items}
    groups: dict[str, list[Named]] = defaultdict(list)
    for organization in items:
        groups[f"key:{keys[organization.id]}"].append(organization)
        if domain := domain_key(organization.website):
            groups[f"domain:{domain}"].append(organization)
    blocks: dict[str, list[Named]] = defaultdict(list)
    for organization in items:
        blocks[keys[organization.id][:BLOCK]].append(organization)
    found: dict[tuple[int, int], tuple[Named, Named]] = {}
    for group in groups.values():
        for first, second in combinations(group, 2):
            found.setdefault((first.id, second.id), (first, second))
    for block in blocks.values():
        if len(block) > LARGEST_BLOCK:
            continue  # generated names ("Store 0001"...): alike by design, not typos
        names = [keys[o.id] for o in block]
        for index, first in enumerate(block[:-1]):
            for _match, _score, offset in process.extract(
                names[index], names[index + 1 :], scorer=fuzz.ratio, processor=None,
                score_cutoff=threshold, limit=None,
            ):  # fmt: skip
                second = block[index + 1 + offset]
                found.setdefault((first.id, second.id), (first, second))
    return [found[ids] for ids in sorted(found)]
