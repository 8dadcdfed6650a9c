"""A message split into the parts the rules talk about: greeting, sentences and sign-off."""

from __future__ import annotations

import re
from dataclasses import dataclass

from coffeechat.method.checker.model import CLASSIC, RuleSet
from coffeechat.method.checker.text import (
    I_FORMS,
    Scanned,
    Span,
    normal,
    scan,
    sentence_spans,
    squash,
)

_SALUTATION = (
    r"dear|hi|hello|hey|hiya|greetings|good\s+(?:morning|afternoon|evening|day)"
    r"|to\s+whom\s+it\s+may\s+concern"
)
_GREETING = re.compile(
    rf"\s*(?P<hello>{_SALUTATION})\b"
    r"(?P<rest>(?:[ \t]+(?:(?:dr|mr|mrs|ms|mx|prof)\.)?[^\n,!:;.—\u2013]*)?)"
    r"(?P<end>[,!:;.—\u2013]|\n|$)",
    re.IGNORECASE,
)
# A name is at most a few words; anything longer means the greeting ran into the first sentence.
_MAX_NAME_WORDS = 4
_CLOSING = (
    r"best|best\s+wishes|best\s+regards|all\s+the\s+best|kind\s+regards|warm\s+regards|regards"
    r"|warmly|warm\s+wishes|cheers|sincerely|yours\s+sincerely|yours\s+truly|yours|respectfully"
    r"|take\s+care|with\s+thanks|with\s+gratitude|gratefully|many\s+thanks|thanks|thank\s+you"
)
_THANKS_TAIL = (
    r"(?:[ \t]+(?:again|so\s+much|a\s+lot|in\s+advance|for\s+reading|for\s+considering(?:\s+this)?"
    r"|for\s+your\s+time(?:\s+and\s+consideration)?))*"
)
# "Best,", "Thanks again, Alice", "Cheers!" on a line of their own; not "Thanks for the talk."
_AFTER_CLOSING = r"[ \t]*(?:[.!]+|,(?:[ \t]*[\w '\u2019.-]{0,30})?)?[ \t]*$"  # "!" or ", Alice"
_SIGN_OFF = re.compile(
    rf"^[ \t]*(?:{_CLOSING}){_THANKS_TAIL}{_AFTER_CLOSING}",
    re.IGNORECASE | re.MULTILINE,
)
# Only the last few lines can hold the sign-off and signature.
_SIGN_OFF_LINES = 6
_LINE = re.compile(r"^[ \t]*\S", re.MULTILINE)


@dataclass(frozen=True)
class Greeting:
    text: str  # as written: "Dear Dr. Shah,"
    rest: str  # what follows the salutation: "Dr. Shah"
    end: int


@dataclass(frozen=True)
class Draft:
    body: Scanned
    subject: str | None
    greeting: Greeting | None
    main: Span  # between the greeting and the sign-off
    sentences: tuple[Span, ...]
    rules: RuleSet = CLASSIC
    channel: str = "email"
    purpose: str = "request"
    first_name: str = ""
    last_name: str = ""
    connection_names: tuple[str, ...] = ()
    # The names the person is called by: given name, the name they go by, "Dr. Public".
    known_names: tuple[str, ...] = ()
    tie: str = ""  # how the writer knows them (TIES), "" when the caller does not say
    sent_before: tuple[str, ...] = ()  # bodies of earlier messages to the same person

    def sentence(self, span: Span) -> str:
        return squash(self.body.text[span[0] : span[1]])

    def masked_sentence(self, span: Span) -> str:
        return self.body.masked[span[0] : span[1]]

    def main_masked(self) -> str:
        return self.body.masked[self.main[0] : self.main[1]]

    def sentence_number(self, offset: int) -> int:
        """1 for the first sentence after the greeting; past the end counts as the last."""
        for number, (_, end) in enumerate(self.sentences, start=1):
            if offset < end:
                return number
        return len(self.sentences)


def read_draft(
    body: str, *, subject: str | None, rules: RuleSet, channel: str, purpose: str,
    first_name: str, connection_names: tuple[str, ...], last_name: str = "",
    known_names: tuple[str, ...] = (), tie: str = "", sent_before: tuple[str, ...] = (),
) -> Draft:  # fmt: skip
    greeting = find_greeting(body)
    main_start = greeting.end if greeting else 0
    scanned = scan(body, first_sentence_at=main_start)
    main = (main_start, sign_off_start(body, main_start))
    return Draft(
        body=scanned,
        subject=subject,
        greeting=greeting,
        main=main,
        sentences=sentence_spans(scanned.masked, *main),
        rules=rules,
        channel=channel,
        purpose=purpose,
        # Names come from records and forms: a stray line break must not reach a message.
        first_name=squash(first_name),
        last_name=squash(last_name),
        connection_names=tuple(squash(name) for name in connection_names),
        known_names=tuple(
            name for name in map(squash, known_names) if any(char.isalpha() for char in name)
        ),
        tie=tie,
        sent_before=tuple(sent_before),
    )


def find_greeting(body: str) -> Greeting | None:
    match = _GREETING.match(body)
    if not match:
        return None
    rest_words = match["rest"].split()
    if len(rest_words) <= _MAX_NAME_WORDS:
        text = body[match.start("hello") : match.end()].strip()
        return Greeting(text, match["rest"].strip(), match.end())
    # "Hi Priya I'm writing...": no punctuation, so the name is the capitalised words only.
    names = []
    for word in rest_words[:3]:
        if not word[:1].isupper() or normal(word.strip(",.!")) in I_FORMS:
            break
        names.append(word)
    end = (
        body.index(names[-1], match.start("rest")) + len(names[-1]) if names else match.end("hello")
    )
    return Greeting(body[match.start("hello") : end].strip(), " ".join(names), end)


def sign_off_start(body: str, main_start: int) -> int:
    """Where "Best,\\nAlice" begins, so signatures do not count as sentences."""
    lines_start = _start_of_last_lines(body, _SIGN_OFF_LINES)
    for match in _SIGN_OFF.finditer(body, max(main_start, lines_start)):
        if any(char.isalpha() for char in body[main_start : match.start()]):
            return match.start()
    return len(body)


def _start_of_last_lines(body: str, count: int) -> int:
    starts = [match.start() for match in _LINE.finditer(body)]
    return starts[-count] if len(starts) >= count else 0
