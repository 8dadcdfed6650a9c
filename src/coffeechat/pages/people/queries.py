"""Reading contacts with the facts that decide their stage, in a fixed number of queries."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo
from typing import TYPE_CHECKING, Any, TypedDict

from django.db.models import Func, OuterRef, QuerySet, Subquery
from django.db.models.functions import TruncDate
from django.urls import reverse
from django.utils import timezone

from coffeechat.foundation.accounts.models import User
from coffeechat.method.business_days import HolidayCalendar, business_days_between
from coffeechat.method.cadence import ReplySpeed, reply_speed
from coffeechat.method.stages import ContactHistory, Stage, contact_stage
from coffeechat.method.timeline import TimelineEntry, merge_timeline
from coffeechat.network.people.models import Contact
from coffeechat.network.research.models import Organization
from coffeechat.pipeline.conversations.models import Conversation, Referral, Status, Takeaway
from coffeechat.pipeline.followups.models import FollowUp
from coffeechat.pipeline.outreach.models import Message, Outcome, Purpose, Reply

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


@dataclass(frozen=True)
class ContactRow:
    """A contact as lists show them: where they stand, how quickly they answer, and the facts
    behind both."""

    contact: Contact
    stage: Stage
    speed: ReplySpeed | None = None
    first_request_at: datetime | None = None
    nudged: bool = False  # a follow-up to a request was sent


class _History(TypedDict):
    """What with_history annotates each contact with."""

    h_first_request: datetime | None
    h_thanked: datetime | None
    h_last_message: datetime | None
    h_first_nudge: datetime | None
    h_first_reply: date | None
    h_last_reply: date | None
    h_last_outcome: str | None
    h_upcoming: datetime | None
    h_met: datetime | None
    h_new_request: datetime | None


def with_history(
    contacts: QuerySet[Contact],
    tz: tzinfo | None = None,
    *,
    sent_day: Callable[[str], Func] | None = None,
) -> QuerySet[WithAnnotations[Contact, _History]]:
    """Annotate each contact with what happened to them, one subquery per fact (no N+1).
    `tz` is the user's (by default the active one): a reply carries their local day. The
    annotations are read back only by _row, which turns them into a typed ContactRow.
    `sent_day` turns a message's moment into its day in `tz` (TruncDate unless given: Insights
    gives foundation.core.local_dates', plain SQL on SQLite)."""

    def first(queryset: QuerySet[Any], column: str) -> Subquery:
        return Subquery(queryset.values(column)[:1])

    messages = Message.objects.filter(contact=OuterRef("pk"))
    conversations = Conversation.objects.filter(contact=OuterRef("pk"))
    replies = Reply.objects.filter(contact=OuterRef("pk"))
    return contacts.annotate(
        h_first_request=first(
            messages.filter(purpose=Purpose.REQUEST).order_by("sent_at"), "sent_at"
        ),
        h_thanked=first(messages.filter(purpose=Purpose.THANK_YOU).order_by("-sent_at"), "sent_at"),
        h_last_message=first(messages.order_by("-sent_at"), "sent_at"),
        h_first_nudge=first(
            messages.filter(purpose=Purpose.FOLLOW_UP).order_by("sent_at"), "sent_at"
        ),
        h_first_reply=first(replies.order_by("received_on", "id"), "received_on"),
        h_last_reply=first(replies.order_by("-received_on", "-id"), "received_on"),
        h_last_outcome=first(replies.order_by("-received_on", "-id"), "outcome"),
        h_upcoming=first(
            conversations.filter(status__in=[Status.SCHEDULED, Status.IN_PROGRESS]).order_by(
                "scheduled_at"
            ),
            "scheduled_at",
        ),
        h_met=first(conversations.filter(status=Status.HELD).order_by("-ended_at"), "ended_at"),
    ).annotate(
        # The first request sent on a later day than the last reply: asking again.
        h_new_request=first(
            messages.filter(purpose=Purpose.REQUEST)
            .annotate(day=(sent_day or _truncate_date(tz))("sent_at"))
            .filter(day__gt=OuterRef("h_last_reply"))
            .order_by("sent_at"),
            "sent_at",
        )
    )


def _truncate_date(tz: tzinfo | None) -> Callable[[str], Func]:
    return lambda field: TruncDate(field, tzinfo=tz or timezone.get_current_timezone())


HISTORY_FIELDS = tuple(_History.__annotations__)


def judge(
    history: Mapping[str, Any], today: date, holidays: HolidayCalendar, tz: tzinfo
) -> tuple[Stage, ReplySpeed | None]:
    """A contact's stage and reply speed from the facts with_history annotates, read from a
    model instance's attributes or a values() row alike (the lean path judges thousands)."""
    facts = ContactHistory(
        first_request_sent_at=history["h_first_request"],
        last_reply_on=history["h_last_reply"],
        declined=history["h_last_outcome"] == Outcome.DECLINED,
        upcoming_conversation_at=history["h_upcoming"],
        last_met_at=history["h_met"],
        thanked_at=history["h_thanked"],
        last_message_sent_at=history["h_last_message"],
        new_request_sent_at=history["h_new_request"],
    )

    def day(moment: datetime | None) -> date | None:
        return timezone.localdate(moment, timezone=tz) if moment else None

    speed = reply_speed(
        first_request_on=day(history["h_first_request"]),
        first_reply_on=history["h_first_reply"],
        nudged_on=day(history["h_first_nudge"]),
        today=today,
        holidays=holidays,
    )
    return contact_stage(facts, today, holidays, tz=tz), speed


def histories_of(ids: list[int], tz: tzinfo) -> dict[int, dict[str, Any]]:
    """The facts with_history annotates, for a few contacts (a page), by id: three flat
    queries and a pass over their rows in Python, which costs less than compiling ten
    correlated subqueries. Must agree with with_history, as a test checks."""
    facts = {pk: dict.fromkeys(HISTORY_FIELDS) for pk in ids}
    requests: dict[int, list[datetime]] = {}
    messages = Message.objects.filter(contact_id__in=facts).order_by("sent_at", "id")
    for contact_id, purpose, sent_at in messages.values_list("contact_id", "purpose", "sent_at"):
        fact = facts[contact_id]
        fact["h_last_message"] = sent_at
        if purpose == Purpose.REQUEST:
            requests.setdefault(contact_id, []).append(sent_at)
            fact["h_first_request"] = fact["h_first_request"] or sent_at
        elif purpose == Purpose.THANK_YOU:
            fact["h_thanked"] = sent_at
        elif purpose == Purpose.FOLLOW_UP:
            fact["h_first_nudge"] = fact["h_first_nudge"] or sent_at
    replies = Reply.objects.filter(contact_id__in=facts).order_by("received_on", "id")
    for contact_id, received_on, outcome in replies.values_list(
        "contact_id", "received_on", "outcome"
    ):
        fact = facts[contact_id]
        fact["h_first_reply"] = fact["h_first_reply"] or received_on
        fact["h_last_reply"], fact["h_last_outcome"] = received_on, outcome
    upcoming = [Status.SCHEDULED, Status.IN_PROGRESS]
    conversations = Conversation.objects.filter(
        contact_id__in=facts, status__in=[*upcoming, Status.HELD]
    ).order_by("scheduled_at", "id")
    for contact_id, status, scheduled_at, ended_at in conversations.values_list(
        "contact_id", "status", "scheduled_at", "ended_at"
    ):
        fact = facts[contact_id]
        if status in upcoming:
            fact["h_upcoming"] = fact["h_upcoming"] or scheduled_at
        elif ended_at is not None and (fact["h_met"] is None or ended_at > fact["h_met"]):
            fact["h_met"] = ended_at
    # Asking again: the first request sent on a later (local) day than the last reply.
    for contact_id, sent in requests.items():
        last_reply = facts[contact_id]["h_last_reply"]
        if last_reply is not None:
            later = (at for at in sent if timezone.localdate(at, tz) > last_reply)
            facts[contact_id]["h_new_request"] = next(later, None)
    return facts


def _row(
    contact: WithAnnotations[Contact, _History], today: date, holidays: HolidayCalendar, tz: tzinfo
) -> ContactRow:
    """The typed row of a contact annotated by with_history; `today` and `tz` are the user's
    (the request's day counts in their time zone)."""
    history = {name: getattr(contact, name) for name in HISTORY_FIELDS}
    stage, speed = judge(history, today, holidays, tz)
    return ContactRow(
        contact=contact,
        stage=stage,
        speed=speed,
        first_request_at=contact.h_first_request,
        nudged=contact.h_first_nudge is not None,
    )


def contact_rows(
    user: User, queryset: QuerySet[Contact], *, today: date | None = None
) -> list[ContactRow]:
    """Typed rows for these contacts, in a fixed number of queries however many; stages as of
    `today` (by default the user's today)."""
    profile = user.profile
    tz, holidays = profile.tz(), profile.holidays()
    today = today or timezone.localdate(timezone=tz)
    annotated = with_history(queryset.select_related("organization", "introduced_by"), tz)
    return [_row(contact, today, holidays, tz) for contact in annotated]


def contacts_at(user: User, organization: Organization) -> list[ContactRow]:
    return contact_rows(user, Contact.objects.owned_by(user).filter(organization=organization))


def contact_row(user: User, contact: Contact) -> ContactRow:
    return contact_rows(user, Contact.objects.owned_by(user).filter(pk=contact.pk))[0]


def owned_contact_row(user: User, pk: int) -> ContactRow | None:
    """The row of the user's contact `pk`, or None when they have no such contact: read in
    one query, the contact knowing its owner is `user` (no second look-up of the user)."""
    rows = contact_rows(user, Contact.objects.owned_by(user).filter(pk=pk))
    if not rows:
        return None
    rows[0].contact.owner = user
    return rows[0]


def _day(value: date) -> str:
    return f"{value:%a} {value.day} {value:%b %Y}"


def _due(followup: FollowUp, tz: tzinfo) -> str:
    if followup.due_at:  # an exact deadline, such as the thank-you's 24 hours
        deadline = followup.due_at.astimezone(tz)
        return f"due by {_day(deadline.date())} {deadline:%H:%M}"
    return f"due {_day(followup.due_on)}"


def _reply_at(reply: Reply, tz: tzinfo) -> datetime:
    """Replies carry a date only: logged the same day, use when it was logged; else that evening."""
    logged = reply.created_at.astimezone(tz)
    if logged.date() == reply.received_on:
        return logged
    return datetime.combine(reply.received_on, time(23, 59), tzinfo=tz)


def _message_entries(messages: list[Message]) -> list[TimelineEntry]:
    return [
        TimelineEntry(
            at=message.sent_at,
            kind="message",
            title=f"{message.get_purpose_display()} sent ({message.get_channel_display()})"
            + (f": “{message.subject}”" if message.subject else ""),
            detail=message.body,
            edit_url=reverse("outreach:message_edit", args=[message.pk]),
            delete_url=reverse("outreach:message_delete", args=[message.pk]),
            anchor=f"message-{message.pk}",
        )
        for message in messages
    ]


def _reply_entries(contact: Contact, messages: list[Message], tz: tzinfo) -> list[TimelineEntry]:

    # Each reply answers the latest request sent on or before its day: asked again in autumn,
    # an autumn reply is not timed from the spring request.
    asked = sorted(
        timezone.localdate(message.sent_at, tz)
        for message in messages
        if message.purpose == Purpose.REQUEST
    )
    holidays = contact.owner.profile.holidays()
    return [
        TimelineEntry(
            at=_reply_at(reply, tz),
            kind="reply",
            title=f"Reply received: {reply.get_outcome_display()}"
            + _reply_delay(_asked_before(asked, reply.received_on), reply.received_on, holidays),
            detail=reply.note,
            edit_url=reverse("outreach:reply_edit", args=[reply.pk]),
            delete_url=reverse("outreach:reply_delete", args=[reply.pk]),
            anchor=f"reply-{reply.pk}",
        )
        for reply in contact.replies.all()
    ]


def _asked_before(asked: list[date], received_on: date) -> date | None:
    earlier = [day for day in asked if day <= received_on]
    return earlier[-1] if earlier else None


def _reply_delay(asked_on: date | None, received_on: date, holidays: HolidayCalendar) -> str:
    """How quickly they answered, in the business days the follow-up rules count."""
    if asked_on is None or received_on < asked_on:
        return ""
    days = business_days_between(asked_on, received_on, holidays)
    if days == 0:
        return " (the same business day as your request)"
    return f" ({days} business day{'s' if days != 1 else ''} after your request)"


def _conversation_entries(contact: Contact) -> list[TimelineEntry]:
    return [
        TimelineEntry(
            # When it really took place: held early, it comes before the thank-you for it.
            at=conversation.happened_at,
            kind="conversation",
            title=f"Conversation ({conversation.get_status_display().lower()}, "
            f"{conversation.get_mode_display().lower()})",
            url=conversation.get_absolute_url(),
        )
        for conversation in contact.conversations.all()
    ]


def _referral_entries(contact: Contact) -> list[TimelineEntry]:
    """The people this contact suggested you talk to, on the timeline of whoever suggested them."""

    referrals = Referral.objects.filter(conversation__contact=contact).select_related("contact")
    return [
        TimelineEntry(
            at=referral.created_at,
            kind="referral",
            title=f"Referral: {referral.contact.full_name}"
            + (f" (you may mention {contact.first_name})" if referral.may_use_name else ""),
            url=referral.contact.get_absolute_url(),
            url_label="Open contact",
            edit_url=reverse("conversations:referral_edit", args=[referral.pk]),
            delete_url=reverse("conversations:referral_delete", args=[referral.pk]),
        )
        for referral in referrals
    ]


def _takeaway_entries(contact: Contact, tz: tzinfo) -> list[TimelineEntry]:
    """The advice and resources this contact gave you in your conversations."""

    return [
        TimelineEntry(
            at=takeaway.created_at,
            kind="takeaway",
            title=f"{takeaway.get_kind_display()}: “{takeaway.text}”",
            detail=f"Acted on {_day(timezone.localdate(takeaway.acted_on_at, tz))}."
            if takeaway.acted_on_at
            else "",
            edit_url=reverse("conversations:takeaway_edit", args=[takeaway.pk]),
            delete_url=reverse("conversations:takeaway_delete", args=[takeaway.pk]),
        )
        for takeaway in Takeaway.objects.filter(conversation__contact=contact)
    ]


def _followup_entries(contact: Contact, tz: tzinfo) -> list[TimelineEntry]:
    entries = []
    for followup in contact.followups.all():
        done = followup.done_at
        # Done by you or by what you recorded, or closed because it no longer applies.
        if not done:
            status = "Open."
        elif followup.closed_reason:
            status = f"{followup.ending}."
        else:
            status = f"{followup.ending} {_day(timezone.localdate(done, tz))}."
        entries.append(
            TimelineEntry(
                at=followup.created_at,
                kind="followup",
                title=f"Follow-up: {followup.get_kind_display().lower()}, {_due(followup, tz)}",
                detail=f"{status} {followup.note}".strip(),
            )
        )
    return entries


def contact_timeline(contact: Contact, *, tz: tzinfo | None = None) -> list[TimelineEntry]:
    """Every message, reply, conversation, referral, takeaway and follow-up with this person,
    newest first."""
    tz = tz or contact.owner.profile.tz()
    messages = list(contact.messages.all())  # read once, for the messages and the replies
    return merge_timeline(
        _message_entries(messages),
        _reply_entries(contact, messages, tz),
        _conversation_entries(contact),
        _referral_entries(contact),
        _takeaway_entries(contact, tz),
        _followup_entries(contact, tz),
    )


def open_followups(contact: Contact, *, tz: tzinfo | None = None) -> QuerySet[FollowUp]:
    """What is still owed to the contact, as Today and the follow-up list count it."""
    today = timezone.localdate(timezone=tz or contact.owner.profile.tz())
    return contact.followups.owed(today).order_by("due_on", "id")


def first_request_at(contact: Contact) -> datetime | None:
    """When the first request for a conversation went to this contact, if one did."""

    first = contact.messages.filter(purpose=Purpose.REQUEST).order_by("sent_at").first()
    return first.sent_at if first else None
