"""Writing to a person: greet them by name, write more about them than about yourself."""

from __future__ import annotations

import pytest

from coffeechat.method.checker import STRICT, Severity, check_message

REST = (
    "Priya Shah suggested I get in touch. I'm an economics student at Leeds exploring climate "
    "finance. Would you have 20 minutes for a short call?\n\nThank you,\nAlice"
)


def greeting(body: str, first_name: str = "Priya"):
    found = [
        f for f in check_message(body, subject="Advice", first_name=first_name)
        if f.rule == "greeting-name"
    ]  # fmt: skip
    assert len(found) <= 1
    return found[0] if found else None


@pytest.mark.parametrize(
    "hello",
    ["Dear Priya,\n\n", "Hi Priya!\n", "Hello Priya Shah,\n", "Dear Dr. Shah,\n\n",
     "Dear Ms Shah,\n", "hi priya, ", "Dear Priya and Sam,\n", "Good morning Priya,\n", ""],
)  # fmt: skip
def test_a_greeting_that_names_them_or_none_at_all_is_fine(hello):
    assert greeting(hello + REST) is None


def test_accents_and_case_do_not_matter():
    assert greeting("Dear José,\n" + REST, first_name="José") is None
    assert greeting("Dear Jose,\n" + REST, first_name="José") is None
    assert greeting("Dear ZOË,\n" + REST, first_name="Zoë") is None


def test_a_greeting_to_someone_else_is_a_problem():
    finding = greeting("Dear Sam,\n\n" + REST)

    assert finding is not None
    assert finding.severity == Severity.PROBLEM
    assert finding.words == ("Sam",)
    assert finding.message == "The greeting says “Dear Sam,” but you're writing to Priya."


def test_a_greeting_running_into_the_first_sentence_still_finds_the_name():
    assert greeting("Hi Sam I'm writing because Priya Shah suggested it. " + REST).words == ("Sam",)
    assert greeting("Hi Priya I'm writing because Priya Shah suggested it. " + REST) is None


def test_without_a_known_first_name_any_name_is_fine():
    assert greeting("Dear Sam,\n\n" + REST, first_name="") is None


@pytest.mark.parametrize(
    "hello",
    ["Dear Sir or Madam,", "To whom it may concern,", "Hi there,", "Hello,", "Dear Hiring Team,",
     "Hello all,", "Dear Acme team,"],
)  # fmt: skip
def test_a_greeting_that_names_nobody_is_a_suggestion(hello):
    finding = greeting(f"{hello}\n\n{REST}")

    assert finding is not None
    assert finding.severity == Severity.SUGGESTION
    assert finding.message == f"“{hello}” names nobody: greet them by name."


def test_an_unfilled_name_is_left_to_the_merge_field_rule():
    findings = check_message("Dear {{first_name}},\n\n" + REST, subject="Advice", first_name="P")

    assert [f.rule for f in findings] == ["unfilled-field"]


# --- about-you --------------------------------------------------------------------------------

I_HEAVY = (
    "Dear Priya,\n\nI'm Alice, an economics student at Leeds. I am exploring climate finance. "
    "I found you through the Leeds alumni network. I would love 20 minutes of your time for "
    "a short call.\n\nBest,\nAlice"
)


def about_you(body: str, **kw: object):
    found = [
        f for f in check_message(body, subject="Advice", **kw)  # type: ignore[arg-type]
        if f.rule == "about-you"
    ]  # fmt: skip
    assert len(found) <= 1
    return found[0] if found else None


def test_most_sentences_starting_with_i_is_a_suggestion_in_both_sets():
    finding = about_you(I_HEAVY)

    assert finding is not None
    assert finding.severity == Severity.SUGGESTION
    assert finding.message.startswith("4 of 4 sentences start with “I”")


def test_half_the_sentences_starting_with_i_is_fine():
    body = (
        "Dear Priya,\n\nI found you through the Leeds alumni network. Your work on flood risk "
        "is what drew me to the field. I'm an economics student at Leeds. Would you have 20 "
        "minutes for a short call?"
    )

    assert about_you(body) is None


def test_two_sentences_are_too_few_to_judge():
    body = "Hi Priya, I'm a fellow Leeds alum. I'd love 20 minutes for a short call."

    assert about_you(body) is None


def test_the_strict_set_counts_words_about_the_writer_against_words_about_the_reader():
    body = (
        "Dear Priya,\n\nWe met at the Leeds alumni dinner. My degree is in economics and my "
        "dissertation was on flood insurance, which is why your work caught my eye. Would you "
        "have 20 minutes for a call?"
    )

    assert about_you(body) is None
    finding = about_you(body, rules=STRICT)
    assert finding is not None
    assert finding.message.startswith("Mostly about you (3 “I/me/my” to 2 “you/your”)")


def test_the_strict_set_is_happy_when_the_message_is_about_them():
    body = (
        "Dear Priya,\n\nWe met at the Leeds alumni dinner. Your move from insurance into climate "
        "risk is the path I hope to follow. Would you have 20 minutes for a call, whenever "
        "suits you?"
    )

    assert about_you(body, rules=STRICT) is None


def test_a_thank_you_may_talk_about_what_the_writer_learned():
    assert about_you(I_HEAVY, purpose="thank_you") is None
