"""Compose drafts: what the user is writing to someone, kept as they type until it is recorded
as sent or discarded, so leaving the page or a server restart loses nothing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.db.models import Q

from coffeechat.network.people.models import Contact
from coffeechat.pipeline.conversations.models import Conversation
from coffeechat.pipeline.outreach.models import Draft, Message, MessageTemplate, ScheduledMessage


@dataclass(frozen=True)
class Slot:
    """Which draft a compose page writes: one per contact, purpose and template, and per
    conversation for a thank-you."""

    contact: Contact
    purpose: str
    template: MessageTemplate | None
    conversation: Conversation | None = None

    def _lookup(self) -> dict[str, object]:
        return {
            "owner": self.contact.owner,
            "contact": self.contact,
            "purpose": self.purpose,
            "template": self.template,
            "conversation": self.conversation,
        }

    def find(self) -> Draft | None:
        return Draft.objects.filter(**self._lookup()).first()

    def _lock(self) -> None:
        """Saving and sending one contact's draft take turns (PostgreSQL; SQLite's writes take
        turns anyway), so an autosave still on its way can never outlive the send."""
        Contact.objects.select_for_update().filter(pk=self.contact.pk).first()

    def _sent_since(self, opened_at: datetime) -> bool:
        """Was this page's message recorded, or scheduled to go later, since the page was
        opened?"""
        to_them = Q(contact=self.contact, purpose=self.purpose)
        if self.purpose == "request":  # or asked of whoever can introduce them
            to_them |= Q(introduction_to=self.contact)
        return any(
            model.objects.filter(owner=self.contact.owner, created_at__gte=opened_at)
            .filter(to_them)
            .exists()
            for model in (Message, ScheduledMessage)
        )

    @transaction.atomic
    def save(self, *, subject: str, body: str, opened_at: datetime | None = None) -> Draft | None:
        """Keep the text typed so far (the newest edit wins); None, keeping nothing, when the
        page's message was recorded since it was opened (an autosave that arrived late)."""
        self._lock()
        if opened_at is not None and self._sent_since(opened_at):
            return None
        draft = self.find()
        if draft is None:
            return Draft.objects.create(**self._lookup(), subject=subject[:300], body=body)
        draft.subject, draft.body = subject[:300], body
        draft.save(update_fields=["subject", "body", "updated_at"])
        return draft

    def sent(self) -> None:
        """The message went out: its drafts go, whichever template each started from (a draft
        of the same message from another template is no longer to be sent)."""
        with transaction.atomic():
            self._lock()
            lookup = self._lookup()
            del lookup["template"]
            Draft.objects.filter(**lookup).delete()
