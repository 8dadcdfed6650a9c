"""Reading message templates with how well they work, in a fixed number of queries."""

from __future__ import annotations

import zoneinfo
from dataclasses import dataclass

from django.db.models import Count, Exists, IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, TruncDate

from coffeechat.method.messages import Situation
from coffeechat.outreach.models import Message, MessageTemplate, Reply


def _count(messages: QuerySet[Message]) -> Coalesce:
    counted = messages.order_by().values("template").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def templates_with_stats(user: object) -> QuerySet[MessageTemplate]:
    """The user's templates, each with `sent` (messages written from it) and `replied` (those
    followed by a reply from the same contact, logged for the day it was sent or later)."""
    tz = zoneinfo.ZoneInfo(user.profile.time_zone)
    messages = Message.objects.filter(template=OuterRef("pk"))
    answered = Reply.objects.filter(contact=OuterRef("contact"), received_on__gte=OuterRef("day"))
    replied = messages.annotate(day=TruncDate("sent_at", tzinfo=tz)).filter(Exists(answered))
    return (
        MessageTemplate.objects.owned_by(user)
        .annotate(sent=_count(messages), replied=_count(replied))
        .order_by("name", "id")
    )


@dataclass(frozen=True)
class SituationGroup:
    situation: Situation
    templates: list[MessageTemplate]


def templates_by_situation(templates: QuerySet[MessageTemplate]) -> list[SituationGroup]:
    """Templates grouped in the order of the method's situations, empty groups left out."""
    groups: dict[str, list[MessageTemplate]] = {situation.value: [] for situation in Situation}
    for template in templates:
        groups[template.situation].append(template)
    return [SituationGroup(Situation(key), items) for key, items in groups.items() if items]


def reply_rate(template: MessageTemplate) -> int | None:
    """The percentage of its messages that got a reply (an annotated template)."""
    return round(100 * template.replied / template.sent) if template.sent else None
