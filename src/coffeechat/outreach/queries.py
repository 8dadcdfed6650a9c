"""Reading message templates with how well they work, in a fixed number of queries."""

from __future__ import annotations

import zoneinfo
from dataclasses import dataclass

from django.db.models import Count, Exists, IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, TruncDate

from coffeechat.method.messages import Situation
from coffeechat.outreach.models import Message, MessageTemplate, Purpose, Reply


def _count(messages: QuerySet[Message]) -> Coalesce:
    counted = messages.order_by().values("template").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


# The messages that ask for an answer, and so have a reply rate: the request and the one polite
# follow-up. A thank-you or an update asks for nothing; a reply after one is not its doing.
ASKING = (Purpose.REQUEST, Purpose.FOLLOW_UP)


def templates_with_stats(user: object) -> QuerySet[MessageTemplate]:
    """The user's templates, each with `used` (every message written from it), `sent` (those
    that ask for an answer: requests and follow-ups) and `replied` (those of them a reply
    answered).

    A reply, logged for a day in the user's time zone, answers the last request or follow-up sent
    to that person on or before that day: when a nudge gets the answer, the nudge's template gets
    the credit, not the request before it, and one reply never counts for two messages.
    """
    tz = zoneinfo.ZoneInfo(user.profile.time_zone)
    messages = Message.objects.filter(template=OuterRef("pk"))
    asking = messages.filter(purpose__in=ASKING)
    # Another request or follow-up to the same person after this one and by the reply's day.
    later = (
        Message.objects.filter(contact=OuterRef("contact"), purpose__in=ASKING)
        .filter(sent_at__gt=OuterRef(OuterRef("sent_at")))
        .annotate(day=TruncDate("sent_at", tzinfo=tz))
        .filter(day__lte=OuterRef("received_on"))
    )
    answered = Reply.objects.filter(
        contact=OuterRef("contact"), received_on__gte=OuterRef("day")
    ).exclude(Exists(later))
    replied = asking.annotate(day=TruncDate("sent_at", tzinfo=tz)).filter(Exists(answered))
    return (
        MessageTemplate.objects.owned_by(user)
        .annotate(used=_count(messages), sent=_count(asking), replied=_count(replied))
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
    """The percentage of its requests and follow-ups a reply answered (an annotated template);
    None for a template never used to ask, such as a thank-you."""
    return round(100 * template.replied / template.sent) if template.sent else None
