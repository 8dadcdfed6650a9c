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
        # Lowered before cutting: lowering can add a combining mark ("İ"), which cuts there too.
        words = tuple(WORD.findall((match.group(2) if quoted else match.group(4)).lower()))
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


# Highlighting ---------------------------------------------------------------------------------
# Done here, not by the databases: FTS5's snippet() re-reads the owner's whole scope for each
# row, and both engines would mark words differently. Matches are wrapped in START and STOP,
# characters no one types, so the page can escape the text first and then turn them into <mark>.
START, STOP = "\x02", "\x03"
SNIPPET_WORDS = 24


def fold(word: str) -> str:
    """A word as the indexes compare it: no case, no accents ("Zoë" -> "zoe")."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _matches(token: str, wanted: str, prefix: bool) -> bool:
    return token.startswith(wanted) if prefix else token == wanted


def _marked_tokens(tokens: list[str], query: SearchQuery) -> set[int]:
    """Positions of the words that match one of the query's phrases."""
    marked: set[int] = set()
    for phrase in query.include:
        wanted = [fold(word) for word in phrase.words]
        for start in range(len(tokens) - len(wanted) + 1):
            if all(
                _matches(tokens[start + i], word, phrase.prefix and i == len(wanted) - 1)
                for i, word in enumerate(wanted)
            ):
                marked.update(range(start, start + len(wanted)))
    return marked


def highlight(text: str, query: SearchQuery, *, words: int | None = None) -> str:
    """The text with its matching words between START and STOP; with `words`, only a passage
    of about that many words around the first match (… where it is cut)."""
    text = unicodedata.normalize("NFC", text)
    spans = [match.span() for match in WORD.finditer(text)]
    marked = _marked_tokens([fold(text[a:b]) for a, b in spans], query)
    first, last = 0, len(spans)
    if words is not None and len(spans) > words:
        first = max(0, min(min(marked, default=0) - words // 4, len(spans) - words))
        last = first + words
    if not spans:
        return text if words is None else text[:200]
    begin = 0 if first == 0 else spans[first][0]
    end = len(text) if last == len(spans) else spans[last - 1][1]
    out = ["…" if begin else ""]
    cursor = begin
    for position in range(first, last):
        a, b = spans[position]
        if position in marked:
            out += [text[cursor:a], START, text[a:b], STOP]
            cursor = b
    out += [text[cursor:end], "…" if end < len(text) else ""]
    return "".join(out)
