"""Correcting what a conversation yielded: a referral's name, a piece of advice or a resource.

Insights read referrals each time; follow-ups are stored, so each correction has the people
concerned get their follow-ups worked out again (followups.plan.replan), in the same transaction.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from coffeechat.network.people.models import Contact
from coffeechat.pipeline.conversations.models import Referral, Takeaway
from coffeechat.pipeline.followups import plan


@transaction.atomic
def edit_referral(
    referral: Referral, *, first_name: str, last_name: str = "", may_use_name: bool = False
) -> Referral:
    """Correct the name the referral was noted under, and whether you may mention the referrer."""
    contact = referral.contact
    contact.first_name = first_name.strip()
    contact.last_name = last_name.strip()
    contact.save(update_fields=["first_name", "last_name", "updated_at"])
    referral.may_use_name = may_use_name
    referral.save(update_fields=["may_use_name"])
    plan.replan(contact)
    plan.replan(referral.conversation.contact)
    return referral


def has_other_records(contact: Contact) -> bool:
    """Whether anything beyond the referral itself is recorded with this person: then deleting
    the referral must leave them in the network."""
    return bool(
        contact.notes.strip()
        or contact.messages.exists()
        or contact.replies.exists()
        or contact.conversations.exists()
        or contact.introduced.exists()
        or contact.introductions_asked.exists()
    )


@transaction.atomic
def delete_referral(referral: Referral) -> None:
    """Remove the referral from its conversation. The person it added stays in the network
    (see has_other_records: the page then offers to delete them too)."""
    contact, referrer = referral.contact, referral.conversation.contact
    referral.delete()
    plan.replan(contact)
    plan.replan(referrer)


@transaction.atomic
def edit_takeaway(takeaway: Takeaway, *, text: str, acted_on: bool | None = None) -> Takeaway:
    """Correct a takeaway's text and, for advice, whether you acted on it (None: unchanged).
    A tick already there keeps its date; a new tick is dated now."""
    takeaway.text = text.strip()
    if acted_on is not None and acted_on != (takeaway.acted_on_at is not None):
        takeaway.acted_on_at = timezone.now() if acted_on else None
    takeaway.save(update_fields=["text", "acted_on_at"])
    plan.replan(takeaway.conversation.contact)
    return takeaway


@transaction.atomic
def delete_takeaway(takeaway: Takeaway) -> None:
    takeaway.delete()
    plan.replan(takeaway.conversation.contact)
