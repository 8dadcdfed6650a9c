"""The ask: a modest, clear request for 15-30 minutes, not a list of questions.

An "ask sentence" both asks ("would you", "I'd love", "?") and names a conversation or a
length of time; the rules below look only at those, so "I spent an hour on your report" is
not taken for a request.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from coffeechat.method.checker.draft import Draft
from coffeechat.method.checker.model import Finding, Severity, problem, quoted, suggestion
from coffeechat.method.checker.text import Span, squash

_ASKING = re.compile(
    r"\b(?:would|could|can|may|might)\s+(?:you|i|we)\b|\b(?:are|were)\s+you\b|\bif\s+you\b"
    r"|\bopen\s+to\b|\bwilling\s+to\b|\bspare\b|\bgrateful\b|\bappreciate\b"
    r"|(?:'d|\u2019d|\bwould)\s+(?:still\s+|really\s+|greatly\s+|so\s+|very\s+much\s+)?"
    r"(?:love|like|value|appreciate|welcome|enjoy|be\s+(?:grateful|glad|delighted|honou?red))\b"
    r"|\bhop(?:e|ed|ing)\b|\bwonder(?:ing|ed)?\b"
    r"|\bdo\s+you\s+have\b|\bplease\b|\blet['\u2019]?s\b|\bhappy\s+to\b|\blooking\s+forward\b|\?",
    re.IGNORECASE,
)
_TALK = re.compile(
    r"\b(?:call|chat|conversation|coffee|tea|lunch|breakfast|meet|meeting|talk|speak|catch[- ]up"
    r"|zoom|video"
    r"|phone|informational\s+interview|minutes?|mins?|hours?)\b",
    re.IGNORECASE,
)
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "ten": 10,
    "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "forty-five": 45, "sixty": 60,
    "ninety": 90, "a couple of": 2, "a few": 3, "several": 3,
}  # fmt: skip
_AMOUNT = r"\d{1,3}(?:\.\d)?|" + "|".join(
    sorted((w.replace(" ", r"\s+") for w in _NUMBER_WORDS), key=len, reverse=True)
)
_RANGE = rf"(?P<a>{_AMOUNT})(?:\s*(?:-|\u2013|—|to|or)\s*(?P<b>{_AMOUNT}))?"
_MINUTES = re.compile(rf"\b{_RANGE}[\s-]*(?:minutes?|mins?)\b", re.IGNORECASE)
_HALF_HOUR = re.compile(r"\bhalf\s+an\s+hour\b|\bhalf[- ]hour\b", re.IGNORECASE)
_HOURS = re.compile(
    rf"\b{_RANGE}[\s-]*(?:full\s+)?(?:hours?|hrs?)\b(?:\s+and\s+a\s+half)?"
    r"|\bhalf\s+a\s+day\b|\ban\s+afternoon\b|\ba\s+(?:full|whole)\s+day\b",
    re.IGNORECASE,
)
# "spent an hour on it", "two hours a week", "an hour ago" are not requests.
_NOT_REQUESTED = re.compile(
    r"^\s+(?:a|per|each|every)\s+(?:day|week|month|year)\b|^\s+ago\b", re.IGNORECASE
)
_SPENT = re.compile(r"\bspen[dt]\w*\s+$|\bevery\s+$", re.IGNORECASE)
_MODEST_WORDS = re.compile(
    r"\b(?:short|quick|brief|briefly|informal|casual|few\s+minutes|couple\s+of\s+minutes)\b",
    re.IGNORECASE,
)
# Questions that are small talk or about scheduling are not "asking your questions up front".
_NOT_CONTENT = re.compile(
    r"\bhow\s+(?:are|have)\s+you\b|\bhow['\u2019]?s\s+(?:it|everything|life)\b|\bhope\b"
    r"|\b(?:suit|suits|convenient|availability|available|free|calendar|schedule|slots?)\b"
    r"|\bwhen\s+(?:would|could|might|is|are|do|does)\b|\bworks?\s+(?:for|better|best)\b"
    r"|\b(?:time|times|day|days|date|dates)\s+(?:that\s+|which\s+)?(?:works?|suits?|would)\b"
    r"|\ba\s+(?:good|better|best)\s+time\b",
    re.IGNORECASE,
)
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*•\u2013]|\d{1,2}[.)])[ \t]+\S", re.MULTILINE)
_QUESTIONS_WORD = re.compile(r"\bquestions?\b|\bask\s+you\s+about\b", re.IGNORECASE)

# Minutes up to this are a modest ask; an hour or more is too much for a stranger.
MODEST_MINUTES = 30
TOO_MANY_MINUTES = 60

NO_ASK = "No clear request: ask for 15-20 minutes, e.g. “Would you have 20 minutes for a call?”"
NO_LENGTH = "Asks for {words} without saying how long: 15-20 minutes is easy to say yes to."
TOO_BIG = "Asks for {words}: ask for 15-20 minutes instead; they can always offer more."
QUESTIONS = (
    "Asks {count} questions up front: save them for the conversation "
    "and ask for 15-20 minutes instead."
)
NOT_A_QUESTION = (
    "The request isn't a question: end it with “?”, "
    "e.g. “Would you have 20 minutes for a short call?”"
)


@dataclass(frozen=True)
class _Ask:
    span: Span
    talk: str  # the first conversation word: "call", "coffee", "20 minutes"
    modest: bool
    too_big: tuple[tuple[str, Severity], ...]


def check_ask(draft: Draft) -> Iterator[Finding]:
    asks = [ask for span in draft.sentences if (ask := _read_ask(draft, span))]
    if not asks:
        if draft.purpose == "request":
            yield problem("no-clear-ask", NO_ASK)
        else:  # a follow-up may rely on the request it follows
            yield suggestion("no-clear-ask", NO_ASK)
    yield from _too_big(asks)
    if asks and not any(ask.modest or ask.too_big for ask in asks):
        words = (asks[0].talk,)
        yield suggestion("ask-without-time", NO_LENGTH.format(words=quoted(words)), words)
    yield from _questions(draft)
    if draft.rules.require_question and asks and not any(_is_question(draft, a.span) for a in asks):
        yield problem("ask-not-a-question", NOT_A_QUESTION, (draft.sentence(asks[0].span),))


def _read_ask(draft: Draft, span: Span) -> _Ask | None:
    masked = draft.masked_sentence(span)
    talk = _TALK.search(masked)
    if not talk or not _ASKING.search(masked):
        return None
    too_big = _big_times(masked)
    modest = bool(_MODEST_WORDS.search(masked) or _HALF_HOUR.search(masked))
    for match in _MINUTES.finditer(masked):
        minutes = _amount(match)
        if minutes <= MODEST_MINUTES:
            modest = True
        elif _requested(masked, match):
            severity = Severity.PROBLEM if minutes >= TOO_MANY_MINUTES else Severity.SUGGESTION
            too_big.append((squash(match.group()), severity))
    talk_words = _MINUTES.search(masked) or talk
    return _Ask(span, squash(talk_words.group()), modest, tuple(too_big))


def _big_times(masked: str) -> list[tuple[str, Severity]]:
    halves = [match.span() for match in _HALF_HOUR.finditer(masked)]
    return [
        (squash(match.group()), Severity.PROBLEM)
        for match in _HOURS.finditer(masked)
        if _requested(masked, match) and not any(s <= match.start() < e for s, e in halves)
    ]


def _requested(masked: str, match: re.Match[str]) -> bool:
    before = masked[max(0, match.start() - 40) : match.start()]
    after = masked[match.end() : match.end() + 40]
    return not (_NOT_REQUESTED.search(after) or _SPENT.search(before))


def _amount(match: re.Match[str]) -> float:
    values = [match["a"], match["b"]]
    return max(_number(value) for value in values if value)


def _number(value: str) -> float:
    key = " ".join(value.lower().split())
    return _NUMBER_WORDS[key] if key in _NUMBER_WORDS else float(value)


def _too_big(asks: list[_Ask]) -> Iterator[Finding]:
    found = [item for ask in asks for item in ask.too_big]
    if not found:
        return
    words = tuple(dict.fromkeys(words for words, _ in found))
    message = TOO_BIG.format(words=quoted(words))
    if any(severity == Severity.PROBLEM for _, severity in found):
        yield problem("ask-too-big", message, words)
    else:
        yield suggestion("ask-too-big", message, words)


def _questions(draft: Draft) -> Iterator[Finding]:
    content = [
        draft.sentence(span)
        for span in draft.sentences
        if _is_question(draft, span)
        and not _read_ask(draft, span)
        and not _NOT_CONTENT.search(draft.masked_sentence(span))
    ]
    listed = _listed_questions(draft)
    if len(content) >= 2 or listed >= 2:
        count = max(len(content), listed)
        yield problem("questions-instead-of-ask", QUESTIONS.format(count=count), tuple(content))


def _listed_questions(draft: Draft) -> int:
    """A numbered or bulleted list under "my questions are": questions, with or without "?"."""
    main = draft.main_masked()
    items = _LIST_ITEM.findall(main)
    if len(items) >= 2 and _QUESTIONS_WORD.search(main):
        return len(items)
    return 0


def _is_question(draft: Draft, span: Span) -> bool:
    return draft.masked_sentence(span).rstrip(" \t\"”\u2019')]").endswith("?")
