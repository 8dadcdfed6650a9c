"""The connection comes first: who sent you, or how you know them, in the first two sentences."""

from __future__ import annotations

import pytest

from coffeechat.method.checker import Severity, check_message

ASK = "Would you have 15-20 minutes for a short call in the next few weeks?"
ABOUT_ME = "I'm Alice Martin, a final-year economics student at Leeds exploring climate finance."
WHY = "I'd value your advice on the field and on how you found your way into it."


def connection(body: str, **kw: object):
    kw.setdefault("subject", "Advice about climate finance")
    found = [f for f in check_message(body, **kw) if f.rule == "connection-late"]  # type: ignore[arg-type]
    assert len(found) <= 1
    return found[0] if found else None


def test_an_introduction_in_the_first_sentence_is_first():
    body = f"Dear Sam,\n\nPriya Shah suggested I get in touch. {ABOUT_ME} {WHY} {ASK}"

    assert connection(body) is None


def test_an_introduction_in_the_second_sentence_still_counts_as_first():
    body = f"Dear Sam,\n\n{ABOUT_ME} Priya Shah suggested I get in touch. {WHY} {ASK}"

    assert connection(body) is None


def test_the_same_introduction_at_the_end_comes_late():
    body = (
        f"Dear Sam,\n\n{ABOUT_ME} {WHY} {ASK} Priya Shah suggested I get in touch.\n\nBest,\nAlice"
    )

    finding = connection(body)

    assert finding is not None
    assert finding.severity == Severity.PROBLEM
    assert finding.words == ("Priya Shah suggested I",)
    assert finding.message == (
        "How you know them comes only in sentence 4 (“Priya Shah suggested I”): "
        "say it in the first two."
    )


def test_a_greeting_on_the_same_line_is_not_a_sentence():
    body = f"Hi Sam, {ABOUT_ME} Priya Shah suggested I write. {ASK}"

    assert connection(body) is None


@pytest.mark.parametrize(
    "opening",
    [
        "Priya Shah recommended that I contact you.",
        "My professor, Dr. Okafor, thought I should speak with you.",
        "I was referred to you by Priya Shah.",
        "Priya kindly introduced us last week.",
        "We met at the Green Finance Forum in March.",
        "I heard you speak at the Climate Risk Summit.",
        "I'm a fellow Leeds alum, class of 2024.",
        "As a fellow Leeds graduate, I'm writing for advice.",
        "I found you through the Leeds alumni network.",
        "We're connected on LinkedIn, and I've followed your work at Aviva.",
        "I came across your work at Aviva through your article on flood risk.",
        "I really enjoyed your article on adaptation finance.",
        "We worked together briefly at Deloitte in 2022.",
        "I took your seminar on sustainable investing last year.",
        "We have a mutual friend in Priya Shah.",
        "You may remember me from the Leeds careers fair.",
        "I found your name in the CFA Society directory.",
    ],
)
def test_the_usual_ways_of_knowing_someone_are_recognised(opening):
    body = f"Dear Sam,\n\n{opening} {ABOUT_ME} {WHY} {ASK}"

    assert connection(body) is None


def test_a_referrer_named_by_the_user_is_recognised_in_any_phrasing():
    body = f"Dear Sam,\n\nPriya Shah and I studied together. {ABOUT_ME} {WHY} {ASK}"
    late = f"Dear Sam,\n\n{ABOUT_ME} {WHY} {ASK} Priya was sure you'd be the right person."

    assert connection(body, connection_names=("Priya Shah",)) is None
    # A first name alone could be any word ("Grace", "Will"): it needs a verb like "told".
    assert connection(late, connection_names=("Priya Shah",)).severity == Severity.SUGGESTION
    late_with_verb = f"Dear Sam,\n\n{ABOUT_ME} {WHY} {ASK} Priya told me you'd be the person."
    found = connection(late_with_verb, connection_names=("Priya Shah",))
    assert found is not None and found.words == ("Priya",)


def test_no_connection_at_all_is_a_suggestion():
    body = f"Dear Sam,\n\n{ABOUT_ME} {WHY} {ASK}"

    finding = connection(body)

    assert finding is not None
    assert finding.severity == Severity.SUGGESTION
    assert finding.words == ()
    assert "how you got their name" in finding.message


def test_a_connection_in_the_subject_line_comes_first():
    body = f"Dear Sam,\n\n{ABOUT_ME} {WHY} {ASK}"

    assert connection(body, subject="Priya Shah suggested I get in touch") is None


def test_sentences_in_a_signature_do_not_count_and_abbreviations_do_not_end_sentences():
    body = (
        f"Dear Dr. Lee,\n\nI'm a student of Prof. Okafor, e.g. in her risk seminar. "
        f"Prof. Okafor suggested I write. {ASK}\n\nBest,\nAlice"
    )

    assert connection(body) is None


def test_only_first_requests_need_the_connection():
    body = f"Dear Sam,\n\nJust following up on my note from last week. {ASK}"

    assert connection(body, purpose="follow_up") is None
    assert connection(body, purpose="thank_you") is None


def test_a_connection_in_a_postscript_comes_after_the_sign_off():
    body = f"Dear Sam,\n\n{ABOUT_ME} {WHY} {ASK}\n\nBest,\nAlice\n\nP.S. We met at the CFA dinner."

    finding = connection(body)

    assert finding is not None
    assert finding.severity == Severity.PROBLEM
    assert finding.message == (
        "How you know them comes only after the sign-off (“We met”): "
        "say it in the first two sentences."
    )


@pytest.mark.parametrize("tie", ["friend", "family", "former_colleague"])
def test_a_friend_needs_no_word_on_how_you_got_their_name(tie):
    body = f"Hi Sam,\n\nI hope you're well. {WHY} {ASK}\n\nBest,\nAlice"

    assert connection(body, tie=tie) is None


def test_a_stranger_still_hears_how_you_got_their_name():
    body = f"Dear Sam,\n\nI hope you're well. {WHY} {ASK}\n\nBest,\nAlice"

    assert connection(body, tie="cold") is not None
    assert connection(body) is not None


def test_a_fellow_graduate_of_a_school_of_several_words_is_a_connection():
    body = (
        "Hi Sam, as a fellow University of Michigan graduate, I'd love to connect and hear "
        "how you moved into UX research."
    )

    assert connection(body, channel="linkedin", subject=None, tie="alumni") is None
