"""The message checker as a whole: its API, good drafts that pass, form rules and properties.

Rule-by-rule cases live beside this file in test_checker_*.py.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coffeechat.method.checker import (
    CHANNELS,
    CLASSIC,
    RULE_SETS,
    STRICT,
    TIES,
    Finding,
    RuleSet,
    Severity,
    check_message,
    parse_draft,
)

GOOD_CLASSIC = """Dear Sam,

Priya Shah suggested I get in touch with you. I'm Alice Martin, a final-year economics student \
at Leeds, and I'm exploring careers in climate finance.

I would value your advice and your view of the field, and of how you found your way into it. \
Would you have 15-20 minutes for a short call or a coffee in the next few weeks, whenever \
suits you?

Thank you,
Alice Martin"""

GOOD_STRICT = """Hi Sam,

We met at the Green Finance Forum in March, where your panel on adaptation finance stayed with \
me. Your move from insurance into climate risk is the path I hope to follow. Would you have \
20 minutes for a call in the next few weeks to share your advice on the field, whenever suits \
you?

Thank you,
Alice"""

GOOD_SUBJECT = "Priya Shah suggested I get in touch"


def rules(findings: list[Finding]) -> list[str]:
    return [finding.rule for finding in findings]


def problems(findings: list[Finding]) -> list[str]:
    return [finding.rule for finding in findings if finding.severity == Severity.PROBLEM]


def test_a_good_classic_request_under_100_words_has_no_findings():
    assert len(GOOD_CLASSIC.split()) < 100

    assert check_message(GOOD_CLASSIC, subject=GOOD_SUBJECT, first_name="Sam") == []


def test_a_good_strict_request_has_no_findings_under_either_set():
    assert len(GOOD_STRICT.split()) < 75
    subject = "Fellow Green Finance Forum attendee asking for advice"

    assert check_message(GOOD_STRICT, subject=subject, rules=STRICT, first_name="Sam") == []
    assert check_message(GOOD_STRICT, subject=subject, rules=CLASSIC, first_name="Sam") == []


def test_the_classic_request_is_too_long_and_too_much_about_the_writer_for_the_strict_set():
    findings = check_message(GOOD_CLASSIC, subject=GOOD_SUBJECT, rules=STRICT, first_name="Sam")

    assert problems(findings) == []  # it is 72 words, under 75, and ends its ask with "?"
    assert rules(findings) == []


def test_a_message_that_breaks_every_rule_says_so_problems_first():
    draft = """Dear Sir or Madam,

I'm Alice, an economics student at Leeds. I am looking for a job in climate finance and I saw \
that your team is hiring. I've attached my resume. I'd love an hour of your time.

What's a typical day like for you? How did you get into the field? Which skills matter most?

Priya Shah suggested I get in touch. I hope to hear from you soon.

Best,
{{my_name}}"""

    findings = check_message(draft, subject="Hi")

    assert rules(findings) == [
        "unfilled-field",
        "mentions-jobs",
        "connection-late",
        "ask-too-big",
        "questions-instead-of-ask",
        "attachment",
        "greeting-name",
        "subject-vague",
        "about-you",
    ]
    assert [f.severity for f in findings[:6]] == [Severity.PROBLEM] * 6
    assert [f.severity for f in findings[6:]] == [Severity.SUGGESTION] * 3


def test_findings_read_as_plain_dicts_for_json():
    finding = Finding("mentions-jobs", Severity.PROBLEM, "Mentions jobs: “job”.", ("job",))

    assert finding.as_dict() == {
        "rule": "mentions-jobs",
        "severity": "problem",
        "message": "Mentions jobs: “job”.",
        "words": ["job"],
    }


def test_the_two_rule_sets_follow_the_method():
    assert RuleSet("classic", 100, require_question=False, reader_share=False) == CLASSIC
    assert RuleSet("strict", 75, require_question=True, reader_share=True) == STRICT
    assert RULE_SETS == {"classic": CLASSIC, "strict": STRICT}


def test_every_message_is_one_line():
    draft = "Hi there,\nI want a job. " + "Words " * 120 + "\nXXX"
    for finding in check_message(draft, rules=STRICT):
        assert "\n" not in finding.message
        assert finding.message.endswith((".", "?”", "”."))


def test_an_unknown_channel_or_purpose_is_a_programming_error():
    with pytest.raises(ValueError, match="channel"):
        check_message("Hi", channel="fax")
    with pytest.raises(ValueError, match="purpose"):
        check_message("Hi", purpose="proposal")


def test_the_checker_package_imports_without_django():
    # test_method_is_django_free.py globs method/*.py and so does not see this package.
    script = (
        "import importlib, pkgutil, sys\n"
        "import coffeechat.method.checker as checker\n"
        "for module in pkgutil.iter_modules(checker.__path__):\n"
        "    importlib.import_module(f'coffeechat.method.checker.{module.name}')\n"
        "print(sorted(m for m in sys.modules if m == 'django' or m.startswith('django.')))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


# --- too-long ---------------------------------------------------------------------------------


def padded(words: int) -> str:
    """The good request, padded with filler words to exactly this many words."""
    base = GOOD_CLASSIC.split()
    return " ".join(base[:-3] + ["really"] * (words - len(base)) + base[-3:])


def test_112_words_is_too_long_for_a_first_request():
    findings = check_message(padded(112), subject=GOOD_SUBJECT)

    too_long = [f for f in findings if f.rule == "too-long"]
    assert len(too_long) == 1
    assert too_long[0].severity == Severity.PROBLEM
    assert too_long[0].message == "112 words: a first request should stay under 100."


def test_the_word_limit_means_under_it():
    assert "too-long" not in rules(check_message(padded(99), subject=GOOD_SUBJECT))
    assert "too-long" in rules(check_message(padded(100), subject=GOOD_SUBJECT))


def test_the_strict_set_allows_fewer_words():
    assert "too-long" not in rules(check_message(padded(80), subject=GOOD_SUBJECT))
    findings = check_message(padded(80), subject=GOOD_SUBJECT, rules=STRICT)
    assert "80 words: a first request should stay under 75." in [f.message for f in findings]


def test_a_follow_up_has_the_same_limit_but_a_thank_you_may_run_longer():
    follow_up = check_message(padded(120), subject=GOOD_SUBJECT, purpose="follow_up")
    assert "120 words: a follow-up should stay under 100." in [f.message for f in follow_up]
    thanks = check_message(padded(120), subject="Thank you", purpose="thank_you")
    assert "too-long" not in rules(thanks)


NOTE_299 = (
    "Hi Sam, Priya Shah suggested I get in touch. I'm an economics student at Leeds exploring "
    "climate finance, and I'd value your advice on the field and how you found your way into "
    "it. Would you have 15 minutes for a short call in the next few weeks? Thank you, Alice"
)


def note(length: int) -> str:
    return NOTE_299 + "!" * (length - len(NOTE_299))


def test_a_linkedin_note_of_299_characters_fits():
    assert len(note(299)) == 299
    assert "too-long" not in rules(check_message(note(299), channel="linkedin"))
    assert "too-long" not in rules(check_message(note(300), channel="linkedin"))


def test_a_linkedin_note_of_301_characters_is_cut_off_and_says_by_how_much():
    findings = check_message(note(301), channel="linkedin", first_name="Sam")

    assert rules(findings) == ["too-long"]
    assert findings[0].message == (
        "301 characters: a LinkedIn connection note stops at 300; cut 1."
    )


def test_a_message_to_a_linkedin_connection_is_not_a_connection_note():
    found = check_message(note(339), channel="linkedin", first_name="Sam", tie="linkedin")
    assert "too-long" not in rules(found)
    for purpose in ("follow_up", "update"):  # after the invitation: a message
        found = check_message(note(339), channel="linkedin", first_name="Sam", purpose=purpose)
        assert "too-long" not in rules(found)


def test_a_linkedin_message_stops_at_8000_characters():
    findings = check_message(
        note(8001), channel="linkedin", first_name="Sam", tie="linkedin", purpose="follow_up"
    )
    assert [f.message for f in findings if f.rule == "too-long"] == [
        "8,001 characters: a LinkedIn message stops at 8,000; cut 1."
    ]


def test_a_linkedin_note_needs_no_subject_and_a_trailing_newline_does_not_count():
    assert check_message(NOTE_299 + "\n", channel="linkedin", first_name="Sam") == []


# --- subject ----------------------------------------------------------------------------------


def test_an_email_without_a_subject_is_a_problem():
    for subject in (None, "", "   "):
        findings = check_message(GOOD_CLASSIC, subject=subject, first_name="Sam")
        assert rules(findings) == ["subject-missing"]
        assert findings[0].severity == Severity.PROBLEM


@pytest.mark.parametrize(
    "subject",
    ["Hi", "Hello!", "Question", "Quick question", "Request", "Meeting", "(no subject)", "Re: hi",
     "Yo", "Networking", "Following up"],
)  # fmt: skip
def test_a_vague_subject_is_a_suggestion(subject):
    findings = check_message(GOOD_CLASSIC, subject=subject, first_name="Sam")

    assert rules(findings) == ["subject-vague"]
    assert findings[0].severity == Severity.SUGGESTION
    assert f"“{subject}”" in findings[0].message


def test_an_all_capitals_subject_reads_as_shouting():
    findings = check_message(GOOD_CLASSIC, subject="ADVICE ON CLIMATE FINANCE", first_name="Sam")

    assert rules(findings) == ["subject-vague"]
    assert "shouting" in findings[0].message


@pytest.mark.parametrize(
    "subject",
    ["Priya Shah suggested I get in touch", "Fellow Leeds graduate asking for advice",
     "Advice about climate finance", "Twenty minutes of your advice?", "Re: Thank you, Sam",
     "Hi from a fellow Leeds graduate", "CFA question from a Leeds student"],
)  # fmt: skip
def test_a_specific_subject_passes(subject):
    assert check_message(GOOD_CLASSIC, subject=subject, first_name="Sam") == []


def test_subject_rules_are_for_email_only():
    assert check_message(NOTE_299, subject=None, channel="linkedin", first_name="Sam") == []


@pytest.mark.parametrize("channel", ["phone", "in_person", "introduction"])
def test_a_call_a_word_in_person_or_an_introduction_has_no_subject_to_miss(channel):
    assert check_message(GOOD_CLASSIC, subject=None, channel=channel, first_name="Sam") == []
    with_a_job = GOOD_CLASSIC.replace("exploring careers", "looking for a job")
    assert rules(check_message(with_a_job, channel=channel)) == ["mentions-jobs"]


# --- parse_draft ------------------------------------------------------------------------------


def test_parse_draft_splits_off_a_subject_line():
    text = "Subject: Priya Shah suggested I get in touch\n\nDear Sam,\n\nHello.\n"

    assert parse_draft(text) == ("Priya Shah suggested I get in touch", "Dear Sam,\n\nHello.\n")


def test_parse_draft_accepts_any_case_spacing_a_bom_and_windows_line_ends():
    assert parse_draft("\ufeffSUBJECT:Advice\r\n\r\nDear Sam,") == ("Advice", "Dear Sam,")
    assert parse_draft("subject :  Advice  \nBody") == ("Advice", "Body")


def test_parse_draft_without_a_subject_line_returns_the_text_unchanged():
    text = "Dear Sam,\nSubject: not on the first line\n"

    assert parse_draft(text) == (None, text)
    assert parse_draft("") == (None, "")
    assert parse_draft("Subjects we discussed: carbon markets") == (
        None, "Subjects we discussed: carbon markets"
    )  # fmt: skip


def test_an_empty_subject_line_is_an_empty_subject():
    subject, body = parse_draft("Subject:\nDear Sam,")

    assert (subject, body) == ("", "Dear Sam,")
    assert "subject-missing" in rules(check_message(body, subject=subject))


# --- properties -------------------------------------------------------------------------------

# Arbitrary characters mixed with fragments the rules look for, so they get exercised too.
_SOME_TEXT = st.lists(
    st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(list(" \n\t.,!?:;'\"“”{}[]<>-—…\u2018\u2019\u2013")),
        st.sampled_from(["job", "Jobs", "Dear ", "Hi ", "I ", "you ", "20 minutes", "an hour",
                         "suggested I", "attached", "{{x}}", "Subject: ", "Best,\n", "1. ",
                         "Dear Ms. ", "an opening ", "next week", "I'd love to work at ",
                         "applying for the ", "Analyst Position", "my application", "new hires",
                         "came across your work at Acme ", "My name is ", "> ", "Dr. ",
                         "here is my portfolio", "On Mon, Sam wrote:\n", "Johnny "]),
    ),
    max_size=120,
).map("".join)  # fmt: skip
_QUIET = settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])


@_QUIET
@given(
    body=_SOME_TEXT,
    subject=st.one_of(st.none(), _SOME_TEXT),
    rule_set=st.sampled_from([CLASSIC, STRICT]),
    channel=st.sampled_from(CHANNELS),
    purpose=st.sampled_from(["request", "follow_up", "thank_you", "update"]),
    first_name=st.text(max_size=20),
    last_name=st.text(max_size=20),
    names=st.lists(st.text(max_size=20), max_size=2),
    known=st.lists(st.one_of(st.text(max_size=20), st.sampled_from(["Dr. ", "Dr.Public", "."])),
                   max_size=3),
    tie=st.sampled_from(["", *TIES]),
    sent=st.lists(_SOME_TEXT, max_size=3),
)  # fmt: skip
def test_the_checker_never_raises_on_any_text(
    body, subject, rule_set, channel, purpose, first_name, last_name, names, known, tie, sent
):
    findings = check_message(
        body,
        subject=subject,
        rules=rule_set,
        channel=channel,
        purpose=purpose,
        first_name=first_name,
        last_name=last_name,
        connection_names=tuple(names),
        known_names=tuple(known),
        tie=tie,
        sent_before=(body, *sent),
    )
    for finding in findings:
        assert isinstance(finding.severity, Severity)
        assert finding.message and "\n" not in finding.message
        assert all(isinstance(word, str) for word in finding.words)
    assert findings == sorted(findings, key=lambda f: f.severity != Severity.PROBLEM)


@_QUIET
@given(text=_SOME_TEXT)
def test_parse_draft_never_raises_and_loses_nothing_but_the_subject_line(text):
    subject, body = parse_draft(text)

    if subject is None:
        assert body == text
    else:
        assert body.strip() in text
        assert "\n" not in subject


@_QUIET
@given(words=st.lists(st.text(st.characters(codec="utf-8"), min_size=1), max_size=160),
       rule_set=st.sampled_from([CLASSIC, STRICT]))  # fmt: skip
def test_the_word_count_finding_agrees_with_split(words, rule_set):
    body = " ".join(words)
    count = len(body.split())

    findings = [f for f in check_message(body, rules=rule_set) if f.rule == "too-long"]

    assert bool(findings) == (count >= rule_set.word_limit)
    if findings:
        assert findings[0].message.startswith(f"{count} words: ")
