"""Every built-in template, for every tie it is written for and any mix of known and unknown
details, reads as a person wrote it: no gap left by an empty field, no phrase said twice, and
nothing the message checker calls a problem."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coffeechat.method.checker import Severity, check_message
from coffeechat.method.checker.draft import read_draft
from coffeechat.method.checker.form import check_unfilled
from coffeechat.method.checker.model import CLASSIC, STRICT
from coffeechat.method.checker.residue import check_repeated, check_residue
from coffeechat.method.messages import BUILT_IN_TEMPLATES, BuiltInTemplate, merge
from coffeechat.method.names import PersonName
from coffeechat.method.wording.fields import Me, personal_fields
from coffeechat.method.wording.grammar import join_list
from coffeechat.method.wording.kinds import KNOWN_PERSONALLY, Tie
from coffeechat.method.wording.thanks import Note, useful_line
from coffeechat.method.wording.thanks import acted_advice as acted

ORGANIZATIONS = ["", "Khan Academy", "Acme Climate", "IDEO", "the Ministry of Education"]
HEADLINES = [
    "",
    "middle-school science teacher moving into UX research",
    "a final-year economics student at Leeds",
    "MBA candidate",
    "UX researcher in training",
]
FIELDS = ["", "UX research", "climate finance", "design", "education technology"]
SCHOOLS = ["", "Leeds", "Ohio State"]
PITCHES = ["", "I want to help schools choose technology that works for their students."]
NAMES = [
    PersonName(given="John", family="Public", middle="Quinlan", honorific="Dr.", suffix="III",
               goes_by="Johnny"),
    PersonName(given="Priyanka", family="Shah", goes_by="Priya"),
    PersonName(given="Sam", family="Lee"),
    PersonName(given="Grace", family="", honorific="Prof."),
    PersonName(given="Ana", family="de la Cruz", honorific="Ms."),
]  # fmt: skip
INTRODUCERS = [PersonName(given="Imani", family="Okafor"), PersonName(given="Bo", family="Chen")]
NOTES = [
    Note("turn the district tablet pilot into a portfolio case study: method, findings, impact",
         acted_on=True),
    Note("- talk to the district's instructional designers first."),
    Note("networking matters more than the certificate"),
    Note("Just Enough Research (Erika Hall)", advice=False),
]  # fmt: skip
REFERRED = [[], ["Sam"], ["Sam", "Lee", "Kim"]]
AFTER_TALKING = ("thank_you", "update")  # written to any tie, signed as the person knows you
WHAT_HAPPENED = "I rebuilt my portfolio around the tablet pilot, and two schools asked to see it."


def _ties(template: BuiltInTemplate) -> list[Tie]:
    return list(template.ties) or list(Tie)


CASES = [
    pytest.param(template, tie, id=f"{template.name}-{tie}")
    for template in BUILT_IN_TEMPLATES
    for tie in _ties(template)
]


@dataclass(frozen=True)
class Merged:
    subject: str
    body: str
    reader: PersonName
    fields: dict[str, str]


details = st.fixed_dictionaries(
    {
        "name": st.sampled_from(NAMES),
        "introducer": st.sampled_from(INTRODUCERS),
        "organization": st.sampled_from(ORGANIZATIONS),
        "role": st.sampled_from(["", "Senior analyst"]),
        "headline": st.sampled_from(HEADLINES),
        "field": st.sampled_from(FIELDS),
        "school": st.sampled_from(SCHOOLS),
        "pitch": st.sampled_from(PITCHES),
        "my_name": st.sampled_from(["Alex Kim", "Mary Ann Lee"]),
        "notes": st.lists(st.sampled_from(NOTES), max_size=3),
        "referred": st.sampled_from(REFERRED),
        "day": st.sampled_from(["", "Thursday 19 November"]),
    }
)


def merged(template: BuiltInTemplate, tie: Tie, d: dict) -> Merged:
    me = Me(d["my_name"], d["headline"], d["school"], d["pitch"], d["field"])
    fields = personal_fields(
        d["name"], tie, me, organization=d["organization"], role=d["role"],
        introducer=d["introducer"], situation=template.situation,
    )  # fmt: skip
    names = d["referred"]
    fields |= {
        "conversation_date": d["day"],
        "useful_line": useful_line(d["notes"]),
        "advice": acted(d["notes"]),
        "referral_names": join_list(names),
        "what_happened": WHAT_HAPPENED,
    }  # fmt: skip
    reader = d["introducer"] if template.situation.read_by_introducer else d["name"]
    return Merged(merge(template.subject, fields), merge(template.body, fields), reader, fields)


def _check(message: Merged, template: BuiltInTemplate, tie: Tie, rules=CLASSIC) -> list:
    return check_message(
        message.body, subject=message.subject if template.channel == "email" else None,
        rules=rules, channel=template.channel, purpose=template.situation.purpose,
        first_name=message.reader.given, last_name=message.reader.family,
        connection_names=(message.fields["referrer_name"],) if message.fields["referrer_name"]
        else (),
        tie=tie.how_known, known_names=message.reader.addresses,
    )  # fmt: skip


@pytest.mark.parametrize(("template", "tie"), CASES)
@settings(max_examples=40, deadline=None)
@given(d=details)
def test_no_built_in_template_leaves_residue_or_says_a_phrase_twice(template, tie, d):
    message = merged(template, tie, d)
    for text in (message.subject, message.body):
        draft = read_draft(
            text, subject=None, rules=CLASSIC, channel=template.channel,
            purpose=template.situation.purpose, first_name="", connection_names=(),
        )  # fmt: skip
        found = [*check_residue(draft), *check_repeated(draft), *check_unfilled(draft)]
        assert found == [], (text, found)
    assert "  " not in message.body and " ," not in message.body and ",," not in message.body


@pytest.mark.parametrize(("template", "tie"), CASES)
@settings(max_examples=40, deadline=None)
@given(d=details)
def test_the_checker_finds_no_problem_in_any_built_in_template(template, tie, d):
    message = merged(template, tie, d)
    for rules in (CLASSIC, STRICT):  # the stricter rules too: 75 words, a question
        problems = [
            f for f in _check(message, template, tie, rules) if f.severity == Severity.PROBLEM
        ]
        assert problems == [], (message.subject, message.body, problems)


@pytest.mark.parametrize(("template", "tie"), CASES)
@settings(max_examples=25, deadline=None)
@given(d=details)
def test_each_tie_is_written_to_as_that_tie(template, tie, d):
    message = merged(template, tie, d)
    text = f"{message.subject}\n{message.body}"
    if tie == Tie.REFERRAL_UNNAMED and not template.situation.goes_to_introducer:
        assert d["introducer"].given not in text  # who suggested it is not named
    writing_to_them = not template.situation.goes_to_introducer
    if tie in KNOWN_PERSONALLY and template.situation.purpose == "request" and writing_to_them:
        assert "came across your work" not in text
        assert f"I'm {d['my_name']}" not in text and "my name is" not in text.lower()
    if template.channel == "linkedin":
        assert len(message.body) <= 300
        # The tie's greeting, as in e-mails: "Dear Dr. Public", never "Hi John" to a professor.
        assert message.body.startswith(d["name"].salutation(tie) + ",")
    warm_text = bool(template.ties) and set(template.ties) <= KNOWN_PERSONALLY
    if warm_text or (tie in KNOWN_PERSONALLY and template.situation.purpose in AFTER_TALKING):
        # Someone who knows the user hears from "Maya", not "Maya Okafor".
        assert d["my_name"] not in text
    if template.situation.purpose in ("request", "follow_up"):
        assert len(message.body.split()) < 100


# Rules whose suggestions a built-in template must not earn either: it greets by the right name
# and says how you know the person (or needs not, to a friend).
SILENT_RULES = ("connection-late", "greeting-name")


@pytest.mark.parametrize(("template", "tie"), CASES)
@settings(max_examples=25, deadline=None)
@given(d=details)
def test_no_built_in_template_earns_a_connection_or_greeting_suggestion(template, tie, d):
    message = merged(template, tie, d)
    connection = (message.fields["referrer_name"],) if message.fields["referrer_name"] else ()
    if template.situation.read_by_introducer:  # as compose: the connection is whom you ask for
        connection = (d["name"].shown,)
    found = check_message(
        message.body, subject=message.subject if template.channel == "email" else None,
        channel=template.channel, purpose=template.situation.purpose,
        first_name=message.reader.given, last_name=message.reader.family,
        connection_names=connection, known_names=message.reader.addresses,
        tie="" if template.situation.read_by_introducer else tie.how_known,
    )  # fmt: skip
    found = [f for f in found if f.rule in SILENT_RULES]
    assert found == [], (message.subject, message.body, found)
