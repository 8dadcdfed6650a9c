"""Steps 4 and 5: preparing and holding a conversation, and what it yields."""

from __future__ import annotations

import zoneinfo
from datetime import datetime, timedelta

from django.db import models
from django.urls import reverse

from coffeechat.foundation.core import calendar_sequence
from coffeechat.foundation.core.models import OwnedModel, WebAddressField
from coffeechat.method.cadence import DEFAULT_CONVERSATION_MINUTES
from coffeechat.method.clock import Clock
from coffeechat.method.questions import Category
from coffeechat.network.people.models import Contact

CATEGORY_CHOICES = [(c.value, c.value.capitalize()) for c in Category]


class Question(OwnedModel):
    """A question in the user's bank: seeded from the built-in set, then the user's own."""

    category = models.CharField(max_length=30, choices=CATEGORY_CHOICES)
    text = models.CharField(max_length=500)
    built_in = models.BooleanField(default=False)

    class Meta:
        ordering = ["category", "id"]

    def __str__(self) -> str:
        return self.text


class Mode(models.TextChoices):
    COFFEE = "coffee", "Coffee"
    VIDEO = "video", "Video call"
    PHONE = "phone", "Phone"
    IN_PERSON = "in_person", "In person (office)"


class Status(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    IN_PROGRESS = "in_progress", "In progress"
    HELD = "held", "Held"
    CANCELLED = "cancelled", "Cancelled"


class Conversation(calendar_sequence.VersionedForCalendars, OwnedModel):
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="conversations")
    scheduled_at = models.DateTimeField()
    time_zone = models.CharField(max_length=64, default="UTC")
    duration_minutes = models.PositiveSmallIntegerField(default=DEFAULT_CONVERSATION_MINUTES)
    mode = models.CharField(max_length=20, choices=Mode.choices, default=Mode.VIDEO)
    place = models.CharField(max_length=300, blank=True, help_text="Address or café.")
    video_link = WebAddressField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    goal = models.TextField(blank=True, help_text="What you want from this conversation.")
    person_research = models.TextField(
        blank=True, help_text="What you learned about them beforehand (Markdown)."
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SCHEDULED)
    # The clock: set by Start (its real start once held), paused and resumed by hand.
    started_at = models.DateTimeField(null=True, blank=True)
    paused_seconds = models.PositiveIntegerField(default=0)
    paused_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    # What the clock measured (or the user corrected); None when the clock never ran.
    held_minutes = models.PositiveSmallIntegerField("Length (minutes)", null=True, blank=True)
    agenda_done = models.JSONField(default=list, blank=True)
    notes = models.TextField(blank=True)
    learned = models.TextField("What you learned", blank=True)
    still_unknown = models.TextField("What you still want to know", blank=True)
    next_steps = models.TextField("Your next steps", blank=True)
    # Grows each time the time, place or status changes, so calendars replace the event.
    sequence = models.PositiveIntegerField(default=0)
    # What a calendar shows of it: a change to any of these is a new version of its event.
    CALENDAR_FIELDS = (
        "scheduled_at",
        "time_zone",
        "duration_minutes",
        "mode",
        "place",
        "video_link",
        "phone",
        "status",
    )

    class Meta:
        ordering = ["-scheduled_at"]
        indexes = [
            models.Index(fields=["owner", "status", "scheduled_at"]),
            # The Conversations list's "All" view: every status, by date.
            models.Index(fields=["owner", "scheduled_at"], name="conversation_owner_when"),
            # The last change to any conversation in one lookup: Insights' cache version.
            models.Index(fields=["owner", "updated_at"], name="conversation_owner_changed"),
            # Has this person a conversation that is not cancelled (Today: who said yes)?
            models.Index(fields=["contact", "status"], name="conversation_contact_status"),
        ]

    def __str__(self) -> str:
        return f"Conversation with {self.contact} on {self.local_start():%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return reverse("conversations:detail", args=[self.pk])

    def local_start(self) -> datetime:
        return self.scheduled_at.astimezone(zoneinfo.ZoneInfo(self.time_zone))

    @property
    def scheduled_end(self) -> datetime:
        return self.scheduled_at + timedelta(minutes=self.duration_minutes)

    @property
    def is_open(self) -> bool:
        return self.status in (Status.SCHEDULED, Status.IN_PROGRESS)

    @property
    def happened_at(self) -> datetime:
        """When it really took place: its real start once started, else the time agreed."""
        return self.started_at or self.scheduled_at

    def local_happened_at(self) -> datetime:
        """happened_at in the conversation's own time zone: the day a thank-you names, and the
        day a referral's three business days count from."""
        return self.happened_at.astimezone(zoneinfo.ZoneInfo(self.time_zone))

    def clock(self) -> Clock:
        return Clock(self.started_at, self.paused_seconds, self.paused_at)


class ConversationQuestion(models.Model):
    """A question chosen for one conversation, with the answer's notes under it."""

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="questions"
    )
    text = models.CharField(max_length=500)
    category = models.CharField(max_length=30, blank=True)
    position = models.PositiveIntegerField(default=0)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.text


class Takeaway(models.Model):
    class Kind(models.TextChoices):
        ADVICE = "advice", "Advice"
        RESOURCE = "resource", "Resource"

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="takeaways"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    text = models.CharField(max_length=1000)
    created_at = models.DateTimeField(auto_now_add=True)
    # When the user acted on the advice; the giver is then owed a "close the loop" update.
    acted_on_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.text


class Referral(models.Model):
    """Someone the person suggested you talk to; becomes a contact introduced by them."""

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="referrals"
    )
    contact = models.OneToOneField(Contact, on_delete=models.CASCADE, related_name="referred_in")
    may_use_name = models.BooleanField("May you use their name?", default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.contact} (referred in {self.conversation})"
