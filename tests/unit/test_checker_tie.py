"""Writing as the tie you have: no "I came across your work at ..." to a friend."""

from __future__ import annotations

import pytest

from coffeechat.method.checker import TIES, Severity, check_message

ASK = "Would you have 15-20 minutes for a call in the next few weeks?"


def stranger(body: str, tie: str, **kw: object):
    found = [
        f for f in check_message(f"Hi Sam,\n\n{body} {ASK}\n\nThanks,\nAlice", subject="UX advice",
                                 first_name="Sam", tie=tie, **kw)  # type: ignore[arg-type]
        if f.rule == "tie-stranger"
    ]  # fmt: skip
    assert len(found) <= 1
    return found[0] if found else None


def test_the_ties_are_the_ways_a_contact_can_be_known():
    assert TIES == (
        "friend", "family", "alumni", "professor", "former_colleague", "linkedin", "referral",
        "cold",
    )  # fmt: skip


def test_i_came_across_your_work_to_a_former_colleague_is_a_problem_that_says_what_to_do():
    found = stranger("I came across your work at Khan Academy.", "former_colleague")

    assert found.severity == Severity.PROBLEM
    assert found.words == ("came across your work at Khan Academy",)
    assert found.message == (
        "“came across your work at Khan Academy” is how you write to a stranger, and this is a "
        "former colleague: say where you worked together (“We worked together at …”) and skip "
        "the introduction."
    )


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("I found your profile on LinkedIn.", ("found your profile",)),
        ("I've long admired your work at Khan Academy.", ("your work at Khan Academy",)),
        ("I noticed you on LinkedIn.", ("noticed you on LinkedIn",)),
        ("My name is Alice and I teach science.", ("My name is",)),
        ("Allow me to introduce myself.", ("Allow me to introduce myself",)),
        ("I stumbled upon your recent work.", ("stumbled upon your recent work",)),
    ],
)
@pytest.mark.parametrize("tie", ["friend", "family", "former_colleague"])
def test_stranger_phrasing_to_someone_you_know_personally_is_flagged(sentence, words, tie):
    found = stranger(sentence, tie)

    assert found is not None
    assert found.words == words


@pytest.mark.parametrize(
    ("sentence", "flagged"),
    [
        ("I came across your profile on the department site.", True),
        ("I've followed your work at the Learning Lab since your seminar.", False),
        ("My name is Alice Martin; I took your HCI course in 2019.", False),
    ],
)
def test_a_former_professor_may_not_remember_you_but_was_not_discovered(sentence, flagged):
    assert (stranger(sentence, "professor") is not None) == flagged


@pytest.mark.parametrize("tie", ["alumni", "linkedin", "referral", "cold", ""])
def test_to_a_stranger_or_with_no_tie_the_rule_stays_silent(tie):
    assert stranger("I came across your work at Khan Academy. My name is Alice.", tie) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "We worked together at Khan Academy, and I'd love your perspective.",
        "I came across a great article on research ops and thought of you.",
        "Your work on the tablet pilot at school stayed with me.",
        "I found your advice about portfolios really useful.",
        "I found your recent work on onboarding inspiring.",
        "Your team at Acme is doing interesting things.",
        "I read your post about research at Khan Academy.",
    ],
)
@pytest.mark.parametrize("tie", ["friend", "former_colleague"])
def test_what_people_who_know_each_other_write_is_fine(sentence, tie):
    assert stranger(sentence, tie) is None


def test_a_quoted_title_is_not_the_writers_words():
    assert stranger("Your talk “How I came across your work” was great.", "friend") is None


def test_an_unknown_tie_is_refused():
    with pytest.raises(ValueError, match="tie must be one of"):
        check_message("Hi", tie="stranger")
