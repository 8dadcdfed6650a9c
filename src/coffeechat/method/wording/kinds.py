"""The kinds of message a template is for (its situation), the ties a template suits, and the
shape of a built-in template."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Situation(StrEnum):
    """What a template is for: its kind of message and how it goes out. Two older situations
    (alumni, after a referral) name a tie; they stand for e-mail requests to that tie."""

    COLD_EMAIL = "cold_email"
    LINKEDIN_NOTE = "linkedin_note"
    PHONE_SCRIPT = "phone_script"
    IN_PERSON = "in_person"
    ALUMNI = "alumni"
    AFTER_REFERRAL = "after_referral"
    ASK_INTRODUCTION = "ask_introduction"
    INTRO_BLURB = "intro_blurb"
    FOLLOW_UP = "follow_up"
    THANK_YOU = "thank_you"
    KEEP_IN_TOUCH = "keep_in_touch"
    UPDATE = "update"

    @property
    def label(self) -> str:
        return SITUATION_LABELS[self]

    @property
    def purpose(self) -> str:
        """The kind of message it is written as (the compose page's purpose). The two that go
        to the introducer are written as requests but recorded on the introducer as requests
        for an introduction, which start no reply routine for the person to be introduced."""
        return _PURPOSES.get(self, "request")

    @property
    def goes_to_introducer(self) -> bool:
        """Sent to the mutual contact who can introduce you, not to the person themself."""
        return self in (Situation.ASK_INTRODUCTION, Situation.INTRO_BLURB)

    @property
    def read_by_introducer(self) -> bool:
        """Read by the mutual contact (the blurb goes through them but is read by the person)."""
        return self == Situation.ASK_INTRODUCTION


SITUATION_LABELS = {
    Situation.COLD_EMAIL: "Email request",
    Situation.LINKEDIN_NOTE: "LinkedIn connection note",
    Situation.PHONE_SCRIPT: "Phone script",
    Situation.IN_PERSON: "Asking in person",
    Situation.ALUMNI: "Fellow alumni",
    Situation.AFTER_REFERRAL: "After a referral",
    Situation.ASK_INTRODUCTION: "Asking a mutual contact for an introduction",
    Situation.INTRO_BLURB: "A short blurb they can forward",
    Situation.FOLLOW_UP: "First follow-up",
    Situation.THANK_YOU: "Thank-you",
    Situation.KEEP_IN_TOUCH: "Keeping in touch",
    Situation.UPDATE: "Closing the loop",
}
_PURPOSES = {
    Situation.FOLLOW_UP: "follow_up",
    Situation.THANK_YOU: "thank_you",
    Situation.KEEP_IN_TOUCH: "update",
    Situation.UPDATE: "update",
}


class Tie(StrEnum):
    """How the user knows the person, as the wording needs it: a referral splits in two, as
    naming who suggested you write needs their permission."""

    FRIEND = "friend"
    FAMILY = "family"
    ALUMNI = "alumni"
    PROFESSOR = "professor"
    FORMER_COLLEAGUE = "former_colleague"
    LINKEDIN = "linkedin"
    REFERRAL_NAMED = "referral_named"
    REFERRAL_UNNAMED = "referral_unnamed"
    COLD = "cold"

    @property
    def label(self) -> str:
        return TIE_LABELS[self]

    @property
    def how_known(self) -> str:
        """The contact's "How you know them" this tie comes from (the checker's tie)."""
        return "referral" if self in (Tie.REFERRAL_NAMED, Tie.REFERRAL_UNNAMED) else self.value


TIE_LABELS = {
    Tie.FRIEND: "Friend",
    Tie.FAMILY: "Family",
    Tie.ALUMNI: "Fellow alum",
    Tie.PROFESSOR: "Professor",
    Tie.FORMER_COLLEAGUE: "Former colleague",
    Tie.LINKEDIN: "LinkedIn connection",
    Tie.REFERRAL_NAMED: "Referral (may say who sent you)",
    Tie.REFERRAL_UNNAMED: "Referral (not saying who sent you)",
    Tie.COLD: "No connection yet",
}
# The ties of people the user knows personally: no self-introduction, a first-name greeting.
KNOWN_PERSONALLY = frozenset({Tie.FRIEND, Tie.FAMILY, Tie.FORMER_COLLEAGUE})


def tie_of(how_known: str, *, introduced: bool, may_use_name: bool | None) -> Tie:
    """The tie from the contact's "how you know them", whether someone introduced them, and
    whether that person said their name may be used (unknown counts as no)."""
    if how_known == "referral" or (introduced and how_known in ("", "cold", "linkedin")):
        return Tie.REFERRAL_NAMED if may_use_name else Tie.REFERRAL_UNNAMED
    try:
        return Tie(how_known)
    except ValueError:
        return Tie.COLD


def parse_ties(value: str) -> frozenset[Tie]:
    """The ties a stored template suits ("friend family"); none means any tie."""
    known = {tie.value for tie in Tie}
    return frozenset(Tie(word) for word in value.split() if word in known)


def ties_text(ties: frozenset[Tie] | tuple[Tie, ...]) -> str:
    order = list(Tie)
    return " ".join(sorted((str(tie) for tie in ties), key=lambda tie: order.index(Tie(tie))))


@dataclass(frozen=True)
class BuiltInTemplate:
    situation: Situation
    name: str
    subject: str
    body: str
    channel: str = "email"
    ties: tuple[Tie, ...] = ()  # none: any tie
    # The older built-in situation whose unedited copies this text replaces, if any.
    replaces: Situation | None = None

    @property
    def key(self) -> tuple[Situation, frozenset[Tie]]:
        return template_key(self.situation, frozenset(self.ties))


# The two older situations that name a tie stand for an e-mail request to that tie.
_TIE_SITUATIONS = {
    Situation.ALUMNI: Tie.ALUMNI,
    Situation.AFTER_REFERRAL: Tie.REFERRAL_NAMED,
}


def template_key(situation: Situation, ties: frozenset[Tie]) -> tuple[Situation, frozenset[Tie]]:
    """What a template is for, with the older tie situations read as e-mail to that tie."""
    if situation in _TIE_SITUATIONS:
        return Situation.COLD_EMAIL, ties | {_TIE_SITUATIONS[situation]}
    return situation, ties
