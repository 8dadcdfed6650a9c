"""Attachments and merge fields left unfilled."""

from __future__ import annotations

import pytest

from coffeechat.method.checker import Severity, check_message

OPENING = "Dear Sam,\n\nPriya Shah suggested I get in touch."
ASK = "Would you have 20 minutes for a short call?"


def finding(rule: str, body: str, **kw: object):
    kw.setdefault("subject", "Advice about climate finance")
    found = [f for f in check_message(body, **kw) if f.rule == rule]  # type: ignore[arg-type]
    assert len(found) <= 1
    return found[0] if found else None


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("I've attached my portfolio for context.", ("attached",)),
        ("Please find attached a short summary of my background.", ("attached",)),
        ("Attachment: transcript.pdf", ("Attachment",)),
        ("I have enclosed a writing sample.", ("enclosed",)),
        ("I'm attaching my transcript in case it helps.", ("attaching",)),
    ],
)
def test_mentioning_an_attachment_in_a_first_request_is_a_problem(sentence, words):
    found = finding("attachment", f"{OPENING} {sentence} {ASK}")

    assert found is not None
    assert found.severity == Severity.PROBLEM
    assert found.words == words


@pytest.mark.parametrize(
    "sentence",
    [
        "I've grown very attached to the idea of working on adaptation.",
        "Your article “Notes attached to a flood map” was superb.",
        "I'm attached to Leeds and would love to stay in the north.",
    ],
)
def test_attachment_in_other_senses_is_fine(sentence):
    assert finding("attachment", f"{OPENING} {sentence} {ASK}") is None


def test_an_update_may_attach_something():
    body = f"{OPENING} I've attached the report you asked about."

    assert finding("attachment", body, purpose="update") is None


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("Dear {{first_name}},", ("{{first_name}}",)),
        ("Dear {first_name},", ("{first_name}",)),
        ("Dear [First Name], I loved your work at [Company].", ("[First Name]", "[Company]")),
        ("Dear <name>,", ("<name>",)),
        ("Dear %FIRST_NAME%,", ("%FIRST_NAME%",)),
        ("Dear *|FNAME|*,", ("*|FNAME|*",)),
        ("I loved your work at XXX.", ("XXX",)),
        ("I'm a student at ____.", ("____",)),
    ],
)
def test_a_merge_field_left_unfilled_is_a_problem(text, fields):
    found = finding("unfilled-field", f"{text} {ASK}")

    assert found is not None
    assert found.severity == Severity.PROBLEM
    assert found.words == fields


def test_the_message_lists_every_field_once_and_subjects_count_too():
    body = "Dear {{first_name}}, {{connection_line}} Bye {{first_name}}."
    found = finding("unfilled-field", body, subject="{{introducer}} suggested I get in touch")

    assert found.words == ("{{introducer}}", "{{first_name}}", "{{connection_line}}")
    assert found.message == (
        "Unfilled merge fields: “{{introducer}}”, “{{first_name}}”, “{{connection_line}}”. "
        "Fill them in before sending."
    )


@pytest.mark.parametrize(
    "text",
    [
        "My portfolio is at [my site](https://alice.example).",
        "You wrote that the costs were “[sic] underestimated”.",
        "Write to me at <alice@example.org> any time.",
        "It grew 20% in 2024 and 30% in 2025.",
        "Thanks again.\n\n________________________________\nFrom: Sam",
    ],
)
def test_ordinary_brackets_and_percentages_are_not_fields(text):
    assert finding("unfilled-field", f"{OPENING} {text} {ASK}") is None
