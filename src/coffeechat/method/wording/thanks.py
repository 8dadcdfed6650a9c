"""What a thank-you says was most useful: one piece of advice or a resource from the
conversation's notes, framed as a sentence of its own ("You suggested I turn the district tablet
pilot into a portfolio case study; I have started on it."). Notes are written in haste, with
bullets, colons and lower-case starts; none of that reaches the message. A note that cannot be
framed safely (no verb to say what to do, no point stated) gives the plain line instead."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from coffeechat.method.wording.grammar import first_upper

_BULLET = re.compile(
    r"^\s*(?:[-*\u2022\u2023\u25e6\u2013\u2014>]+|\d{1,2}[.)]|[a-z][.)](?=\s))\s*", re.I
)
# A label before a resource: "Read: ...", "Book - ...". Such a note names something to read,
# watch or listen to, whichever box it was ticked as.
_RESOURCE_LABEL = re.compile(
    r"^(?:read|book|resource|article|link|see|watch|listen)\s*(?::|[-\u2013]\s)\s*", re.I
)
# A label before the point: "Advice: ...", "Next steps: ...".
_LABEL = re.compile(
    r"^(?:advice|tip|idea|suggestion|next\s+steps?|todo|to\s+do)\s*[:\-\u2013]\s*", re.I
)
# A web address, kept whole (its colon, dots and question mark are not where a note ends).
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"]+", re.I)
_URL_TAIL = ".,;:!?)'\"\u201d"
_PLACEHOLDER = re.compile(r"\x00(\d+)\x00")
# Where a note's main point ends and its sub-points begin.
_CUT = re.compile(r"\s*(?::(?=\s|$)|;|\s[-\u2013\u2014]\s|\(|\n|\.\s|\.$|!|\?)")
# Openings that already say who said it: "You should...", "She suggested I...".
_LEAD = re.compile(
    r"^(?:(?:you|he|she|they)"
    r"\s+(?:said|suggested|recommended|advised)\s+(?:that\s+)?(?:I\s+)?(?:should\s+)?"
    r"|(?:I\s+)?should\s+|you\s+should\s+|maybe\s+|try\s+to\s+|to\s+)",
    re.I,
)
# Verbs advice starts with, so that "You suggested I ..." reads on: a note starting with any
# other word is not taken for an instruction ("Focus" ends in s but is not a plural).
_IMPERATIVE_WORDS = """
    add aim apply ask attend avoid become blog bring build call check choose collect compare
    complete connect consider contact create cut design document draft drop earn email
    emphasise emphasize enrol enroll explore find finish focus follow frame freelance get go
    highlight include interview join keep learn lean limit list look make map meet mention
    message move narrow negotiate network offer pick pitch plan polish position post practice
    practise prepare present prioritise prioritize prototype publish pursue put quantify reach
    read record reframe refine register remove research review revise rewrite run save set
    shadow share ship show sign sketch skip speak specialise specialize spend start stay study
    switch tailor take talk target teach tell test think track translate treat try turn update
    use visit volunteer watch write
"""
IMPERATIVES = frozenset(_IMPERATIVE_WORDS.split())
# Ordinary words a stated point starts with ("the", "networking", "recruiters").
_STARTER_WORDS = """
    the a an this that these those it it's there most many some every all no your my our their
    his her people hiring recruiters recruiter managers employers companies teams portfolios
    certificates certifications bootcamps degrees referrals interviews networking research
"""
_STARTERS = frozenset(_STARTER_WORDS.split())
_STATEMENT_VERB = re.compile(
    r"\b(?:is|are|was|were|matters?|helps?|counts?|works?|makes?|needs?|has|have|tends?"
    r"|gets?|can|will|beats?|pays?|hires?|wants?|values?|cares?|looks?|reads?|means?)\b",
    re.I,
)
FALLBACK = "I learned a great deal about your work and the field."


@dataclass(frozen=True)
class Note:
    """A takeaway from the conversation: its text, whether it is advice (else a resource), and
    whether the user has acted on it."""

    text: str
    advice: bool = True
    acted_on: bool = False


def _ordinary(word: str) -> bool:
    """Whether a note's first word is an ordinary word, written with a capital only because it
    starts the note (not a name, title or acronym, which keep their capitals)."""
    bare = word.casefold().strip(",.;:")
    if word[1:] != word[1:].lower():
        return False  # "UX", "iOS", "McKinsey"
    return bare in IMPERATIVES or bare in _STARTERS or (bare.endswith("ing") and len(bare) > 4)


def _lower_ordinary(text: str) -> str:
    word = text.split(" ", 1)[0]
    return text[:1].lower() + text[1:] if word and _ordinary(word) else text


def _unlabelled(text: str) -> tuple[str, bool]:
    """The note without bullet and label, and whether its label names a resource."""
    text = _BULLET.sub("", text.strip())
    resource = _RESOURCE_LABEL.match(text) is not None
    return _LABEL.sub("", _RESOURCE_LABEL.sub("", text)), resource


def _main_point(text: str) -> str:
    urls: list[str] = []

    def hide(match: re.Match[str]) -> str:
        url = match.group().rstrip(_URL_TAIL)
        urls.append(url)
        return f"\x00{len(urls) - 1}\x00" + match.group()[len(url) :]

    text = _URL.sub(hide, text)
    text = _CUT.split(text, maxsplit=1)[0].strip(" .,;:-\u2013\u2014\"'\u201c\u201d")
    text = _LEAD.sub("", text).strip()
    return _PLACEHOLDER.sub(lambda m: urls[int(m.group(1))], text)


def clause(text: str, *, title: bool = False) -> str:
    """The note's main point as a clause: no bullet or label, no sub-points after a colon, no
    closing full stop, web addresses whole, and a lower-case start only where the first word
    is an ordinary one (names, titles and acronyms keep their capitals)."""
    point = _main_point(_unlabelled(text)[0])
    return point if title else _lower_ordinary(point)


def is_instruction(text: str) -> bool:
    """Whether the clause says what to do ("turn the pilot into a case study"), so that
    "You suggested I ..." reads right: it starts with a verb advice starts with."""
    first = text.split(" ", 1)[0] if text else ""
    return first.casefold() in IMPERATIVES and first[1:] == first[1:].lower()


def _is_statement(text: str) -> bool:
    """Whether the clause states a point ("networking matters more than the certificate",
    "Erika Hall's book is the best start"), so that "Your point that ..." reads right."""
    words = text.split()
    if len(words) < 2 or not _STATEMENT_VERB.search(" ".join(words[1:])):
        return False
    first = words[0]
    if first.casefold() in IMPERATIVES:
        return False
    if first.casefold() in _STARTERS or (first.islower() and first.endswith(("ing", "s"))):
        return True
    # A name as the subject: "Erika Hall's book", "Khan Academy".
    return first[:1].isupper() and (first.endswith(("'s", "\u2019s")) or words[1][:1].isupper())


def _resource_line(point: str) -> str:
    url = _URL.fullmatch(point)
    if url:
        return f"The link you pointed me to ({point}) is next on my list."
    return f"{first_upper(point)}, which you pointed me to, is next on my list."


_RESOURCE_VERB = re.compile(r"^(?:read|see|watch|listen to|check out|look at|look up)\s+", re.I)


def framed(note: Note) -> str:
    """One sentence about the note, for the thank-you."""
    text, labelled_resource = _unlabelled(note.text)
    point = _main_point(text)
    if not point:
        return FALLBACK
    if labelled_resource or not note.advice or _URL.fullmatch(point):
        return _resource_line(_RESOURCE_VERB.sub("", point))
    point = _lower_ordinary(point)
    if is_instruction(point):
        done = "I have started on it" if note.acted_on else "I am going to do just that"
        return f"You suggested I {point}; {done}."
    if _is_statement(point):
        return f"Your point that {point} was especially useful."
    return FALLBACK


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
        text, labelled_resource = _unlabelled(note.text)
        point = _lower_ordinary(_main_point(text))
        if note.advice and not labelled_resource and note.acted_on and is_instruction(point):
            return point
    return ""
