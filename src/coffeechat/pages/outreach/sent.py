"""The sent-messages list: one page at a time, sorted and filtered from the URL."""

from __future__ import annotations

from datetime import tzinfo
from typing import Any, TypedDict

from django.http import QueryDict
from django.utils import timezone

from coffeechat.foundation.accounts.models import User
from coffeechat.foundation.core.links import link_to
from coffeechat.foundation.core.listing import Column, Listing, paginate
from coffeechat.network.people.models import full_name
from coffeechat.pipeline.outreach.models import Channel, Message, Purpose

COLUMNS = [
    Column("sent", "Sent", ("sent_at",)),
    Column("contact", "Contact", ("contact__first_name", "contact__last_name")),
    Column("purpose", "Purpose", ("purpose", "contact__first_name", "contact__last_name")),
    Column("channel", "Channel", ("channel", "contact__first_name", "contact__last_name")),
    Column("subject", "Subject", ("subject", "contact__first_name", "contact__last_name")),
]


# What a row shows, read as plain values: no model instances, no message bodies.
FIELDS = (
    "pk",
    "sent_at",
    "purpose",
    "channel",
    "subject",
    "contact_id",
    "contact__first_name",
    "contact__last_name",
    "contact__organization__name",
    "introduction_to_id",
    "introduction_to__first_name",
    "introduction_to__last_name",
)
PURPOSES = dict(Purpose.choices)
CHANNELS = dict(Channel.choices)


class SentRow(TypedDict):
    """A sent message as the list shows it, every link and label ready to print. A dict, not a
    dataclass: the template engine tries row[name] first, and a miss costs an exception a cell."""

    sent_on: str
    contact: str
    contact_url: str
    organization: str
    purpose: str
    introduction_to: str  # whom the mutual contact was asked to introduce you to
    introduction_to_url: str
    channel: str
    subject: str
    edit_url: str
    delete_url: str
    described: str  # which message an Edit or Delete link is about, for screen readers


def _name(first: str | None, last: str | None) -> str:
    return full_name(first or "", last or "")


def sent_rows(values: list[dict[str, Any]], tz: tzinfo) -> list[SentRow]:
    """Rows from FIELDS values, each link resolved once for the whole page."""
    contact, edit = link_to("people:contact"), link_to("outreach:message_edit")
    delete = link_to("outreach:message_delete")
    rows = []
    for value in values:
        sent = timezone.localtime(value["sent_at"], tz)
        sent_on = f"{sent:%a} {sent.day} {sent:%b %Y}"
        name = _name(value["contact__first_name"], value["contact__last_name"])
        purpose = PURPOSES.get(value["purpose"], value["purpose"])
        introduced = value["introduction_to_id"]
        rows.append(
            SentRow(
                sent_on=sent_on,
                contact=name,
                contact_url=contact(value["contact_id"]),
                organization=value["contact__organization__name"] or "",
                purpose=purpose,
                introduction_to=_name(
                    value["introduction_to__first_name"], value["introduction_to__last_name"]
                )
                if introduced
                else "",
                introduction_to_url=contact(introduced) if introduced else "",
                channel=CHANNELS.get(value["channel"], value["channel"]),
                subject=value["subject"],
                edit_url=f"{edit(value['pk'])}?from=messages",
                delete_url=f"{delete(value['pk'])}?from=messages",
                described=f"the {purpose.lower()} to {name} sent {sent_on}",
            )
        )
    return rows


def sent_filters(query: QueryDict) -> dict[str, str]:
    """The purpose and channel asked for, each blank unless it is a real choice."""
    purpose = query.get("purpose", "")
    channel = query.get("channel", "")
    return {
        "purpose": purpose if purpose in Purpose.values else "",
        "channel": channel if channel in Channel.values else "",
    }


def sent_listing(user: User, query: QueryDict) -> tuple[Listing[Any], dict[str, str]]:
    """One page of the messages the user sent (its rows are SentRows), newest first unless
    another sort is asked."""
    filters = sent_filters(query)
    sent = Message.objects.owned_by(user)
    if filters["purpose"]:
        sent = sent.filter(purpose=filters["purpose"])
    if filters["channel"]:
        sent = sent.filter(channel=filters["channel"])
    # The page is chosen on the messages alone (a count with no joins, an index for the order),
    # then its 50 rows are read with their people.
    listing: Listing[Any] = paginate(query, sent.only("pk"), columns=COLUMNS, default_sort="-sent")
    page_ids = [message.pk for message in listing.rows]
    read = Message.objects.owned_by(user).filter(pk__in=page_ids).order_by().values(*FIELDS)
    values = {row["pk"]: row for row in read}
    listing.rows = sent_rows([values[pk] for pk in page_ids], user.profile.tz())
    return listing, filters
