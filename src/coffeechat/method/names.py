"""Names as people write them: the parts of a name, how it is shown and how a message greets them.

A contact's name has an honorific ("Dr."), a given name, a middle name, a family name, a suffix
("III") and the name they go by ("Johnny"). Names written in Han, Hangul or Japanese script put
the family name first with no space between ("김민준", "王小明"), so they are shown in that order
and never split Western-style.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

# Ties close enough for "Hi Johnny": the people the user knows personally. Everyone else gets the
# formal greeting ("Dear Dr. Public" when an honorific is known, else "Dear John").
WARM_TIES = frozenset({"friend", "family", "former_colleague"})

# Honorifics used with the given name, not the family name: "Dear Sir John".
_WITH_GIVEN_NAME = frozenset({"sir", "dame"})

# Scripts in which the family name comes first and words are not separated by spaces.
_FAMILY_FIRST_SCRIPTS = ("CJK UNIFIED IDEOGRAPH", "HANGUL", "HIRAGANA", "KATAKANA")


def is_family_first(text: str) -> bool:
    """True when a name is written in a script that puts the family name first (CJK): every
    letter of it is Han, Hangul or kana ("Zoë 李" mixes scripts and keeps the Western order)."""
    if text.isascii():  # nearly every name in a list: no character to look up
        return False
    found = False
    for char in text:
        if char.isalpha():
            if not unicodedata.name(char, "").startswith(_FAMILY_FIRST_SCRIPTS):
                return False
            found = True
    return found


def _join(*parts: str) -> str:
    return " ".join(part.strip() for part in parts if part and part.strip())


@dataclass(frozen=True)
class PersonName:
    given: str
    family: str = ""
    middle: str = ""
    honorific: str = ""
    suffix: str = ""
    goes_by: str = ""

    @property
    def family_first(self) -> bool:
        return is_family_first(self.given + self.family)

    @property
    def shown(self) -> str:
        """The name in lists and headings: given and family name, in the name's own order."""
        return shown_name(self.given, self.family)

    @property
    def formal(self) -> str:
        """Every part, as on an envelope: "Dr. John Quinlan Public III", "김민준"."""
        if self.family_first:
            core = f"{self.family.strip()}{self.given.strip()}"
            return _join(self.honorific, core, self.suffix)
        return _join(self.honorific, self.given, self.middle, self.family, self.suffix)

    @property
    def called(self) -> str:
        """What to call them among friends: the name they go by, else the given name."""
        return self.goes_by.strip() or self.given.strip() or self.family.strip()

    def salutation(self, tie: str) -> str:
        """The greeting's opening words for this tie: "Hi Johnny", "Dear Dr. Public"."""
        if tie in WARM_TIES:
            return f"Hi {self.called}"
        return f"Dear {self.formal_address}"

    @property
    def formal_address(self) -> str:
        """How a formal message addresses them: "Dr. Public", "Sir John", else the given name.
        A CJK name is never cut down to one part: the given name alone is too familiar and the
        family name alone ("Mr. 김") is not how it is written, so it is the whole name in its
        own order, after the honorific if there is one ("김민준", "Mr. 김민준")."""
        honorific = self.honorific.strip()
        if self.family_first:
            return _join(honorific, self.shown)
        if honorific and honorific.rstrip(".").casefold() in _WITH_GIVEN_NAME:
            return _join(honorific, self.given or self.called)
        if honorific and self.family.strip():
            return _join(honorific, self.family)
        return self.given.strip() or self.called

    @property
    def addresses(self) -> tuple[str, ...]:
        """Every name a greeting may rightly use: given, goes-by, "Dr. Public", the full name."""
        names = (self.given, self.goes_by, self.formal_address, self.shown)
        seen: dict[str, str] = {}
        for name in names:
            if name.strip():
                seen.setdefault(name.strip().casefold(), name.strip())
        return tuple(seen.values())


def shown_name(given: str, family: str) -> str:
    """Given and family name in the name's own order (lists read names without a Contact)."""
    given, family = given.strip(), family.strip()
    if is_family_first(given + family):
        return f"{family}{given}"
    return f"{given} {family}".strip()


def split_full_name(full: str) -> tuple[str, str]:
    """(given, family) from a name written as one string, as a file without name parts has it.

    Western names split at the last space ("Mary Ann Lee" -> "Mary Ann", "Lee"). A CJK name with
    a space is family name first ("김 민준"); without one it cannot be split safely, so it is kept
    whole as the given name and shown exactly as written."""
    full = " ".join(full.split())
    if not full:
        return "", ""
    if is_family_first(full):
        family, _, given = full.partition(" ")
        return (given, family) if given else (full, "")
    given, _, family = full.rpartition(" ")
    return (given, family) if given else (family, "")
