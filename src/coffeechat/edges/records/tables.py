"""Spreadsheet exports: contacts, organizations and conversations as CSV files.

For people, not machines (the JSON export is the complete one): labels instead of codes, names
instead of ids, times as "2025-06-18 09:30" in the user's time zone (conversations in their own).
Every cell goes through method.spreadsheet.neutralise, so a value such as "=HYPERLINK(...)"
stays text; method.spreadsheet.unneutralise gives the exact value back when a file is read in:
the contacts file imports into any account as the "coffeechat" kind
(method/importers/coffeechat.py, which a test keeps in step with the columns here).
The files start with a byte order mark, which spreadsheet programs need to see UTF-8.
"""

from __future__ import annotations

import csv
import io
import zoneinfo
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any

from django.db.models import Count, Prefetch

from coffeechat.foundation.accounts.models import User
from coffeechat.method.spreadsheet import neutralise_row
from coffeechat.network.people.models import Contact
from coffeechat.network.research.models import Organization
from coffeechat.pipeline.conversations.models import (
    Conversation,
    ConversationQuestion,
    Referral,
    Takeaway,
)

CHUNK = 2000
BOM = "\ufeff"


def _moment(value: datetime | None, tz: tzinfo) -> str:
    return "" if value is None else f"{value.astimezone(tz):%Y-%m-%d %H:%M}"


def _lines(values: Iterable[str]) -> str:
    return "\n".join(values)


def _contact_rows(user: User, tz: tzinfo) -> Iterator[list[object]]:
    contacts = (
        Contact.objects.owned_by(user)
        .select_related("organization", "introduced_by")
        .order_by("first_name", "last_name", "pk")
    )
    for contact in contacts.iterator(CHUNK):
        yield [
            contact.first_name,
            contact.last_name,
            contact.honorific,
            contact.middle_name,
            contact.suffix,
            contact.goes_by,
            contact.email,
            contact.phone,
            contact.linkedin_url,
            contact.organization.name if contact.organization else "",
            contact.role,
            contact.location,
            contact.education,
            contact.get_how_known_display(),
            contact.introduced_by.full_name if contact.introduced_by else "",
            contact.notes,
            _moment(contact.created_at, tz),
            _moment(contact.updated_at, tz),
        ]


def _organization_rows(user: User, tz: tzinfo) -> Iterator[list[object]]:
    organizations = (
        Organization.objects.owned_by(user)
        .select_related("field")
        .annotate(contact_count=Count("contacts"))
        .order_by(*(Organization._meta.ordering or ()), "pk")
    )
    for organization in organizations.iterator(CHUNK):
        yield [
            organization.name,
            organization.website,
            organization.field.name if organization.field else "",
            organization.industry,
            organization.location,
            organization.motivation,
            organization.posting,
            organization.contact_count,
            organization.notes,
            _moment(organization.created_at, tz),
            _moment(organization.updated_at, tz),
        ]


def _question_notes(questions: Iterable[ConversationQuestion]) -> str:
    """Each question asked with the notes typed under it, in order, a blank line between."""
    return "\n\n".join(
        f"Q: {question.text} — A: {question.notes.strip() or '(no notes)'}"
        for question in questions
    )


def _conversation_rows(user: User, tz: tzinfo) -> Iterator[list[object]]:
    conversations = (
        Conversation.objects.owned_by(user)
        .select_related("contact__organization")
        .prefetch_related(
            Prefetch("takeaways", queryset=Takeaway.objects.order_by("created_at", "id")),
            Prefetch("questions", queryset=ConversationQuestion.objects.order_by("position", "id")),
            # Joined, not prefetched in turn: a second IN list of contact ids would be too deep
            # an expression for SQLite with a chunk of thousands of conversations.
            Prefetch("referrals", queryset=Referral.objects.select_related("contact")),
        )
        .order_by("scheduled_at", "pk")
    )
    for conversation in conversations.iterator(CHUNK):
        own_tz = zoneinfo.ZoneInfo(conversation.time_zone)
        takeaways = list(conversation.takeaways.all())
        contact = conversation.contact
        yield [
            contact.full_name,
            contact.organization.name if contact.organization else "",
            _moment(conversation.scheduled_at, own_tz),
            conversation.time_zone,
            conversation.duration_minutes,
            conversation.get_mode_display(),
            conversation.place,
            conversation.video_link,
            conversation.phone,
            conversation.get_status_display(),
            conversation.goal,
            conversation.notes,
            _question_notes(conversation.questions.all()),
            conversation.learned,
            conversation.still_unknown,
            conversation.next_steps,
            _lines(t.text for t in takeaways if t.kind == Takeaway.Kind.ADVICE),
            _lines(t.text for t in takeaways if t.kind == Takeaway.Kind.RESOURCE),
            _lines(r.contact.full_name for r in conversation.referrals.all()),
            _moment(conversation.started_at, own_tz),
            _moment(conversation.ended_at, own_tz),
            conversation.held_minutes or "",
        ]


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    header: tuple[str, ...]
    rows: Callable[[Any, tzinfo], Iterator[list[object]]]

    def filename(self, day: str) -> str:
        return f"coffeechat-{self.name}-{day}.csv"


TABLES = {
    table.name: table
    for table in (
        Table(
            "contacts",
            "Contacts",
            (
                "First Name", "Last Name", "Title", "Middle Name", "Suffix", "Goes By", "Email",
                "Phone", "LinkedIn URL", "Organization", "Role", "Location", "Education",
                "How Known", "Introduced By", "Notes", "Added", "Updated",
            ),
            _contact_rows,
        ),
        Table(
            "organizations",
            "Organizations",
            (
                "Name", "Website", "Field", "Industry", "Location", "Motivation", "Postings",
                "Contacts", "Notes", "Added", "Updated",
            ),
            _organization_rows,
        ),
        Table(
            "conversations",
            "Conversations",
            (
                "Contact", "Organization", "Scheduled", "Time Zone", "Minutes", "Mode", "Place",
                "Video Link", "Phone", "Status", "Goal", "Notes", "Question Notes",
                "What You Learned", "Still Unknown", "Next Steps", "Advice", "Resources",
                "Referrals", "Started", "Ended", "Held Minutes",
            ),
            _conversation_rows,
        ),
    )
}  # fmt: skip


def table_chunks(table: Table, user: User, *, rows_per_chunk: int = 500) -> Iterator[str]:
    """The table as CSV text in pieces (byte order mark first), every cell neutralised."""
    tz = user.profile.tz()
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    buffer.write(BOM)
    writer.writerow(table.header)
    for count, row in enumerate(table.rows(user, tz), start=1):
        writer.writerow(neutralise_row(row))
        if count % rows_per_chunk == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def write_table(table: Table, user: User, out: io.TextIOBase) -> None:
    out.writelines(table_chunks(table, user))


def table_text(table: Table, user: User) -> str:
    return "".join(table_chunks(table, user))
