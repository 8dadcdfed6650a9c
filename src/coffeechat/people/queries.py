"""Reading contacts together with the facts that decide their stage, in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from coffeechat.method.stages import ContactHistory, Stage, contact_stage
from coffeechat.people.models import Contact


@dataclass(frozen=True)
class ContactRow:
    contact: Contact
    stage: Stage


def with_history(contacts: QuerySet[Contact]) -> QuerySet[Contact]:
    """Annotate each contact with what happened to them, one subquery per fact (no N+1)."""
    from coffeechat.conversations.models import Conversation, Status
    from coffeechat.outreach.models import Message, Purpose, Reply

    def first(queryset: QuerySet, column: str) -> Subquery:
        return Subquery(queryset.values(column)[:1])

    messages = Message.objects.filter(contact=OuterRef("pk"))
    conversations = Conversation.objects.filter(contact=OuterRef("pk"))
    return contacts.annotate(
        h_first_request=first(
            messages.filter(purpose=Purpose.REQUEST).order_by("sent_at"), "sent_at"
        ),
        h_thanked=first(messages.filter(purpose=Purpose.THANK_YOU).order_by("-sent_at"), "sent_at"),
        h_last_message=first(messages.order_by("-sent_at"), "sent_at"),
        h_last_reply=first(
            Reply.objects.filter(contact=OuterRef("pk")).order_by("-received_on", "-id"),
            "received_on",
        ),
        h_last_outcome=first(
            Reply.objects.filter(contact=OuterRef("pk")).order_by("-received_on", "-id"),
            "outcome",
        ),
        h_upcoming=first(
            conversations.filter(
                status__in=[Status.SCHEDULED, Status.IN_PROGRESS]
            ).order_by("scheduled_at"),
            "scheduled_at",
        ),
        h_met=first(
            conversations.filter(status=Status.HELD).order_by("-ended_at"), "ended_at"
        ),
    )


def history_of(contact: Contact) -> ContactHistory:
    """The facts from an annotated contact (see with_history)."""
    from coffeechat.outreach.models import Outcome

    return ContactHistory(
        first_request_sent_at=contact.h_first_request,
        last_reply_on=contact.h_last_reply,
        declined=contact.h_last_outcome == Outcome.DECLINED,
        upcoming_conversation_at=contact.h_upcoming,
        last_met_at=contact.h_met,
        thanked_at=contact.h_thanked,
        last_message_sent_at=contact.h_last_message,
    )


def stage_of(contact: Contact, today: date, holidays: object) -> Stage:
    return contact_stage(history_of(contact), today, holidays)


def _today_and_holidays(user: object) -> tuple[date, object]:
    profile = user.profile
    return timezone.localdate(timezone=profile.tz()), profile.holidays()


def contact_rows(user: object, queryset: QuerySet[Contact]) -> list[ContactRow]:
    today, holidays = _today_and_holidays(user)
    annotated = with_history(queryset.select_related("organization", "introduced_by"))
    return [ContactRow(contact, stage_of(contact, today, holidays)) for contact in annotated]


def search_contacts(user: object, search: str = "", stage: str = "") -> list[ContactRow]:
    contacts = Contact.objects.owned_by(user)
    if search:
        contacts = contacts.filter(
            Q(first_name__icontains=search)
            | Q(last_name__icontains=search)
            | Q(email__icontains=search)
            | Q(role__icontains=search)
            | Q(organization__name__icontains=search)
        )
    rows = contact_rows(user, contacts)
    if stage:
        rows = [row for row in rows if row.stage.value == stage]
    return rows


def contacts_at(user: object, organization: object) -> list[ContactRow]:
    return contact_rows(user, Contact.objects.owned_by(user).filter(organization=organization))


def contact_row(user: object, contact: Contact) -> ContactRow:
    return contact_rows(user, Contact.objects.owned_by(user).filter(pk=contact.pk))[0]

