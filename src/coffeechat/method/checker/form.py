"""The form of a message: its length, subject line, attachments and unfilled merge fields."""

from __future__ import annotations

import re
from collections.abc import Iterator

from coffeechat.method.checker.draft import Draft
from coffeechat.method.checker.model import (
    LINKEDIN_NOTE_LIMIT,
    Finding,
    problem,
    quoted,
    suggestion,
    unique,
)
from coffeechat.method.checker.text import MERGE_FIELD, NOT_FIELDS, squash

_PURPOSE_NAMES = {"request": "a first request", "follow_up": "a follow-up"}
_VAGUE_SUBJECTS = {
    "hi", "hello", "hey", "hi there", "hello there", "greetings", "question", "a question",
    "quick question", "request", "a request", "meeting", "meeting request", "(no subject)",
    "no subject", "introduction", "intro", "networking", "help", "coffee", "chat",
    "quick chat", "urgent", "important", "follow up", "follow-up", "following up",
    "checking in", "touching base", "hi!", "hello!",
}  # fmt: skip
_REPLY_PREFIX = re.compile(r"^(?:(?:re|fwd?|aw|wg)\s*:\s*)+", re.IGNORECASE)
_MIN_SUBJECT = 3
_ATTACHMENT = re.compile(
    r"\b(?:attached|attachments?|attaching|attach|enclosed|enclosing|enclose)\b"
    # "attached to the idea" is about feelings, not files.
    r"(?!\s+to\s+(?!(?:this|my|the)\s+(?:e-?mail|message|note)\b))",
    re.IGNORECASE,
)

TOO_MANY_WORDS = "{count} words: {purpose} should stay under {limit}."
TOO_MANY_CHARACTERS = "{count} characters: a LinkedIn connection note stops at {limit}; cut {over}."
NO_SUBJECT = "No subject: say why you're writing, e.g. “Priya Shah suggested I get in touch”."
VAGUE_SUBJECT = (
    "Subject {subject} doesn't say why you're writing: "
    "name the connection or the field, e.g. “Fellow Leeds graduate asking for advice”."
)
SHOUTING_SUBJECT = "Subject {subject} is all capitals, which reads as shouting."
ATTACHMENT = (
    "Mentions an attachment ({words}): a request for advice sends no resume; "
    "bring one to the conversation and offer it only if asked."
)
UNFILLED = "Unfilled merge field{s}: {words}. Fill {them} in before sending."


def check_length(draft: Draft) -> Iterator[Finding]:
    body = draft.body.text
    if draft.channel == "linkedin" and len(body.strip()) > LINKEDIN_NOTE_LIMIT:
        count = len(body.strip())
        over = count - LINKEDIN_NOTE_LIMIT
        message = TOO_MANY_CHARACTERS.format(count=count, limit=LINKEDIN_NOTE_LIMIT, over=over)
        yield problem("too-long", message)
        return
    count, limit = len(body.split()), draft.rules.word_limit
    # The method says "under 100 words", so exactly 100 is already too many.
    if count >= limit:
        purpose = _PURPOSE_NAMES.get(draft.purpose, "a message")
        yield problem("too-long", TOO_MANY_WORDS.format(count=count, purpose=purpose, limit=limit))


def check_subject(draft: Draft) -> Iterator[Finding]:
    subject = squash(draft.subject or "")
    if not subject:
        yield problem("subject-missing", NO_SUBJECT)
        return
    if _vague(subject):
        yield suggestion("subject-vague", VAGUE_SUBJECT.format(subject=quoted((subject,))))
    elif _shouting(subject):
        yield suggestion("subject-vague", SHOUTING_SUBJECT.format(subject=quoted((subject,))))


def _vague(subject: str) -> bool:
    bare = _REPLY_PREFIX.sub("", subject).strip()
    return len(bare) < _MIN_SUBJECT or bare.lower().rstrip(".!?: ") in _VAGUE_SUBJECTS


def _shouting(subject: str) -> bool:
    letters = [char for char in subject if char.isalpha()]
    return len(letters) >= 4 and subject.isupper()


def check_attachment(draft: Draft) -> Iterator[Finding]:
    words = unique([squash(m.group()) for m in _ATTACHMENT.finditer(draft.body.masked)])
    if words:
        yield problem("attachment", ATTACHMENT.format(words=quoted(words)), words)


def check_unfilled(draft: Draft) -> Iterator[Finding]:
    texts = [draft.subject or "", draft.body.text]
    fields = unique(
        [m.group() for text in texts for m in MERGE_FIELD.finditer(text)
         if m.group() not in NOT_FIELDS]
    )  # fmt: skip
    if fields:
        several = len(fields) > 1
        message = UNFILLED.format(
            s="s" if several else "", words=quoted(fields), them="them" if several else "it"
        )
        yield problem("unfilled-field", message, fields)
