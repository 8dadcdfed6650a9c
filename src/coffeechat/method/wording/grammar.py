"""Small rules of written English that merged text needs: "a" or "an" by sound, possessives,
lists joined with commas and "and", and a capital at the start of each sentence."""

from __future__ import annotations

import re
from collections.abc import Iterable

# Letters whose names start with a vowel sound: "an MBA", "an SQL query", "an FBI agent".
_VOWEL_SOUND_LETTERS = frozenset("AEFHILMNORSX")
# Words spelled with a vowel that start with a consonant sound, and the other way round.
_CONSONANT_SOUND = re.compile(
    r"^(?:uni(?![nm])|use|usu|ura|uri|uro|uti|ute|uku|ubi|eu|ewe|one\b|once\b|onesie)", re.I
)
_VOWEL_SOUND = re.compile(r"^(?:hour|honest|honou?r|heir|herb\b)", re.I)
_ALREADY = re.compile(r"^(?:a|an|the|my|your|his|her|their|our|its|one|some|this|that)\s", re.I)
_LEADING_NUMBER = re.compile(r"^(\d[\d,]*)")
# Abbreviations after which a lower-case word does not start a sentence.
# Titles too: "Dear Ms. de la Cruz" keeps the lower-case particle of her name.
_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "vs.", "approx.", "cf.", "incl.", "no.", "mr.", "mrs.",
                  "ms.", "mx.", "dr.", "prof.", "st.", "sr.", "jr.", "rev.", "hon.")  # fmt: skip
_SENTENCE_START = re.compile(r"(?:\A|(?<=[.!?])[ \t]+|\n[ \t]*)([\"“(]?)([a-z])")


def article(phrase: str) -> str:
    """ "a" or "an" for a phrase, by how its first word sounds."""
    word = phrase.strip().split(" ", 1)[0].strip('"“(') if phrase.strip() else ""
    if not word:
        return "a"
    number = _LEADING_NUMBER.match(word)
    if number:
        digits = number.group(1).replace(",", "")
        # "an 8", "an 11", "an 18-month", "an 80-year": said "eight", "eleven", "eighteen".
        lead = number.group(1).split(",")[0]
        return "an" if digits[0] == "8" or lead in ("11", "18") else "a"
    letters = word.strip(".-'\u2019")
    if letters.isupper() and len(letters) > 1 and (len(letters) <= 3 or not _has_vowel(letters)):
        return "an" if letters[0] in _VOWEL_SOUND_LETTERS else "a"  # an initialism
    if _VOWEL_SOUND.match(word):
        return "an"
    if _CONSONANT_SOUND.match(word):
        return "a"
    return "an" if word[0].lower() in "aeiou" else "a"


def _has_vowel(letters: str) -> bool:
    return any(char in "AEIOU" for char in letters)


# Ordinary words a headline often starts with, written with a capital only because they start it
# ("Middle-school science teacher"): after "a" they read in lower case. Names ("European",
# "Google") are not listed, so they keep their capital; acronyms and words with inner capitals
# ("UX", "MBA", "iOS", "McKinsey") are never lowered.
_HEADLINE_TEXT = """
    academic account accountant administrator aspiring assistant associate biology career
    certified chemistry classroom clinical college community content corporate creative
    curriculum customer data design designer developer digital early education educational
    elementary engineer engineering entry experienced finance former freelance freelancer
    full graduate graphic health high history independent instructional interaction junior
    lead learning librarian licensed marketing math mathematics mechanical mid middle museum
    new nonprofit non nurse operations part physics primary principal product program project
    public recent registered research researcher retired sales school science secondary
    self senior service social software special staff student teacher technical trained
    user veteran visual writer
"""
_HEADLINE_WORDS = frozenset(_HEADLINE_TEXT.split())


def _ordinary_first_word(phrase: str) -> bool:
    word = phrase.split(" ", 1)[0]
    if len(word) < 2 or not word[0].isupper() or word[1:] != word[1:].lower():
        return False
    return re.split(r"[-\u2010\u2011/]", word.casefold(), maxsplit=1)[0] in _HEADLINE_WORDS


def with_article(phrase: str) -> str:
    """The phrase with "a" or "an" before it, unless it already has a determiner. An ordinary
    first word written with a capital as a headline's start reads in lower case after it
    ("a middle-school science teacher"); names and acronyms keep theirs."""
    phrase = phrase.strip()
    if not phrase or _ALREADY.match(phrase) or (phrase[0].isdigit() and phrase.endswith("s")):
        return phrase
    if _ordinary_first_word(phrase):
        phrase = phrase[:1].lower() + phrase[1:]
    return f"{article(phrase)} {phrase}"


def possessive(name: str) -> str:
    """ "James's", "Priya's", "the Joneses'", "the students'"."""
    name = name.strip()
    if not name or name.endswith(("'s", "\u2019s", "s'", "s\u2019")):
        return name
    plural = name.lower().startswith("the ") and name.endswith("s")
    return f"{name}'" if plural else f"{name}'s"


def join_list(items: Iterable[str]) -> str:
    """ "Sam", "Sam and Lee", "Sam, Lee and Kim": each once, empty ones left out."""
    seen: dict[str, str] = {}
    for item in items:
        if item.strip():
            seen.setdefault(item.strip().casefold(), item.strip())
    names = list(seen.values())
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def capitalize_sentences(text: str) -> str:
    """A capital for the first word of each sentence (after ". ", "! ", "? " or a new line)."""

    def upper(match: re.Match[str]) -> str:
        before = text[max(0, match.start() - 8) : match.start()].rstrip()
        if before.casefold().endswith(_ABBREVIATIONS):
            return match.group(0)
        return match.group(0)[:-1] + match.group(2).upper()

    return _SENTENCE_START.sub(upper, text)


def first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def first_lower(text: str) -> str:
    """Lower-case the first letter unless the first word is a name or an acronym ("UX", "I")."""
    word = text.split(" ", 1)[0]
    if word == "I" or word.startswith("I'") or (len(word) > 1 and word[1:2].isupper()):
        return text
    return text[:1].lower() + text[1:]
