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


# --- documents sent with a first request -------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("Here is a link to my portfolio.", ("link to my portfolio",)),
        ("My portfolio: https://alice.example/work", ("My portfolio",)),
        ("I could share my writing samples if useful.", ("share my writing samples",)),
        ("My transcript is below.", ("My transcript is below",)),
        ("You can see my design portfolio at the link below.", ("see my design portfolio",)),
    ],
)
def test_sending_a_portfolio_or_transcript_with_a_first_request_is_a_problem(sentence, words):
    found = finding("attachment", f"{OPENING} {sentence} {ASK}")

    assert found is not None
    assert found.severity == Severity.PROBLEM
    assert found.words == words
    assert "offer it only if asked" in found.message


@pytest.mark.parametrize(
    "sentence",
    [
        "I'm building my portfolio around a district tablet pilot.",
        "I turned the pilot into a portfolio case study.",
        "Your portfolio companies span three continents.",
        "Could we resume our conversation from the conference?",
    ],
)
def test_a_portfolio_that_is_only_the_writers_background_is_fine(sentence):
    assert finding("attachment", f"{OPENING} {sentence} {ASK}") is None


def test_a_resume_is_reported_once_by_the_jobs_rule_not_twice():
    found = check_message(f"{OPENING} My CV is below. {ASK}", subject="Advice about UX research")

    assert [(f.rule, f.words) for f in found] == [("mentions-jobs", ("CV",))]


def test_an_attachment_and_a_sent_document_are_one_finding_in_the_order_written():
    body = f"{OPENING} My transcript is attached, and here is my portfolio. {ASK}"

    assert finding("attachment", body).words == (
        "My transcript is attached",
        "here is my portfolio",
    )


# --- subjects ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "subject",
    ["Hello", "Hi!", "Question", "A quick question for you", "Quick question", "Touching base",
     "Just touching base", "Following up", "Request", "Meeting request", "Intro", "Re: Question",
     "Hi Sam", "Hello Sam Lee!", "Hey there", "Checking in", "Reaching out", "A favour"],
)  # fmt: skip
def test_a_generic_subject_says_why_it_gets_skipped_and_suggests_the_connection(subject):
    found = finding("subject-vague", f"{OPENING} {ASK}", subject=subject, first_name="Sam",
                    last_name="Lee")  # fmt: skip

    assert found is not None
    assert found.severity == Severity.SUGGESTION
    assert found.words == (subject,)
    assert "gets skipped" in found.message
    assert "“Priya Shah suggested I get in touch”" in found.message


def test_the_suggested_subject_names_the_real_connection():
    found = finding(
        "subject-vague", f"{OPENING} {ASK}", subject="Hello", connection_names=("Grace Hopper",)
    )

    assert "“Grace Hopper suggested I get in touch”" in found.message


@pytest.mark.parametrize(
    "subject",
    ["Priya Shah suggested I get in touch", "Hi from a fellow Leeds graduate",
     "Following up: your advice on UX research", "A question about UX research at Acme",
     "Quick question about classroom research", "Hello from Priya's former student",
     "Request for advice from a teacher moving into UX research", "Hi Sam, from Priya's team"],
)  # fmt: skip
def test_a_subject_that_says_why_is_not_generic(subject):
    assert finding("subject-vague", f"{OPENING} {ASK}", subject=subject, first_name="Sam") is None


def test_a_missing_subject_says_why_it_matters():
    found = finding("subject-missing", f"{OPENING} {ASK}", subject="")

    assert found.severity == Severity.PROBLEM
    assert "skips" in found.message
    assert "“Priya Shah suggested I get in touch”" in found.message
