"""Users, their profile (pitch, background, calendar settings) and the first-run setup token."""

from __future__ import annotations

import zoneinfo

from django.contrib.auth.models import AbstractUser
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from coffeechat.method.business_days import HolidayCalendar, public_holidays


class User(AbstractUser):
    """A Coffeechat user: a job seeker, a student or an advisor."""


class MessageRules(models.TextChoices):
    CLASSIC = "classic", "Classic: under 100 words, the connection first, no mention of jobs"
    STRICT = "strict", "Stricter: under 75 words, the request as a question, more about them"


class Profile(models.Model):
    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="profile")
    full_name = models.CharField(max_length=200, blank=True)
    headline = models.CharField(
        max_length=200,
        blank=True,
        help_text="One line about you, as it reads in a message: "
        "'a final-year economics student at Leeds'.",
    )
    school = models.CharField(max_length=200, blank=True)
    fields_of_interest = models.CharField(
        max_length=200, blank=True, help_text="How you name the field you are exploring."
    )
    elevator_pitch = models.TextField(
        blank=True, help_text="Thirty seconds on who you are and what you are exploring."
    )
    background_summary = models.TextField(
        blank=True, help_text="Your background and relevant experience, in a few lines (Markdown)."
    )
    time_zone = models.CharField(max_length=64, default="UTC")
    country = models.CharField(
        max_length=2, default="US", help_text="Two-letter country code for public holidays."
    )
    region = models.CharField(
        max_length=10, blank=True, help_text="State, province or region code, e.g. CA or BY."
    )
    message_rules = models.CharField(
        max_length=10,
        choices=MessageRules.choices,
        default=MessageRules.CLASSIC,
        help_text="What the message checker holds your outreach to.",
    )
    digest_enabled = models.BooleanField(
        "Send me a morning digest",
        default=True,
        help_text="An e-mail of what is due today and overdue, through your SMTP server.",
    )
    digest_hour = models.PositiveSmallIntegerField(
        "Digest hour",
        default=7,
        validators=[MinValueValidator(0), MaxValueValidator(23)],
        help_text="The hour (0-23, your time zone) the digest goes out.",
    )
    weekly_conversation_goal = models.PositiveSmallIntegerField(
        "Conversations per week (goal)",
        default=2,
        validators=[MaxValueValidator(50)],
        help_text="Shown against your conversations on the Insights page.",
    )

    def __str__(self) -> str:
        return f"Profile of {self.user}"

    @property
    def display_name(self) -> str:
        return self.full_name or self.user.get_full_name() or self.user.get_username()

    def holidays(self) -> HolidayCalendar:
        return public_holidays(self.country, self.region)

    def tz(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)


class SetupToken(models.Model):
    """The one-time link printed in the terminal on first run, kept as a hash only."""

    token_hash = models.CharField(max_length=128, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Setup token from {self.created_at:%Y-%m-%d %H:%M}"
