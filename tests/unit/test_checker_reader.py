"""Writing to a person: greet them by name, write more about them than about yourself."""

from __future__ import annotations

import pytest

from coffeechat.method.checker import STRICT, Severity, check_message

REST = (
    "Priya Shah suggested I get in touch. I'm an economics student at Leeds exploring climate "
    "finance. Would you have 20 minutes for a short call?\n\nThank you,\nAlice"
)


def greeting(body: str, first_name: str = "Priya", last_name: str = ""):
    found = [
        f for f in check_message(body, subject="Advice", first_name=first_name, last_name=last_name)
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
    ("hello", "first_name", "short"),
    [("Hi Pri,\n\n", "Priya", "Pri"), ("Dear Bob,\n\n", "Robert", "Bob"),
     ("Hi Liz!\n", "Elizabeth", "Liz"), ("Hello Robert,\n", "Bob", "Robert"),
     ("Dear Chris,\n", "Christopher", "Chris"), ("Hi Sasha,\n", "Alexandra", "Sasha")],
)  # fmt: skip
def test_a_short_form_of_their_name_is_only_a_suggestion(hello, first_name, short):
    finding = greeting(hello + REST, first_name=first_name)

    assert finding is not None
    assert finding.severity == Severity.SUGGESTION
    assert finding.words == (short,)
    assert finding.message == (
        f"The greeting says “{hello.strip()}”, a short form of {first_name}: "
        "fine if they sign that way, otherwise use the name they gave."
    )


@pytest.mark.parametrize(
    ("hello", "first_name"),
    [("Dear Bob,\n\n", "Priya"), ("Hi P,\n", "Priya"), ("Dear Tom,\n", "Bob")],
)
def test_a_name_that_is_no_form_of_theirs_is_still_a_problem(hello, first_name):
    finding = greeting(hello + REST, first_name=first_name)

    assert finding is not None
    assert finding.severity == Severity.PROBLEM


@pytest.mark.parametrize(
    "hello",
    ["Dear Ms. Shah,\n\n", "Dear Dr Shah,\n", "Dear Prof. Shah-Mehta,\n", "Dear Mrs Mehta,\n",
     "Dear Ms. Priya Shah,\n", "Dear Dr. Priya,\n", "Dear Mr. SHAH,\n", "Dear Dr.,\n"],
)  # fmt: skip
def test_a_title_with_their_surname_is_fine(hello):
    assert greeting(hello + REST, last_name="Shah-Mehta") is None


@pytest.mark.parametrize(
    ("hello", "said"),
    [("Dear Ms. Patel,\n\n", "Ms. Patel"), ("Dear Dr Lee,\n", "Dr Lee"),
     ("Dear Professor Jones,\n", "Professor Jones"), ("Dear Mrs. Priya Patel,\n", None)],
)  # fmt: skip
def test_a_title_with_someone_elses_surname_is_a_problem(hello, said):
    finding = greeting(hello + REST, last_name="Shah")

    if said is None:  # the first name is right, and that is what people check first
        assert finding is None
        return
    assert finding is not None
    assert finding.severity == Severity.PROBLEM
    assert finding.words == (said,)
    assert finding.message == (
        f"The greeting says “{hello.strip()}” but you're writing to Priya Shah."
    )


def test_without_a_known_surname_a_title_and_any_surname_is_fine():
    assert greeting("Dear Ms. Patel,\n\n" + REST) is None


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


def test_the_strict_set_flags_a_tie_because_half_is_not_more_than_half():
    body = (
        "Dear Priya,\n\nWe met at the Leeds alumni dinner. My dissertation was on flood "
        "insurance, which is why your work caught my eye. Would you have 20 minutes for a call?"
    )

    assert about_you(body) is None
    finding = about_you(body, rules=STRICT)
    assert finding is not None
    assert finding.severity == Severity.SUGGESTION
    assert finding.message == (
        "Only half about them (2 “I/me/my” to 2 “you/your”): the stricter rules want more than "
        "half; say why you're writing to them in particular."
    )


def test_the_strict_set_says_nothing_of_a_note_with_no_pronouns_at_all():
    body = "Dear Priya,\n\nPriya Shah suggested this. Twenty minutes for a call, some time soon?"

    assert about_you(body, rules=STRICT) is None


def test_the_strict_set_is_happy_when_the_message_is_about_them():
    body = (
        "Dear Priya,\n\nWe met at the Leeds alumni dinner. Your move from insurance into climate "
        "risk is the path I hope to follow. Would you have 20 minutes for a call, whenever "
        "suits you?"
    )

    assert about_you(body, rules=STRICT) is None


def test_a_thank_you_may_talk_about_what_the_writer_learned():
    assert about_you(I_HEAVY, purpose="thank_you") is None


def test_check_message_takes_the_surname_to_check_a_titled_greeting(tmp_path, capsys, monkeypatch):
    from coffeechat.edges import cli

    monkeypatch.setattr(cli, "_setup_django", lambda: pytest.fail("check-message needs no Django"))
    path = tmp_path / "draft.txt"
    path.write_text("Subject: Advice on climate finance\n\nDear Ms. Patel,\n\n" + REST, "utf-8")
    arguments = ["check-message", str(path), "--first-name", "Priya"]

    assert cli.main(arguments) == 0
    capsys.readouterr()
    assert cli.main([*arguments, "--last-name", "Shah"]) == 1
    assert capsys.readouterr().out == (
        "problem: greeting-name: The greeting says “Dear Ms. Patel,” but you're writing to "
        "Priya Shah.\n"
    )


def test_a_line_break_inside_a_recorded_name_never_reaches_a_message():
    findings = check_message(
        "Dear Ms. Patel,\n\nKim Ode suggested I write. Would you have 20 minutes for a call?",
        subject="Advice on climate finance",
        first_name="Priya",
        last_name="Shah\nLee",
    )
    greeting = next(f for f in findings if f.rule == "greeting-name")
    assert "Shah Lee" in greeting.message
    assert all("\n" not in f.message for f in findings)


@pytest.mark.parametrize(
    "hello",
    ["Dear Mr. Kim,\n\n", "Dear Minjun,\n\n", "Dear Mr. Kim Minjun,\n\n",
     "Dear 김민준,\n\n", "Dear Mr. 김민준,\n\n", "Hi 민준,\n\n"],
)  # fmt: skip
def test_a_cjk_name_greeted_in_full_or_romanized_is_not_a_wrong_name(hello):
    assert greeting(hello + REST, first_name="민준", last_name="김") is None


def test_a_wrong_cjk_name_is_reported_with_the_whole_name_in_its_order():
    finding = greeting("Dear Mr. 이서연,\n\n" + REST, first_name="민준", last_name="김")
    assert finding is not None
    assert finding.message == "The greeting says “Dear Mr. 이서연,” but you're writing to 김민준."
    finding = greeting("Dear 이서연,\n\n" + REST, first_name="민준", last_name="김")
    assert finding is not None
    assert finding.message == "The greeting says “Dear 이서연,” but you're writing to 김민준."
