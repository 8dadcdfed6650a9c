"""Forms for steps 4 and 5: they translate what the user typed, the services do the writing."""

from __future__ import annotations

import zoneinfo
from datetime import UTC, datetime
from typing import Any, cast

from django import forms
from django.utils import timezone

from coffeechat.foundation.accounts.forms import time_zone_choices
from coffeechat.foundation.accounts.models import User
from coffeechat.method import clock
from coffeechat.method.cadence import DEFAULT_CONVERSATION_MINUTES
from coffeechat.pipeline.conversations import services
from coffeechat.pipeline.conversations.models import (
    CATEGORY_CHOICES,
    Conversation,
    ConversationQuestion,
    Mode,
    Question,
)

MIN_MINUTES = 10
MAX_MINUTES = 90
LENGTH_ERROR = (
    f"Choose a length between {MIN_MINUTES} and {MAX_MINUTES} minutes: "
    f"{DEFAULT_CONVERSATION_MINUTES} is what people usually agree to."
)
OPEN_ENDED_REMINDER = (
    "Open-ended questions only: never ask what a quick search or their profile answers."
)


def _in_zone(local: datetime, zone: str) -> datetime | None:
    """The local time in that zone, or None for a time skipped when the clocks go forward
    (it does not survive the round trip)."""
    aware = local.replace(tzinfo=zoneinfo.ZoneInfo(zone))
    if aware.astimezone(UTC).astimezone(aware.tzinfo).replace(tzinfo=None) != local:
        return None
    return aware


class ScheduleForm(forms.ModelForm):
    """When, how long and where: the local date and time are read in the chosen time zone."""

    date = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    time = forms.TimeField(
        label="Start time", widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    end_time = forms.TimeField(
        label="Ends at",
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        help_text="Optional: give an end time instead of a length.",
    )
    time_zone = forms.ChoiceField(
        choices=time_zone_choices, help_text="The zone the date and time above are in."
    )
    duration_minutes = forms.IntegerField(
        label="Length (minutes)",
        required=False,
        initial=DEFAULT_CONVERSATION_MINUTES,
        min_value=MIN_MINUTES,
        max_value=MAX_MINUTES,
        error_messages={"min_value": LENGTH_ERROR, "max_value": LENGTH_ERROR},
        help_text="Keep to what you asked for; 15-30 minutes is usual.",
    )

    class Meta:
        model = Conversation
        fields = ["duration_minutes", "mode", "place", "video_link", "phone", "goal"]
        widgets = {"goal": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "place": "The café or office address (coffee or in person).",
            "video_link": "Test it beforehand, from a quiet spot.",
            "phone": "The number to call, or the one they will call.",
        }

    field_order = ["date", "time", "end_time", "time_zone", "duration_minutes", "mode"]

    def __init__(self, *args: Any, owner: User, contact: object = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.owner = owner
        if contact is not None:
            self.instance.contact = contact
        if self.instance.pk:
            start = self.instance.local_start()
            self.initial.update(
                date=start.date(), time=start.time(), time_zone=self.instance.time_zone
            )
        else:
            self.initial.setdefault("time_zone", owner.profile.time_zone)
            self.initial.setdefault("phone", getattr(contact, "phone", ""))

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        self._check_logistics(data)
        self._check_length(data)
        day, at, zone = data.get("date"), data.get("time"), data.get("time_zone")
        if day and at and zone:
            data["scheduled_at"] = self._aware(datetime.combine(day, at), zone)
        return data

    def _check_length(self, data: dict[str, Any]) -> None:
        """An end time, when given, decides the length; it must come after the start."""
        start, end = data.get("time"), data.get("end_time")
        if start and end:
            minutes = (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)
            if minutes <= 0:
                self.add_error(
                    "end_time",
                    f"The end ({end:%H:%M}) is before the start ({start:%H:%M}): check the times.",
                )
            elif not MIN_MINUTES <= minutes <= MAX_MINUTES:
                self.add_error("end_time", LENGTH_ERROR)
            else:
                data["duration_minutes"] = minutes
        elif data.get("duration_minutes") is None and "duration_minutes" not in self.errors:
            self.add_error("duration_minutes", LENGTH_ERROR)

    def _check_logistics(self, data: dict[str, Any]) -> None:
        mode = data.get("mode")
        if mode == Mode.VIDEO and not data.get("video_link") and "video_link" not in self.errors:
            self.add_error("video_link", "A video call needs its link: paste it here.")
        if mode in (Mode.COFFEE, Mode.IN_PERSON) and not data.get("place"):
            self.add_error("place", "Say where you will meet: the café or the office address.")
        if mode == Mode.PHONE and not data.get("phone"):
            self.add_error("phone", "Add the phone number for the call.")

    def _aware(self, local: datetime, zone: str) -> datetime | None:
        aware = _in_zone(local, zone)
        if aware is None:
            self.add_error("time", f"{local:%H:%M} does not exist in {zone} that day.")
        return aware

    def save(self, commit: bool = True) -> Conversation:
        self.instance.scheduled_at = self.cleaned_data["scheduled_at"]
        self.instance.time_zone = self.cleaned_data["time_zone"]
        conversation: Conversation = super().save(commit)
        return conversation


class LogisticsForm(ScheduleForm):
    """Editing an existing conversation: the goal is edited on the prep page."""

    class Meta(ScheduleForm.Meta):
        fields = ["duration_minutes", "mode", "place", "video_link", "phone"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # As stored, before the posted values are copied onto the instance: the view hands it to
        # conversation_changes.logistics_edited after saving.
        self.calendar_before = services.calendar_version(self.instance)


class PrepForm(forms.ModelForm):
    class Meta:
        model = Conversation
        fields = ["person_research", "goal"]
        labels = {"person_research": "Research the person", "goal": "Your goal"}
        widgets = {
            "person_research": forms.Textarea(attrs={"rows": 6}),
            "goal": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "person_research": "Their path, their organization, recent news (Markdown). "
            "Never ask what this already answers.",
            "goal": "What you want to leave the conversation with.",
        }


class NotesForm(forms.ModelForm):
    class Meta:
        model = Conversation
        fields = ["notes"]
        labels = {"notes": "General notes"}
        widgets = {"notes": forms.Textarea(attrs={"rows": 6})}


class AnswerNotesForm(forms.ModelForm):
    class Meta:
        model = ConversationQuestion
        fields = ["notes"]


class PickQuestionsForm(forms.Form):
    questions = forms.ModelMultipleChoiceField(
        queryset=Question.objects.none(),
        error_messages={"required": "Tick at least one question to add."},
    )

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Only the user's own bank: another user's question ids are not valid choices.
        questions = cast(forms.ModelMultipleChoiceField, self.fields["questions"])
        questions.queryset = Question.objects.owned_by(owner)


class OwnQuestionForm(forms.Form):
    category = forms.ChoiceField(choices=CATEGORY_CHOICES)
    text = forms.CharField(label="Your question", max_length=500, help_text=OPEN_ENDED_REMINDER)


class BankQuestionForm(forms.ModelForm):
    class Meta:
        model = Question
        fields = ["category", "text"]
        labels = {"text": "Question"}
        help_texts = {"text": OPEN_ENDED_REMINDER}
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.owner = owner

    def clean_text(self) -> str:
        text: str = self.cleaned_data["text"].strip()
        clash = Question.objects.owned_by(self.instance.owner).filter(text__iexact=text)
        if clash.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError("This question is already in your bank.")
        return text


class ReferralForm(forms.Form):
    first_name = forms.CharField(max_length=100)
    last_name = forms.CharField(max_length=100, required=False)
    organization = forms.CharField(max_length=200, required=False)
    role = forms.CharField(max_length=200, required=False)
    email = forms.EmailField(required=False)
    may_use_name = forms.BooleanField(label="May I use your name?", required=False)


class TakeawayForm(forms.Form):
    text = forms.CharField(max_length=1000)

    def __init__(self, *args: Any, label: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["text"].label = label


class EndForm(forms.Form):
    learned = forms.CharField(
        label="What you learned",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Write down at least one thing you learned, while fresh."},
    )
    still_unknown = forms.CharField(
        label="What you still want to know",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    next_steps = forms.CharField(
        label="Your next steps", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class CorrectTimeForm(forms.Form):
    """A held conversation's real start (in its own time zone) and length, set by hand."""

    date = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    time = forms.TimeField(
        label="Started at", widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    held_minutes = forms.IntegerField(
        label="Length (minutes)",
        error_messages={"invalid": "Give the length as a whole number of minutes."},
    )

    def __init__(self, *args: Any, conversation: Conversation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.conversation = conversation
        # Not measured: the time and length agreed are the best guess to correct from.
        start = (conversation.started_at or conversation.scheduled_at).astimezone(
            zoneinfo.ZoneInfo(conversation.time_zone)
        )
        self.initial.update(
            date=start.date(),
            time=start.time().replace(second=0, microsecond=0),
            held_minutes=conversation.held_minutes or conversation.duration_minutes,
        )
        self.fields["time"].help_text = f"In {conversation.time_zone}, the conversation's zone."

    def clean_held_minutes(self) -> int:
        minutes: int = self.cleaned_data["held_minutes"]
        problem = clock.length_error(minutes)
        if problem:
            raise forms.ValidationError(problem)
        return minutes

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        day, at = data.pop("date", None), data.pop("time", None)
        if day is None or at is None:
            return data
        zone = self.conversation.time_zone
        started_at = _in_zone(datetime.combine(day, at), zone)
        if started_at is None:
            self.add_error("time", f"{at:%H:%M} does not exist in {zone} that day.")
        elif problem := clock.start_error(started_at, timezone.now()):
            self.add_error(None, problem)
        else:
            data["started_at"] = started_at
        return data
