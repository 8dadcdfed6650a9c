"""The Today list, read from open follow-ups and upcoming conversations in two queries."""

from __future__ import annotations

from datetime import datetime

from django.urls import reverse
from django.utils import timezone

from coffeechat.followups.models import FollowUp
from coffeechat.method.today import HORIZON, Kind, TodayItem, order_today


def _followup_item(followup: FollowUp) -> TodayItem:
    contact = followup.contact
    kind = Kind(followup.kind)
    organization = f" ({contact.organization.name})" if contact.organization else ""
    if kind is Kind.THANK_YOU:
        title = f"Thank {contact.full_name}{organization}"
        url = reverse("outreach:thank_you", args=[followup.conversation_id])
        action = "Write thank-you"
    elif kind is Kind.CONTACT_REFERRAL:
        title = f"Contact referral {contact.full_name}{organization}"
        url = reverse("outreach:compose", args=[contact.pk])
        action = "Write to them"
    elif kind is Kind.NO_REPLY:
        title = f"No reply from {contact.full_name}{organization}"
        url = contact.get_absolute_url()
        action = "Log a reply or try the next contact"
    else:
        title = f"Follow up with {contact.full_name}{organization}"
        url = contact.get_absolute_url()
        action = "Open contact"
    return TodayItem(
        kind=kind,
        title=title,
        detail=followup.note,
        due=followup.due_on,
        url=url,
        action=action,
        deadline=followup.due_at,
        followup_id=followup.pk,
    )


def _conversation_item(conversation: object, tz: object, now: datetime) -> TodayItem:
    contact = conversation.contact
    start = conversation.scheduled_at.astimezone(tz)
    organization = f" ({contact.organization.name})" if contact.organization else ""
    # Once its time has come, what is owed is the record of how it went, not preparation.
    begun = conversation.scheduled_at <= now
    return TodayItem(
        kind=Kind.CONVERSATION,
        title=f"Conversation with {contact.full_name}{organization}",
        detail=f"{conversation.duration_minutes} min, {conversation.get_mode_display()}"
        + (f" at {conversation.place}" if conversation.place else ""),
        due=start.date(),
        url=reverse(
            "conversations:conduct" if begun else "conversations:detail", args=[conversation.pk]
        ),
        action="Record how it went" if begun else "Prepare",
        at=conversation.scheduled_at,
    )


def today_items(user: object, now: datetime | None = None) -> list[TodayItem]:
    """What is due, overdue and coming up for this user, most urgent first."""
    from coffeechat.conversations.models import Conversation, Status

    tz = user.profile.tz()
    now = now or timezone.now()
    today = timezone.localdate(now, timezone=tz)
    followups = (
        FollowUp.objects.owned_by(user)
        .open()
        .filter(due_on__lte=today + HORIZON)
        .select_related("contact__organization")
    )
    conversations = (
        Conversation.objects.owned_by(user)
        .filter(status__in=[Status.SCHEDULED, Status.IN_PROGRESS])
        .filter(scheduled_at__lte=now + HORIZON)
        .select_related("contact__organization")
    )
    items = [_followup_item(followup) for followup in followups]
    items += [_conversation_item(conversation, tz, now) for conversation in conversations]
    return order_today(items, today, now)
