"""The ask: a modest, clear request for 15-30 minutes, phrased as a question in the strict set."""

from __future__ import annotations

import pytest

from coffeechat.method.checker import STRICT, Severity, check_message

OPENING = (
    "Dear Sam,\n\nPriya Shah suggested I get in touch. I'm Alice, an economics student at Leeds "
    "exploring climate finance, and I'd value your advice on the field."
)
ASK_RULES = {
    "no-clear-ask", "ask-too-big", "ask-without-time", "questions-instead-of-ask",
    "ask-not-a-question",
}  # fmt: skip


def ask_findings(ask: str, **kw: object) -> dict:
    body = f"{OPENING} {ask}\n\nThank you,\nAlice"
    findings = check_message(body, subject="Advice about climate finance", **kw)  # type: ignore[arg-type]
    return {f.rule: f for f in findings if f.rule in ASK_RULES}


@pytest.mark.parametrize(
    "ask",
    [
        "Would you have 15-20 minutes for a call in the next few weeks?",
        "Could I buy you a quick coffee near your office one morning?",
        "Would you be open to a short call sometime next month?",
        "If you could spare 20 minutes for a brief chat, I would be very grateful.",
        "Would half an hour on Zoom work for you at some point?",
        "I'd love to speak with you briefly, whenever suits you.",
        "Would you have twenty minutes for a phone call?",
        "Do you have 15 to 30 minutes for a video call next week?",
        "I would still value 15-20 minutes of your advice, whenever suits you.",
        "Could I take you to lunch for half an hour one day next week?",
        "Would you have 20 minutes over breakfast near your office?",
    ],
)
def test_a_modest_request_for_time_is_a_clear_ask(ask):
    assert ask_findings(ask) == {}


@pytest.mark.parametrize(
    "ask",
    [
        "I look forward to hearing from you.",
        "Any advice you could share would mean a lot.",
        "I'd love to learn more about your path into the field.",
    ],
)
def test_no_request_for_time_is_no_clear_ask(ask):
    findings = ask_findings(ask)

    assert list(findings) == ["no-clear-ask"]
    assert findings["no-clear-ask"].severity == Severity.PROBLEM


def test_a_follow_up_without_an_ask_gets_only_a_suggestion():
    findings = ask_findings("Just bumping this to the top of your inbox.", purpose="follow_up")

    assert findings["no-clear-ask"].severity == Severity.SUGGESTION


def test_thank_yous_and_updates_need_no_ask():
    assert ask_findings("Thanks again for your time on Tuesday.", purpose="thank_you") == {}
    assert ask_findings("I took your advice and joined the CFA society.", purpose="update") == {}


@pytest.mark.parametrize(
    ("ask", "words"),
    [
        ("Would you have an hour for lunch next week?", ("an hour",)),
        ("Could we meet for 1-2 hours to go through my plans?", ("1-2 hours",)),
        ("Would you be willing to give me a couple of hours one afternoon?",
         ("a couple of hours",)),
        ("Could you spare 60 minutes for a call?", ("60 minutes",)),
        ("Would you have time for a 90-minute coffee?", ("90-minute",)),
        ("Would an hour and a half on Zoom be possible?", ("an hour and a half",)),
    ],
)  # fmt: skip
def test_asking_for_an_hour_or_more_is_too_big(ask, words):
    findings = ask_findings(ask)

    assert list(findings) == ["ask-too-big"]
    assert findings["ask-too-big"].severity == Severity.PROBLEM
    assert findings["ask-too-big"].words == words


def test_45_minutes_is_a_little_big():
    findings = ask_findings("Would you have 45 minutes for a call?")

    assert findings["ask-too-big"].severity == Severity.SUGGESTION
    assert findings["ask-too-big"].words == ("45 minutes",)


@pytest.mark.parametrize(
    "text",
    [
        "I spent an hour reading your report. Would you have 20 minutes for a call?",
        "Would you have 20 minutes? I study about two hours a week for the CFA.",
        "Would half an hour work for a short call?",
        "Your talk an hour ago was great; would you have 15 minutes for a chat?",
    ],
)
def test_hours_that_are_not_requested_are_not_too_big(text):
    assert ask_findings(text) == {}


def test_a_request_for_a_call_without_a_length_is_a_suggestion():
    findings = ask_findings("Would you be open to a call sometime?")

    assert list(findings) == ["ask-without-time"]
    assert findings["ask-without-time"].severity == Severity.SUGGESTION
    assert findings["ask-without-time"].words == ("call",)
    assert findings["ask-without-time"].message == (
        "Asks for “call” without saying how long: 15-20 minutes is easy to say yes to."
    )


def test_listing_questions_instead_of_asking_to_talk_is_a_problem():
    ask = (
        "What's a typical day like for you? How did you get into the field? "
        "Which skills matter most?"
    )

    findings = ask_findings(ask)

    assert set(findings) == {"no-clear-ask", "questions-instead-of-ask"}
    questions = findings["questions-instead-of-ask"]
    assert questions.severity == Severity.PROBLEM
    assert questions.message.startswith("Asks 3 questions up front")
    assert questions.words == (
        "What's a typical day like for you?",
        "How did you get into the field?",
        "Which skills matter most?",
    )


def test_a_numbered_list_of_questions_is_a_problem_even_without_question_marks():
    ask = (
        "Would you have 20 minutes for a call? My questions are:\n"
        "1. Your path into climate finance\n2. Skills that matter most\n3. Firms to look at"
    )

    findings = ask_findings(ask)

    assert list(findings) == ["questions-instead-of-ask"]
    assert findings["questions-instead-of-ask"].message.startswith("Asks 3 questions")


@pytest.mark.parametrize(
    "ask",
    [
        "Would you have 20 minutes for a call? If so, what times suit you?",
        "How are you? Would you have 20 minutes for a call? When would be convenient?",
        "Would you have 15 minutes for a short call? Is there a better time of year to ask?",
    ],
)
def test_small_talk_and_scheduling_questions_are_not_questions_up_front(ask):
    assert ask_findings(ask) == {}


def test_one_question_about_their_work_is_fine():
    ask = "How did you move from insurance into climate risk? Would you have 20 minutes for a call?"

    assert ask_findings(ask) == {}


def test_the_strict_set_wants_the_request_phrased_as_a_question():
    ask = "I would be grateful for 20 minutes of your time for a short call."

    assert ask_findings(ask) == {}
    findings = ask_findings(ask, rules=STRICT)

    assert list(findings) == ["ask-not-a-question"]
    assert findings["ask-not-a-question"].severity == Severity.PROBLEM
    assert findings["ask-not-a-question"].words == (ask,)


def test_the_strict_set_accepts_a_request_that_ends_in_a_question_mark():
    assert ask_findings("Would you have 20 minutes for a short call?", rules=STRICT) == {}


def test_the_strict_set_does_not_pile_on_when_there_is_no_ask_at_all():
    assert list(ask_findings("I look forward to hearing from you.", rules=STRICT)) == [
        "no-clear-ask"
    ]
