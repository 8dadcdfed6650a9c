"""The greeting against the names a person is called by: given name, the name they go by and
the formal "Dr. Public" (Dr. John Q. Public, III, who goes by Johnny)."""

from __future__ import annotations

import pytest

from coffeechat.method.checker import Severity, check_message

REST = (
    "Priya Shah suggested I get in touch. I'm a science teacher moving into UX research. "
    "Would you have 20 minutes for a short call?\n\nThank you,\nAlice"
)
JOHNNY = ("John", "Johnny", "Dr. Public")


def greeting(hello: str, known_names: tuple[str, ...] = JOHNNY, **names: str):
    names.setdefault("first_name", "John")
    names.setdefault("last_name", "Public")
    found = [
        f for f in check_message(f"{hello}\n\n{REST}", subject="Advice on UX research",
                                 known_names=known_names, **names)  # type: ignore[arg-type]
        if f.rule == "greeting-name"
    ]  # fmt: skip
    assert len(found) <= 1
    return found[0] if found else None


@pytest.mark.parametrize(
    "hello",
    ["Hi Johnny,", "Dear John,", "Dear Dr. Public,", "Dear Dr Public,", "Dear Professor Public,",
     "Hello John Public,", "Hi johnny!"],
)  # fmt: skip
def test_a_greeting_with_a_name_they_are_called_by_is_fine(hello):
    assert greeting(hello) is None


def test_the_name_they_go_by_is_fine_even_when_it_is_not_a_short_form():
    assert greeting("Hi Skip,", known_names=("John", "Skip")) is None
    assert greeting("Hi Skip,", known_names=()).severity == Severity.PROBLEM


def test_a_misspelt_name_is_a_problem_that_says_what_they_go_by():
    found = greeting("Dear Jon,")

    assert found.severity == Severity.PROBLEM
    assert found.words == ("Jon",)
    assert found.message == (
        "The greeting says “Dear Jon,” but you're writing to John, who goes by “Johnny”."
    )


def test_a_guessed_short_form_is_a_problem_once_you_know_what_they_go_by():
    # "Jack" is a short form of John, but John told you he goes by Johnny.
    assert greeting("Hi Jack,").severity == Severity.PROBLEM
    # Without that, a short form is only worth a word.
    assert greeting("Hi Jack,", known_names=("John",)).severity == Severity.SUGGESTION
    assert greeting("Hi Johnny,", known_names=()).severity == Severity.SUGGESTION


def test_the_wrong_title_for_a_doctor_is_a_suggestion_naming_the_one_they_use():
    found = greeting("Dear Mr. Public,")

    assert found.severity == Severity.SUGGESTION
    assert found.words == ("Mr.",)
    assert found.message == (
        "The greeting says “Dear Mr. Public,” but they are “Dr. Public”: use the title they use."
    )


@pytest.mark.parametrize(
    ("hello", "known"),
    [("Dear Ms. Lee,", ("Mrs. Lee",)), ("Dear Dr. Lee,", ("Prof. Lee",)),
     ("Dear Mr. Lee,", ("Sam",)), ("Dear Mx. Lee,", ())],
)  # fmt: skip
def test_a_title_is_only_questioned_against_a_known_formal_form(hello, known):
    assert greeting(hello, known_names=known, first_name="Sam", last_name="Lee") is None


def test_a_formal_form_alone_is_enough_to_check_the_surname():
    assert greeting("Dear Dr. Public,", known_names=("Dr. Public",), first_name="",
                    last_name="") is None  # fmt: skip
    found = greeting("Dear Dr. Smith,", known_names=("Dr. Public",), first_name="", last_name="")

    assert found.severity == Severity.PROBLEM
    assert found.words == ("Dr. Smith",)


@pytest.mark.parametrize("hello", ["Dear hiring team,", "Dear UX research team,", "Hi all,"])
def test_a_greeting_to_a_team_is_no_wrong_name(hello):
    found = greeting(hello)

    assert found.severity == Severity.SUGGESTION
    assert "names nobody" in found.message


def test_every_address_of_a_person_name_may_be_passed_without_muddling_the_message():
    # PersonName.addresses (the names work): given, goes-by, formal, shown and family name.
    addresses = ("John", "Johnny", "Dr. Public", "John Public", "Public")
    for hello in ("Hi Johnny,", "Dear Dr. Public,", "Dear John Public,"):
        assert greeting(hello, known_names=addresses) is None

    found = greeting("Dear Jon,", known_names=addresses)
    assert found.message == (
        "The greeting says “Dear Jon,” but you're writing to John, who goes by “Johnny”."
    )
