"""The j-word rule: a first message asks for advice, never for a job.

Words are matched in any inflection, but not inside quoted titles (the masked text has them
blanked) and a lone capitalised word next to another capitalised word is taken for part of a
name: "Steve Jobs", "the Jobs Foundation", "Department of Employment".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from coffeechat.method.checker.draft import Draft
from coffeechat.method.checker.model import Finding, problem, quoted, unique
from coffeechat.method.checker.text import Scanned, scan, squash

_ORG = r"(?:your|the)\s+(?:company|team|firm|organi[sz]ation|group|department|office|business)\b"
_POSSESSIVES = frozenset({"your", "my", "his", "her", "their", "our", "its"})
_CALENDAR = r"(?:in|on)\s+(?:your|my|the|his|her|their)\s+(?:calendar|schedule|diary|agenda)\b"
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b"
_SOON = rf"(?:week|weekend|few\s+days|couple\s+of\s+days|{_WEEKDAY}|morning|afternoon|evening)"
# "If you have an opening next week", "any openings on Tuesday for a call": free time, not a
# vacancy. Not "an opening this summer" or "next year": that is how vacancies are described.
_AVAILABILITY = (
    r"(?:(?:free|available|left)\s+)?(?:"
    rf"{_CALENDAR}|(?:early\s+|late\s+|later\s+)?(?:next|this|coming)\s+{_SOON}"
    rf"|(?:on\s+)?{_WEEKDAY}|today\b|tomorrow\b|tonight\b|soon\b|some\s*time\s+(?:next|this)\b"
    r"|(?:in|over|during|within)\s+the\s+(?:next|coming|following)\s+(?:few\s+|couple\s+of\s+)?"
    r"(?:days?|weeks?)\b"
    r"|(?:at|around|after|before)\s+(?:\d|noon\b|lunch\b)"
    r"|(?:for|to)\s+(?:an?\s+|some\s+)?(?:quick\s+|short\s+|brief\s+|informal\s+)?"
    r"(?:(?:\d{1,2}|fifteen|twenty|thirty|half[\s-]an)[\s-]*(?:min(?:ute)?s?\b[\s-]*)?)?"
    r"(?:call|chat|coffee|conversation|meeting|catch[\s-]?up|talk)\b"
    r")"
)
# Subjects, not a job hunt: "the jobs report", "jobs to be done", "employment law".
_JOB_TOPICS = (
    r"(?:report|reports|data|numbers|figures|growth|creation|losses|cuts|to[-\u2010\s]+be"
    r"[-\u2010\s]+done)\b"
)
_EMPLOYMENT_TOPICS = (
    r"(?:law|lawyers?|tribunals?|rights|data|statistics|figures|rates?|policy|policies|economics"
    r"|relations|litigation|practice|contracts?|protection|growth|trends|levels|outcomes)\b"
)
_HIRING_TOPICS = (
    r"(?:committees?|panels?|bias(?:es)?|discrimination|practices|algorithms?|research|equity"
    r"|laws?)\b"
)
# "a new hire", "your recent hires": people someone took on, not a job for the writer.
_HIRES_NOUN = frozenset({"new", "recent", "latest", "senior", "first", "key", "notable", "star"})
_HIRES_NOUN |= {"external", "internal", "diverse", "great", "good", "bad", "successful", "last"}
# The writer wanting to work there: "I would love to work at your company", "I'm keen to work
# for Acme". Not "what made you want to work at Acme" (about them) or "work in climate finance".
_I_WANT = (
    r"\bI(?:\s+(?:would|really|also|always|still|am|have|do|had|very\s+much)|['\u2019](?:d|m|ve))*"
    r"\s+(?:love|like|hope|hoping|want|wanted|wanting|wish|aim|aiming|plan|planning|aspire"
    r"|aspiring|intend|dream|dreaming|keen|eager|looking|interested|excited)"
    r"\s+(?:(?:of|in|about)\s+)?(?:to\s+)?"
)
_WORKPLACE = r"(?:company|firm|organi[sz]ation|team|group|bank|agency|office|department|business)"
_YOUR_WORKPLACE = rf"your\s+(?:[\w-]+\s+)?{_WORKPLACE}\b"
_NAME = r"(?-i:[A-Z])[\w&'\u2019-]*(?:\s+(?-i:[A-Z])[\w&'\u2019-]*)*"
_APPLY = r"\b(?:apply|applies|applying|applied|applications?)\s+(?:for|to)\s+"
# Posts that are not job words on their own ("position" and "job" are reported by themselves).
_POSTS = r"(?:roles?|internships?|(?:graduate|grad)\s+(?:schemes?|programmes?|programs?))\b"
_THEIRS = rf"(?:{_WORKPLACE}|schemes?|{_POSTS}|positions?|jobs?|openings?|vacanc(?:y|ies))\b"
# Where an application of the writer's is not for a job: "my application to the MSc".
_STUDIES = (
    r"(?:master|masters|master['\u2019]s|msc|ma|mba|phd|doctorate|doctoral|grad(?:uate)?\s+school"
    r"|law\s+school|med(?:ical)?\s+school|universit(?:y|ies)|college|fellowships?|scholarships?"
    r"|grants?|funding|course|degree|visa)\b"
)
# "the Analyst Position" is a post, not a name: a capitalised job noun ending the capitals.
_TITLE_WORD = r"(?-i:[A-Z])[\w'\u2019&-]*"


@dataclass(frozen=True)
class _Pattern:
    regex: re.Pattern[str]
    single_word: bool = True  # a lone word can belong to a name; a phrase cannot
    not_after: frozenset[str] = frozenset()  # "market position", "your role at the firm"


def _word(pattern: str, not_after: frozenset[str] = frozenset()) -> _Pattern:
    return _Pattern(re.compile(pattern, re.IGNORECASE), True, not_after)


def _phrase(pattern: str, not_after: frozenset[str] = frozenset()) -> _Pattern:
    return _Pattern(re.compile(pattern, re.IGNORECASE), False, not_after)


_PATTERNS = (
    _word(
        rf"\b(?!jobs?[-\u2010\s]+{_JOB_TOPICS})"
        r"job(?:s|['\u2019]s|less|seekers?|[-\u2010]?(?:hunt|search|seek)\w*|[-\u2010]\w+)?\b"
    ),
    _word(rf"\b(?:re)?hir(?:ed|ing)\b(?!\s+{_HIRING_TOPICS})"),
    _word(r"\b(?:re)?hires?\b", _HIRES_NOUN),
    # ...unless the writer asks whether they take more on: "any new hires this year?"
    _phrase(
        r"\b(?:any|more|take\s+on|takes\s+on|taking\s+on|looking\s+for|seeking|need|needs"
        r"|needing)\s+(?:new\s+|more\s+|junior\s+|graduate\s+)?(?P<w>hires)\b"
    ),
    # "Dear Hiring Committee", "pass my name to the hiring panel": addressed to a job process.
    _phrase(
        r"\b(?:dear|hi|hello|attention|attn|to)\s+(?:the\s+|your\s+)?"
        r"(?P<w>hiring\s+(?:committee|panel)s?)\b"
    ),
    _word(r"\bvacanc(?:y|ies)\b"),
    _word(rf"\b(?:employ|employs|employing|employment)\b(?!\s+{_EMPLOYMENT_TOPICS})"),
    # Not "recruited": students recruit volunteers and study participants.
    _word(r"\brecruit(?:s|ing|er|ers|ment)?\b"),
    # Not "in a position to", "your position on", "position myself", "market position".
    _word(
        r"\bpositions?\b(?!\s+(?:to|of|paper|papers|statement|statements|myself|yourself"
        r"|ourselves|themselves|itself|me|us|them|it|him|her)\b)"
        r"(?!\s+on\s+(?!(?:your|the|their|a)\s+(?:website|site|page|team|board|careers)\b))",
        _POSSESSIVES
        | {"market", "competitive", "strategic", "financial", "cash", "policy", "net", "good"}
        | {"strong", "unique", "better", "great", "difficult", "tough", "privileged", "lucky"},
    ),
    # Not "the opening keynote", "an opening in your calendar" or "an opening next week".
    _word(rf"\b(?P<w>openings?)\s+(?:at|on|in|with|within|for)\s+{_ORG}"),
    _word(
        r"\b(?:job|internship|an|any|current|open|new|upcoming|available|no|future|graduate)"
        rf"\s+(?P<w>openings?)\b(?!\s+{_AVAILABILITY})"
    ),
    _word(rf"\b(?P<w>openings)\b(?!\s+{_AVAILABILITY})"),
    # Not "I did an internship at Acme": that is the writer's background.
    _word(
        r"\b(?P<w>internships?)\s+(?:openings?|positions?|opportunit(?:y|ies)|vacanc(?:y|ies)"
        r"|programmes?|programs?|roles?|places?|spots?|slots?)\b"
    ),
    _word(
        r"\b(?:for|any|open|available|offer|offers|offering|seeking|want|need)\s+"
        r"(?:an?\s+|any\s+)?(?:summer\s+|paid\s+)?(?P<w>internships?)\b"
    ),
    _word(rf"\b(?P<w>internships)\s+(?:at|on|in|with|within)\s+{_ORG}"),
    # "Roles" alone is innocent: "your role at Acme", "played a role in".
    _phrase(r"\b(?:open|available|vacant|upcoming|entry[- ]level|junior|graduate)\s+roles?\b"),
    _phrase(r"\bany\s+(?:open\s+)?roles\b"),
    _phrase(rf"\broles?\s+(?:at|on|in|with|within)\s+{_ORG}", _POSSESSIVES),
    _phrase(r"\b(?:job|career|employment|work|internship)\s+opportunit(?:y|ies)\b"),
    _phrase(rf"\bopportunit(?:y|ies)\s+(?:at|on|in|with|within|to\s+join)\s+{_ORG}"),
    _phrase(
        r"\b(?:any|open|available|current)\s+opportunities\b(?!\s+(?:to|for\s+(?:me\s+)?to)\b)"
    ),
    _phrase(
        r"\bjoin(?:ing)?\s+(?:your|the)\s+(?:team|company|firm|organi[sz]ation)\b(?!['\u2019]s)"
    ),
    _phrase(r"\bwork(?:ing)?\s+for\s+your\s+(?:company|firm|organi[sz]ation|team)\b"),
    _phrase(
        rf"{_I_WANT}(?P<w>work(?:ing)?\s+(?:(?:at|for|in|on|with)\s+{_YOUR_WORKPLACE}"
        rf"|(?:at|for)\s+(?:an?\s+{_WORKPLACE}\s+like\s+yours\b|you\b|{_NAME})))"
    ),
    # "I'd love to join Acme" is the same wish; "join the webinar" or "join you for coffee" not.
    _phrase(rf"{_I_WANT}(?P<w>join(?:ing)?\s+(?:{_YOUR_WORKPLACE}|{_NAME}))"),
    # Applying: to their firm or scheme, or for a post. Not "applying to grad school".
    _phrase(rf"{_APPLY}your\s+(?:[\w'\u2019-]+\s+){{0,2}}?{_THEIRS}"),
    _phrase(rf"{_APPLY}(?:an?|the|this|that|any)\s+(?:[\w'\u2019-]+\s+){{0,2}}?{_POSTS}"),
    _word(r"\b(?:graduate|grad|trainee)\s+schemes?\b"),
    _phrase(
        # Not "my application of your model": applying an idea.
        r"\b(?:my|our)\s+(?:job\s+|formal\s+|online\s+)?applications?\b(?!\s+of\b)"
        rf"(?!\s+(?:to|for)\s+(?:(?!your\b)[\w'\u2019-]+\s+){{0,3}}?{_STUDIES})"
    ),
    _phrase(
        # Not "your Board Role": their post, like "your role at the firm".
        r"\b(?:the|a|an|this|that|any|for)\s+"
        rf"(?P<w>(?:{_TITLE_WORD}\s+){{1,4}}(?-i:Positions?|Vacanc(?:y|ies)|Roles?))\b"
        rf"(?!\s+{_TITLE_WORD})"
    ),
    _phrase(r"\bhiring\s+managers?\b"),
    _phrase(r"\btalent\s+(?:acquisition|team)\b"),
    # A resume is a job document; "resume" the verb is not ("resume our conversation").
    _phrase(r"\b(?:my|a|the|updated|attached|enclosed)\s+(?P<w>cv|résumé|resumé|resume)s?\b"),
    _phrase(r"\b(?P<w>cv|résumé|resumé|resume)s?\s+(?:is\s+|are\s+)?(?:attached|enclosed|below)\b"),
    _phrase(r"\b(?P<w>résumé|resumé)s?\b"),
)
_PREVIOUS_WORD = re.compile(r"([\w'\u2019]+)\W*$")

MESSAGE = "Mentions jobs: {words}. Ask for advice, not a job; the job talk comes later, if ever."


def check_jobs(draft: Draft) -> Iterator[Finding]:
    words = []
    if draft.subject and draft.channel == "email":
        words += mentions(scan(draft.subject, names_possible=not _title_case(draft.subject)))
    words += mentions(draft.body)
    if words:
        found = unique(words)
        yield problem("mentions-jobs", MESSAGE.format(words=quoted(found)), found)


def mentions(scanned: Scanned) -> list[str]:
    """The job words in the text, in order, each reported once where phrases overlap."""
    spans = []
    for pattern in _PATTERNS:
        for match in pattern.regex.finditer(scanned.masked):
            span = match.span("w") if "w" in pattern.regex.groupindex else match.span()
            if not _excused(scanned, pattern, match.start(), span):
                spans.append(span)
    kept = [span for span in set(spans) if not _inside_another(span, spans)]
    return [squash(scanned.text[start:end]) for start, end in sorted(kept)]


def _excused(scanned: Scanned, pattern: _Pattern, start: int, span: tuple[int, int]) -> bool:
    if pattern.not_after:
        previous = _PREVIOUS_WORD.search(scanned.masked, max(0, start - 30), start)
        if previous and previous.group(1).lower() in pattern.not_after:
            return True
    return pattern.single_word and scanned.looks_like_name(span[0])


def _inside_another(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(o != span and o[0] <= span[0] and span[1] <= o[1] for o in spans)


def _title_case(subject: str) -> bool:
    """In “Question About Open Positions” capitals say nothing about names."""
    long_words = [word for word in subject.split() if len(word) > 3 and word[:1].isalpha()]
    return bool(long_words) and all(word[:1].isupper() for word in long_words)
