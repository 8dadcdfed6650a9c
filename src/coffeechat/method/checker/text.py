"""Reading a draft the way the rules need it.

Curly apostrophes and dashes are written as \\u escapes (\\u2019 is the curly apostrophe) so
that nobody mistakes them for their plain look-alikes.

Every rule looks at a *masked* copy of the text: quoted titles, links, e-mail addresses and
merge fields are blanked with spaces of the same length, so offsets still point into the text
as written and the words a finding quotes come straight from what the user typed.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

Span = tuple[int, int]

MERGE_FIELD = re.compile(
    r"\{\{[^{}\n]{0,40}\}\}"  # {{first_name}}, as our own templates write them
    r"|\{[A-Za-z_][\w ]{0,30}\}"  # {first_name}
    r"|\[[A-Za-z][A-Za-z _'\u2019]{0,40}\](?!\()"  # [First Name], but not a Markdown link
    r"|<[A-Za-z_][A-Za-z_ ]{1,30}>"  # <company>
    r"|%[A-Z][A-Z_]{1,30}%"  # %FIRST_NAME%
    r"|\*\|[A-Z_]+\|\*"  # *|FNAME|*, Mailchimp's form
    r"|\bX{3,}\b|(?<=\w )_{3,}"  # XXX, or "at ___": not a line of underscores, a divider
)
NOT_FIELDS = {"[sic]", "<br>", "<div>", "<span>", "<html>", "<body>", "<li>", "<ul>", "<ol>"}

# Anchored at the start of a run of address characters, so a long run cannot be re-scanned.
_LINK = re.compile(r"https?://\S+|www\.\S+|(?<![\w.+-])[\w.+-]{1,64}@[\w-]+\.[\w.-]+")
# A quoted title ("I read your article “Hiring for Climate Risk”") is not the writer's words.
# Single quotes only count when they cannot be apostrophes: not inside or after a word.
_QUOTED = re.compile(
    r"“[^”\n]{0,300}”"
    r'|"[^"\n]{0,300}"'
    r"|«[^»\n]{0,300}»"
    r"|(?<!\w)\u2018.{1,300}?\u2019(?!\w)"
    r"|(?<![\w'])'(?=\S).{0,300}?(?<=\S)'(?!\w)"
)
_WORD = re.compile(r"[^\W\d_](?:[\w'\u2019-]*[^\W_])?")
_SENTENCE_GAP = re.compile(r"[.!?…:;\n]")
_BREAK = re.compile(
    r"[.!?…]+[\"”\u2019')\]]*(?=\s|$)"  # end of a sentence
    r"|\n[ \t]*\n"  # a blank line
    r"|\n(?=[ \t]*(?:[-*•\u2013]|\d{1,2}[.)])[ \t])"  # a list item
)
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_ABBREVIATIONS = {"dr", "mr", "mrs", "ms", "mx", "prof", "st", "jr", "sr", "vs", "etc", "e.g"}
_ABBREVIATIONS |= {"i.e", "eg", "ie", "inc", "ltd", "co", "approx", "no", "dept"}

I_FORMS = {"i", "i'm", "i've", "i'd", "i'll"}
# Capitalised only because a sentence or greeting starts with them: no sign of a name.
_FUNCTION_WORDS = {
    "the", "a", "an", "my", "your", "our", "their", "his", "her", "its", "this", "that",
    "these", "those", "any", "some", "no", "in", "at", "on", "for", "with", "from", "to", "as",
    "and", "but", "or", "so", "if", "when", "while", "after", "before", "since", "dear", "hi",
    "hello", "hey", "thanks", "best", "we", "you", "it", "is", "are", "was", "do", "does", "did",
    "would", "could", "can", "will", "may", "how", "what", "which", "why", "where", "who",
}  # fmt: skip
# Small words inside names and titles: "Department of Employment", "Jobs for the Future".
_CONNECTORS = {"of", "for", "the", "and", "&", "in", "de", "la", "von", "van", "du"}


def blank(text: str, pattern: re.Pattern[str], keep: set[str] | None = None) -> str:
    def spaces(match: re.Match[str]) -> str:
        if keep and match.group() in keep:
            return match.group()
        return " " * len(match.group())

    return pattern.sub(spaces, text)


def mask(text: str) -> str:
    """The text with links, merge fields and quotations blanked, offsets unchanged."""
    text = blank(text, _LINK)
    text = blank(text, MERGE_FIELD, keep=NOT_FIELDS)
    return blank(text, _QUOTED)


def squash(text: str) -> str:
    return " ".join(text.split())


def normal(word: str) -> str:
    """For comparing words: case and curly apostrophes do not matter."""
    return word.replace("\u2019", "'").casefold()


def capitalised(word: str) -> bool:
    """Looks like part of a name: a capital that neither “I” nor a sentence start explains."""
    return word[:1].isupper() and normal(word) not in I_FORMS | _FUNCTION_WORDS


@dataclass(frozen=True)
class Scanned:
    """A piece of text, its masked copy and its words, for the proper-noun heuristic."""

    text: str
    masked: str
    words: tuple[Span, ...]
    starts: frozenset[int]  # offsets of the words that begin a sentence
    names_possible: bool = True  # False for Title Case subjects, where capitals mean nothing

    def word(self, index: int) -> str:
        start, end = self.words[index]
        return self.text[start:end]

    def index_at(self, offset: int) -> int | None:
        index = bisect_right(self.words, (offset, len(self.text) + 1)) - 1
        if index >= 0 and self.words[index][0] <= offset < self.words[index][1]:
            return index
        return None

    def looks_like_name(self, offset: int) -> bool:
        """“Steve Jobs”, “the Jobs Foundation”: a capitalised word next to another one.

        Mid-sentence, a capital next to another capitalised word marks a name; at the start
        of a sentence the capital proves nothing, so only a capitalised next word counts.
        """
        index = self.index_at(offset)
        if not self.names_possible or index is None:
            return False
        word = self.word(index)
        if not word[:1].isupper() or (len(word) > 1 and word.isupper()):
            return False
        if self._name_neighbour(index, +1):
            return True
        return self.words[index][0] not in self.starts and self._name_neighbour(index, -1)

    def _joined(self, first: int, second: int) -> bool:
        if not (0 <= first < len(self.words) and 0 <= second < len(self.words)):
            return False
        left, right = sorted((first, second))
        gap = self.masked[self.words[left][1] : self.words[right][0]]
        return gap.strip(" \t") == ""

    def _name_neighbour(self, index: int, step: int) -> bool:
        here, there = index, index + step
        hops = 0
        while self._joined(here, there) and normal(self.word(there)) in _CONNECTORS and hops < 2:
            here, there, hops = there, there + step, hops + 1
        if not self._joined(here, there) or not capitalised(self.word(there)):
            return False
        # "In the Jobs report": a capital reached through "the" at a sentence start proves nothing.
        return not (hops and self.words[there][0] in self.starts)


def scan(text: str, *, first_sentence_at: int = 0, names_possible: bool = True) -> Scanned:
    masked = mask(text)
    words = tuple(match.span() for match in _WORD.finditer(masked))
    starts: set[int] = set()
    previous_end = 0
    for start, end in words:
        after_greeting = previous_end <= first_sentence_at <= start
        if not starts or after_greeting or _SENTENCE_GAP.search(masked, previous_end, start):
            starts.add(start)
        previous_end = end
    return Scanned(text, masked, words, frozenset(starts), names_possible)


def sentence_spans(masked: str, start: int, end: int) -> tuple[Span, ...]:
    """Sentences between start and end; line breaks inside a paragraph do not end one."""
    spans = []
    begin = start
    for match in _BREAK.finditer(masked, start, end):
        if match.group().startswith(".") and _is_abbreviation(masked, match.start()):
            continue
        spans.append((begin, match.end()))
        begin = match.end()
    spans.append((begin, end))
    return tuple(_trim(masked, span) for span in spans if _has_letters(masked, span))


def _is_abbreviation(masked: str, dot: int) -> bool:
    before = _WORD_BEFORE.search(masked, max(0, dot - 12), dot)
    return before is not None and before.group(1).strip(".").lower() in _ABBREVIATIONS


def _has_letters(masked: str, span: Span) -> bool:
    return any(char.isalpha() for char in masked[span[0] : span[1]])


def _trim(masked: str, span: Span) -> Span:
    start, end = span
    while start < end and masked[start].isspace():
        start += 1
    while end > start and masked[end - 1].isspace():
        end -= 1
    return start, end
