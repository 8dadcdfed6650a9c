"""The connection comes first: how you got their name belongs in the first two sentences."""

from __future__ import annotations

import re
from collections.abc import Iterator

from coffeechat.method.checker.draft import Draft
from coffeechat.method.checker.model import Finding, problem, quoted, suggestion
from coffeechat.method.checker.text import squash
from coffeechat.method.names import WARM_TIES

# Sentences after the greeting in which the connection still counts as "first".
EARLY_SENTENCES = 2

# Up to three capitalised words before "suggested": who did the suggesting, for the message.
_WHO = r"(?:(?-i:[A-Z][\w'\u2019.-]*)\s+){0,3}"
_PATTERNS = (
    # Someone sent them: "Priya Shah suggested I get in touch", "at the suggestion of".
    rf"\b{_WHO}(?:suggested|recommended|encouraged|advised)\s+(?:that\s+)?(?:I|me|we)\b",
    rf"\b{_WHO}(?:suggested|recommended)\s+(?:you|your\s+name|reaching|getting|contacting"
    r"|writing|speaking|talking)\b",
    r"\bthought\s+(?:I|we)\s+should\b",
    r"\b(?:at|on)\s+(?:the\s+)?(?:suggestion|recommendation|advice)\s+of\b",
    r"\bmentioned\s+(?:you|your\s+name|that\s+you)\b",
    r"\b(?:gave|passed|shared|forwarded|sent)\s+(?:me\s+)?(?:along\s+|on\s+)?your\s+(?:name"
    r"|details|contact|e-?mail|profile|number)\b",
    r"\breferred\s+(?:me\s+)?(?:by|to)\b",
    r"\breferral\s+from\b",
    r"\b(?:kindly\s+)?introduced\s+(?:us|me|you)\b",
    r"\b(?:introduction|intro)\s+(?:from|through|via|by)\b",
    r"\bput\s+(?:me|us)\s+in\s+touch\b",
    r"\bconnected\s+(?:me|us)\b",
    # They have met: "we met at", "I heard you speak at".
    r"\bwe\s+(?:met|spoke|talked|chatted)\b",
    r"\b(?:met|spoke\s+(?:with|to)|talked\s+(?:with|to))\s+you\b",
    r"\bour\s+(?:conversation|chat|meeting)\s+(?:at|during|last)\b",
    r"\b(?:heard|saw|watched)\s+you\s+(?:speak|talk|present)\b",
    r"\byour\s+(?:talk|panel|presentation|keynote|session|lecture|workshop|webinar)\s+"
    r"(?:at|on|for|during)\b",
    # Shared school or group: "fellow alum", "a fellow Leeds graduate".
    r"\bfellow\s+(?:[\w&.'\u2019-]+\s+){0,5}?(?:alum\w*|graduates?|students?|members?)\b",
    r"\balum(?:ni|na|nae|nus)?\b",
    r"\b(?:both|also)\s+(?:studied|graduated|went\s+to|attended)\b",
    r"\bsame\s+(?:school|university|college|program(?:me)?|course|class)\b",
    r"\bthrough\s+(?:the\s+)?[\w ]{0,30}?(?:network|association|society|club|group|community"
    r"|directory)\b",
    # LinkedIn or their public work.
    r"\bconnected\s+on\s+linkedin\b",
    r"\blinkedin\s+connections?\b",
    r"\bmutual\s+(?:connection|friend|contact|acquaintance|colleague)s?\b",
    r"\b(?:found|saw|noticed|came\s+across)\s+(?:you|your\s+(?:name|profile|details|work"
    r"|article|post|paper|talk|research|blog|book|podcast|interview))\b",
    r"\b(?:read|enjoyed|loved|listened\s+to|watched)\s+your\s+(?:article|post|piece|paper|blog"
    r"|book|interview|newsletter|thread|essay|report|podcast|talk|research)\b",
    # People in common or a shared past.
    r"\bmy\s+(?:former\s+)?(?:professor|lecturer|tutor|advis[eo]r|supervisor|mentor|teacher"
    r"|coach|classmate|colleague|co-?worker|friend|cousin|aunt|uncle|sister|brother|mother"
    r"|father|mom|mum|dad|parents?|neighbou?r|roommate|flatmate)\b",
    r"\b(?:former|your)\s+(?:student|intern|colleague|classmate|teammate)\b",
    r"\btook\s+your\s+(?:class|course|seminar|module)\b",
    r"\bin\s+your\s+(?:class|course|seminar|lecture|module)\b",
    r"\byou\s+taught\b",
    r"\bwe\s+(?:worked|studied|volunteered|served|played)\s+together\b",
    r"\b(?:worked|studied|volunteered)\s+(?:with|alongside)\s+you\b",
    r"\bwe\s+were\s+(?:colleagues|classmates|teammates)\b",
    r"\bwe\s+know\s+each\s+other\b",
    r"\bwe(?:'ve|\u2019ve|\s+have)\s+met\b",
    r"\byou\s+(?:may|might)\s+remember\b",
    r"\b(?:friend|colleague|classmate|student)\s+of\s+yours\b",
)
_CONNECTION = re.compile("|".join(_PATTERNS), re.IGNORECASE)
# A connection's first name alone only counts with a verb: "Priya suggested", not "Grace".
_SENT_BY = (
    r"\s+(?:suggested|recommended|mentioned|said|thought|told|gave|passed|put|introduced"
    r"|referred|shared|encouraged|pointed)\b"
)

LATE = "How you know them comes only in sentence {number} ({words}): say it in the first two."
AFTER_SIGN_OFF = (
    "How you know them comes only after the sign-off ({words}): say it in the first two sentences."
)
MISSING = (
    "Doesn't say how you got their name: open with who suggested you write, "
    "where you met or what you share."
)


def check_connection(draft: Draft) -> Iterator[Finding]:
    warm = draft.tie in WARM_TIES  # a friend, relative or old colleague knows how you know them
    if draft.subject and _first_match(draft.subject, draft.connection_names):
        return  # the subject line is read first: "Priya Shah suggested I get in touch"
    # Past the sign-off too: a connection in a P.S. is as late as it gets.
    start = draft.main[0]
    found = _first_match(draft.body.masked[start:], draft.connection_names)
    if found is None:
        if not warm:
            yield suggestion("connection-late", MISSING)
        return
    offset, words = found
    if start + offset >= draft.main[1]:
        yield problem("connection-late", AFTER_SIGN_OFF.format(words=quoted((words,))), (words,))
        return
    number = draft.sentence_number(start + offset)
    if number > EARLY_SENTENCES:
        message = LATE.format(number=number, words=quoted((words,)))
        yield problem("connection-late", message, (words,))


def _first_match(text: str, names: tuple[str, ...]) -> tuple[int, str] | None:
    matches = [match for match in [_CONNECTION.search(text)] if match]
    matches += [match for name in names for match in _name_matches(text, name)]
    if not matches:
        return None
    first = min(matches, key=lambda match: match.start())
    return first.start(), squash(first.group())


def _name_matches(text: str, name: str) -> list[re.Match[str]]:
    name = squash(name)
    if not name:
        return []
    patterns = [rf"\b{re.escape(name)}\b"]
    first = name.split()[0]
    if first != name:
        patterns.append(rf"\b{re.escape(first)}\b(?={_SENT_BY})")
    return [m for m in (re.search(p, text, re.IGNORECASE) for p in patterns) if m]
