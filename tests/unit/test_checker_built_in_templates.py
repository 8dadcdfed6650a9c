"""No built-in template, merged for a realistic person, trips the checker's newer rules."""

from __future__ import annotations

import pytest

from coffeechat.method.checker import TIES, check_message
from coffeechat.method.messages import BUILT_IN_TEMPLATES, Situation, connection_line, merge

# The rules of issue #14 that these texts are checked against (the merge-residue and
# repeated-phrase rules test the templates themselves).
NEW_RULES = {"subject-vague", "subject-missing", "greeting-name", "attachment", "tie-stranger",
             "same-as-sent"}  # fmt: skip
# The ties each situation is written for. Templates for the other situations are checked
# without a tie (the rule then stays silent), like a caller that does not know it.
WRITTEN_FOR = {
    Situation.COLD_EMAIL: TIES,  # its connection line follows the tie
    Situation.LINKEDIN_NOTE: ("linkedin", "cold"),
    Situation.ALUMNI: ("alumni",),
    Situation.AFTER_REFERRAL: ("referral",),
    Situation.ASK_INTRODUCTION: TIES,  # to the mutual contact, however you know them
    Situation.INTRO_BLURB: ("referral", "cold"),
    Situation.FOLLOW_UP: TIES,
    Situation.THANK_YOU: TIES,
    Situation.UPDATE: TIES,
}
KNOWN_NAMES = ("John", "Johnny", "Dr. Public")


def fields(tie: str) -> dict[str, str]:
    """Dr. John Q. Public, III at Khan Academy, written to by a teacher moving into UX research."""
    introducer = "Priya Shah" if tie == "referral" else ""
    return {
        "first_name": "John",
        "last_name": "Public",
        "organization": "Khan Academy",
        "role": "Senior UX researcher",
        "referrer_name": "Priya Shah",
        "referrer_first_name": "Priya",
        "connection_line": connection_line(
            tie, introducer=introducer, school="Leeds", organization="Khan Academy"
        ),
        "my_name": "Alice Martin",
        "my_headline": "a middle-school science teacher",
        "school": "Leeds",
        "pitch": "I've spent eight years running classroom studies.",
        "field": "UX research",
        "conversation_date": "Tuesday 10 November",
        "learned_line": "You suggested I turn the tablet pilot into a case study; I've started.",
        "referral_line": " Thank you too for suggesting I speak with Sam Lee.",
        "what_happened": "I wrote up the tablet pilot, and two teams have asked to see it.",
    }


def cases():
    for template in BUILT_IN_TEMPLATES:
        for tie in WRITTEN_FOR.get(template.situation, ("",)):
            yield pytest.param(template, tie, id=f"{template.situation}-{tie or 'no tie'}")


@pytest.mark.parametrize(("template", "tie"), list(cases()))
def test_a_built_in_template_trips_none_of_the_new_rules(template, tie):
    merged = fields(tie)
    # The rest of the sequence went to them too (a request before a follow-up, both before the
    # thank-you...); the other requests are alternatives to this one, not its history.
    others = tuple(
        merge(other.body, merged)
        for other in BUILT_IN_TEMPLATES
        if other.situation.purpose != template.situation.purpose
    )
    to_introducer = template.situation in (Situation.ASK_INTRODUCTION, Situation.INTRO_BLURB)
    reader = ("Priya", "Shah") if template.situation == Situation.ASK_INTRODUCTION else None
    found = check_message(
        merge(template.body, merged),
        subject=merge(template.subject, merged),
        channel=template.channel,
        purpose=template.situation.purpose,
        first_name=reader[0] if reader else "John",
        last_name=reader[1] if reader else "Public",
        known_names=() if reader else KNOWN_NAMES,
        connection_names=("Priya Shah",) if to_introducer or tie == "referral" else (),
        tie=tie,
        sent_before=others,
    )

    assert [(f.rule, f.message) for f in found if f.rule in NEW_RULES] == []


def test_the_issue_s_linkedin_note_to_a_former_colleague_is_caught():
    note = (
        "Hi John, I came across your work at Khan Academy. I'm Alice Martin, a middle-school "
        "science teacher, exploring UX research. Would you have 15-20 minutes in the coming "
        "weeks to share your advice? Thank you!"
    )
    found = check_message(note, channel="linkedin", first_name="John", tie="former_colleague")

    assert [f.words for f in found if f.rule == "tie-stranger"] == [
        ("came across your work at Khan Academy",)
    ]
