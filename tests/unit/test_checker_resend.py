"""A draft nearly identical to a message already sent to the same person."""

from __future__ import annotations

import pytest

from coffeechat.method.checker import Severity, check_message
from coffeechat.method.checker.resend import NEARLY_IDENTICAL, own_words

REQUEST = """Dear Sam,

Priya Shah suggested I get in touch with you. I'm Alice Martin, a science teacher moving into \
UX research.

I would value your advice on the field, and on how you found your way into it. Would you have \
15-20 minutes for a short call in the next few weeks, whenever suits you?

Thank you,
Alice"""
NUDGE = """Dear Sam,

Just a gentle nudge on my note below, in case it got buried. Would you still have 15-20 \
minutes in the coming weeks? If now isn't a good time, I understand completely.

Thank you,
Alice
"""


def same(body: str, *sent: str, **kw: object):
    found = [
        f for f in check_message(body, subject="Priya Shah suggested I get in touch",
                                 first_name="Sam", sent_before=sent, **kw)  # type: ignore[arg-type]
        if f.rule == "same-as-sent"
    ]  # fmt: skip
    assert len(found) <= 1
    return found[0] if found else None


def test_sending_the_same_request_again_is_a_problem_that_says_what_to_do():
    found = same(REQUEST, "An older note about something else entirely, months ago.", REQUEST)

    assert found.severity == Severity.PROBLEM
    assert found.words == ("Priya Shah suggested I get in touch with you. I'm Alice…",)
    assert found.message.startswith("Nearly the same as a message you already sent them (100%")
    assert "Say what is new since then" in found.message


@pytest.mark.parametrize(
    "edit",
    [
        lambda text: text.replace("next few weeks", "coming weeks"),
        lambda text: text.replace("Dear Sam", "Hi Sam").replace("Thank you,", "Best,"),
        lambda text: text.replace("whenever suits you?", "whenever suits you? I know it's busy."),
    ],
)
def test_a_lightly_edited_copy_is_still_nearly_identical(edit):
    assert same(edit(REQUEST), REQUEST) is not None


def test_a_nudge_that_quotes_the_request_below_is_not_a_copy_of_it():
    quoted = "\n".join(f"> {line}" for line in REQUEST.splitlines())
    outlook = f"{NUDGE}\n-----Original Message-----\nFrom: Alice\n\n{REQUEST}"
    gmail = (
        f"{NUDGE}\nOn Mon, 2 Nov 2026 at 09:00, Alice Martin <alice@example.org> wrote:\n{REQUEST}"
    )

    assert same(f"{NUDGE}\n{quoted}", REQUEST, purpose="follow_up") is None
    assert same(outlook, REQUEST, purpose="follow_up") is None
    assert same(gmail, REQUEST, purpose="follow_up") is None


def test_a_second_nudge_identical_to_the_first_is_caught_even_below_a_quote():
    quoted = "\n".join(f"> {line}" for line in REQUEST.splitlines())

    assert same(NUDGE, f"{NUDGE}\n{quoted}", REQUEST, purpose="follow_up") is not None


def test_a_different_message_to_the_same_person_is_fine():
    rewritten = REQUEST.replace(
        "I would value your advice on the field, and on how you found your way into it.",
        "Your move from teaching into research at Acme is the path I hope to follow.",
    ).replace("Priya Shah suggested I get in touch with you.", "We met at the EdTech meetup.")

    assert same(rewritten, REQUEST) is None
    assert same(NUDGE, REQUEST, purpose="follow_up") is None


def test_short_messages_and_no_history_are_not_compared():
    assert same("Hi Sam,\n\nThanks again!\n\nAlice", "Hi Sam,\n\nThanks again!\n\nAlice") is None
    assert same(REQUEST) is None
    assert same(REQUEST, "", "   ") is None


def test_own_words_leave_out_greeting_sign_off_and_quotes():
    assert own_words("Hi Sam,\n\nGood to see you.\n> quoted line\n\nBest,\nAlice") == (
        "good to see you."
    )


def test_the_threshold_sits_between_a_light_edit_and_a_rewrite():
    assert 80 < NEARLY_IDENTICAL <= 90
