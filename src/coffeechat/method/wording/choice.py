"""Which template suits this person and this kind of message, and the one line that says why."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from coffeechat.method.wording.kinds import KNOWN_PERSONALLY, Situation, Tie, template_key

# Why a request to this tie reads as it does: shown on the compose page under the template.
TIE_REASONS = {
    Tie.FRIEND: "Friend: a warm note, no need to introduce yourself",
    Tie.FAMILY: "Family: a warm note, no need to introduce yourself",
    Tie.FORMER_COLLEAGUE: "Former colleague: no need to introduce yourself",
    Tie.PROFESSOR: "Former professor: reminds them you were their student",
    Tie.ALUMNI: "Fellow alum: opens with the school you share",
    Tie.LINKEDIN: "LinkedIn connection: opens with how you are connected",
    Tie.REFERRAL_NAMED: "Referral: opens with who suggested you write, as they said you may",
    Tie.REFERRAL_UNNAMED: (
        "Referral without permission to use the name: says a mutual contact suggested you "
        "write, without naming them"
    ),
    Tie.COLD: "No connection yet: introduces you and says why you are writing to them",
}
_KIND_REASONS = {
    Situation.LINKEDIN_NOTE: "a LinkedIn note, as there is no email address",
    Situation.PHONE_SCRIPT: "a phone script, as there is only a phone number",
    Situation.FOLLOW_UP: "a short nudge",
    Situation.THANK_YOU: "names what you found most useful",
    Situation.KEEP_IN_TOUCH: "a short update",
    Situation.UPDATE: "says what came of their advice",
}

# How the first sentence names the connection, by tie (phone scripts and asking in person).
_CONNECTION_LINES = {
    Tie.FRIEND: "We know each other, and I'd love your perspective on something.",
    Tie.FAMILY: "We know each other through the family, and I'd love your perspective.",
    Tie.FORMER_COLLEAGUE: "We worked together before, and I'd love your perspective.",
    Tie.PROFESSOR: "I'm a former student of yours.",
    Tie.ALUMNI: "[[I found you through the {{school}} alumni network.||We're fellow alumni.]]",
    Tie.LINKEDIN: (
        "We're connected on LinkedIn[[, and I've followed your work at {{organization}}]]."
    ),
    Tie.REFERRAL_NAMED: "{{referrer_name}} suggested I get in touch with you.",
    Tie.REFERRAL_UNNAMED: "A mutual contact suggested I get in touch with you.",
    Tie.COLD: "I came across your work[[ at {{organization}}]].",
}


def connection_text(tie: Tie) -> str:
    """The connection sentence for a tie, to be merged (it may hold optional clauses)."""
    return _CONNECTION_LINES[tie]


def request_kind(*, has_email: bool, has_linkedin: bool, has_phone: bool, tie: Tie) -> Situation:
    """How a first request goes: by email where there is an address; else a LinkedIn note to
    someone not yet connected (a LinkedIn connection gets a message, written as an email); else
    a phone script where there is a number."""
    if has_email:
        return Situation.COLD_EMAIL
    if has_linkedin:
        return Situation.COLD_EMAIL if tie == Tie.LINKEDIN else Situation.LINKEDIN_NOTE
    if has_phone:
        return Situation.PHONE_SCRIPT
    return Situation.COLD_EMAIL


def situation_for(
    purpose: str,
    *,
    tie: Tie,
    has_email: bool,
    has_linkedin: bool,
    has_phone: bool = False,
    advice_to_report: bool = False,
) -> Situation:
    """The kind of template that suits this purpose and person, before the user picks another.
    An update closes the loop when advice from the last conversation was acted on and they
    have not heard since (`advice_to_report`); else it is a short keeping-in-touch note."""
    if purpose == "follow_up":
        return Situation.FOLLOW_UP
    if purpose == "thank_you":
        return Situation.THANK_YOU
    if purpose == "update":
        return Situation.UPDATE if advice_to_report else Situation.KEEP_IN_TOUCH
    return request_kind(
        has_email=has_email, has_linkedin=has_linkedin, has_phone=has_phone, tie=tie
    )


@dataclass(frozen=True)
class Candidate:
    """One of the user's templates, as the choice needs it."""

    id: int
    situation: Situation
    ties: frozenset[Tie]
    built_in: bool


def best(candidates: Sequence[Candidate], situation: Situation, tie: Tie) -> int | None:
    """The template for this kind and tie: one written for the tie, else one for any tie,
    else one for another tie of the same warmth; built-in before the user's own, then the
    oldest. None when the user has no template of this kind."""

    def rank(candidate: Candidate) -> tuple[int, bool, int]:
        _, ties = template_key(candidate.situation, candidate.ties)
        if tie in ties:
            fit = 0
        elif not ties:
            fit = 1
        elif (tie in KNOWN_PERSONALLY) == bool(ties & KNOWN_PERSONALLY):
            fit = 2
        else:
            fit = 3
        return fit, not candidate.built_in, candidate.id

    fitting = [c for c in candidates if template_key(c.situation, c.ties)[0] == situation]
    # Naming who suggested you write without their permission is never a fallback.
    if tie == Tie.REFERRAL_UNNAMED:
        fitting = [
            c for c in fitting if Tie.REFERRAL_NAMED not in template_key(c.situation, c.ties)[1]
        ]
    return min(fitting, key=rank).id if fitting else None


def reason(situation: Situation, tie: Tie) -> str:
    """One line on why this template was picked: "Former colleague: no need to introduce
    yourself"."""
    kind = _KIND_REASONS.get(situation)
    if situation in (Situation.COLD_EMAIL, Situation.LINKEDIN_NOTE, Situation.PHONE_SCRIPT):
        return TIE_REASONS[tie] + (f"; {kind}" if kind else "") + "."
    if kind:
        return f"{TIE_LABELS_SHORT.get(tie, tie.label)}: {kind}."
    return TIE_REASONS[tie] + "."


TIE_LABELS_SHORT = {Tie.REFERRAL_NAMED: "Referral", Tie.REFERRAL_UNNAMED: "Referral"}

# Whom a template is written for, as its purpose line names them.
_FOR_TIE = {
    Tie.FRIEND: "a friend",
    Tie.FAMILY: "family",
    Tie.FORMER_COLLEAGUE: "a former colleague",
    Tie.PROFESSOR: "a former professor",
    Tie.ALUMNI: "a fellow alum",
    Tie.LINKEDIN: "a LinkedIn connection",
    Tie.REFERRAL_NAMED: "someone you were referred to",
    Tie.REFERRAL_UNNAMED: "someone you were referred to, without naming who by",
    Tie.COLD: "someone you have no connection with yet",
}
# What each kind of template does, in a few words.
_FOR_SITUATION = {
    Situation.COLD_EMAIL: "an email asking for 15-20 minutes of advice",
    Situation.ALUMNI: "an email asking for 15-20 minutes of advice",
    Situation.AFTER_REFERRAL: "an email asking for 15-20 minutes of advice",
    Situation.LINKEDIN_NOTE: "a LinkedIn connection note, within 300 characters",
    Situation.PHONE_SCRIPT: "what to say on the phone",
    Situation.IN_PERSON: "what to say in person",
    Situation.ASK_INTRODUCTION: "asks a mutual contact to introduce you",
    Situation.INTRO_BLURB: "a short blurb a mutual contact can forward",
    Situation.FOLLOW_UP: "a short nudge",
    Situation.THANK_YOU: "names what you found most useful",
    Situation.KEEP_IN_TOUCH: "a short update",
    Situation.UPDATE: "says what came of their advice",
}


def purpose_line(situation: Situation, ties: frozenset[Tie]) -> str:
    """What a template is for, when compose did not pick it (the user chose it, or reopened a
    saved draft): "Written for a friend or family: an email asking for 15-20 minutes of
    advice.", "Closing the loop: says what came of their advice."."""
    situation, ties = template_key(situation, ties)
    does = _FOR_SITUATION[situation]
    if not ties:
        return f"{situation.label}: {does}."
    names = [_FOR_TIE[tie] for tie in Tie if tie in ties]
    whom = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
    return f"Written for {whom}: {does}."
