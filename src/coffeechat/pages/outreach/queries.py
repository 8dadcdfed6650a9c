"""Reading message templates with how well they work, in a fixed number of queries."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from coffeechat.foundation.accounts.models import User
from coffeechat.foundation.core.counting import count_per_row
from coffeechat.method import insights
from coffeechat.method.insights import AskingMessage
from coffeechat.method.messages import Situation
from coffeechat.method.today import Kind, TodayItem
from coffeechat.network.people.models import Contact
from coffeechat.pipeline.followups.models import FollowUp
from coffeechat.pipeline.outreach import services
from coffeechat.pipeline.outreach.models import (
    Channel,
    Draft,
    Message,
    MessageTemplate,
    Purpose,
    Reply,
)

# The messages that ask for an answer, and so have a reply rate: the request and the one polite
# follow-up. A thank-you or an update asks for nothing; a reply after one is not its doing.
ASKING = (Purpose.REQUEST, Purpose.FOLLOW_UP)


def asking_messages(user: User) -> list[AskingMessage]:
    """The user's requests and follow-ups in the order sent, dated in their time zone (one query):
    what both the templates page and Insights count replies against."""
    tz = user.profile.tz()
    channels = dict(Channel.choices)
    rows = (
        Message.objects.owned_by(user)
        .filter(purpose__in=ASKING)
        .order_by("sent_at", "pk")
        .values_list("contact_id", "sent_at", "template_id", "template__name", "channel", "purpose")
    )
    return [
        AskingMessage(
            contact_id=contact_id,
            sent_on=timezone.localdate(sent_at, tz),
            template=name or "",
            channel=channels.get(channel, channel),
            template_id=template_id,
            is_request=purpose == Purpose.REQUEST,
        )
        for contact_id, sent_at, template_id, name, channel, purpose in rows
    ]


def replies_by_contact(user: User) -> dict[int, list[date]]:
    """The day of each reply the user logged, per contact (one query)."""
    replies: dict[int, list[date]] = defaultdict(list)
    for contact_id, day in Reply.objects.owned_by(user).values_list("contact_id", "received_on"):
        replies[contact_id].append(day)
    return dict(replies)


def _count_used() -> Coalesce:
    return count_per_row(Message.objects.filter(template=OuterRef("pk")), grouped_by="template")


@dataclass(frozen=True)
class TemplateRow:
    """A template as the templates page lists it, with how it has done."""

    template: MessageTemplate
    used: int  # every message written from it
    sent: int  # those that ask for an answer: requests and follow-ups
    replied: int  # those of them a reply answered
    reply_rate: int | None  # a percentage; None when it never asked


def template_rows(user: User) -> list[TemplateRow]:
    """The user's templates by name with their figures, in three queries.

    Replies are credited by method.insights.answered, the rule the Insights page uses too: a
    reply answers the last request or follow-up sent to that person on or before its day.
    """
    templates = MessageTemplate.objects.owned_by(user).annotate(used=_count_used())
    counts = insights.tally(
        asking_messages(user), replies_by_contact(user), key=lambda message: message.template_id
    )
    rows = []
    for template in templates.order_by("name", "id"):
        sent, replied = counts.get(template.pk, (0, 0))
        rows.append(
            TemplateRow(template, template.used, sent, replied, insights.percent(replied, sent))
        )
    return rows


@dataclass(frozen=True)
class SituationGroup:
    situation: Situation
    rows: list[TemplateRow]


def templates_by_situation(rows: Iterable[TemplateRow]) -> list[SituationGroup]:
    """Templates grouped in the order of the method's situations, empty groups left out."""
    groups: dict[str, list[TemplateRow]] = {situation.value: [] for situation in Situation}
    for row in rows:
        groups[row.template.situation].append(row)
    return [SituationGroup(Situation(key), items) for key, items in groups.items() if items]


# A dropdown of every contact would be thousands of options after a LinkedIn import.
PREVIEW_CHOICES = 50


@dataclass(frozen=True)
class PreviewChoices:
    contacts: list[Contact]  # the most recent first
    limit: int
    limited: bool  # whether some contacts were left out


def preview_choices(
    user: User, chosen: Contact | None = None, limit: int = PREVIEW_CHOICES
) -> PreviewChoices:
    """The contacts to preview a template with: the `limit` most recently written to or added,
    and the one chosen now even if older (one query)."""
    last_written = (
        Message.objects.filter(owner=OuterRef("owner"), contact=OuterRef("pk"))
        .order_by("-sent_at")
        .values("sent_at")[:1]
    )
    recent = Greatest(Coalesce(Subquery(last_written), F("created_at")), F("created_at"))
    rows: list[Contact] = list(
        Contact.objects.owned_by(user)
        .annotate(recent=recent)
        .order_by("-recent", "-pk")
        .only("first_name", "last_name")[: limit + 1]
    )
    contacts = rows[:limit]
    if chosen is not None and chosen.pk not in {contact.pk for contact in contacts}:
        contacts.append(chosen)
    return PreviewChoices(contacts=contacts, limit=limit, limited=len(rows) > limit)


# Today lists the most recently edited drafts; older ones wait on their contact's page.
TODAY_DRAFTS = 20


def unsent_draft_items(user: User, today: date, limit: int = TODAY_DRAFTS) -> list[TodayItem]:
    """ "Draft to Priya, not sent yet" for the user's unsent compose drafts, the most recently
    edited first, each linking back to the page that restores it (one query). Due today: a
    draft is nobody's deadline, so it is never overdue."""

    tz = user.profile.tz()
    # Once it is time to move on, a polite follow-up never sent is not owed: nor is its draft.
    moving_on = FollowUp.objects.filter(
        contact=OuterRef("contact"), kind=Kind.MOVE_ON, done_at__isnull=True, due_on__lte=today
    )
    drafts = (
        Draft.objects.owned_by(user)
        .exclude(Q(purpose=Purpose.FOLLOW_UP) & Exists(moving_on))
        .select_related("contact__introduced_by", "template")
        .order_by("-updated_at", "-id")[:limit]
    )
    items = []
    for draft in drafts:
        to = services.recipient(draft.contact, draft.template)
        what = draft.get_purpose_display()
        if to != draft.contact:
            what = f"Asking {to.first_name} to introduce you to {draft.contact.full_name}"
        subject = f": “{draft.subject}”" if draft.subject.strip() else ""
        saved = timezone.localtime(draft.updated_at, tz)
        when = f"{saved:%a} {saved.day} {saved:%b} at {saved:%H:%M}"
        items.append(
            TodayItem(
                kind=Kind.DRAFT,
                title=f"Draft to {to.full_name}, not sent yet",
                detail=f"{what}{subject}. Saved {when}.",
                due=today,
                url=draft.get_absolute_url(),
                action="Finish the draft",
                contact_id=draft.contact_id,
            )
        )
    return items
