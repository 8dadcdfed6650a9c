"""What the search index holds: one row per record the user can find, with its text.

Each source says, in SQL over one row of its table (`{row}`: NEW or OLD in a trigger, `r` in a
rebuild), whose row it is, its title and body, and when it is worth indexing. Both engines'
triggers and the rebuild are generated from this one list, so they cannot drift apart.

A trigger reads only its own row and the index, never another of the app's tables: on SQLite,
a migration that rebuilds a table (new table, copy, drop, rename) fails on any trigger elsewhere
that names it. So what belongs to a conversation takes its owner from the conversation's own row
in the index (CONVERSATION_OWNER), and a contact's other addresses are rows of their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum


class Kind(IntEnum):
    """A kind of result; its number is part of each index row's key (record id * 16 + kind)."""

    CONTACT = 1
    ORGANIZATION = 2
    FIELD = 3
    MESSAGE = 4
    REPLY = 5
    CONVERSATION = 6
    QUESTION = 7
    ADVICE = 8
    RESOURCE = 9
    ADDRESS = 10


KEY_SPACE = 16


@dataclass(frozen=True)
class Source:
    name: str
    table: str
    kind: str  # SQL: the Kind number (takeaways are advice or resources)
    title: str
    body: str
    kinds: tuple[Kind, ...]  # every Kind the source can produce
    owner: str = "{row}.owner_id"
    where: str = "1 = 1"

    def key(self, row: str) -> str:
        return f"({row}.id * {KEY_SPACE} + {self.kind.format(row=row)})"


def _conversation_owner(row: str) -> str:
    return (
        f"(SELECT c.owner_id FROM conversations_conversation c WHERE c.id = {row}.conversation_id)"
    )


# The conversation is indexed before anything under it (SOURCES' order, and in time).
CONVERSATION_OWNER = (
    "(SELECT s.owner_id FROM search_index s "
    f"WHERE s.{{key}} = {{row}}.conversation_id * {KEY_SPACE} + {int(Kind.CONVERSATION)})"
)


def _join(*parts: str) -> str:
    """Text columns joined by spaces ({agg} is the engine's string aggregate)."""
    return " || ' ' || ".join(parts)


SOURCES: tuple[Source, ...] = (
    Source(
        name="contact",
        table="people_contact",
        kind=str(int(Kind.CONTACT)),
        # Every name they are known by: given and family name first (a phrase such as
        # "John Public" matches in order), then the middle name, the name they go by, and
        # family and given name written together as CJK names are ("김민준").
        title=_join(
            "{row}.first_name",
            "{row}.last_name",
            "{row}.middle_name",
            "{row}.goes_by",
            "{row}.last_name || {row}.first_name",
        ),
        body=_join(
            "{row}.role",
            "{row}.email",
            "{row}.location",
            "{row}.education",
            "{row}.notes",
        ),
        kinds=(Kind.CONTACT,),
    ),
    Source(
        # Addresses kept from a merge: people search by the e-mail they remember.
        name="address",
        table="people_otheraddress",
        kind=str(int(Kind.ADDRESS)),
        title="''",
        body="{row}.address",
        kinds=(Kind.ADDRESS,),
    ),
    Source(
        name="organization",
        table="research_organization",
        kind=str(int(Kind.ORGANIZATION)),
        title="{row}.name",
        body=_join("{row}.industry", "{row}.location", "{row}.website", "{row}.notes"),
        kinds=(Kind.ORGANIZATION,),
    ),
    Source(
        name="field",
        table="research_field",
        kind=str(int(Kind.FIELD)),
        title="{row}.name",
        body="{row}.notes",
        kinds=(Kind.FIELD,),
    ),
    Source(
        name="message",
        table="outreach_message",
        kind=str(int(Kind.MESSAGE)),
        title="{row}.subject",
        body="{row}.body",
        kinds=(Kind.MESSAGE,),
    ),
    Source(
        name="reply",
        table="outreach_reply",
        kind=str(int(Kind.REPLY)),
        title="''",
        body="{row}.note",
        where="{row}.note <> ''",
        kinds=(Kind.REPLY,),
    ),
    Source(
        name="conversation",
        table="conversations_conversation",
        kind=str(int(Kind.CONVERSATION)),
        title="{row}.place",
        body=_join(
            "{row}.goal",
            "{row}.person_research",
            "{row}.notes",
            "{row}.learned",
            "{row}.still_unknown",
            "{row}.next_steps",
        ),
        kinds=(Kind.CONVERSATION,),
    ),
    Source(
        # Only questions with an answer: the question bank's wording alone would match every
        # conversation it was asked in.
        name="question",
        table="conversations_conversationquestion",
        kind=str(int(Kind.QUESTION)),
        owner=CONVERSATION_OWNER,
        title="{row}.text",
        body="{row}.notes",
        where="{row}.notes <> ''",
        kinds=(Kind.QUESTION,),
    ),
    Source(
        name="takeaway",
        table="conversations_takeaway",
        kind=f"(CASE {{row}}.kind WHEN 'resource' THEN {int(Kind.RESOURCE)}"
        f" ELSE {int(Kind.ADVICE)} END)",
        owner=CONVERSATION_OWNER,
        title="{row}.text",
        body="''",
        kinds=(Kind.ADVICE, Kind.RESOURCE),
    ),
)
