"""What a search box query means: words matched as prefixes, "quoted phrases" and -exclusions.

Plain Python: the query is parsed here into words made only of letters and digits, and each
database gets it in its own syntax (an FTS5 MATCH expression, a PostgreSQL tsquery) built from
those words, so nothing the user types ever reaches either parser as written: a stray quote,
bracket or operator cannot make a query fail.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Words as both indexes cut them: runs of letters and digits (FTS5's unicode61 tokenizer treats
# everything else, the underscore included, as a separator).
WORD = re.compile(r"[^\W_]+")
TERM = re.compile(r'(-?)"([^"]*)"?|(-?)(\S+)')
# A query is typed by a person; more terms than this only slows the search down.
MAX_TERMS = 12


@dataclass(frozen=True)
class Phrase:
    """Words that must follow one another; the last matches as a prefix when `prefix` is set
    (a bare word, still being typed), and exactly in a "quoted phrase"."""

    words: tuple[str, ...]
    prefix: bool


@dataclass(frozen=True)
class SearchQuery:
    include: tuple[Phrase, ...]
    exclude: tuple[Phrase, ...]

    @property
    def is_empty(self) -> bool:
        """Nothing to look for: no words, or only exclusions (which match no record alone)."""
        return not self.include


def parse(text: str) -> SearchQuery:
    """`zoe "supply chain" -intern` -> words that must all appear (prefixes as you type), the
    exact phrase, and a word that must not."""
    include: list[Phrase] = []
    exclude: list[Phrase] = []
    # Composed form first: a "ë" typed as "e" plus a combining mark is still one letter.
    for match in TERM.finditer(unicodedata.normalize("NFC", text)):
        quoted = match.group(2) is not None
        minus = match.group(1) if quoted else match.group(3)
        words = tuple(
            word.lower() for word in WORD.findall(match.group(2) if quoted else match.group(4))
        )
        if not words:
            continue
        phrase = Phrase(words, prefix=not quoted)
        (exclude if minus else include).append(phrase)
        if len(include) + len(exclude) >= MAX_TERMS:
            break
    return SearchQuery(tuple(include), tuple(exclude))


def _fts5_phrase(phrase: Phrase) -> str:
    # Words hold only letters and digits, so they are safe inside FTS5's double quotes.
    text = '"' + " ".join(phrase.words) + '"'
    return text + " *" if phrase.prefix else text


def to_fts5(query: SearchQuery) -> str:
    """The query as an SQLite FTS5 MATCH expression (empty for an empty query)."""
    if query.is_empty:
        return ""
    expression = "(" + " AND ".join(_fts5_phrase(p) for p in query.include) + ")"
    for phrase in query.exclude:
        expression += f" NOT ({_fts5_phrase(phrase)})"
    return expression


def _tsquery_phrase(phrase: Phrase) -> str:
    # Quoted lexemes: PostgreSQL still folds case and accents through the search configuration.
    lexemes = [f"'{word}'" for word in phrase.words]
    if phrase.prefix:
        lexemes[-1] += ":*"
    return "(" + " <-> ".join(lexemes) + ")"


def to_tsquery(query: SearchQuery) -> str:
    """The query as PostgreSQL to_tsquery() text (empty for an empty query)."""
    if query.is_empty:
        return ""
    parts = [_tsquery_phrase(p) for p in query.include]
    parts += ["!" + _tsquery_phrase(p) for p in query.exclude]
    return " & ".join(parts)
