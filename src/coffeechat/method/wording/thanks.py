"""What a thank-you says was most useful: one piece of advice or a resource from the
conversation's notes, framed as a sentence of its own ("You suggested I turn the district tablet
pilot into a portfolio case study; I have started on it."). Notes are written in haste, with
bullets, colons and lower-case starts; none of that reaches the message."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from coffeechat.method.wording.grammar import first_lower, first_upper

_BULLET = re.compile(
    r"^\s*(?:[-*\u2022\u2023\u25e6\u2013\u2014>]+|\d{1,2}[.)]|[a-z][.)](?=\s))\s*", re.I
)
# A label before the point: "Advice: ...", "Read: ...".
_LABEL = re.compile(
    r"^(?:advice|tip|idea|suggestion|next\s+steps?|todo|to\s+do|read|book|resource|article"
    r"|link|see|watch|listen)\s*[:\-\u2013]\s*",
    re.I,
)
# Where a note's main point ends and its sub-points begin.
_CUT = re.compile(r"\s*(?::|;|\s[-\u2013\u2014]\s|\(|\n|\.\s|\.$|!|\?)")
# Openings that already say who said it: "You should...", "Advice: ...", "She suggested I...".
_LEAD = re.compile(
    r"^(?:(?:you|he|she|they)"
    r"\s+(?:said|suggested|recommended|advised)\s+(?:that\s+)?(?:I\s+)?(?:should\s+)?"
    r"|(?:I\s+)?should\s+|you\s+should\s+|maybe\s+|try\s+to\s+|to\s+)",
    re.I,
)
# A note that states a fact rather than saying what to do ("networking matters more...").
_STATEMENT_START = re.compile(
    r"^(?:the|a|an|this|that|these|those|it|it's|there|most|many|some|every|all|no|your|my|"
    r"our|their|his|her|people|hiring|recruiters?|managers?|[a-z]+(?:ing|s))\b",
    re.I,
)
_STATEMENT_VERB = re.compile(r"\b(?:is|are|was|were|matters?|helps?|counts?|works?)\b", re.I)
_RESOURCE_VERB = re.compile(r"^(?:read|see|watch|listen to|check out|look at|look up)\s+", re.I)
FALLBACK = "I learned a great deal about your work and the field."


@dataclass(frozen=True)
class Note:
    """A takeaway from the conversation: its text, whether it is advice (else a resource), and
    whether the user has acted on it."""

    text: str
    advice: bool = True
    acted_on: bool = False


def clause(text: str, *, title: bool = False) -> str:
    """The note's main point as a clause: no bullet, no sub-points after a colon, no closing
    full stop, and a lower-case start unless it begins with a name or an acronym."""
    text = _LABEL.sub("", _BULLET.sub("", text.strip()))
    text = _CUT.split(text, maxsplit=1)[0].strip(" .,;:-\u2013\u2014\"'\u201c\u201d")
    text = _LEAD.sub("", text).strip()
    # A title ("Just Enough Research") keeps its capitals; advice reads on from "I".
    return text if title else first_lower(text)


def is_instruction(text: str) -> bool:
    """Whether the clause says what to do ("turn the pilot into a case study"), so that
    "You suggested I ..." reads right."""
    return bool(text) and not (_STATEMENT_START.match(text) or _STATEMENT_VERB.search(text))


def framed(note: Note) -> str:
    """One sentence about the note, for the thank-you."""
    point = clause(note.text, title=not note.advice)
    if not point:
        return FALLBACK
    if not note.advice:
        resource = first_upper(_RESOURCE_VERB.sub("", point))
        return f"{resource}, which you pointed me to, is next on my list."
    if not is_instruction(point):
        return f"Your point that {point} was especially useful."
    done = "I have started on it" if note.acted_on else "I am going to do just that"
    return f"You suggested I {point}; {done}."


def most_useful(notes: Sequence[Note]) -> Note | None:
    """Advice acted on first, then other advice, then a resource; the earliest of each."""
    ranked = sorted(
        (note for note in notes if clause(note.text)),
        key=lambda note: (not note.acted_on, not note.advice),
    )
    return ranked[0] if ranked else None


def useful_line(notes: Sequence[Note]) -> str:
    note = most_useful(notes)
    return framed(note) if note else FALLBACK


def acted_advice(notes: Sequence[Note]) -> str:
    """The advice the user acted on, as "to ..." would continue it; "" if none reads so."""
    for note in notes:
        point = clause(note.text)
        if note.advice and note.acted_on and is_instruction(point):
            return point
    return ""
