"""What a merge leaves behind when a field was empty or two fields said the same thing: empty
brackets, a preposition or article with nothing after it ("at ."), doubled spaces or
punctuation, and a phrase of three or more words said twice. (An unfilled {{field}} is
check_unfilled's.)"""

from __future__ import annotations

import re
from collections.abc import Iterator

from coffeechat.method.checker.draft import Draft
from coffeechat.method.checker.model import Finding, problem, quoted, suggestion, unique

# Within a line: a line break between two marks is layout ("wrote:" then a quoted line).
_EMPTY_BRACKETS = r"\([ \t]*\)|\[[ \t]*\]|\{[ \t]*\}|\"[ \t]*\"|\u201c[ \t]*\u201d"
# A word that needs something after it, followed straight by punctuation: "at .", "an,".
# ("Plan A," and "where I'm from." are English: a capital A and "from" need a space first.)
_DANGLING = (
    r"\b(?:(?-i:a)|an|the|at|of|into|and|or|your|their)[ \t]*[.,;:!?](?=\s|$)"
    r"|\b(?:a|in|on|for|from|with|to|about|by|my)[ \t]+[.,;:!?](?=\s|$)"
)
_DOUBLED_SPACE = r"(?<=\S)[ \t]{2,}(?=\S)"
_DOUBLED_PUNCTUATION = (
    r"[,;:][ \t]*[,;:.!?]|(?<![.\w])\.[ \t]*[,;:]|(?<!\.)\.\.(?!\.)|[ \t]+[,;:.](?=\s|$)"
)
_RESIDUE = re.compile(
    "|".join(
        f"(?:{p})" for p in (_EMPTY_BRACKETS, _DANGLING, _DOUBLED_SPACE, _DOUBLED_PUNCTUATION)
    ),
    re.IGNORECASE,
)
# Each part of a hyphenated word counts as a word ("middle-school science" is three), so a
# phrase said once with a hyphen and once without, or inside a longer one, is still found.
_WORD = re.compile(r"[^\W_][\w'\u2019]*")
_SENTENCE = re.compile(r"[.!?;:]+(?=\s|$)|\n")
# A phrase of only these words says nothing twice ("I would be", "if you have").
_SMALL = {
    "a", "an", "the", "to", "of", "and", "or", "in", "on", "at", "for", "with", "by", "from",
    "i", "i'm", "i'd", "i've", "me", "my", "you", "your", "you're", "we", "it", "is", "be", "am",
    "are", "was", "would", "could", "have", "has", "had", "that", "this", "if", "as", "so",
    "do", "will", "can", "about", "any", "all", "some", "there", "what", "how",
}  # fmt: skip
REPEATED_LENGTH = 3

RESIDUE = (
    "Looks like a gap left by an empty merge field: {words}. Fill in what is missing or "
    "take the words around it out."
)
REPEATED = (
    "Says {words} twice: keep it once, or put the second one another way (two fields of your "
    "profile may say the same thing)."
)


def check_residue(draft: Draft) -> Iterator[Finding]:
    texts = [(draft.subject or "", draft.subject or ""), (draft.body.text, draft.body.masked)]
    found = [
        _context(text, match)
        for text, masked in texts
        for match in _RESIDUE.finditer(masked)
        # A gap inside a blanked merge field or link is check_unfilled's, not a residue.
        if text[match.start() : match.end()] == masked[match.start() : match.end()]
    ]
    if found:
        words = unique(found)
        yield problem("merge-residue", RESIDUE.format(words=quoted(words)), words)


def _context(text: str, match: re.Match[str]) -> str:
    """The gap with the word before it, as the user will find it: "work at .", "Leeds ( )"."""
    before = re.search(r"(\S+\s*)$", text[max(0, match.start() - 30) : match.start()])
    word_before = before.group(1) if before else ""
    if not match.group().strip():  # doubled spaces: name the words on either side
        after = re.match(r"\S+", text[match.end() :])
        return f"{word_before} {after.group() if after else ''} (two spaces)"
    return (word_before + match.group()).strip()


def check_repeated(draft: Draft) -> Iterator[Finding]:
    """A phrase of three or more words said twice between the greeting and the sign-off."""
    main = draft.body.masked[draft.main[0] : draft.main[1]]
    seen: set[tuple[str, ...]] = set()
    repeated: list[str] = []
    for sentence in _SENTENCE.split(main):
        found = list(_WORD.finditer(sentence))
        words = [match.group().casefold().replace("\u2019", "'") for match in found]
        run: list[int] = []  # where the repeated three-word pieces of this sentence start
        for i in range(len(words) - REPEATED_LENGTH + 1):
            gram = tuple(words[i : i + REPEATED_LENGTH])
            if gram in seen and not all(word in _SMALL for word in gram):
                run.append(i)
            seen.add(gram)
        repeated += _phrases(sentence, found, run)
    if repeated:
        phrases = unique(repeated)
        # Style rather than a slip: "I'd love to" twice is worth a look, not a refusal.
        yield suggestion("repeated-phrase", REPEATED.format(words=quoted(phrases)), phrases)


def _phrases(sentence: str, words: list[re.Match[str]], starts: list[int]) -> list[str]:
    """Overlapping three-word pieces joined into the whole phrase said again, as written
    (hyphens kept), in lower case."""
    phrases: list[str] = []
    first = previous = None
    for start in [*starts, None]:
        if start is not None and previous is not None and start == previous + 1:
            previous = start
            continue
        if first is not None and previous is not None:
            end = words[previous + REPEATED_LENGTH - 1].end()
            phrase = sentence[words[first].start() : end].casefold().replace("\u2019", "'")
            phrases.append(re.sub(r"\s+", " ", phrase))
        first = previous = start
    return phrases
