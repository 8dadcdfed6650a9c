"""What a user does, one function per action, each over the public services the pages call.

The state machine and the regression tests speak only through these: when a service changes
its name or signature, this file is the one place to follow it. Each action does what the page
behind it does (the form's save, then the service the view calls), nothing more.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.utils import timezone

import factories as make
from coffeechat.network.people.models import Contact
from coffeechat.network.research.models import Organization
from coffeechat.network.research.services import set_finished
from coffeechat.pages.people.queries import first_request_at
from coffeechat.pipeline.conversations import services as conversations
from coffeechat.pipeline.conversations.forms import LogisticsForm, ScheduleForm
from coffeechat.pipeline.conversations.models import Conversation, Referral, Takeaway
from coffeechat.pipeline.followups import keep_in_touch, plan, undo
from coffeechat.pipeline.followups import services as followups
from coffeechat.pipeline.followups.models import FollowUp
from coffeechat.pipeline.outreach import services as outreach
from coffeechat.pipeline.outreach.models import Message, Reply
from coffeechat.pipeline.services import (
    conversation_changes,
    conversation_corrections,
    correspondence,
)
from coffeechat.pipeline.services import message_corrections as outreach_corrections
from coffeechat.pipeline.services.merge import merge_contacts


def add_organization(user: object, name: str, *, motivation: int = 0, posting: int = 1):
    return make.organization(user, name, motivation=motivation, posting=posting)


def mark_target(organization: Organization, *, motivation: int, posting: int) -> None:
    """The LAMP marks on the organization's edit page."""
    organization.motivation, organization.posting = motivation, posting
    organization.save()


def set_target_finished(organization: Organization, finished: bool) -> None:
    """ "Finished with this target" on its page, or "Back on the list"."""
    set_finished(organization, finished)


def move_to(user: object, time_zone: str, country: str, region: str) -> None:
    """The profile page: a new time zone or country, and every due date worked out again."""
    profile = user.profile
    changed = (profile.time_zone, profile.country, profile.region) != (time_zone, country, region)
    profile.time_zone, profile.country, profile.region = time_zone, country, region
    profile.save()
    if changed:
        plan.replan_everyone(user)


def add_contact(
    user: object,
    first_name: str,
    last_name: str,
    *,
    organization: Organization | None = None,
    how_known: str = "cold",
    introduced_by: Contact | None = None,
) -> Contact:
    return make.contact(
        user,
        first_name=first_name,
        last_name=last_name,
        org=organization,
        how_known=how_known,
        introduced_by=introduced_by,
        email=f"{first_name.lower()}.{last_name.lower()}@example.org",
    )


def send(
    contact: Contact, purpose: str, *, channel: str = "email", conversation=None, days_ago: int = 0
) -> None:
    """Send a message of this purpose to the contact now, or mark one sent `days_ago` days
    earlier (the "mark as sent" form: the day, at this time of day)."""
    tz = contact.owner.profile.tz()
    correspondence.record_message(
        contact=contact,
        purpose=purpose,
        channel=channel,
        subject="Hello",
        body="A short message.",
        sent_at=outreach.sent_at_on(timezone.localdate(timezone=tz) - timedelta(days=days_ago), tz),
        conversation=conversation,
    )


def ask_introduction(introducer: Contact, target: Contact) -> None:
    correspondence.record_message(
        contact=introducer,
        purpose="introduction",
        channel="email",
        subject="An introduction?",
        body="Would you introduce me?",
        sent_at=timezone.now(),
        introduction_to=target,
    )


def _reply_day(contact: Contact, days_ago: int) -> date:
    """Today, or `days_ago` days earlier but never before the first request (the reply form
    refuses that day, as it refuses one in the future)."""
    tz = contact.owner.profile.tz()
    day = timezone.localdate(timezone=tz) - timedelta(days=days_ago)
    first = first_request_at(contact)
    if first is not None:
        day = max(day, timezone.localdate(first, timezone=tz))
    return day


def log_reply(
    contact: Contact,
    outcome: str,
    *,
    note: str = "",
    days_ago: int = 0,
    suggested: tuple[str, str] | None = None,
) -> Contact | None:
    """Log their answer; a decline can name someone to ask instead (the reply form's
    "They suggested someone else"), who is returned."""
    first, last = suggested or ("", "")
    correspondence.record_reply(
        contact=contact,
        received_on=_reply_day(contact, days_ago),
        outcome=outcome,
        note=note,
        suggested_first_name=first,
        suggested_last_name=last,
        suggested_role="Analyst" if suggested else "",
    )
    if suggested is None:
        return None
    return (
        Contact.objects.owned_by(contact.owner)
        .filter(introduced_by=contact, first_name=first, last_name=last)
        .latest("id")
    )


def edit_message(message: Message, *, days_earlier: int, purpose: str | None = None) -> bool:
    """Correct a message from its timeline entry: a day earlier or later (never in the future,
    as the form refuses), and perhaps what it was for. False if the form would refuse it."""
    tz = message.owner.profile.tz()
    sent_at = message.sent_at - timedelta(days=days_earlier)
    if sent_at > timezone.now():
        return False
    sent_at = sent_at.astimezone(tz).replace(second=0, microsecond=0)  # the form's minutes
    outreach_corrections.edit_message(
        message,
        sent_at=sent_at,
        channel=message.channel,
        purpose=purpose or message.purpose,
        subject=message.subject,
        body=message.body,
    )
    return True


def delete_message(message: Message) -> None:
    outreach_corrections.delete_message(message)


def edit_reply(reply: Reply, *, outcome: str, days_earlier: int) -> None:
    """Correct a reply's answer and day (the form keeps it between the first request and
    today)."""
    contact = reply.contact
    tz = contact.owner.profile.tz()
    day = min(reply.received_on - timedelta(days=days_earlier), timezone.localdate(timezone=tz))
    first = first_request_at(contact)
    if first is not None:
        day = max(day, timezone.localdate(first, timezone=tz))
    outreach_corrections.edit_reply(reply, received_on=day, outcome=outcome, note=reply.note)


def delete_reply(reply: Reply) -> None:
    outreach_corrections.delete_reply(reply)


def _schedule_data(start: datetime, tz_name: str) -> dict[str, str]:
    return {
        "date": f"{start:%Y-%m-%d}",
        "time": f"{start:%H:%M}",
        "time_zone": tz_name,
        "duration_minutes": "30",
        "mode": "video",
        "video_link": "https://meet.example.org/abc",
    }


def _local_start(user: object, days_ahead: int, hour: int) -> datetime:
    tz = user.profile.tz()
    day = timezone.localdate(timezone=tz) + timedelta(days=days_ahead)
    return datetime(day.year, day.month, day.day, hour, 0)


def schedule(contact: Contact, *, days_ahead: int, hour: int) -> Conversation | None:
    """Schedule a conversation from the contact's page; None if the form refuses the time."""
    user = contact.owner
    data = _schedule_data(_local_start(user, days_ahead, hour), user.profile.time_zone)
    form = ScheduleForm(data, owner=user, contact=contact)
    if not form.is_valid():
        return None
    conversation = form.save()
    conversation_changes.after_scheduled(conversation)
    return conversation


def move(conversation: Conversation, *, days_ahead: int, hour: int) -> bool:
    user = conversation.owner
    data = _schedule_data(_local_start(user, days_ahead, hour), conversation.time_zone)
    form = LogisticsForm(data, instance=conversation, owner=user)
    if not form.is_valid():
        return False
    form.save()
    return True


def cancel(conversation: Conversation) -> None:
    conversation_changes.cancel(conversation)


def delete_conversation(conversation: Conversation) -> None:
    """Correcting a mistake: the conversation page's Delete, with what it sets in motion."""
    conversation.delete()
    plan.after_conversation_changed(conversation)


def start(conversation: Conversation) -> None:
    conversations.start(conversation)


def end(conversation: Conversation) -> None:
    conversation_changes.end(conversation, learned="A lot.", still_unknown="", next_steps="")


def thank(conversation: Conversation) -> None:
    send(conversation.contact, "thank_you", conversation=conversation)


def capture_referral(
    conversation: Conversation, first_name: str, last_name: str, organization: str
) -> Contact:
    referral = conversation_changes.add_referral(
        conversation,
        first_name=first_name,
        last_name=last_name,
        organization=organization,
        may_use_name=True,
    )
    return referral.contact


def capture_advice(conversation: Conversation, text: str) -> Takeaway:
    return conversations.add_takeaway(conversation, kind="advice", text=text)


def delete_referral(referral: Referral) -> None:
    conversation_corrections.delete_referral(referral)


def delete_takeaway(takeaway: Takeaway) -> None:
    conversation_corrections.delete_takeaway(takeaway)


def act_on_advice(takeaway: Takeaway, acted: bool) -> None:
    conversation_changes.set_acted_on(takeaway, acted)


def mark_done(followup: FollowUp) -> None:
    """ "Mark done" (or "It fell through", "Nothing more to do") on Today or a contact page."""
    undo.mark_done(followup)


def undo_done(followup: FollowUp) -> None:
    """ "Undo" on the line the item became."""
    undo.undo_done(followup)


def reopen(followup: FollowUp) -> None:
    """ "Reopen" under Recently done: NotReopenable unless it was done by hand."""
    followups.reopen(followup)


def set_cadence(contact: Contact, cadence: str) -> None:
    keep_in_touch.set_cadence(contact, cadence)


def merge(keep: Contact, other: Contact) -> Contact:
    return merge_contacts(keep, other)


def local_today(user: object) -> date:
    return timezone.localdate(timezone=user.profile.tz())
