"""Sending the same message twice: a draft nearly identical to one already sent to them.

Only the writer's own words are compared: the greeting and sign-off (the same in every
message) are left out, and so are quoted lines ("> ...") and a quoted earlier message under
"On ... wrote:", so a nudge that quotes the request below it is not a copy of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rapidfuzz import fuzz

from coffeechat.method.checker.draft import Draft, find_greeting, sign_off_start
from coffeechat.method.checker.model import Finding, problem, quoted
from coffeechat.method.checker.text import squash

# rapidfuzz's ratio: 100 minus the share of characters inserted or deleted to turn one text
# into the other. Measured on an 80-word request: a date or a name changed scores 98, a
# sentence added 91, one of four sentences rewritten 86; a different template with the same
# ask 80, and a follow-up restating the request 40-45. From 85 up the reader would recognise
# the earlier message.
NEARLY_IDENTICAL = 85
# Below this many words ("Thanks again!") a repeat is a habit, not a copied message.
MIN_WORDS = 5
# A request is under 100 words: comparing this much of each message is plenty, and keeps a
# pasted essay from costing seconds.
_COMPARED_CHARACTERS = 4000
# How much of the repeated text the finding quotes.
_QUOTE_CHARACTERS = 60

_QUOTED_LINE = re.compile(r"^[ \t]*>.*$", re.MULTILINE)
# Where a quoted earlier message starts: "On Mon, 2 Nov 2026, Sam Lee wrote:", Outlook's
# "-----Original Message-----", or a forwarded header block.
_QUOTE_HEADER = re.compile(
    r"^[ \t]*(?:On\s.{0,200}\swrote:[ \t]*$|-{2,}\s*(?:Original|Forwarded)\s+Message\s*-{2,}"
    r"|From:[ \t].*\n[ \t]*(?:Sent|Date):)",
    re.IGNORECASE | re.MULTILINE,
)

SAME_AS_SENT = (
    "Nearly the same as a message you already sent them ({percent}% alike, from {words}): "
    "they will recognise it. Say what is new since then, or send one short follow-up instead."
)


def own_words(text: str) -> str:
    """The writer's own words in a message, lower-cased, without greeting, sign-off or quotes."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    header = _QUOTE_HEADER.search(text)
    if header:
        text = text[: header.start()]
    text = _QUOTED_LINE.sub("", text)
    greeting = find_greeting(text)
    start = greeting.end if greeting else 0
    return squash(text[start : sign_off_start(text, start)]).casefold()[:_COMPARED_CHARACTERS]


def check_resend(draft: Draft) -> Iterator[Finding]:
    if not draft.sent_before:
        return
    mine = own_words(draft.body.text)
    if len(mine.split()) < MIN_WORDS:
        return
    scores = (
        fuzz.ratio(mine, own_words(sent), score_cutoff=NEARLY_IDENTICAL)
        for sent in draft.sent_before
        if sent.strip()
    )
    best = max(scores, default=0.0)
    if best >= NEARLY_IDENTICAL:
        opening = _opening(draft.body.text)
        message = SAME_AS_SENT.format(percent=int(best), words=quoted((opening,)))
        yield problem("same-as-sent", message, (opening,))


def _opening(text: str) -> str:
    """The first words of the draft's own text, as it was written, to point at it."""
    greeting = find_greeting(text)
    words = squash(text[greeting.end if greeting else 0 :])
    if len(words) <= _QUOTE_CHARACTERS:
        return words
    return words[:_QUOTE_CHARACTERS].rsplit(" ", 1)[0] + "…"
