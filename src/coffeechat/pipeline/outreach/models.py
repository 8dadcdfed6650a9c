"""Step 3: the messages sent to a contact and the replies that came back."""

from __future__ import annotations

import zoneinfo

from django.conf import settings
from django.db import models
from django.urls import reverse

from coffeechat.foundation.core.models import OwnedModel
from coffeechat.method.messages import Situation
from coffeechat.method.wording.kinds import Tie, parse_ties
from coffeechat.network.people.models import Contact


class Channel(models.TextChoices):
    EMAIL = "email", "Email"
    LINKEDIN = "linkedin", "LinkedIn"
    PHONE = "phone", "Phone"
    IN_PERSON = "in_person", "In person"
    INTRODUCTION = "introduction", "Introduction by a mutual contact"


class Purpose(models.TextChoices):
    REQUEST = "request", "Request for a conversation"
    FOLLOW_UP = "follow_up", "Follow-up"
    THANK_YOU = "thank_you", "Thank-you"
    UPDATE = "update", "Update"
    # To a mutual contact, asking them to introduce you to someone (Message.introduction_to).
    INTRODUCTION = "introduction", "Request for an introduction"


class TemplateChannel(models.TextChoices):
    EMAIL = "email", "Email"
    LINKEDIN = "linkedin", "LinkedIn"
    PHONE = "phone", "Phone"
    IN_PERSON = "in_person", "In person"


class MessageTemplate(OwnedModel):
    """One of the user's message templates: seeded from the built-in set, then their own."""

    name = models.CharField(max_length=120)
    situation = models.CharField(
        max_length=30,
        choices=[(situation.value, situation.label) for situation in Situation],
        default=Situation.COLD_EMAIL.value,
        help_text="When you would use it; compose picks a template by situation.",
    )
    channel = models.CharField(
        max_length=20, choices=TemplateChannel.choices, default=TemplateChannel.EMAIL
    )
    # The ties it is written for, space-separated ("friend family"); empty: any tie.
    ties = models.CharField(
        "Written for", max_length=200, blank=True,
        help_text="Who it suits; compose picks the template written for the person's tie.",
    )  # fmt: skip
    subject = models.CharField(max_length=300, blank=True)
    body = models.TextField()
    built_in = models.BooleanField(default=False)

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("outreach:template_edit", args=[self.pk])

    @property
    def situation_enum(self) -> Situation:
        return Situation(self.situation)

    @property
    def tie_set(self) -> frozenset[Tie]:
        return parse_ties(self.ties)

    @property
    def tie_labels(self) -> list[str]:
        return [Tie(tie).label for tie in self.ties.split() if tie in self.tie_set]


class Message(OwnedModel):
    """A message to a contact, kept exactly as it was sent."""

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="messages")
    conversation = models.ForeignKey(
        "conversations.Conversation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="messages",
    )
    purpose = models.CharField(max_length=20, choices=Purpose.choices, default=Purpose.REQUEST)
    channel = models.CharField(max_length=20, choices=Channel.choices, default=Channel.EMAIL)
    subject = models.CharField(max_length=300, blank=True)
    body = models.TextField()
    sent_at = models.DateTimeField()
    # Asking for an introduction: the message is stored on the mutual contact it went to, and
    # this is the person they were asked to introduce you to (whose own routine it leaves alone).
    introduction_to = models.ForeignKey(
        Contact,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="introductions_asked",
    )
    # Which template the message started from, for the templates' reply rates.
    template = models.ForeignKey(
        MessageTemplate,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="messages",
    )

    class Meta:
        ordering = ["-sent_at"]
        indexes = [
            models.Index(fields=["owner", "contact", "sent_at"]),
            # Each contact's history (first request, last thank-you...) is one lookup per
            # contact by purpose and time: Contacts, Today and Insights read it per row.
            models.Index(fields=["contact", "purpose", "sent_at"], name="message_contact_purpose"),
            # The sent-messages list: newest first, whole or narrowed to a purpose or channel.
            models.Index(fields=["owner", "-sent_at"], name="message_owner_sent"),
            models.Index(fields=["owner", "purpose", "-sent_at"], name="message_owner_purpose"),
            models.Index(fields=["owner", "channel", "-sent_at"], name="message_owner_channel"),
            # The last change to anyone's messages in one lookup: Insights' cache version.
            models.Index(fields=["owner", "updated_at"], name="message_owner_changed"),
        ]

    def __str__(self) -> str:
        if self.introduction_to_id:
            return f"Asked {self.contact} to introduce you to {self.introduction_to}"
        return f"{self.get_purpose_display()} to {self.contact}"


class Outcome(models.TextChoices):
    AGREED = "agreed", "Agreed to talk"
    REPLIED = "replied", "Replied (not decided yet)"
    DECLINED = "declined", "Declined"


class Reply(OwnedModel):
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="replies")
    received_on = models.DateField()
    outcome = models.CharField(max_length=20, choices=Outcome.choices, default=Outcome.AGREED)
    note = models.TextField(blank=True, help_text="What they said, or why they declined.")

    class Meta:
        ordering = ["-received_on", "-created_at"]
        verbose_name_plural = "replies"
        # A contact's first and last reply, and "a reply on or after this day", by index.
        indexes = [
            models.Index(fields=["contact", "received_on"], name="reply_contact_day"),
            # The last change to anyone's replies in one lookup: Insights' cache version.
            models.Index(fields=["owner", "updated_at"], name="reply_owner_changed"),
        ]

    def __str__(self) -> str:
        return f"Reply from {self.contact} on {self.received_on}"


class Security(models.TextChoices):
    STARTTLS = "starttls", "STARTTLS (usually port 587)"
    SSL = "ssl", "SSL/TLS from the start (usually port 465)"
    NONE = "none", "None (only for a server on this machine)"


class EmailSettings(models.Model):
    """The user's own outgoing mail server; the password is kept encrypted (outreach.secrets)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="email_settings"
    )
    host = models.CharField(
        "SMTP server", max_length=255, blank=True, help_text="e.g. smtp.example.org"
    )
    port = models.PositiveIntegerField(default=587)
    username = models.CharField(max_length=255, blank=True)
    password_encrypted = models.TextField(blank=True, editable=False)
    security = models.CharField(max_length=10, choices=Security.choices, default=Security.STARTTLS)
    from_address = models.EmailField(
        "From address", blank=True, help_text="The address your messages come from."
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "email settings"

    def __str__(self) -> str:
        return f"Email settings of {self.user}"

    @property
    def is_configured(self) -> bool:
        return bool(self.host and self.from_address)

    @property
    def has_password(self) -> bool:
        return bool(self.password_encrypted)


class Draft(OwnedModel):
    """A message being written on the compose page, kept as the user edits it so that leaving
    the page (or a server restart) loses nothing: one per contact, purpose and template (and
    conversation, for a thank-you), until it is recorded as sent or discarded."""

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="drafts")
    purpose = models.CharField(max_length=20, choices=Purpose.choices, default=Purpose.REQUEST)
    # The template it was started from; a deleted template leaves the text in place.
    template = models.ForeignKey(
        MessageTemplate, on_delete=models.SET_NULL, null=True, blank=True, related_name="drafts"
    )
    conversation = models.ForeignKey(
        "conversations.Conversation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="drafts",
    )
    subject = models.CharField(max_length=300, blank=True)
    body = models.TextField(blank=True)

    class Meta:
        ordering = ["-updated_at", "-id"]
        indexes = [models.Index(fields=["owner", "-updated_at"])]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} to {self.contact}"

    def get_absolute_url(self) -> str:
        """The compose page that reopens this draft."""
        if self.conversation_id:
            page = reverse("outreach:thank_you", args=[self.conversation_id])
        else:
            page = reverse("outreach:compose", args=[self.contact_id])
        return f"{page}?draft={self.pk}"


class ScheduledState(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    SENDING = "sending", "Sending"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"


class ScheduledMessage(OwnedModel):
    """A message written on the compose page to go out by e-mail later ("Send later").

    It is not a Message until it has left: the scheduler claims it (state "scheduled" to
    "sending", one UPDATE that only one process can win), sends it through the user's mail
    server and then records the Message, dated the moment it left. Until then it can be edited
    or cancelled (its text goes back to a draft)."""

    # Who it goes to and whose timeline it is kept on (the mutual contact, for an introduction).
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="scheduled")
    purpose = models.CharField(max_length=20, choices=Purpose.choices, default=Purpose.REQUEST)
    # Named (not "+"), so that merging two contacts moves it like every relation to a contact.
    introduction_to = models.ForeignKey(
        Contact,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="scheduled_introductions",
    )
    conversation = models.ForeignKey(
        "conversations.Conversation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="scheduled_messages",
    )
    template = models.ForeignKey(
        MessageTemplate, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    subject = models.CharField(max_length=300, blank=True)
    body = models.TextField()
    send_at = models.DateTimeField(help_text="When the user asked it to leave.")
    # The time zone the moment was chosen in (theirs or the user's), and which it was, in words.
    time_zone = models.CharField(max_length=64, default="UTC")
    zone_note = models.CharField(max_length=200, blank=True)
    state = models.CharField(
        max_length=12, choices=ScheduledState.choices, default=ScheduledState.SCHEDULED
    )
    # When the scheduler may next try: send_at, then later after each failed try.
    next_try_at = models.DateTimeField()
    attempts = models.PositiveSmallIntegerField(default=0)
    error = models.TextField(blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    message = models.ForeignKey(
        Message, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["send_at", "id"]
        indexes = [
            # The scheduler's question each minute: what is due, across every user.
            models.Index(fields=["state", "next_try_at"], name="scheduled_due"),
            models.Index(fields=["owner", "state", "send_at"], name="scheduled_owner_state"),
        ]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} to {self.contact}, at {self.send_at:%Y-%m-%d %H:%M}"

    def get_absolute_url(self) -> str:
        return reverse("outreach:scheduled_edit", args=[self.pk])

    def tz(self) -> zoneinfo.ZoneInfo:
        """The zone its moment was chosen in (theirs, or the user's)."""
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def is_pending(self) -> bool:
        """Still to leave: it can be edited or cancelled."""
        return self.state in (ScheduledState.SCHEDULED, ScheduledState.FAILED)
