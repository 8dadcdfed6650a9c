"""Reading the facts behind the Insights page: a fixed handful of queries, whatever the data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from django.db.models import Count, F, OuterRef
from django.db.models.functions import Coalesce
from django.utils import timezone

from coffeechat.foundation.accounts.models import User
from coffeechat.foundation.core.counting import count_per_row
from coffeechat.method.insights import AskingMessage, ContactFacts, Person
from coffeechat.network.people.models import Contact
from coffeechat.pages.outreach.queries import asking_messages, replies_by_contact
from coffeechat.pages.people.queries import contact_rows
from coffeechat.pipeline.conversations.models import Conversation, Referral, Status

NO_TEMPLATE = "No template"


@dataclass(frozen=True)
class Facts:
    """Everything the page draws, as plain values for method.insights."""

    today: date
    contacts: list[ContactFacts]
    people: list[Person]
    asking: list[AskingMessage]  # requests and follow-ups, in the order sent
    replies: dict[int, list[date]]
    held_on: list[date]  # the day each held conversation took place
    referrals_in_held: int


def _referrals_given() -> Coalesce:
    return count_per_row(
        Referral.objects.filter(conversation__contact=OuterRef("pk")),
        grouped_by="conversation__contact",
    )


def _contacts(user: User, today: date) -> tuple[list[ContactFacts], list[Person]]:
    """Each contact's stage as of `today`, and who led the user to them."""
    contacts = Contact.objects.owned_by(user)
    rows = contact_rows(user, contacts, today=today)
    links = {
        link["pk"]: link
        for link in contacts.annotate(
            referrals_given=_referrals_given(),
            # A referral names the person you met; "introduced by" covers everyone else.
            referred_by=F("referred_in__conversation__contact_id"),
        ).values("pk", "referrals_given", "referred_by")
    }
    facts, people = [], []
    for row in rows:
        contact, link = row.contact, links[row.contact.pk]
        facts.append(ContactFacts(row.stage, link["referrals_given"]))
        people.append(
            Person(
                id=contact.pk,
                name=contact.full_name,
                organization=contact.organization.name if contact.organization else "",
                led_by=link["referred_by"] or contact.introduced_by_id,
            )
        )
    return facts, people


def _held(user: User, tz: tzinfo) -> tuple[list[date], int]:
    rows = (
        Conversation.objects.owned_by(user)
        .filter(status=Status.HELD)
        .annotate(held_at=Coalesce("started_at", "scheduled_at"), referral_count=Count("referrals"))
        .values_list("held_at", "referral_count")
    )
    days: list[date] = []
    referrals = 0
    for held_at, count in rows:
        days.append(timezone.localdate(held_at, tz))
        referrals += count
    return days, referrals


def insight_facts(user: User, now: datetime | None = None) -> Facts:
    tz = user.profile.tz()
    today = timezone.localdate(now or timezone.now(), tz)
    contacts, people = _contacts(user, today)
    held_on, referrals = _held(user, tz)
    return Facts(
        today=today,
        contacts=contacts,
        people=people,
        asking=asking_messages(user),
        replies=replies_by_contact(user),
        held_on=held_on,
        referrals_in_held=referrals,
    )


def by_template(message: AskingMessage) -> str:
    return message.template or NO_TEMPLATE


def by_channel(message: AskingMessage) -> str:
    return message.channel
