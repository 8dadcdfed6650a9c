"""Step 3: the messages sent to a contact and the replies that came back."""

from __future__ import annotations

from django.db import models

from coffeechat.core.models import OwnedModel
from coffeechat.people.models import Contact


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

    class Meta:
        ordering = ["-sent_at"]
        indexes = [models.Index(fields=["owner", "contact", "sent_at"])]

    def __str__(self) -> str:
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

    def __str__(self) -> str:
        return f"Reply from {self.contact} on {self.received_on}"
