"""Step 6: what is owed to whom and when (thank-yous, referrals to contact, follow-ups)."""

from __future__ import annotations

from django.db import models

from coffeechat.core.models import OwnedModel, OwnedQuerySet
from coffeechat.method.today import Kind
from coffeechat.people.models import Contact


class FollowUpQuerySet(OwnedQuerySet):
    def open(self) -> FollowUpQuerySet:
        return self.filter(done_at__isnull=True)


class FollowUp(OwnedModel):
    KIND_CHOICES = [
        (Kind.THANK_YOU.value, "Send a thank-you"),
        (Kind.NO_REPLY.value, "No reply yet"),
        (Kind.NUDGE.value, "Send one polite follow-up"),
        (Kind.MOVE_ON.value, "Move on"),
        (Kind.CONTACT_REFERRAL.value, "Contact a referral"),
        (Kind.FOLLOW_UP.value, "Follow up"),
        (Kind.KEEP_IN_TOUCH.value, "Keep in touch"),
        (Kind.CLOSE_THE_LOOP.value, "Close the loop"),
    ]

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="followups")
    conversation = models.ForeignKey(
        "conversations.Conversation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="followups",
    )
    kind = models.CharField(max_length=30, choices=KIND_CHOICES)
    due_on = models.DateField()
    due_at = models.DateTimeField(null=True, blank=True, help_text="An exact deadline, if any.")
    note = models.CharField(max_length=300, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)

    objects = FollowUpQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["owner", "done_at", "due_on"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.contact} by {self.due_on}"

    @property
    def is_done(self) -> bool:
        return self.done_at is not None
