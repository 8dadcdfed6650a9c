"""Writing as the tie you have: nobody "comes across the work" of a friend.

Only when the caller says how the writer knows the person (the compose page from the
contact's "How you know them", `check-message --tie`); with no tie the rule says nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from coffeechat.method.checker.draft import Draft
from coffeechat.method.checker.model import Finding, problem, quoted, unique
from coffeechat.method.checker.text import squash

# How you find a stranger: "I came across your work", "I found your profile", "I saw you on".
_DISCOVERED = re.compile(
    r"\b(?:came|come|coming)\s+across\s+(?:you\b|your\s+(?:[\w-]+\s+)?(?:work|profile|name"
    r"|details|page|background|experience|career)\b)"
    r"|\b(?:found|find|discovered|stumbled\s+(?:up)?on|noticed|saw|spotted)\s+your\s+"
    r"(?:[\w-]+\s+)?(?:profile|name|details|page)\b"
    # Not "found": "I found your recent work inspiring" is what a friend says too.
    r"|\b(?:discovered|stumbled\s+(?:up)?on)\s+your\s+(?:[\w-]+\s+)?work\b"
    r"|\b(?:found|discovered|noticed|saw|spotted)\s+you\s+(?:on|through|via)\s+(?:the\s+)?"
    r"(?:linkedin|[\w-]+\s+(?:network|directory|site|website))\b",
    re.IGNORECASE,
)
# Their work described from outside: "your work at Khan Academy", "your recent work with Acme".
_WORK_AT = re.compile(
    r"\byour\s+(?:[\w-]+\s+)?work\s+(?:at|with|for)\s+"
    r"(?-i:[A-Z])[\w&'\u2019-]*(?:\s+(?-i:[A-Z])[\w&'\u2019-]*)*",
    re.IGNORECASE,
)
# Introducing yourself to someone who knows you.
_INTRODUCING = re.compile(
    r"\bmy\s+name\s+is\b|\b(?:allow|let)\s+me\s+(?:to\s+)?introduce\s+myself\b"
    r"|\b(?:I['\u2019]d|I\s+would)\s+like\s+to\s+introduce\s+myself\b"
    r"|\bwriting\s+to\s+introduce\s+myself\b",
    re.IGNORECASE,
)

# Which phrasings read wrong for which tie. A former professor may not remember a student, so
# introducing yourself is fine there, and following their published work is normal; discovering
# them is not. LinkedIn connections, fellow alumni, referrals and cold names are strangers.
_FOR_TIE: dict[str, tuple[re.Pattern[str], ...]] = {
    "friend": (_DISCOVERED, _WORK_AT, _INTRODUCING),
    "family": (_DISCOVERED, _WORK_AT, _INTRODUCING),
    "former_colleague": (_DISCOVERED, _WORK_AT, _INTRODUCING),
    "professor": (_DISCOVERED,),
}
_WHO = {
    "friend": "a friend",
    "family": "family",
    "former_colleague": "a former colleague",
    "professor": "your former professor",
}
_WHAT_TO_DO = {
    "friend": "say what you'd like their perspective on, as you would in person",
    "family": "say what you'd like their perspective on, as you would at home",
    "former_colleague": "say where you worked together (“We worked together at …”) and skip "
    "the introduction",
    "professor": "remind them how they know you (“I took your … course in 2019”)",
}

STRANGER = "{words} is how you write to a stranger, and this is {who}: {what_to_do}."


def check_tie(draft: Draft) -> Iterator[Finding]:
    patterns = _FOR_TIE.get(draft.tie, ())
    if not patterns:
        return
    masked = draft.body.masked
    spans = sorted(match.span() for pattern in patterns for match in pattern.finditer(masked))
    merged: list[tuple[int, int]] = []
    for start, end in spans:  # "came across your work" + "your work at Acme": one phrase
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    words = unique([squash(draft.body.text[start:end]) for start, end in merged])
    if words:
        message = STRANGER.format(
            words=quoted(words), who=_WHO[draft.tie], what_to_do=_WHAT_TO_DO[draft.tie]
        )
        yield problem("tie-stranger", message, words)
