"""Names as people write them: shown, formal, greeted, split (method/names.py, no database)."""

from __future__ import annotations

import pytest

from coffeechat.method.names import PersonName, is_family_first, shown_name, split_full_name

PUBLIC = PersonName(
    given="John", family="Public", middle="Quinlan", honorific="Dr.", suffix="III", goes_by="Johnny"
)


def test_a_full_name_keeps_every_part():
    assert PUBLIC.formal == "Dr. John Quinlan Public III"
    assert PUBLIC.shown == "John Public"


@pytest.mark.parametrize(
    ("tie", "greeting"),
    [
        ("friend", "Hi Johnny"),
        ("family", "Hi Johnny"),
        ("former_colleague", "Hi Johnny"),
        ("cold", "Dear Dr. Public"),
        ("linkedin", "Dear Dr. Public"),
        ("professor", "Dear Dr. Public"),
        ("referral", "Dear Dr. Public"),
    ],
)
def test_the_greeting_follows_the_tie(tie, greeting):
    assert PUBLIC.salutation(tie) == greeting


def test_without_an_honorific_a_formal_greeting_uses_the_given_name():
    name = PersonName(given="William", family="Ng", goes_by="Bill")
    assert name.salutation("cold") == "Dear William"
    assert name.salutation("friend") == "Hi Bill"


def test_a_warm_greeting_without_a_name_they_go_by_uses_the_given_name():
    assert PersonName(given="Priya", family="Shah").salutation("friend") == "Hi Priya"


def test_knighthoods_go_with_the_given_name():
    assert PersonName(given="John", family="Smith", honorific="Sir").formal_address == "Sir John"


def test_an_honorific_without_a_family_name_falls_back_to_the_given_name():
    assert PersonName(given="Cher", honorific="Ms.").salutation("cold") == "Dear Cher"


def test_every_name_a_greeting_may_use():
    assert PUBLIC.addresses == ("John", "Johnny", "Dr. Public", "John Public")  # not "Public"


@pytest.mark.parametrize(
    ("given", "family", "shown"),
    [
        ("민준", "김", "김민준"),
        ("小明", "王", "王小明"),
        ("太郎", "山田", "山田太郎"),
        ("Zoë", "Hernández", "Zoë Hernández"),
        ("Priya", "", "Priya"),
    ],
)
def test_names_keep_their_own_order_and_script(given, family, shown):
    assert shown_name(given, family) == shown


@pytest.mark.parametrize(
    ("full", "parts"),
    [
        ("Mary Ann Lee", ("Mary Ann", "Lee")),
        ("Priya", ("Priya", "")),
        ("  Sam   Lee ", ("Sam", "Lee")),
        ("김 민준", ("민준", "김")),
        ("김민준", ("김민준", "")),
        ("", ("", "")),
    ],
)
def test_a_name_in_one_string_is_split_only_where_it_is_safe(full, parts):
    assert split_full_name(full) == parts


def test_only_cjk_scripts_put_the_family_name_first():
    assert is_family_first("김민준")
    assert is_family_first("やまだ")
    assert not is_family_first("Łukasz Żółw")
    assert not is_family_first("Алексей")


def test_a_name_mixing_latin_and_cjk_letters_keeps_the_western_order():
    assert not is_family_first("Zoë 李")
    assert shown_name("Zoë 李", "Ørsted") == "Zoë 李 Ørsted"


@pytest.mark.parametrize(
    ("name", "greeting"),
    [
        (PersonName(given="민준", family="김"), "Dear 김민준"),
        (PersonName(given="민준", family="김", honorific="Mr."), "Dear Mr. 김민준"),
        (PersonName(given="김민준"), "Dear 김민준"),  # kept whole when it could not be split
        (PersonName(given="小明", family="王", honorific="Dr."), "Dear Dr. 王小明"),
    ],
)
def test_a_formal_greeting_to_a_cjk_name_uses_the_whole_name_in_its_order(name, greeting):
    assert name.salutation("cold") == greeting


def test_a_friend_with_a_cjk_name_is_greeted_by_the_given_name():
    assert PersonName(given="민준", family="김").salutation("friend") == "Hi 민준"
