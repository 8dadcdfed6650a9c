"""Built-in message templates, which one suits a contact, and the merge of details into them.

Pure data and rules: every user gets an editable copy of BUILT_IN_TEMPLATES when their account
is created. The texts (wording/texts.py) follow the method's message rules (step 3): under 100
words, the connection first, no mention of jobs, a request for 15-20 minutes rather than
questions, and a text for each tie where the tie changes what a person would say.
"""

from __future__ import annotations

from collections.abc import Mapping

# One number for the checker, the character counter and the compose form.
from coffeechat.method.checker.model import LINKEDIN_NOTE_LIMIT as LINKEDIN_NOTE_LIMIT
from coffeechat.method.wording import merge as merging
from coffeechat.method.wording.choice import connection_text
from coffeechat.method.wording.kinds import (
    SITUATION_LABELS as SITUATION_LABELS,
)
from coffeechat.method.wording.kinds import (
    BuiltInTemplate as BuiltInTemplate,
)
from coffeechat.method.wording.kinds import (
    Situation as Situation,
)
from coffeechat.method.wording.kinds import (
    Tie,
)
from coffeechat.method.wording.texts import BUILT_IN_TEMPLATES as BUILT_IN_TEMPLATES

# What each merge field is filled with, as the template editor explains it.
MERGE_FIELDS = {
    "greeting": "“Hi Johnny” to someone you know, “Dear Dr. Public” (or “Dear John”) otherwise",
    "hello": "the same, spoken: “Hi Johnny”, “Hello Dr. Public”",
    "first_name": "their first name",
    "called": "the name they go by, else their first name",
    "last_name": "their last name",
    "full_name": "their name as shown in your contacts",
    "organization": "their organization",
    "role": "their role",
    "referrer_name": "who introduced you or can (the contact's “Introduced by”); empty when "
    "they have not said you may use their name",
    "referrer_first_name": "that person's first name",
    "referrer_called": "the name that person goes by",
    "connection_line": "one sentence on how you know them, chosen by “How you know them”",
    "my_name": "your full name (profile)",
    "my_first_name": "your first name, from your full name (profile): signs warm notes",
    "my_sign_off_name": "your first name to a friend, family or former colleague, else your "
    "full name (profile)",
    "my_headline": "your headline (profile)",
    "school": "your school (profile)",
    "pitch": "your elevator pitch (profile)",
    "field": "the field you are exploring (profile, else their organization's field)",
    "conversation_date": "the day of your conversation (thank-you and update)",
    "useful_line": "a sentence on what you found most useful, from the advice and resources "
    "you noted (thank-you)",
    "learned_line": "the same sentence, by its older name",
    "advice": "the advice you acted on, as “to …” continues it (closing the loop)",
    "referral_names": "the people they suggested you speak with, as a list (thank-you)",
    "referral_line": "a sentence thanking them for those people (thank-you)",
    "what_happened": "what came of their advice: yours to write (update)",
}


def _general(situation: Situation) -> BuiltInTemplate:
    texts = [t for t in BUILT_IN_TEMPLATES if t.replaces == situation]
    mine = [t for t in BUILT_IN_TEMPLATES if t.situation == situation]
    texts += [t for t in mine if not t.ties or Tie.COLD in t.ties] + mine
    return texts[0]


# For each situation its general text (the one for a cold contact where texts differ by tie).
BUILT_IN = {
    situation: _general(situation)
    for situation in Situation
    if any(t.replaces == situation or t.situation == situation for t in BUILT_IN_TEMPLATES)
}
# The general request and the thank-you, by their older names.
REQUEST = BUILT_IN[Situation.COLD_EMAIL]
THANK_YOU = BUILT_IN[Situation.THANK_YOU]


def built_in_for(situation: Situation, tie: Tie) -> BuiltInTemplate:
    """The built-in text for this kind of message and tie (the general one if none is)."""
    for template in BUILT_IN_TEMPLATES:
        if template.key == (situation, frozenset(template.ties)) and tie in template.ties:
            return template
    return BUILT_IN.get(situation, REQUEST)


def connection_line(how_known: str, *, introducer: str, school: str, organization: str) -> str:
    """The sentence that puts the connection first, as career centres teach (older templates'
    {{connection_line}}; the tie-aware one is wording.choice.connection_text)."""
    tie = Tie.REFERRAL_NAMED if introducer else _tie(how_known)
    return merging.merge(
        connection_text(tie),
        {"referrer_name": introducer, "school": school, "organization": organization},
    )


def _tie(how_known: str) -> Tie:
    try:
        return Tie(how_known)
    except ValueError:
        return Tie.COLD


_SUBJECTS = {
    "referral": "{introducer} suggested I get in touch",
    "alumni": "A fellow {school} graduate asking for advice",
}


def subject_line(how_known: str, *, introducer: str, school: str, field: str) -> str:
    if introducer:
        how_known = "referral"
    template = _SUBJECTS.get(how_known)
    if template and (introducer or school):
        return template.format(introducer=introducer, school=school)
    return f"Advice about {field}" if field else "Twenty minutes of your advice?"


# Fields that older templates may leave empty where they stand (no referrals: no sentence).
OPTIONAL_FIELDS = frozenset({"referral_line"})
# Older templates that say {{field}} where none is known read "this field", as they always did.
# What came of their advice is the user's to write: an empty one shows as a prompt in brackets,
# which the checker reports until it is replaced.
WHAT_HAPPENED_PROMPT = "[Write what happened]"
_FALLBACKS = {"field": "this field", "what_happened": WHAT_HAPPENED_PROMPT}


def merge(text: str, fields: Mapping[str, str]) -> str:
    """Fill a template (wording/merge.py has the syntax): an optional clause goes whole when
    its field is empty; a plain {{field}} left empty stays visible so the user sees it."""
    return merging.merge(text, fields, fallbacks=_FALLBACKS)


def unfilled_fields(text: str) -> list[str]:
    return merging.fields_in(text)


def character_count(text: str) -> int:
    """Characters as LinkedIn counts them (and the checker): a line break is one, whatever the
    browser sent, and blank space around the note is not pasted."""
    return len(text.replace("\r\n", "\n").strip())
