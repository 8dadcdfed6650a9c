"""What "Send later" offers on the compose page, and the choice the user posts: the next
business morning in the reader's time zone (their location's, else the user's), or a date and
time of their own (in the user's time zone). On Friday evening and Saturday the morning is the
default, with the reason."""

from __future__ import annotations

import zoneinfo
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django import forms

from coffeechat.foundation.accounts.models import User
from coffeechat.method import send_time
from coffeechat.network.people.models import Contact
from coffeechat.pipeline.outreach.models import ScheduledMessage
from coffeechat.pipeline.services.scheduled import ReaderTime, reader_time

MORNING, AT = "morning", "at"
# Further ahead than this is a typing slip, not a message to send later.
FURTHEST = timedelta(days=366)


@dataclass(frozen=True)
class Offer:
    to: Contact
    reader: ReaderTime
    user_tz: zoneinfo.ZoneInfo
    morning: datetime  # the next business morning where they are
    morning_label: str  # "Monday 9:00"
    suggestion: send_time.Suggestion | None  # Friday evening or Saturday: wait for Monday
    written: str  # "Friday evening", "Saturday": when the user writes, in their time

    @property
    def default(self) -> str:
        return MORNING if self.suggestion else AT

    @property
    def their_zone_differs(self) -> bool:
        return str(self.reader.tz) != str(self.user_tz)

    @property
    def morning_in_user_time(self) -> str:
        return f"{self.morning.astimezone(self.user_tz):%H:%M}"


def offer(user: User, to: Contact, now: datetime) -> Offer:
    profile = user.profile
    reader = reader_time(to, profile)
    morning = send_time.next_business_morning(now, reader.tz, reader.holidays)
    suggestion = send_time.suggested_moment(
        now, writer_tz=profile.tz(), reader_tz=reader.tz, reader_holidays=reader.holidays
    )
    return Offer(
        to=to,
        reader=reader,
        user_tz=profile.tz(),
        morning=morning,
        morning_label=send_time.moment_label(morning, reader.tz, now),
        suggestion=suggestion,
        written=_written(now.astimezone(profile.tz())),
    )


def _written(local: datetime) -> str:
    return f"{local:%A}" + (" evening" if local.hour >= 17 else "")


class LaterForm(forms.Form):
    """When to send: their next business morning, or a moment in the user's own time."""

    send_later = forms.ChoiceField(
        choices=[(MORNING, "The next business morning"), (AT, "At")],
        error_messages={"required": "Choose when it should go out."},
    )
    send_later_at = forms.DateTimeField(
        required=False,
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        label="Date and time",
    )

    def __init__(self, *args: Any, offer: Offer, now: datetime, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.offer = offer
        self.now = now

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("send_later") != AT:
            return data
        at = data.get("send_later_at")
        if at is None:
            self.add_error("send_later_at", "Give the date and time it should go out.")
            return data
        # The browser sends a wall-clock time: it is the user's own.
        at = at.replace(tzinfo=self.offer.user_tz)
        if at <= self.now:
            self.add_error("send_later_at", "That moment has passed: choose one still to come.")
        elif at > self.now + FURTHEST:
            self.add_error("send_later_at", "Choose a moment within the coming year.")
        data["send_later_at"] = at
        return data

    def moment(self) -> tuple[datetime, zoneinfo.ZoneInfo, str]:
        """The chosen moment, the zone to show it in and which zone that is, in words."""
        if self.cleaned_data["send_later"] == MORNING:
            return self.offer.morning, self.offer.reader.tz, self.offer.reader.note
        tz = self.offer.user_tz
        at: datetime = self.cleaned_data["send_later_at"]
        return at, tz, f"your time zone ({tz})"


class EditForm(forms.Form):
    """A scheduled message's words and moment (in the zone it was chosen in), until it leaves."""

    subject = forms.CharField(max_length=300, required=False)
    body = forms.CharField(strip=False, widget=forms.Textarea({"rows": 14}))
    send_at = forms.DateTimeField(
        label="Goes out at",
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )

    def __init__(self, *args: Any, zone: zoneinfo.ZoneInfo, now: datetime, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.zone, self.now = zone, now

    def clean_body(self) -> str:
        body: str = self.cleaned_data["body"]
        if not body.strip():
            raise forms.ValidationError("Write the message, or cancel it.")
        return body

    def clean_send_at(self) -> datetime:
        at: datetime = self.cleaned_data["send_at"].replace(tzinfo=self.zone)
        if at <= self.now:
            raise forms.ValidationError("That moment has passed: choose one still to come.")
        if at > self.now + FURTHEST:
            raise forms.ValidationError("Choose a moment within the coming year.")
        return at


def when_label(item: ScheduledMessage, now: datetime) -> str:
    """ "Monday 9:00" in the zone it was chosen in, with the user's own hour beside it when
    that is another zone."""
    label = send_time.moment_label(item.send_at, item.tz(), now)
    own = item.owner.profile
    if item.time_zone != own.time_zone:
        label += f" their time ({item.send_at.astimezone(own.tz()):%H:%M} yours)"
    return label
