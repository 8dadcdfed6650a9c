"""Building iCalendar data: the subscribed feed and one conversation's invitation.

Both use METHOD:PUBLISH and the same event for a conversation (same UID), so importing an
invitation next to the subscription updates one event instead of adding a second. DTSTAMP comes
from the row's last change, not the time of the request: the same data gives the same bytes.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta, tzinfo

from django.utils.text import slugify
from icalendar import Calendar, Event, vDuration
from icalendar.enums import STATUS, TRANSP

from coffeechat.network.people.models import Contact
from coffeechat.pipeline.conversations.models import Conversation, Mode, Status
from coffeechat.pipeline.followups.models import FollowUp

PRODID = "-//Coffeechat//Coffeechat calendar//EN"
CALENDAR_NAME = "Coffeechat"
# A hint only: Google ignores it and refreshes about once a day; Apple and Outlook honour it.
REFRESH = timedelta(hours=1)
TITLES: dict[str, str] = {
    Mode.COFFEE: "Coffee with {who}",
    Mode.VIDEO: "Video call with {who}",
    Mode.PHONE: "Phone call with {who}",
    Mode.IN_PERSON: "Meeting with {who}",
}


def conversation_uid(conversation: Conversation) -> str:
    # Made of the primary key only, never the host or the feed's token: a new link or another
    # address for the server must not turn every event into a new one.
    return f"conversation-{conversation.pk}@coffeechat"


def followup_uid(followup: FollowUp) -> str:
    return f"followup-{followup.pk}@coffeechat"


def _zone(name: str) -> zoneinfo.ZoneInfo:
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        # One unreadable zone must not break the whole feed; UTC keeps the right moment.
        return zoneinfo.ZoneInfo("UTC")


def _who(contact: Contact) -> str:
    organization = contact.organization
    return f"{contact.full_name} ({organization.name})" if organization else contact.full_name


def conversation_title(conversation: Conversation) -> str:
    """E.g. "Coffee with Priya Shah (Acme)"; a cancelled one says so, for apps ignoring STATUS."""
    template = TITLES.get(conversation.mode, "Conversation with {who}")
    title = template.format(who=_who(conversation.contact))
    return f"Cancelled: {title}" if conversation.status == Status.CANCELLED else title


def conversation_location(conversation: Conversation) -> str:
    """Where to be: the place, the video link or the number, whichever the mode uses."""
    where_by_mode: dict[str, str] = {
        Mode.VIDEO: conversation.video_link,
        Mode.PHONE: conversation.phone,
    }
    by_mode = where_by_mode.get(conversation.mode, conversation.place)
    return by_mode or conversation.place or conversation.video_link or conversation.phone


def _conversation_description(conversation: Conversation, prep_url: str) -> str:
    contact = conversation.contact
    about = ", ".join(
        part for part in (contact.role, getattr(contact.organization, "name", "")) if part
    )
    lines = []
    if conversation.status == Status.CANCELLED:
        lines.append("This conversation was cancelled.")
    lines.append(
        f"Informational interview with {contact.full_name}" + (f", {about}." if about else ".")
    )
    if conversation.video_link:
        lines.append(f"Video link: {conversation.video_link}")
    if conversation.phone:
        lines.append(f"Phone: {conversation.phone}")
    if conversation.place:
        lines.append(f"Place: {conversation.place}")
    lines.append(f"Prepare in Coffeechat: {prep_url}")
    return "\n".join(lines)


def _end(conversation: Conversation, zone: tzinfo) -> datetime:
    """The end in the conversation's time zone, or in UTC where local time can't say it.

    A local time in the hour the clocks go back happens twice, and a TZID time means the first:
    a call ending in the repeated hour is written in UTC so it keeps its length.
    """
    end = conversation.scheduled_at + timedelta(minutes=conversation.duration_minutes)
    local = end.astimezone(zone)
    return local if local.replace(fold=0).astimezone(UTC) == end else end.astimezone(UTC)


def conversation_event(conversation: Conversation, *, base_url: str) -> Event:
    """One conversation as a timed event in its own time zone."""
    zone = _zone(conversation.time_zone)
    start = conversation.scheduled_at.astimezone(zone)
    prep_url = base_url + conversation.get_absolute_url()
    cancelled = conversation.status == Status.CANCELLED
    return Event.new(
        uid=conversation_uid(conversation),
        stamp=conversation.updated_at,
        created=conversation.created_at,
        last_modified=conversation.updated_at,
        sequence=conversation.sequence,
        start=start,
        end=_end(conversation, zone),
        summary=conversation_title(conversation),
        location=conversation_location(conversation) or None,
        description=_conversation_description(conversation, prep_url),
        url=prep_url,
        status=STATUS.CANCELLED if cancelled else STATUS.CONFIRMED,
        transparency=TRANSP.TRANSPARENT if cancelled else TRANSP.OPAQUE,
    )


def followup_event(followup: FollowUp, *, base_url: str) -> Event:
    """A follow-up as an all-day event that leaves the day free: a to-do, not a meeting.

    Not a VTODO: Google, Outlook and iOS do not show tasks from subscribed calendars.
    """
    contact_url = base_url + followup.contact.get_absolute_url()
    note = f"{followup.note}\n" if followup.note else ""
    return Event.new(
        uid=followup_uid(followup),
        stamp=followup.updated_at,
        created=followup.created_at,
        last_modified=followup.updated_at,
        # Follow-ups change in place (a keep-in-touch moves, a note is rewritten): same UID.
        sequence=followup.sequence,
        start=followup.due_on,
        end=followup.due_on + timedelta(days=1),
        summary=f"{followup.get_kind_display()}: {_who(followup.contact)}",
        description=f"{note}Open in Coffeechat: {contact_url}",
        url=contact_url,
        transparency=TRANSP.TRANSPARENT,
    )


def _calendar(events: list[Event], *, feed: bool) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if feed:
        calendar.add("name", CALENDAR_NAME)
        calendar.add("x-wr-calname", CALENDAR_NAME)
        calendar.add("x-wr-caldesc", "Your conversations and follow-ups from Coffeechat.")
        calendar.add("refresh-interval", vDuration(REFRESH), parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", vDuration(REFRESH))
    for event in events:
        calendar.add_component(event)
    _add_time_zones(calendar, events)
    return calendar


def _add_time_zones(calendar: Calendar, events: list[Event]) -> None:
    """A VTIMEZONE for every TZID used, covering the span of the events (RFC 5545 3.2.19)."""
    days = [_day(event.start) for event in events] + [_day(event.end) for event in events]
    if not days:
        return
    # Some margin either side: transitions near the edges must still be described.
    calendar.add_missing_timezones(
        first_date=min(days) - timedelta(days=7), last_date=max(days) + timedelta(days=366)
    )


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def build_feed(
    *, conversations: Iterable[Conversation], followups: Iterable[FollowUp], base_url: str
) -> bytes:
    """The whole subscribed calendar; `base_url` (no trailing slash) makes links absolute."""
    events = [conversation_event(c, base_url=base_url) for c in conversations]
    events += [followup_event(f, base_url=base_url) for f in followups]
    ical: bytes = _calendar(events, feed=True).to_ical()
    return ical


def build_invitation(conversation: Conversation, *, base_url: str) -> bytes:
    """One conversation as an .ics file to import or attach to an e-mail."""
    event = conversation_event(conversation, base_url=base_url)
    ical: bytes = _calendar([event], feed=False).to_ical()
    return ical


def invitation_filename(conversation: Conversation) -> str:
    """E.g. "coffee-with-priya-shah-acme-2026-11-20.ics", dated in the conversation's zone."""
    day = conversation.scheduled_at.astimezone(_zone(conversation.time_zone)).date()
    title = slugify(conversation_title(conversation)) or "conversation"
    return f"{title}-{day.isoformat()}.ics"
