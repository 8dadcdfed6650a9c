"""What a user does, one function per action, each over the public services the pages call.

The state machine and the regression tests speak only through these: when a service changes
its name or signature, this file is the one place to follow it. Each action does what the page
behind it does (the form's save, then the service the view calls), nothing more.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.utils import timezone

from coffeechat.conversations import services as conversations
from coffeechat.conversations.forms import LogisticsForm, ScheduleForm
from coffeechat.conversations.models import Conversation, Takeaway
from coffeechat.followups import keep_in_touch
from coffeechat.followups import services as followups
from coffeechat.followups.models import FollowUp
from coffeechat.network.merge import merge_contacts
from coffeechat.outreach import services as outreach
from coffeechat.people.models import Contact
from coffeechat.people.queries import first_request_at
from coffeechat.research.models import Organization


def add_organization(user: object, name: str, *, motivation: int = 0, posting: int = 1):
    return Organization.objects.create(
        owner=user, name=name, motivation=motivation, posting=posting
    )


def mark_target(organization: Organization, *, motivation: int, posting: int) -> None:
    """The LAMP marks on the organization's edit page."""
    organization.motivation, organization.posting = motivation, posting
    organization.save()


def add_contact(
    user: object,
    first_name: str,
    last_name: str,
    *,
    organization: Organization | None = None,
    how_known: str = "cold",
    introduced_by: Contact | None = None,
) -> Contact:
    return Contact.objects.create(
        owner=user,
        first_name=first_name,
        last_name=last_name,
        organization=organization,
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
    outreach.record_message(
        contact=contact,
        purpose=purpose,
        channel=channel,
        subject="Hello",
        body="A short message.",
        sent_at=outreach.sent_at_on(timezone.localdate(timezone=tz) - timedelta(days=days_ago), tz),
        conversation=conversation,
    )


def ask_introduction(introducer: Contact, target: Contact) -> None:
    outreach.record_message(
        contact=introducer,
        purpose="introduction",
        channel="email",
        subject="An introduction?",
        body="Would you introduce me?",
        sent_at=timezone.now(),
        introduction_to=target,
    )


def log_reply(contact: Contact, outcome: str, *, note: str = "", days_ago: int = 0) -> None:
    """The reply came today, or `days_ago` days earlier but never before the first request
    (the reply form refuses that day, as it refuses one in the future)."""
    tz = contact.owner.profile.tz()
    day = timezone.localdate(timezone=tz) - timedelta(days=days_ago)
    first = first_request_at(contact)
    if first is not None:
        day = max(day, timezone.localdate(first, timezone=tz))
    outreach.record_reply(contact=contact, received_on=day, outcome=outcome, note=note)


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
    conversations.after_scheduled(conversation)
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
    conversations.cancel(conversation)


def delete_conversation(conversation: Conversation) -> None:
    """Correcting a mistake: the conversation page's Delete, with what it sets in motion."""
    conversation.delete()
    keep_in_touch.after_conversation_changed(conversation)


def start(conversation: Conversation) -> None:
    conversations.start(conversation)


def end(conversation: Conversation) -> None:
    conversations.end(conversation, learned="A lot.", still_unknown="", next_steps="")


def thank(conversation: Conversation) -> None:
    send(conversation.contact, "thank_you", conversation=conversation)


def capture_referral(
    conversation: Conversation, first_name: str, last_name: str, organization: str
) -> Contact:
    referral = conversations.add_referral(
        conversation,
        first_name=first_name,
        last_name=last_name,
        organization=organization,
        may_use_name=True,
    )
    return referral.contact


def capture_advice(conversation: Conversation, text: str) -> Takeaway:
    return conversations.add_takeaway(conversation, kind="advice", text=text)


def act_on_advice(takeaway: Takeaway, acted: bool) -> None:
    conversations.set_acted_on(takeaway, acted)


def mark_done(followup: FollowUp) -> None:
    followups.complete(followup)


def reopen(followup: FollowUp) -> None:
    followups.reopen(followup)


def set_cadence(contact: Contact, cadence: str) -> None:
    keep_in_touch.set_cadence(contact, cadence)


def merge(keep: Contact, other: Contact) -> Contact:
    return merge_contacts(keep, other)


def local_today(user: object) -> date:
    return timezone.localdate(timezone=user.profile.tz())
