"""Next moves on the target list: the method's "work the top 5 first", made concrete.

For each top organization where nothing is under way (nobody waiting for an answer, nothing
owed to anyone there, no conversation coming up), one move: write to the warmest person there
not yet approached (through whoever introduced you, when the link is only a LinkedIn connection
or a cold name), or find someone (else) there. Organizations in play are left to the follow-up
routine: one request at a time per organization. A target the user marked finished gets none,
and an organization the user has not made a target (a known employer, as imports bring them)
is never passed in: moves come only from the target list.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

# Warmest first: a referral or someone who knows you answers far more often than a stranger.
WARMTH = {
    "referral": 0,
    "friend": 1,
    "family": 1,
    "professor": 2,
    "former_colleague": 2,
    "alumni": 3,
    "linkedin": 4,
    "cold": 5,
}
# A connection this weak is better reached through the person who introduced you.
WEAK_TIES = {"linkedin", "cold"}


class Move(StrEnum):
    FIND_SOMEONE = "find_someone"
    FIND_SOMEONE_ELSE = "find_someone_else"
    FIRST_REQUEST = "first_request"


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    how_known: str
    approached: bool
    introduced_by: str = ""
    # Something is under way with them: an open follow-up, or a conversation coming up.
    in_play: bool = False


@dataclass(frozen=True)
class Target:
    id: int
    name: str
    people: tuple[Person, ...]


@dataclass(frozen=True)
class NextMove:
    move: Move
    organization_id: int
    organization: str
    title: str
    detail: str
    contact_id: int | None = None
    # Who can introduce you, when the tie is weak enough to ask them first (the request then
    # goes to them, with the introduction template).
    through: str = ""


def warmth(how_known: str) -> int:
    """Lower is warmer: how likely someone known this way is to answer."""
    return WARMTH.get(how_known, len(WARMTH))


def warmest(people: Iterable[Person]) -> Person | None:
    """The person to approach first; ties go to whoever was added first (lowest id)."""
    return min(people, key=lambda p: (warmth(p.how_known), p.id), default=None)


def _first_request(target: Target, person: Person) -> NextMove:
    through = person.introduced_by if person.how_known in WEAK_TIES else ""
    if through:
        detail = f"{through} knows them: ask {through} to introduce you, or name {through} first."
    elif person.how_known == "referral" and person.introduced_by:
        detail = (
            f"{person.introduced_by} suggested them: say so first, no mention of jobs, "
            "a request for 15-20 minutes."
        )
    else:
        detail = "The connection first, no mention of jobs, a request for 15-20 minutes."
    return NextMove(
        move=Move.FIRST_REQUEST,
        organization_id=target.id,
        organization=target.name,
        title=f"Write to {person.name} at {target.name}",
        detail=detail,
        contact_id=person.id,
        through=through,
    )


def _find_someone(target: Target) -> NextMove:
    """Nobody left to write to there: find someone, or someone else once everyone was asked."""
    if target.people:
        move, title = Move.FIND_SOMEONE_ELSE, f"Find someone else at {target.name}"
        detail = (
            "Everyone you have there has been asked: ask them or your friends and alumni for "
            "another name, or mark the organization finished."
        )
    else:
        move, title = Move.FIND_SOMEONE, f"Find someone at {target.name}"
        detail = (
            "Nobody there yet: ask friends, family and alumni, "
            "or look through your LinkedIn connections."
        )
    return NextMove(
        move=move, organization_id=target.id, organization=target.name, title=title, detail=detail
    )


def next_moves(targets: Sequence[Target]) -> list[NextMove]:
    """One move per target with nothing under way, in the order given (priority order)."""
    moves: list[NextMove] = []
    for target in targets:
        if any(person.in_play for person in target.people):
            continue  # the reply routine, or what is owed there, decides what is next
        person = warmest(p for p in target.people if not p.approached)
        moves.append(_first_request(target, person) if person else _find_someone(target))
    return moves
