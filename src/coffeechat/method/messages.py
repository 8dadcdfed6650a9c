"""Built-in message templates and the merge of a contact's details into them."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

_FIELD = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")


@dataclass(frozen=True)
class MessageTemplate:
    name: str
    subject: str
    body: str


REQUEST = MessageTemplate(
    name="Request for a short conversation",
    subject="{{subject_connection}}",
    body=(
        "Dear {{first_name}},\n\n"
        "{{connection_line}} I'm {{my_name}}, {{my_headline}}, and I'm exploring {{field}}.\n\n"
        "I would value your advice and your view of the field, and of how you found your way "
        "into it. Would you have 15-20 minutes for a short call or a coffee in the next few "
        "weeks, whenever suits you?\n\n"
        "Thank you,\n{{my_name}}"
    ),
)

THANK_YOU = MessageTemplate(
    name="Thank-you after a conversation",
    subject="Thank you, {{first_name}}",
    body=(
        "Dear {{first_name}},\n\n"
        "Thank you for taking the time to talk with me on {{conversation_date}}. "
        "{{learned_line}}{{referral_line}}\n\n"
        "I will let you know how things go.\n\n"
        "With thanks,\n{{my_name}}"
    ),
)

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


def merge(text: str, fields: Mapping[str, str]) -> str:
    """Fill {{field}} placeholders; unknown or empty ones stay visible so the user sees them."""

    def replace(match: re.Match[str]) -> str:
        value = fields.get(match.group(1), "")
        return value if value else match.group(0)

    # Two passes: the subject and connection line may themselves carry fields.
    return _FIELD.sub(replace, _FIELD.sub(replace, text))


def unfilled_fields(text: str) -> list[str]:
    return _FIELD.findall(text)
