"""What the checker reports, and the two sets of message rules career centres teach."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    PROBLEM = "problem"
    SUGGESTION = "suggestion"


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: Severity
    message: str
    words: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "severity": str(self.severity),
            "message": self.message,
            "words": list(self.words),
        }


@dataclass(frozen=True)
class RuleSet:
    name: str
    word_limit: int
    require_question: bool
    reader_share: bool


CLASSIC = RuleSet("classic", 100, require_question=False, reader_share=False)
STRICT = RuleSet("strict", 75, require_question=True, reader_share=True)
RULE_SETS = {"classic": CLASSIC, "strict": STRICT}

# Only an email has a subject line; a phone call, a word in person or a note a mutual contact
# passes on is checked for everything else.
CHANNELS = ("email", "linkedin", "phone", "in_person", "introduction")
PURPOSES = ("request", "follow_up", "thank_you", "update")
# How the writer knows the person (the contact's "How you know them"); "" when not known.
TIES = (
    "friend", "family", "alumni", "professor", "former_colleague", "linkedin", "referral", "cold",
)  # fmt: skip
# LinkedIn refuses a connection note longer than this; a message to someone you are already
# connected with may be far longer.
LINKEDIN_NOTE_LIMIT = 300
LINKEDIN_MESSAGE_LIMIT = 8000


def linkedin_limit(channel: str, purpose: str, tie: str) -> int | None:
    """How many characters LinkedIn takes: a first request to someone you are not connected
    with goes with the invitation, as a connection note; to a LinkedIn connection, or after
    they accepted (a follow-up, an update), it is a message. None off LinkedIn."""
    if channel != "linkedin":
        return None
    if purpose == "request" and tie != "linkedin":
        return LINKEDIN_NOTE_LIMIT
    return LINKEDIN_MESSAGE_LIMIT


def problem(rule: str, message: str, words: tuple[str, ...] = ()) -> Finding:
    return Finding(rule, Severity.PROBLEM, message, words)


def suggestion(rule: str, message: str, words: tuple[str, ...] = ()) -> Finding:
    return Finding(rule, Severity.SUGGESTION, message, words)


def quoted(words: tuple[str, ...] | list[str]) -> str:
    """“position”, “hiring”: how a message names the words it is about."""
    return ", ".join(f"“{word}”" for word in words)


def unique(words: list[str]) -> tuple[str, ...]:
    """First appearance of each word, ignoring case, so “Job” and “job” are reported once."""
    seen: dict[str, str] = {}
    for word in words:
        seen.setdefault(word.casefold(), word)
    return tuple(seen.values())
