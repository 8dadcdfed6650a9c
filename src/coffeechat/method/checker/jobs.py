"""The j-word rule: a first message asks for advice, never for a job.

Words are matched in any inflection, but not inside quoted titles (the masked text has them
blanked) and a lone capitalised word next to another capitalised word is taken for part of a
name: "Steve Jobs", "the Jobs Foundation", "Department of Employment".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .draft import Draft
from .model import Finding, problem, quoted, unique
from .text import Scanned, scan, squash

_ORG = r"(?:your|the)\s+(?:company|team|firm|organi[sz]ation|group|department|office|business)\b"
_POSSESSIVES = frozenset({"your", "my", "his", "her", "their", "our", "its"})
_CALENDAR = r"(?:in|on)\s+(?:your|my|the|his|her|their)\s+(?:calendar|schedule|diary|agenda)\b"


@dataclass(frozen=True)
class _Pattern:
    regex: re.Pattern[str]
    single_word: bool = True  # a lone word can belong to a name; a phrase cannot
    not_after: frozenset[str] = frozenset()  # "market position", "your role at the firm"


def _word(pattern: str, not_after: frozenset[str] = frozenset()) -> _Pattern:
    return _Pattern(re.compile(pattern, re.IGNORECASE), True, not_after)


def _phrase(pattern: str, not_after: frozenset[str] = frozenset()) -> _Pattern:
    return _Pattern(re.compile(pattern, re.IGNORECASE), False, not_after)


_PATTERNS = (
    _word(r"\bjob(?:s|['\u2019]s|less|seekers?|[-\u2010]?(?:hunt|search|seek)\w*|[-\u2010]\w+)?\b"),
    _word(r"\b(?:re)?hir(?:e|es|ed|ing)\b"),
    _word(r"\bvacanc(?:y|ies)\b"),
    _word(r"\b(?:employ|employs|employing|employment)\b"),
    # Not "recruited": students recruit volunteers and study participants.
    _word(r"\brecruit(?:s|ing|er|ers|ment)?\b"),
    # Not "in a position to", "your position on", "position myself", "market position".
    _word(
        r"\bpositions?\b(?!\s+(?:to|of|paper|papers|statement|statements|myself|yourself"
        r"|ourselves|themselves|itself|me|us|them|it|him|her)\b)"
        r"(?!\s+on\s+(?!(?:your|the|their|a)\s+(?:website|site|page|team|board|careers)\b))",
        _POSSESSIVES
        | {"market", "competitive", "strategic", "financial", "cash", "policy", "net", "good"}
        | {"strong", "unique", "better", "great", "difficult", "tough", "privileged", "lucky"},
    ),
    # Not "the opening keynote" or "an opening in your calendar".
    _word(rf"\b(?P<w>openings?)\s+(?:at|on|in|with|within|for)\s+{_ORG}"),
    _word(
        r"\b(?:job|internship|an|any|current|open|new|upcoming|available|no|future|graduate)"
        rf"\s+(?P<w>openings?)\b(?!\s+{_CALENDAR})"
    ),
    _word(rf"\b(?P<w>openings)\b(?!\s+{_CALENDAR})"),
    # Not "I did an internship at Acme": that is the writer's background.
    _word(
        r"\b(?P<w>internships?)\s+(?:openings?|positions?|opportunit(?:y|ies)|vacanc(?:y|ies)"
        r"|programmes?|programs?|roles?|places?|spots?|slots?)\b"
    ),
    _word(
        r"\b(?:for|any|open|available|offer|offers|offering|seeking|want|need)\s+"
        r"(?:an?\s+|any\s+)?(?:summer\s+|paid\s+)?(?P<w>internships?)\b"
    ),
    _word(rf"\b(?P<w>internships)\s+(?:at|on|in|with|within)\s+{_ORG}"),
    # "Roles" alone is innocent: "your role at Acme", "played a role in".
    _phrase(r"\b(?:open|available|vacant|upcoming|entry[- ]level|junior|graduate)\s+roles?\b"),
    _phrase(r"\bany\s+(?:open\s+)?roles\b"),
    _phrase(rf"\broles?\s+(?:at|on|in|with|within)\s+{_ORG}", _POSSESSIVES),
    _phrase(r"\b(?:job|career|employment|work|internship)\s+opportunit(?:y|ies)\b"),
    _phrase(rf"\bopportunit(?:y|ies)\s+(?:at|on|in|with|within|to\s+join)\s+{_ORG}"),
    _phrase(
        r"\b(?:any|open|available|current)\s+opportunities\b(?!\s+(?:to|for\s+(?:me\s+)?to)\b)"
    ),
    _phrase(
        r"\bjoin(?:ing)?\s+(?:your|the)\s+(?:team|company|firm|organi[sz]ation)\b(?!['\u2019]s)"
    ),
    _phrase(r"\bwork(?:ing)?\s+for\s+your\s+(?:company|firm|organi[sz]ation|team)\b"),
    _phrase(r"\bhiring\s+managers?\b"),
    _phrase(r"\btalent\s+(?:acquisition|team)\b"),
    # A resume is a job document; "resume" the verb is not ("resume our conversation").
    _phrase(r"\b(?:my|a|the|updated|attached|enclosed)\s+(?P<w>cv|résumé|resumé|resume)s?\b"),
    _phrase(r"\b(?P<w>cv|résumé|resumé|resume)s?\s+(?:is\s+|are\s+)?(?:attached|enclosed|below)\b"),
    _phrase(r"\b(?P<w>résumé|resumé)s?\b"),
)
_PREVIOUS_WORD = re.compile(r"([\w'\u2019]+)\W*$")

MESSAGE = "Mentions jobs: {words}. Ask for advice, not a job; the job talk comes later, if ever."


def check_jobs(draft: Draft) -> Iterator[Finding]:
    words = []
    if draft.subject and draft.channel == "email":
        words += mentions(scan(draft.subject, names_possible=not _title_case(draft.subject)))
    words += mentions(draft.body)
    if words:
        found = unique(words)
        yield problem("mentions-jobs", MESSAGE.format(words=quoted(found)), found)


def mentions(scanned: Scanned) -> list[str]:
    """The job words in the text, in order, each reported once where phrases overlap."""
    spans = []
    for pattern in _PATTERNS:
        for match in pattern.regex.finditer(scanned.masked):
            span = match.span("w") if "w" in pattern.regex.groupindex else match.span()
            if not _excused(scanned, pattern, match.start(), span):
                spans.append(span)
    kept = [span for span in set(spans) if not _inside_another(span, spans)]
    return [squash(scanned.text[start:end]) for start, end in sorted(kept)]


def _excused(scanned: Scanned, pattern: _Pattern, start: int, span: tuple[int, int]) -> bool:
    if pattern.not_after:
        previous = _PREVIOUS_WORD.search(scanned.masked, max(0, start - 30), start)
        if previous and previous.group(1).lower() in pattern.not_after:
            return True
    return pattern.single_word and scanned.looks_like_name(span[0])


def _inside_another(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(o != span and o[0] <= span[0] and span[1] <= o[1] for o in spans)


def _title_case(subject: str) -> bool:
    """In “Question About Open Positions” capitals say nothing about names."""
    long_words = [word for word in subject.split() if len(word) > 3 and word[:1].isalpha()]
    return bool(long_words) and all(word[:1].isupper() for word in long_words)
