"""Built-in message templates, which one suits a contact, and the merge of details into them.

Pure data and rules: every user gets an editable copy of BUILT_IN_TEMPLATES when their account
is created. The texts follow the method's message rules (step 3): under 100 words, the
connection first, no mention of jobs, a request for 15-20 minutes rather than questions.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

# One number for the checker, the character counter and the compose form.
from coffeechat.method.checker.model import LINKEDIN_NOTE_LIMIT as LINKEDIN_NOTE_LIMIT

_FIELD = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")


class Situation(StrEnum):
    COLD_EMAIL = "cold_email"
    LINKEDIN_NOTE = "linkedin_note"
    ALUMNI = "alumni"
    AFTER_REFERRAL = "after_referral"
    ASK_INTRODUCTION = "ask_introduction"
    INTRO_BLURB = "intro_blurb"
    FOLLOW_UP = "follow_up"
    THANK_YOU = "thank_you"
    UPDATE = "update"

    @property
    def label(self) -> str:
        return SITUATION_LABELS[self]

    @property
    def purpose(self) -> str:
        """The kind of message it is written as (the compose page's purpose). The two that go
        to the introducer are written as requests but recorded on the introducer as requests
        for an introduction, which start no reply routine for the person to be introduced."""
        return _PURPOSES.get(self, "request")

    @property
    def goes_to_introducer(self) -> bool:
        """Sent to the mutual contact who can introduce you, not to the person themself."""
        return self in (Situation.ASK_INTRODUCTION, Situation.INTRO_BLURB)

    @property
    def read_by_introducer(self) -> bool:
        """Read by the mutual contact (the blurb goes through them but is read by the person)."""
        return self == Situation.ASK_INTRODUCTION


SITUATION_LABELS = {
    Situation.COLD_EMAIL: "Cold email",
    Situation.LINKEDIN_NOTE: "LinkedIn connection note",
    Situation.ALUMNI: "Fellow alumni",
    Situation.AFTER_REFERRAL: "After a referral",
    Situation.ASK_INTRODUCTION: "Asking a mutual contact for an introduction",
    Situation.INTRO_BLURB: "A short blurb they can forward",
    Situation.FOLLOW_UP: "First follow-up",
    Situation.THANK_YOU: "Thank-you",
    Situation.UPDATE: "Progress update",
}
_PURPOSES = {
    Situation.FOLLOW_UP: "follow_up",
    Situation.THANK_YOU: "thank_you",
    Situation.UPDATE: "update",
}

# What each merge field is filled with, as the template editor explains it.
MERGE_FIELDS = {
    "first_name": "their first name",
    "last_name": "their last name",
    "organization": "their organization",
    "role": "their role",
    "referrer_name": "who introduced you or can (the contact's “Introduced by”)",
    "referrer_first_name": "that person's first name",
    "connection_line": "one sentence on how you know them, chosen by “How you know them”",
    "my_name": "your full name (profile)",
    "my_headline": "your headline (profile)",
    "school": "your school (profile)",
    "pitch": "your elevator pitch (profile)",
    "field": "the field you are exploring (profile, else their organization's field)",
    "conversation_date": "the day of your conversation (thank-you and update)",
    "learned_line": "one piece of their advice (thank-you and update)",
    "referral_line": "the people they suggested you speak with (thank-you)",
    "what_happened": "what came of their advice: yours to write (update)",
}


@dataclass(frozen=True)
class BuiltInTemplate:
    situation: Situation
    name: str
    subject: str
    body: str
    channel: str = "email"


def _template(
    situation: Situation, subject: str, body: str, channel: str = "email"
) -> BuiltInTemplate:
    return BuiltInTemplate(situation, situation.label, subject, body, channel)


_SIGN_OFF = "\n\nThank you,\n{{my_name}}"
_ASK = (
    "Would you have 15-20 minutes for a call or a coffee in the next few weeks, whenever suits you?"
)

BUILT_IN_TEMPLATES: tuple[BuiltInTemplate, ...] = (
    _template(
        Situation.COLD_EMAIL,
        "Your advice on {{field}}",
        "Dear {{first_name}},\n\n"
        "{{connection_line}} I'm {{my_name}}, {{my_headline}}, exploring {{field}}.\n\n"
        "Your insight and advice on the field, and on how you found your way into it, would "
        f"mean a lot. {_ASK}{_SIGN_OFF}",
    ),
    _template(
        Situation.LINKEDIN_NOTE,
        "",
        "Hi {{first_name}}, I came across your work at {{organization}}. I'm {{my_name}}, "
        "{{my_headline}}, exploring {{field}}. Would you have 15-20 minutes in the coming weeks "
        "to share your advice? Thank you!",
        channel="linkedin",
    ),
    _template(
        Situation.ALUMNI,
        "A fellow {{school}} alum asking for advice",
        "Dear {{first_name}},\n\n"
        "I found you through the {{school}} alumni network, and your path into {{field}} caught "
        "my eye. I'm {{my_name}}, {{my_headline}}.\n\n"
        "Your insight and advice on the field, and on how you found your way into it, would "
        f"mean a lot. {_ASK}{_SIGN_OFF}",
    ),
    _template(
        Situation.AFTER_REFERRAL,
        "{{referrer_name}} suggested I get in touch",
        "Dear {{first_name}},\n\n"
        "{{referrer_name}} suggested I get in touch with you. I'm {{my_name}}, "
        "{{my_headline}}, exploring {{field}}.\n\n"
        "{{referrer_first_name}} thought you would be the right person to ask about the field, "
        f"and your advice would mean a lot. {_ASK}{_SIGN_OFF}",
    ),
    _template(
        Situation.ASK_INTRODUCTION,
        "Would you introduce me to {{first_name}} {{last_name}}?",
        "Hi {{referrer_first_name}},\n\n"
        "I hope you're well. You know {{first_name}} {{last_name}}, whose advice would help me "
        "a great deal as I explore {{field}}. Would you be willing to introduce us, so that I "
        "could ask {{first_name}} for 15-20 minutes of advice about the field?\n\n"
        "A short note you can forward is easy for me to write, if that helps. And if the timing "
        f"isn't right, no problem at all.{_SIGN_OFF}",
    ),
    _template(
        Situation.INTRO_BLURB,
        "Introducing {{my_name}}, exploring {{field}}",
        "Hello {{first_name}},\n\n"
        "{{referrer_name}} suggested I write to you and kindly offered to pass this on. "
        "I'm {{my_name}}, {{my_headline}}, exploring {{field}}. {{pitch}}\n\n"
        "Your advice on the field and on your own path into it would mean a lot. Would you "
        "have 15-20 minutes for a short call, whenever suits you?"
        f"{_SIGN_OFF}",
    ),
    _template(
        Situation.FOLLOW_UP,
        "Following up: your advice on {{field}}",
        "Dear {{first_name}},\n\n"
        "I wrote to you recently and know how busy things get. Would you still have 15-20 "
        "minutes in the coming weeks to share your advice about {{field}}, whenever suits you? "
        f"If now isn't a good time, I understand completely.{_SIGN_OFF}",
    ),
    _template(
        Situation.THANK_YOU,
        "Thank you, {{first_name}}",
        "Dear {{first_name}},\n\n"
        "Thank you for taking the time to talk with me on {{conversation_date}}. "
        "{{learned_line}}{{referral_line}}\n\n"
        "I will let you know how things go.\n\n"
        "With thanks,\n{{my_name}}",
    ),
    _template(
        Situation.UPDATE,
        "An update, and thanks again",
        "Dear {{first_name}},\n\n"
        "I followed your advice and wanted to let you know how it went: {{what_happened}}\n\n"
        "Thank you again for your help. I'll keep you posted.\n\n"
        "Best wishes,\n{{my_name}}",
    ),
)
BUILT_IN = {template.situation: template for template in BUILT_IN_TEMPLATES}
# The general request and the thank-you, by their older names.
REQUEST = BUILT_IN[Situation.COLD_EMAIL]
THANK_YOU = BUILT_IN[Situation.THANK_YOU]


def default_situation(
    purpose: str, *, how_known: str, introduced: bool, has_email: bool, has_linkedin: bool
) -> Situation:
    """The template that suits this contact best, before the user picks another."""
    if purpose in ("follow_up", "thank_you", "update"):
        return Situation(purpose)
    if introduced:
        return Situation.AFTER_REFERRAL
    if how_known == "alumni":
        return Situation.ALUMNI
    if has_linkedin and not has_email:
        return Situation.LINKEDIN_NOTE
    return Situation.COLD_EMAIL


# How the first sentence names the connection, by how the user knows the person.
_CONNECTION_LINES = {
    "referral": "{introducer} suggested I get in touch with you.",
    "alumni": "I found you through the {school} alumni network.",
    "friend": "We know each other, and I'd love your perspective on something.",
    "family": "We know each other through the family, and I'd love your perspective.",
    "professor": "I'm a former student of yours, and I'd love your perspective.",
    "former_colleague": "We worked together before, and I'd love your perspective.",
    "linkedin": "We're connected on LinkedIn, and I've followed your work at {organization}.",
    "cold": "I came across your work at {organization}.",
}
_SUBJECTS = {
    "referral": "{introducer} suggested I get in touch",
    "alumni": "A fellow {school} graduate asking for advice",
}


def connection_line(how_known: str, *, introducer: str, school: str, organization: str) -> str:
    """The sentence that puts the connection first, as career centres teach."""
    if introducer:
        how_known = "referral"
    template = _CONNECTION_LINES.get(how_known, _CONNECTION_LINES["cold"])
    return template.format(
        introducer=introducer or "A friend",
        school=school or "my school's",
        organization=organization or "your organization",
    )


def subject_line(how_known: str, *, introducer: str, school: str, field: str) -> str:
    if introducer:
        how_known = "referral"
    template = _SUBJECTS.get(how_known)
    if template and (introducer or school):
        return template.format(introducer=introducer, school=school)
    return f"Advice about {field}" if field else "Twenty minutes of your advice?"


# Lines that are left out when there is nothing to say (no referrals: no referral sentence).
OPTIONAL_FIELDS = frozenset({"referral_line"})


def merge(text: str, fields: Mapping[str, str]) -> str:
    """Fill {{field}} placeholders; unknown or empty ones stay visible so the user sees them,
    except optional lines, which may be empty."""

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        value = fields.get(name, "")
        if value or (name in OPTIONAL_FIELDS and name in fields):
            return value
        return match.group(0)

    # Two passes: the subject and connection line may themselves carry fields.
    return _FIELD.sub(replace, _FIELD.sub(replace, text))


def unfilled_fields(text: str) -> list[str]:
    return _FIELD.findall(text)


def character_count(text: str) -> int:
    """Characters as LinkedIn counts them (and the checker): a line break is one, whatever the
    browser sent, and blank space around the note is not pasted."""
    return len(text.replace("\r\n", "\n").strip())
