from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any, cast

from django import forms
from django.urls import reverse_lazy
from django.utils.dateparse import parse_date

from coffeechat.foundation.accounts.models import User
from coffeechat.method.messages import LINKEDIN_NOTE_LIMIT, character_count
from coffeechat.method.network_update import Milestone
from coffeechat.method.wording.kinds import Tie, ties_text
from coffeechat.network.people.models import Contact, HowKnown
from coffeechat.pipeline.outreach.models import (
    Channel,
    EmailSettings,
    MessageTemplate,
    Outcome,
    Purpose,
    Security,
)


def _day(value: date) -> str:
    return f"{value:%a} {value.day} {value:%b %Y}"


# How a channel reads after "Mark as sent" (the page's script words it the same way).
CHANNEL_PHRASES = {
    Channel.EMAIL.value: "by Email",
    Channel.LINKEDIN.value: "by LinkedIn",
    Channel.PHONE.value: "by Phone",
    Channel.IN_PERSON.value: "in person",
    Channel.INTRODUCTION.value: "through a mutual contact",
}


def _parsed(value: str) -> date | None:
    try:
        return parse_date(value)
    except ValueError:  # the right shape, but no such day
        return None


def sent_label(channel: object, sent_on: object, today: date) -> str:
    """ "by LinkedIn today, Wed 2 Dec", "by Email on Mon 30 Nov": the channel and the day a
    message marked sent is recorded with (either left out while not chosen)."""
    how = CHANNEL_PHRASES.get(str(channel or ""), "")
    day = sent_on if isinstance(sent_on, date) else _parsed(str(sent_on or ""))
    when = ""
    if day is not None:
        shown = f"{day:%a} {day.day} {day:%b}" + ("" if day.year == today.year else f" {day:%Y}")
        if day == today:
            when = f"today, {shown}"
        elif day == today - timedelta(days=1):
            when = f"yesterday, {shown}"
        else:
            when = f"on {shown}"
    return " ".join(part for part in (how, when) if part)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, str] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


# Typing in the subject or body refreshes the counts, the checker's findings and the mailto link.
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
    channel = forms.ChoiceField(
        label="Sent by",
        choices=Channel.choices,
        widget=forms.Select({**_PREVIEW, "hx-trigger": "change"}),
        error_messages={"required": "Say how you sent it."},
    )
    template = forms.ModelChoiceField(
        queryset=MessageTemplate.objects.none(), required=False, widget=forms.HiddenInput
    )

    def __init__(
        self,
        *args: Any,
        today: date,
        owner: User,
        purpose: str,
        to: Contact | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.today = today
        self.purpose = purpose
        self.to = to
        templates = cast(forms.ModelChoiceField, self.fields["template"])
        templates.queryset = MessageTemplate.objects.owned_by(owner)
        if to is not None and not to.email:
            # Nothing is preselected that could not be true: the user says how it went.
            channels = cast(forms.ChoiceField, self.fields["channel"])
            channels.choices = [("", "Choose how you sent it"), *(
                (value, "Email (no address on file)" if value == Channel.EMAIL else label)
                for value, label in Channel.choices
            )]  # fmt: skip

    def clean_body(self) -> str:
        body: str = self.cleaned_data["body"]
        if not body.strip():
            raise forms.ValidationError("Write the message before marking it sent.")
        return body

    def clean_sent_on(self) -> date:
        day: date = self.cleaned_data["sent_on"]
        if day > self.today:
            raise forms.ValidationError(
                f"The sent date cannot be in the future (today is {_day(self.today)})."
            )
        return day

    def clean_channel(self) -> str:
        channel: str = self.cleaned_data["channel"]
        if channel == Channel.EMAIL and self.to is not None and not self.to.email:
            raise forms.ValidationError(
                f"{self.to.full_name} has no email address on file, so it cannot have gone by "
                "email: add their address to their contact first, or choose how you sent it."
            )
        return channel

    def sent_label(self) -> str:
        """What "Mark as sent" will record, on the button: "by LinkedIn today, Wed 2 Dec"."""
        return sent_label(self["channel"].value(), self["sent_on"].value(), self.today)

    def channel_phrases_json(self) -> str:
        return json.dumps(CHANNEL_PHRASES)

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        body = data.get("body", "")
        # The cap is on the note sent with a connection request; someone you are already
        # connected with gets a message, which has none.
        connected = self.to is not None and self.to.how_known == HowKnown.LINKEDIN
        if (
            data.get("channel") == Channel.LINKEDIN
            and self.purpose == Purpose.REQUEST
            and not connected
        ):
            length = character_count(body)
            if length > LINKEDIN_NOTE_LIMIT:
                self.add_error(
                    "body",
                    f"LinkedIn caps connection notes at {LINKEDIN_NOTE_LIMIT} characters; "
                    f"this one has {length}.",
                )
        return data


class TemplateForm(forms.ModelForm):
    ties = forms.MultipleChoiceField(
        label="Written for",
        choices=[(tie.value, tie.label) for tie in Tie],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Who it suits (none ticked: anyone). Compose picks the template written for "
        "the person's tie.",
    )

    class Meta:
        model = MessageTemplate
        fields = ["name", "situation", "channel", "ties", "subject", "body"]
        widgets = {"body": forms.Textarea({"rows": 12})}
        help_texts = {"subject": "Emails only; a LinkedIn note has none."}
        error_messages = {
            "name": {"required": "Give the template a name."},
            "body": {"required": "A template needs some text."},
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound and self.instance.pk:
            self.initial["ties"] = self.instance.ties.split()

    def clean_ties(self) -> str:
        return ties_text(frozenset(Tie(value) for value in self.cleaned_data["ties"]))


class EmailSettingsForm(forms.ModelForm):
    """The user's own SMTP server. The password is write-only: never rendered back."""

    password = forms.CharField(
        required=False,
        strip=False,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
        help_text="Stored encrypted. Leave empty to keep the saved one.",
    )
    forget_password = forms.BooleanField(label="Remove the saved password", required=False)
    field_order = ["host", "port", "security", "username", "password", "forget_password"]

    class Meta:
        model = EmailSettings
        fields = ["host", "port", "security", "username", "from_address"]
        labels = {"security": "Encryption", "username": "Username"}
        widgets = {"host": forms.TextInput(attrs={"autocomplete": "off"})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.instance.has_password:
            del self.fields["forget_password"]

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("host") and not data.get("from_address"):
            self.add_error("from_address", "Give the address your messages should come from.")
        if data.get("security") == Security.NONE and data.get("password"):
            host = data.get("host", "")
            if host not in ("127.0.0.1", "localhost", "::1"):
                self.add_error(
                    "security",
                    "Without encryption the password would cross the network in clear: "
                    "choose STARTTLS or SSL/TLS.",
                )
        return data


class ReplyForm(forms.Form):
    received_on = forms.DateField(label="Received on", widget=DateInput())
    outcome = forms.ChoiceField(choices=Outcome.choices, initial=Outcome.AGREED)
    note = forms.CharField(
        required=False,
        widget=forms.Textarea({"rows": 4}),
        help_text="What they said; if they declined, the reason they gave.",
    )

    def __init__(self, *args: Any, today: date, earliest: date | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today
        self.earliest = earliest

    def clean_received_on(self) -> date:
        day: date = self.cleaned_data["received_on"]
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


class LogReplyForm(ReplyForm):
    """Logging a reply in full: what they said, and whom they suggested instead."""

    # "Not me, but try my colleague Sam": the person becomes the next one to write to there.
    suggested_first_name = forms.CharField(
        label="They suggested someone else: first name",
        max_length=100,
        required=False,
        help_text="Optional. Added to your contacts at the same organization, "
        "as introduced by them: your next move there.",
    )
    suggested_last_name = forms.CharField(label="Last name", max_length=100, required=False)
    suggested_role = forms.CharField(label="Their role", max_length=200, required=False)

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        named = any(cleaned.get(name) for name in ("suggested_last_name", "suggested_role"))
        if named and not cleaned.get("suggested_first_name", "").strip():
            self.add_error(
                "suggested_first_name", "Give at least the first name of the person suggested."
            )
        return cleaned


class MilestoneForm(forms.Form):
    """What happened, in a line, and who should hear about it (Keep your network posted)."""

    milestone = forms.ChoiceField(
        label="What happened", choices=[(m.value, m.label) for m in Milestone]
    )
    detail = forms.CharField(
        label="In one line",
        max_length=200,
        help_text="For example: I start at Acme as an analyst on 3 March.",
        error_messages={"required": "Say in one line what happened."},
    )
    people = forms.TypedMultipleChoiceField(
        label="Who to tell",
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Tick at least one person to write to."},
    )

    def __init__(self, *args: Any, people: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.MultipleChoiceField, self.fields["people"]).choices = people


class UpdateDraftForm(SendForm):
    """One drafted update on the network update page: the compose form without its live
    checker (which belongs to the compose page)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("subject", "body", "channel"):
            attrs = self.fields[name].widget.attrs
            for key in [key for key in attrs if key.startswith("hx-")]:
                del attrs[key]
        self.fields["body"].widget.attrs["rows"] = 9
