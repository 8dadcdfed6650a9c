"""Keep your network posted: the people you met, one drafted update each, and the edits the user
made to them, kept in their session so a reload or a slip of the finger loses nothing."""

from __future__ import annotations

from collections.abc import MutableMapping
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any

from django.db.models import Exists, OuterRef, Subquery
from django.utils import timezone

from coffeechat.foundation.accounts.models import User
from coffeechat.method.network_update import Milestone, PersonMet, draft_update
from coffeechat.network.people.models import Contact, KeepInTouch
from coffeechat.pipeline.conversations.models import Conversation, Status, Takeaway
from coffeechat.pipeline.outreach.models import Message, Purpose

SESSION_KEY = "network_update"


@dataclass(frozen=True)
class Met:
    """Someone you met, with your last conversation and the first advice they gave in it."""

    contact: Contact
    conversation: Conversation
    advice: str

    @property
    def ticked_by_default(self) -> bool:
        return self.contact.keep_in_touch != KeepInTouch.NEVER

    def person(self, tz: tzinfo) -> PersonMet:
        start = self.conversation.scheduled_at.astimezone(tz)
        this_year = timezone.localdate(timezone=tz).year == start.year
        return PersonMet(
            first_name=self.contact.first_name,
            organization=self.contact.organization.name if self.contact.organization else "",
            met_in=f"{start:%B}" if this_year else f"{start:%B %Y}",
            advice=self.advice,
        )


def people_met(user: User) -> list[Met]:
    """Everyone with a held conversation, most recently met first, in three queries."""
    held = Conversation.objects.filter(contact=OuterRef("pk"), status=Status.HELD)
    contacts = list(
        Contact.objects.owned_by(user)
        .filter(Exists(held))
        .annotate(last_met_id=Subquery(held.order_by("-scheduled_at", "-id").values("pk")[:1]))
        .select_related("organization")
    )
    conversations = Conversation.objects.in_bulk([c.last_met_id for c in contacts])
    advice: dict[int, str] = {}
    for takeaway in Takeaway.objects.filter(
        conversation__in=conversations, kind=Takeaway.Kind.ADVICE
    ).order_by("created_at", "id"):
        advice.setdefault(takeaway.conversation_id, takeaway.text)
    rows = [Met(c, conversations[c.last_met_id], advice.get(c.last_met_id, "")) for c in contacts]
    return sorted(rows, key=lambda row: row.conversation.scheduled_at, reverse=True)


def drafted(
    met: Met, *, milestone: Milestone, detail: str, my_name: str, tz: tzinfo
) -> tuple[str, str]:
    return draft_update(met.person(tz), milestone=milestone, detail=detail, my_name=my_name)


class Drafts:
    """The user's edits to the updates for one piece of news, in their session.

    Edits are kept per milestone and detail, so going back to earlier wording brings its edits
    back; who was already sent an update counts from when this milestone's page was first
    opened, so fixing a typo in the detail never makes sent updates look unsent.
    """

    def __init__(self, session: MutableMapping[str, Any], *, milestone: str, detail: str) -> None:
        self.session = session
        stored = session.get(SESSION_KEY) or {}
        if "rounds" not in stored:  # nothing yet, or the shape of an older version
            stored = {"started": {}, "rounds": {}}
        stored["started"].setdefault(milestone, timezone.now().isoformat())
        self.milestone = milestone
        self.edits = stored["rounds"].setdefault(f"{milestone}\n{detail.strip()}", {})
        session[SESSION_KEY] = self.stored = stored

    @property
    def started(self) -> datetime:
        return datetime.fromisoformat(self.stored["started"][self.milestone])

    def edited(self, contact_pk: int) -> tuple[str, str] | None:
        edit = self.edits.get(str(contact_pk))
        return (edit["subject"], edit["body"]) if edit else None

    def keep(self, contact_pk: int, *, subject: str, body: str) -> None:
        self.edits[str(contact_pk)] = {"subject": subject, "body": body}
        self.session[SESSION_KEY] = self.stored  # mark the session modified

    def sent(self, user: User, contact_pks: list[int]) -> dict[int, Message]:
        """The updates recorded for these people since this round began, by contact."""
        messages = Message.objects.owned_by(user).filter(
            purpose=Purpose.UPDATE, contact_id__in=contact_pks, created_at__gte=self.started
        )
        return {message.contact_id: message for message in messages.order_by("sent_at")}
