"""The form of a message: its length, subject line, attachments and unfilled merge fields."""

from __future__ import annotations

import re
from collections.abc import Iterator

from coffeechat.method.checker.draft import Draft
from coffeechat.method.checker.model import (
    LINKEDIN_NOTE_LIMIT,
    Finding,
    linkedin_limit,
    problem,
    quoted,
    suggestion,
    unique,
)
from coffeechat.method.checker.text import MERGE_FIELD, NOT_FIELDS, squash

_PURPOSE_NAMES = {"request": "a first request", "follow_up": "a follow-up"}
_VAGUE_SUBJECTS = {
    "hi", "hello", "hey", "hi there", "hello there", "greetings", "(no subject)", "no subject",
    "networking", "help", "coffee", "urgent", "important", "follow up", "follow-up",
    "following up", "just following up", "checking in", "just checking in", "touching base",
    "just touching base", "reaching out", "just reaching out", "connecting", "let's connect",
    "hi!", "hello!",
}  # fmt: skip
# "Question", "A quick question for you", "Meeting request": a kind of message, not a reason.
_GENERIC_SUBJECT = re.compile(
    r"(?:(?:a|an|one|my|just\s+a)\s+)?(?:(?:quick|small|brief|short|little|friendly)\s+)?"
    r"(?:question|request|favou?r|note|message|query|inquiry|enquiry|introduction|intro|chat"
    r"|call|catch[- ]?up|meeting|connection)s?(?:\s+request)?(?:\s+for\s+you)?",
    re.IGNORECASE,
)
# "Hi Sam", "Hello there!": a greeting and no more.
_GREETING_SUBJECT = re.compile(
    r"(?:hi|hello|hey|hiya|greetings|dear|good\s+(?:morning|afternoon|evening|day))\b(?P<rest>.*)",
    re.IGNORECASE,
)
_REPLY_PREFIX = re.compile(r"^(?:(?:re|fwd?|aw|wg)\s*:\s*)+", re.IGNORECASE)
_MIN_SUBJECT = 3
_ATTACHMENT = re.compile(
    r"\b(?:attached|attachments?|attaching|attach|enclosed|enclosing|enclose)\b"
    # "attached to the idea" is about feelings, not files.
    r"(?!\s+to\s+(?!(?:this|my|the)\s+(?:e-?mail|message|note)\b))",
    re.IGNORECASE,
)
# Documents sent to be judged: "here is a link to my portfolio", "my transcript is below".
# Not "I'm building my portfolio", which is the writer's background. A resume or CV is the
# jobs rule's: a job document in any message, reported there once.
_DOCUMENT = (
    r"(?:my|our|a|an|the)\s+(?:[\w-]+\s+)?(?:portfolio|cover\s+letter|transcripts?"
    r"|(?:writing|work|design)\s+samples?|samples?\s+of\s+my\s+work)\b"
)
_SENT_DOCUMENT = re.compile(
    r"\b(?:send|sending|sent|share|sharing|shared|include|included|including|forward|forwarding"
    r"|link\s+to|links\s+to|here\s+is|here['\u2019]s|find|see|view|look\s+at|glance\s+at|review"
    rf"|reviewing)\s+(?:you\s+|over\s+)?{_DOCUMENT}"
    rf"|{_DOCUMENT}\s*(?::|(?:is\s+|are\s+)?(?:attached|enclosed|below|linked|here)\b)",
    re.IGNORECASE,
)

TOO_MANY_WORDS = "{count} words: {purpose} should stay under {limit}."
TOO_MANY_CHARACTERS = "{count} characters: a LinkedIn connection note stops at {limit}; cut {over}."
TOO_MANY_MESSAGE_CHARACTERS = (
    "{count:,} characters: a LinkedIn message stops at {limit:,}; cut {over:,}."
)
NO_SUBJECT = (
    "No subject: a busy reader skips a message that doesn't say why it came. "
    "Lead with the connection, e.g. {example}."
)
VAGUE_SUBJECT = (
    "Subject {subject} doesn't say why you're writing, so it reads like a mass mailing and "
    "gets skipped: lead with the connection, e.g. {example} or “Fellow Leeds graduate asking "
    "for advice”."
)
SHOUTING_SUBJECT = "Subject {subject} is all capitals, which reads as shouting."
ATTACHMENT = (
    "Mentions an attachment ({words}): a first request asks for advice, and sending your "
    "resume or work to be looked at reads as a job application. Send nothing; bring it to the "
    "conversation and offer it only if asked."
)
UNFILLED = "Unfilled merge field{s}: {words}. Fill {them} in before sending."
# A prompt a template leaves for the user to replace with their own words.
_PROMPT = re.compile(r"\[Write [^\]]+\]")
STILL_TO_WRITE = "Still yours to write: replace {words} with your own words before sending."


def check_length(draft: Draft) -> Iterator[Finding]:
    body = draft.body.text
    characters = linkedin_limit(draft.channel, draft.purpose, draft.tie)
    if characters is not None and len(body.strip()) > characters:
        count = len(body.strip())
        note = characters == LINKEDIN_NOTE_LIMIT
        said = TOO_MANY_CHARACTERS if note else TOO_MANY_MESSAGE_CHARACTERS
        over = count - characters
        yield problem("too-long", said.format(count=count, limit=characters, over=over))
        return
    count, limit = len(body.split()), draft.rules.word_limit
    # The method says "under 100 words", so exactly 100 is already too many.
    if count >= limit:
        purpose = _PURPOSE_NAMES.get(draft.purpose, "a message")
        yield problem("too-long", TOO_MANY_WORDS.format(count=count, purpose=purpose, limit=limit))


def check_subject(draft: Draft) -> Iterator[Finding]:
    subject = squash(draft.subject or "")
    if not subject:
        yield problem("subject-missing", NO_SUBJECT.format(example=_connection_first(draft)))
        return
    if _vague(subject, _names_of(draft)):
        message = VAGUE_SUBJECT.format(subject=quoted((subject,)), example=_connection_first(draft))
        yield suggestion("subject-vague", message, (subject,))
    elif _shouting(subject):
        yield suggestion(
            "subject-vague", SHOUTING_SUBJECT.format(subject=quoted((subject,))), (subject,)
        )


def _connection_first(draft: Draft) -> str:
    """The subject the method teaches, with the real connection's name when there is one."""
    who = next((name for name in draft.connection_names if name), "Priya Shah")
    return quoted((f"{who} suggested I get in touch",))


def _names_of(draft: Draft) -> set[str]:
    names = [draft.first_name, draft.last_name, *draft.known_names]
    return {word.casefold().strip(".") for name in names for word in name.split()}


def _vague(subject: str, names: set[str]) -> bool:
    bare = _REPLY_PREFIX.sub("", subject).strip().rstrip(".!?: ")
    if len(bare) < _MIN_SUBJECT or bare.lower() in _VAGUE_SUBJECTS:
        return True
    if _GENERIC_SUBJECT.fullmatch(bare):
        return True
    greeting = _GREETING_SUBJECT.fullmatch(bare)
    if greeting is None:
        return False
    # "Hi Sam" or "Hello there" says hello and nothing else; "Hi from a fellow alum" says more.
    rest = [word.casefold().strip(",.!") for word in greeting["rest"].split()]
    return all(word in names or word in {"there", "all", ""} for word in rest)


def _shouting(subject: str) -> bool:
    letters = [char for char in subject if char.isalpha()]
    return len(letters) >= 4 and subject.isupper()


def check_attachment(draft: Draft) -> Iterator[Finding]:
    masked = draft.body.masked
    documents = [*_ATTACHMENT.finditer(masked), *_SENT_DOCUMENT.finditer(masked)]
    matches = sorted(documents, key=_start)
    kept: list[re.Match[str]] = []
    for match in matches:  # "attached CV" once, not "attached" and "attached CV"
        if kept and match.start() < kept[-1].end():
            continue
        kept.append(match)
    words = unique([squash(match.group()).rstrip(":") for match in kept])
    if words:
        yield problem("attachment", ATTACHMENT.format(words=quoted(words)), words)


def _start(match: re.Match[str]) -> int:
    return match.start()


def check_unfilled(draft: Draft) -> Iterator[Finding]:
    texts = [draft.subject or "", draft.body.text]
    fields = unique(
        [m.group() for text in texts for m in MERGE_FIELD.finditer(text)
         if m.group() not in NOT_FIELDS]
    )  # fmt: skip
    if fields:
        several = len(fields) > 1
        if all(_PROMPT.fullmatch(field) for field in fields):  # "[Write what happened]"
            message = STILL_TO_WRITE.format(words=quoted(fields))
        else:
            message = UNFILLED.format(
                s="s" if several else "", words=quoted(fields), them="them" if several else "it"
            )
        yield problem("unfilled-field", message, fields)
