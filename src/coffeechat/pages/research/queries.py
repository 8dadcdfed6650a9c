"""Reading the target list: organizations in priority order, with what the user knows there."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Exists, F, OuterRef, Q

from coffeechat.foundation.accounts.models import User
from coffeechat.method.next_moves import NextMove, Person, Target, next_moves
from coffeechat.method.today import Kind
from coffeechat.network.people.models import Contact, HowKnown
from coffeechat.network.research.models import Organization
from coffeechat.pipeline.conversations.models import Conversation, Status
from coffeechat.pipeline.followups.models import FollowUp
from coffeechat.pipeline.outreach.models import Message, Purpose

# How many organizations the method says to work on first.
WORK_FIRST = 5


@dataclass(frozen=True)
class TargetRow:
    """An organization on the target list, with what the user has there."""

    organization: Organization
    knows_someone: bool  # LAMP's Advocacy: someone there you know other than cold
    contact_count: int


def target_list(
    user: User, search: str = "", *, unfinished_only: bool = False, limit: int | None = None
) -> list[TargetRow]:
    """The target list in LAMP order: Motivation, then Posting, then Advocacy (someone you
    know there); finished targets last."""
    known_there = Contact.objects.filter(organization=OuterRef("pk")).exclude(
        how_known=HowKnown.COLD
    )
    organizations = (
        Organization.objects.owned_by(user)
        .select_related("field")
        .annotate(advocacy=Exists(known_there), contact_count=Count("contacts", distinct=True))
        # Finished targets go last: the top of the list is what is still to work on.
        .order_by(
            F("finished_on").asc(nulls_first=True), "-motivation", "-posting", "-advocacy", "name"
        )
    )
    if search:
        organizations = organizations.filter(
            Q(name__icontains=search)
            | Q(industry__icontains=search)
            | Q(location__icontains=search)
        )
    if unfinished_only:
        organizations = organizations.filter(finished_on__isnull=True)
    if limit is not None:
        organizations = organizations[:limit]
    return [
        TargetRow(org, knows_someone=org.advocacy, contact_count=org.contact_count)
        for org in organizations
    ]


def next_moves_for(user: User) -> list[NextMove]:
    """Next moves for the top of the target list not marked finished (two queries, however
    many contacts)."""

    top = [row.organization for row in target_list(user, unfinished_only=True, limit=WORK_FIRST)]
    people: dict[int | None, list[Person]] = {organization.pk: [] for organization in top}
    contacts = (
        Contact.objects.owned_by(user)
        .filter(organization__in=top)
        .select_related("introduced_by")
        .annotate(
            # Asking someone to introduce you approaches the person to be introduced, not them.
            approached=Exists(
                Message.objects.filter(contact=OuterRef("pk")).exclude(purpose=Purpose.INTRODUCTION)
            )
            | Exists(Message.objects.filter(introduction_to=OuterRef("pk")))
            | Exists(Conversation.objects.filter(contact=OuterRef("pk"))),
            # (a reminder to someone asked for an introduction is about the person they are
            # to introduce, not about their own organization)
            under_way=Exists(
                FollowUp.objects.filter(contact=OuterRef("pk"), done_at__isnull=True).exclude(
                    kind=Kind.FOLLOW_UP
                )
            )
            | Exists(
                Message.objects.filter(
                    introduction_to=OuterRef("pk"),
                    contact__followups__kind=Kind.FOLLOW_UP,
                    contact__followups__done_at__isnull=True,
                )
            )
            | Exists(
                Conversation.objects.filter(
                    contact=OuterRef("pk"), status__in=[Status.SCHEDULED, Status.IN_PROGRESS]
                )
            ),
        )
        .order_by("id")
    )
    for contact in contacts:
        people[contact.organization_id].append(
            Person(
                id=contact.pk,
                name=contact.full_name,
                how_known=contact.how_known,
                approached=contact.approached,
                introduced_by=contact.introduced_by.full_name if contact.introduced_by else "",
                in_play=contact.under_way,
            )
        )
    return next_moves([Target(id=o.pk, name=o.name, people=tuple(people[o.pk])) for o in top])
