"""The merge reads like a person wrote it: articles, possessives, lists, capitals, optional
clauses, overlapping profile fields; the thank-you's framing; which template suits a tie."""

from __future__ import annotations

import pytest

from coffeechat.method import messages
from coffeechat.method.checker import check_message
from coffeechat.method.messages import merge
from coffeechat.method.wording.choice import (
    Candidate,
    best,
    purpose_line,
    reason,
    situation_for,
)
from coffeechat.method.wording.grammar import (
    capitalize_sentences,
    join_list,
    possessive,
    with_article,
)
from coffeechat.method.wording.kinds import Situation, Tie, tie_of
from coffeechat.method.wording.thanks import Note, framed, useful_line


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("alumna of Leeds", "an alumna of Leeds"),
        ("UX researcher", "a UX researcher"),
        ("MBA candidate", "an MBA candidate"),
        ("hour", "an hour"),
        ("honest question", "an honest question"),
        ("university lecturer", "a university lecturer"),
        ("unusual path", "an unusual path"),
        ("European bank", "a European bank"),
        ("one-off", "a one-off"),
        ("8-week course", "an 8-week course"),
        ("11-year-old", "an 11-year-old"),
        ("FBI agent", "an FBI agent"),
        ("NASA engineer", "a NASA engineer"),
        ("teacher", "a teacher"),
        ("an engineer", "an engineer"),
        ("the head of design", "the head of design"),
        # A headline's capitalised ordinary first word reads in lower case after the article;
        # names and acronyms keep their capitals.
        ("Middle-school science teacher", "a middle-school science teacher"),
        ("Senior UX researcher", "a senior UX researcher"),
        ("Experienced teacher", "an experienced teacher"),
        ("iOS developer", "an iOS developer"),
        ("McKinsey consultant", "a McKinsey consultant"),
        ("Google engineer", "a Google engineer"),
    ],
)
def test_a_or_an_goes_by_sound(phrase, expected):
    assert with_article(phrase) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("James", "James's"),
        ("Priya", "Priya's"),
        ("the Joneses", "the Joneses'"),
        ("the students", "the students'"),
        ("Sam's", "Sam's"),
    ],
)
def test_possessives(name, expected):
    assert possessive(name) == expected


def test_lists_join_with_commas_and_and_each_once():
    assert join_list([]) == ""
    assert join_list(["Sam"]) == "Sam"
    assert join_list(["Sam", "Lee"]) == "Sam and Lee"
    assert join_list(["Sam", "", "Lee", "sam", "Kim"]) == "Sam, Lee and Kim"


def test_the_first_word_of_each_sentence_gets_a_capital():
    assert capitalize_sentences("thanks. your advice helped! see you\nsoon, e.g. friday") == (
        "Thanks. Your advice helped! See you\nSoon, e.g. friday"
    )


def test_a_title_does_not_end_a_sentence():
    assert capitalize_sentences("Dear Ms. de la Cruz, hello. dear Dr. van Dijk") == (
        "Dear Ms. de la Cruz, hello. Dear Dr. van Dijk"
    )


def test_an_empty_field_takes_its_whole_clause_with_it():
    text = "I came across your work[[ at {{organization}}]]. I'm {{my_name}}[[, {{my_headline}}]]."
    assert (
        merge(text, {"my_name": "Alex", "organization": ""}) == "I came across your work. I'm Alex."
    )
    assert merge(text, {"my_name": "Alex", "organization": "IDEO", "my_headline": "a teacher"}) == (
        "I came across your work at IDEO. I'm Alex, a teacher."
    )


def test_alternatives_give_the_first_that_is_filled():
    text = "[[A fellow {{school}} graduate||A fellow alum]] asking for advice"
    assert merge(text, {"school": "Leeds"}) == "A fellow Leeds graduate asking for advice"
    assert merge(text, {"school": ""}) == "A fellow alum asking for advice"


def test_filters_add_the_article_and_the_possessive():
    fields = {"role": "UX researcher", "school": "Ohio State", "first_name": "James"}
    assert merge("I'm {{role|a}} at {{first_name|'s}} school", fields) == (
        "I'm a UX researcher at James's school"
    )


def test_overlapping_profile_fields_never_say_the_same_phrase_twice():
    """The issue's example: the headline already says the field."""
    text = "I'm {{my_name}}[[, {{my_headline|a}}]][[, exploring {{field}}]]."
    fields = {
        "my_name": "Alex Kim",
        "my_headline": "middle-school science teacher moving into UX research",
        "field": "UX research",
    }
    assert merge(text, fields) == (
        "I'm Alex Kim, a middle-school science teacher moving into UX research."
    )
    fields["field"] = "climate finance"
    assert merge(text, fields).endswith("moving into UX research, exploring climate finance.")


def test_older_templates_keep_working_and_show_what_is_missing():
    text = "Dear {{first_name}}, I'm {{my_name}}, {{my_headline}}, exploring {{field}}."
    merged = merge(text, {"first_name": "Sam", "my_name": "Alex", "field": ""})
    assert merged == "Dear Sam, I'm Alex, {{my_headline}}, exploring this field."


def test_gaps_left_by_a_user_template_are_tidied():
    assert merge("Hi {{first_name}} ,  thanks,, {{x}}.", {"first_name": "Sam", "x": "ok"}) == (
        "Hi Sam, thanks, ok."
    )


def test_the_thank_you_frames_a_raw_note_as_a_sentence():
    """The issue's note, pasted verbatim before: a colon and sub-points, a lower-case start."""
    note = Note(
        "turn the district tablet pilot into a portfolio case study: method, findings, impact",
        acted_on=True,
    )
    assert framed(note) == (
        "You suggested I turn the district tablet pilot into a portfolio case study; "
        "I have started on it."
    )


def test_a_bulleted_note_with_a_full_stop_loses_both():
    note = Note("- Talk to the district's instructional designers first.")
    assert framed(note) == (
        "You suggested I talk to the district's instructional designers first; "
        "I am going to do just that."
    )


def test_a_note_that_states_a_point_is_thanked_as_a_point_and_a_resource_as_a_resource():
    assert framed(Note("networking matters more than the certificate.")) == (
        "Your point that networking matters more than the certificate was especially useful."
    )
    assert framed(Note("read: Just Enough Research (Erika Hall)", advice=False)) == (
        "Just Enough Research, which you pointed me to, is next on my list."
    )


def test_the_most_useful_is_the_advice_acted_on():
    notes = [Note("a book", advice=False), Note("join the UXPA chapter"), Note("ship a case study",
             acted_on=True)]  # fmt: skip
    assert useful_line(notes) == "You suggested I ship a case study; I have started on it."
    assert useful_line([]) == "I learned a great deal about your work and the field."


@pytest.mark.parametrize(
    ("how_known", "introduced", "may_use_name", "tie"),
    [
        ("former_colleague", False, None, Tie.FORMER_COLLEAGUE),
        ("referral", True, True, Tie.REFERRAL_NAMED),
        ("referral", True, False, Tie.REFERRAL_UNNAMED),
        ("referral", True, None, Tie.REFERRAL_UNNAMED),  # not asked: treated as no
        ("cold", True, None, Tie.REFERRAL_UNNAMED),
        ("friend", True, None, Tie.FRIEND),  # a friend is a friend, whoever introduced them
        ("", False, None, Tie.COLD),
    ],
)
def test_the_tie_comes_from_how_you_know_them_and_permission(
    how_known, introduced, may_use_name, tie
):
    assert tie_of(how_known, introduced=introduced, may_use_name=may_use_name) == tie


def test_the_template_written_for_the_tie_wins_and_unnamed_referrals_never_get_a_named_one():
    candidates = [
        Candidate(1, Situation.COLD_EMAIL, frozenset({Tie.COLD}), True),
        Candidate(2, Situation.COLD_EMAIL, frozenset({Tie.FORMER_COLLEAGUE}), True),
        Candidate(3, Situation.AFTER_REFERRAL, frozenset(), True),  # an older, edited one
        Candidate(4, Situation.COLD_EMAIL, frozenset(), False),  # the user's own, any tie
    ]
    assert best(candidates, Situation.COLD_EMAIL, Tie.FORMER_COLLEAGUE) == 2
    assert best(candidates, Situation.COLD_EMAIL, Tie.REFERRAL_NAMED) == 3
    assert best(candidates, Situation.COLD_EMAIL, Tie.REFERRAL_UNNAMED) == 4
    assert best(candidates, Situation.LINKEDIN_NOTE, Tie.COLD) is None


def test_the_kind_follows_what_is_on_file_and_the_reason_says_why():
    assert situation_for("request", tie=Tie.COLD, has_email=False, has_linkedin=True) == (
        Situation.LINKEDIN_NOTE
    )
    # Already connected on LinkedIn: a message, not a connection note.
    assert situation_for("request", tie=Tie.LINKEDIN, has_email=False, has_linkedin=True) == (
        Situation.COLD_EMAIL
    )
    assert (
        situation_for(
            "request", tie=Tie.FRIEND, has_email=False, has_linkedin=False, has_phone=True
        )
        == Situation.PHONE_SCRIPT
    )
    assert reason(Situation.COLD_EMAIL, Tie.FORMER_COLLEAGUE) == (
        "Former colleague: no need to introduce yourself."
    )


def test_a_template_says_what_it_is_for_when_compose_did_not_pick_it():
    assert purpose_line(Situation.COLD_EMAIL, frozenset({Tie.FRIEND, Tie.FAMILY})) == (
        "Written for a friend or family: an email asking for 15-20 minutes of advice."
    )
    assert purpose_line(Situation.UPDATE, frozenset()) == (
        "Closing the loop: says what came of their advice."
    )
    assert purpose_line(Situation.ALUMNI, frozenset()) == (
        "Written for a fellow alum: an email asking for 15-20 minutes of advice."
    )


def test_an_update_closes_the_loop_only_when_there_is_advice_to_report():
    kind = {"tie": Tie.FRIEND, "has_email": True, "has_linkedin": False}
    assert situation_for("update", **kind) == Situation.KEEP_IN_TOUCH
    assert situation_for("update", advice_to_report=True, **kind) == Situation.UPDATE
    assert reason(Situation.UPDATE, Tie.FRIEND) == "Friend: says what came of their advice."


@pytest.mark.parametrize("situation", [Situation.KEEP_IN_TOUCH, Situation.UPDATE])
def test_an_update_asks_the_user_to_write_what_happened_in_words(situation):
    """Never a raw {{what_happened}}: a prompt in brackets the checker reports until replaced."""
    text = messages.built_in_for(situation, Tie.COLD)
    body = messages.merge(text.body, {"greeting": "Dear Sam", "my_sign_off_name": "Maya Okafor"})
    assert "{{" not in body and "[Write what happened]" in body
    findings = {f.rule: f for f in check_message(body, subject=text.subject, purpose="update")}
    assert findings["unfilled-field"].words == ("[Write what happened]",)
    assert findings["unfilled-field"].message.startswith(
        "Still yours to write: replace “[Write what happened]” with your own words"
    )


def test_the_checker_names_merge_residue_and_a_repeated_phrase():
    body = (
        "Dear Sam,\n\nI came across your work at . I'm Alex, exploring UX research careers "
        "( ). Would you have 20 minutes for a call about UX research careers?\n\nBest,\nAlex"
    )
    findings = {f.rule: f for f in check_message(body, subject="Advice on UX research")}
    assert findings["merge-residue"].words == ("work at .", "careers ( )")
    assert "Fill in what is missing" in findings["merge-residue"].message
    assert findings["repeated-phrase"].words == ("ux research careers",)
    assert "twice" in findings["repeated-phrase"].message


def test_a_repeated_phrase_with_hyphenated_words_is_found():
    """The walker's draft: the headline and the pitch both say "middle-school science"."""
    body = (
        "Dear Sam,\n\nI'm Maya, a middle-school science teacher moving into UX research. "
        "I've taught middle-school science for eight years. Would you have 20 minutes for a "
        "call?\n\nBest,\nMaya"
    )
    findings = {f.rule: f for f in check_message(body, subject="Advice")}
    assert findings["repeated-phrase"].words == ("middle-school science",)


@pytest.mark.parametrize(
    "sentence",
    ["We chose plan A, then B.", "That is where I'm from.", "Thanks, e.g., for the talk.",
     "It was an 8:30 start.", "See you at 10:30, Sam.", "Thanks!! See https://x.example/a..b"],
)  # fmt: skip
def test_ordinary_english_is_not_taken_for_residue(sentence):
    body = f"Dear Sam,\n\n{sentence} Would you have 20 minutes for a call?\n\nBest,\nAlex"
    assert "merge-residue" not in {f.rule for f in check_message(body, subject="Advice")}
