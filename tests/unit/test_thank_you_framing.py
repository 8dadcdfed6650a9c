"""The thank-you's "most useful" line from realistic notes: one grammatical sentence whatever
the note looks like (imperatives, stated points, titles, web addresses, names)."""

from __future__ import annotations

import re

import pytest

from coffeechat.method.wording.thanks import FALLBACK, IMPERATIVES, Note, acted_advice, framed

# (note text, advice?) as users type them.
NOTES = [
    ("Focus on research methods courses, not bootcamps", True),
    ("focus on research methods courses, not bootcamps.", True),
    ("build a portfolio that works for hiring managers", True),
    ("Build a portfolio that helps hiring managers see your process", True),
    ("- Talk to the district's instructional designers first.", True),
    ("turn the district tablet pilot into a portfolio case study: method, findings", True),
    ("Join the UXPA chapter in Leeds", True),
    ("Ask Priya Raman about the Khan Academy research team", True),
    ("Read: Just Enough Research", True),
    ("Read: Just Enough Research", False),
    ("read - Just Enough Research (Erika Hall)", True),
    ("Erika Hall's book on research", True),
    ("Erika Hall's book is the best place to start", True),
    ("Erika Hall's book", False),
    ("https://www.nngroup.com/articles/ux-research-cheat-sheet/", False),
    ("https://www.nngroup.com/articles/ux-research-cheat-sheet/?utm=x", True),
    ("see https://uxpa.org/events: monthly meetups", False),
    ("check out https://uxpa.org/events", True),
    ("Networking matters more than the certificate.", True),
    ("networking matters more than the certificate", True),
    ("Recruiters skim a portfolio in under a minute", True),
    ("Hiring managers care more about process than polish", True),
    ("Portfolios with one deep case study beat five shallow ones", True),
    ("The UX market is tight right now", True),
    ("UX Research at Duolingo hires from teaching", True),
    ("iOS accessibility is a growing niche", True),
    ("Don't apply yet, it is too early", True),
    ("If you can, shadow a researcher for a day", True),
    ("Always ask for referrals", True),
    ("Khan Academy", True),
    ("Advice: Reach out to James at IDEO", True),
    ("You should write a case study about the tablet pilot", True),
    ("she suggested I practise the portfolio walk-through", True),
    ("Thomas says the market is tight", True),
    ("Coursera's UX course", False),
    ("a book on research ops", False),
]


def _capitalised_names(text: str) -> set[str]:
    """Words written with a capital in the note other than its first word: names and titles."""
    text = re.sub(r"^\w+\s*:\s*", "", re.sub(r"https?://\S+|www\.\S+", "", text))  # a label
    words = re.findall(r"[A-Za-z][\w'\u2019-]*", text)
    return {word for word in words[1:] if word[:1].isupper() and word.casefold() != "i"}


@pytest.mark.parametrize(("text", "advice"), NOTES)
@pytest.mark.parametrize("acted_on", [False, True])
def test_every_note_gives_one_grammatical_sentence(text, advice, acted_on):
    line = framed(Note(text, advice=advice, acted_on=acted_on))
    assert line[:1].isupper() and line.endswith(".")
    body = re.sub(r"https?://\S+|www\.\S+", "URL", line)
    assert not re.search(r"[.!?]\s", body[:-1]), line  # one sentence
    if line.startswith("You suggested I "):
        assert line.split()[3] in IMPERATIVES, line
    if line.startswith("Your point that "):
        assert line.split()[3].casefold() not in IMPERATIVES, line
    # Names and titles keep their capitals; no "I erika" or "I just Enough Research".
    for name in _capitalised_names(text):
        assert name.casefold() not in [w.strip(",;.()") for w in line.split()], line
    # A web address is kept whole or left out, never cut at its colon ("Https").
    for url in re.findall(r"https?://[^\s]+", text):
        url = url.rstrip(".,;:)")
        assert url in line or "http" not in line.casefold(), line
    assert "Https" not in line and "Www" not in line


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        (
            Note("Focus on research methods courses, not bootcamps"),
            "You suggested I focus on research methods courses, not bootcamps; "
            "I am going to do just that.",
        ),
        (
            Note("build a portfolio that works for hiring managers", acted_on=True),
            "You suggested I build a portfolio that works for hiring managers; "
            "I have started on it.",
        ),
        (
            Note("https://www.nngroup.com/articles/ux-research-cheat-sheet/", advice=False),
            "The link you pointed me to (https://www.nngroup.com/articles/ux-research-cheat-sheet/)"
            " is next on my list.",
        ),
        (
            Note("Read: Just Enough Research"),
            "Just Enough Research, which you pointed me to, is next on my list.",
        ),
        (Note("Erika Hall's book on research"), FALLBACK),
        (
            Note("Erika Hall's book is the best place to start"),
            "Your point that Erika Hall's book is the best place to start was especially useful.",
        ),
        (
            Note("Ask Priya Raman about the Khan Academy team"),
            "You suggested I ask Priya Raman about the Khan Academy team; "
            "I am going to do just that.",
        ),
    ],
)
def test_the_walkers_notes_read_right(note, expected):
    assert framed(note) == expected


def test_closing_the_loop_names_only_advice_that_reads_on_from_to():
    notes = [Note("Read: Just Enough Research", acted_on=True),
             Note("Focus on research methods courses", acted_on=True)]  # fmt: skip
    assert acted_advice(notes) == "focus on research methods courses"
    assert acted_advice([Note("Erika Hall's book", acted_on=True)]) == ""
