"""Keep your network posted: one short, personal update per person you met, for a milestone.

The method asks you to keep previous interviewees posted on your search and its outcome; a
line about what you talked about, or the advice they gave, keeps it from reading like a
mass mailing.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from coffeechat.method.keep_in_touch import advice_phrase


class Milestone(StrEnum):
    NEW_JOB = "new_job"
    GRADUATION = "graduation"
    INTERNSHIP = "internship"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    Milestone.NEW_JOB: "A new job",
    Milestone.GRADUATION: "Graduation",
    Milestone.INTERNSHIP: "An internship",
    Milestone.OTHER: "Other news",
}
_SUBJECTS = {
    Milestone.NEW_JOB: "Some news: I have a new job",
    Milestone.GRADUATION: "Some news: I have graduated",
    Milestone.INTERNSHIP: "Some news: I have an internship",
    Milestone.OTHER: "Some news, and thanks again",
}
_OPENINGS = {
    Milestone.NEW_JOB: "I wanted to share some good news with you: I have accepted a new job.",
    Milestone.GRADUATION: "I wanted to share some good news with you: I have graduated.",
    Milestone.INTERNSHIP: "I wanted to share some good news with you: I have an internship.",
    Milestone.OTHER: "I wanted to share some news with you.",
}


@dataclass(frozen=True)
class PersonMet:
    """What the update can say about one person: their name and your last conversation."""

    first_name: str
    organization: str = ""
    met_in: str = ""  # "March", "March 2025": when you last spoke
    advice: str = ""  # the first piece of advice they gave, if you noted one


def sentence(text: str) -> str:
    """The user's one-line detail as a sentence: capital first, full stop last."""
    text = " ".join(text.split())
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def personal_line(person: PersonMet) -> str:
    """The sentence that makes the update theirs: their advice, or what you talked about."""
    when = f" when we spoke in {person.met_in}" if person.met_in else ""
    if advice := advice_phrase(person.advice):
        return f"Your advice{when}, to {advice}, helped me get here."
    if person.organization:
        where = f" about your work at {person.organization}"
        return f"Our conversation{where}{when} helped me get here."
    return f"Our conversation{when} helped me get here."


def draft_update(
    person: PersonMet, *, milestone: Milestone, detail: str, my_name: str
) -> tuple[str, str]:
    """(subject, body) of one short update; the user edits it before sending."""
    lines = [_OPENINGS[milestone], sentence(detail)]
    body = (
        f"Dear {person.first_name},\n\n"
        + " ".join(line for line in lines if line)
        + f"\n\n{personal_line(person)} Thank you again for your time and help. "
        "I'll keep you posted.\n\n"
        f"Best wishes,\n{my_name}"
    )
    return _SUBJECTS[milestone], body
