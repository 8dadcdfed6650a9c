"""The sent-messages list: one page at a time, sorted and filtered from the URL."""

from __future__ import annotations

from typing import Any

from django.http import QueryDict

from coffeechat.foundation.accounts.models import User
from coffeechat.foundation.core.listing import Column, Listing, paginate
from coffeechat.pipeline.outreach.models import Channel, Message, Purpose

COLUMNS = [
    Column("sent", "Sent", ("sent_at",)),
    Column("contact", "Contact", ("contact__first_name", "contact__last_name")),
    Column("purpose", "Purpose", ("purpose", "contact__first_name", "contact__last_name")),
    Column("channel", "Channel", ("channel", "contact__first_name", "contact__last_name")),
    Column("subject", "Subject", ("subject", "contact__first_name", "contact__last_name")),
]


def sent_filters(query: QueryDict) -> dict[str, str]:
    """The purpose and channel asked for, each blank unless it is a real choice."""
    purpose = query.get("purpose", "")
    channel = query.get("channel", "")
    return {
        "purpose": purpose if purpose in Purpose.values else "",
        "channel": channel if channel in Channel.values else "",
    }


def sent_listing(user: User, query: QueryDict) -> tuple[Listing[Any], dict[str, str]]:
    """One page of the messages the user sent, newest first unless another sort is asked."""
    filters = sent_filters(query)
    sent = Message.objects.owned_by(user).select_related("contact__organization", "introduction_to")
    if filters["purpose"]:
        sent = sent.filter(purpose=filters["purpose"])
    if filters["channel"]:
        sent = sent.filter(channel=filters["channel"])
    return paginate(query, sent, columns=COLUMNS, default_sort="-sent"), filters
