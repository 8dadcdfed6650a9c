"""The forms that correct a recorded message (its reply's form is ReplyForm, as when logged)."""

from __future__ import annotations

from datetime import date, datetime, time, tzinfo
from typing import Any, TypedDict

from django import forms

from coffeechat.pipeline.outreach.forms import DateInput
from coffeechat.pipeline.outreach.models import Channel, Message, Purpose


def _day(value: date) -> str:
    return f"{value:%a} {value.day} {value:%b %Y}"


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs: dict[str, str] | None = None) -> None:
        super().__init__(attrs, format="%H:%M")


class Correction(TypedDict):
    """What corrections.edit_message takes besides the message."""

    sent_at: datetime
    channel: str
    purpose: str
    subject: str
    body: str


class MessageCorrectionForm(forms.Form):
    """When, how and why it was sent, and what it said; the time is the user's own."""

    sent_on = forms.DateField(label="Sent on", widget=DateInput())
    sent_time = forms.TimeField(label="At", widget=TimeInput(), help_text="Your time zone.")
    channel = forms.ChoiceField(label="Sent by", choices=Channel.choices)
    purpose = forms.ChoiceField(
        choices=[
            (value, label) for value, label in Purpose.choices if value != Purpose.INTRODUCTION
        ]
    )
    subject = forms.CharField(max_length=300, required=False)
    # Not stripped: the message is kept exactly as sent.
    body = forms.CharField(
        strip=False,
        widget=forms.Textarea({"rows": 12}),
        error_messages={"required": "A recorded message needs its text."},
    )

    def __init__(
        self, *args: Any, message: Message, tz: tzinfo, now: datetime, **kwargs: Any
    ) -> None:
        local = message.sent_at.astimezone(tz)
        kwargs.setdefault(
            "initial",
            {
                "sent_on": local.date(),
                "sent_time": local.time().replace(second=0, microsecond=0),
                "channel": message.channel,
                "purpose": message.purpose,
                "subject": message.subject,
                "body": message.body,
            },
        )
        super().__init__(*args, **kwargs)
        self.tz, self.now = tz, now
        if message.purpose == Purpose.INTRODUCTION:
            # It names whom to introduce: it stays a request for an introduction.
            del self.fields["purpose"]

    def clean_body(self) -> str:
        body: str = self.cleaned_data["body"]
        if not body.strip():
            raise forms.ValidationError("A recorded message needs its text.")
        return body

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        day, at = data.get("sent_on"), data.get("sent_time")
        if day is None or at is None:
            return data
        sent_at = datetime.combine(day, time(at.hour, at.minute), tzinfo=self.tz)
        if sent_at > self.now:
            today = self.now.astimezone(self.tz)
            where = "sent_on" if day > today.date() else "sent_time"
            self.add_error(
                where,
                f"A sent message cannot be dated in the future (it is now "
                f"{_day(today.date())}, {today:%H:%M}).",
            )
        else:
            data["sent_at"] = sent_at
        return data

    def correction(self, message: Message) -> Correction:
        """The cleaned values as corrections.edit_message takes them."""
        data = self.cleaned_data
        return {
            "sent_at": data["sent_at"],
            "channel": data["channel"],
            "purpose": data.get("purpose", message.purpose),
            "subject": data["subject"],
            "body": data["body"],
        }
