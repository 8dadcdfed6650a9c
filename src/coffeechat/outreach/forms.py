from __future__ import annotations

from datetime import date

from django import forms
from django.urls import reverse_lazy

from coffeechat.outreach.models import Channel, Outcome


def _day(value: date) -> str:
    return f"{value:%a} {value.day} {value:%b %Y}"


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, str] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


# Typing in the subject or body refreshes the word count and the mailto link.
_PREVIEW = {
    "hx-post": reverse_lazy("outreach:preview"),
    "hx-trigger": "input delay:400ms",
    "hx-target": "#message-check",
    "hx-swap": "outerHTML",
}


class SendForm(forms.Form):
    """The message as it was actually sent, and when and how."""

    subject = forms.CharField(max_length=300, required=False, widget=forms.TextInput(_PREVIEW))
    # Not stripped: the message is kept exactly as sent.
    body = forms.CharField(
        strip=False,
        widget=forms.Textarea({**_PREVIEW, "rows": 14}),
        error_messages={"required": "Write the message before marking it sent."},
    )
    sent_on = forms.DateField(label="Sent on", widget=DateInput())
    channel = forms.ChoiceField(label="Sent by", choices=Channel.choices)

    def __init__(self, *args: object, today: date, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.today = today

    def clean_body(self) -> str:
        body = self.cleaned_data["body"]
        if not body.strip():
            raise forms.ValidationError("Write the message before marking it sent.")
        return body

    def clean_sent_on(self) -> date:
        day = self.cleaned_data["sent_on"]
        if day > self.today:
            raise forms.ValidationError(
                f"The sent date cannot be in the future (today is {_day(self.today)})."
            )
        return day


class ReplyForm(forms.Form):
    received_on = forms.DateField(label="Received on", widget=DateInput())
    outcome = forms.ChoiceField(choices=Outcome.choices, initial=Outcome.AGREED)
    note = forms.CharField(
        required=False,
        widget=forms.Textarea({"rows": 4}),
        help_text="What they said; if they declined, the reason they gave.",
    )

    def __init__(self, *args: object, today: date, earliest: date | None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.today = today
        self.earliest = earliest

    def clean_received_on(self) -> date:
        day = self.cleaned_data["received_on"]
        if day > self.today:
            raise forms.ValidationError(
                f"The reply date cannot be in the future (today is {_day(self.today)})."
            )
        if self.earliest and day < self.earliest:
            raise forms.ValidationError(
                f"Your first request went out on {_day(self.earliest)}: "
                "the reply cannot be earlier than that."
            )
        return day
