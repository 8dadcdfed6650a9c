"""Compose drafts: what the user is writing to someone, kept as they type until it is recorded
as sent or discarded, so leaving the page or a server restart loses nothing."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from coffeechat.outreach.models import Draft, MessageTemplate
from coffeechat.people.models import Contact


@dataclass(frozen=True)
class Slot:
    """Which draft a compose page writes: one per contact, purpose and template, and per
    conversation for a thank-you."""

    contact: Contact
    purpose: str
    template: MessageTemplate | None
    conversation: object | None = None

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

    @transaction.atomic
    def save(self, *, subject: str, body: str) -> Draft:
        """Keep the text typed so far (the newest edit wins)."""
        draft = self.find()
        if draft is None:
            return Draft.objects.create(**self._lookup(), subject=subject[:300], body=body)
        draft.subject, draft.body = subject[:300], body
        draft.save(update_fields=["subject", "body", "updated_at"])
        return draft

    def sent(self) -> None:
        """The message went out: its drafts go, whichever template each started from (a draft
        of the same message from another template is no longer to be sent)."""
        lookup = self._lookup()
        del lookup["template"]
        Draft.objects.filter(**lookup).delete()
