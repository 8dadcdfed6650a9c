"""Step 6: what is owed to whom and when (thank-yous, referrals to contact, follow-ups)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import models
from django.db.models import Exists, OuterRef, Q

from coffeechat.core import calendar_sequence
from coffeechat.core.models import OwnedModel, OwnedQuerySet
from coffeechat.method.situation import ClosedBy
from coffeechat.method.today import Kind
from coffeechat.people.models import Contact

CLOSED_BY_CHOICES = [
    (ClosedBy.USER.value, "Done by you"),
    (ClosedBy.ACTION.value, "Done by what you recorded"),
    (ClosedBy.RETIRED.value, "Closed by Coffeechat"),
]


class FollowUpQuerySet(OwnedQuerySet):
    def open(self) -> FollowUpQuerySet:
        return self.filter(done_at__isnull=True)

    def owed(self, today: date) -> FollowUpQuerySet:
        """Open follow-ups still asked of the user: all but a polite follow-up never sent once
        its move-on has come (after 10 business days the method says move on, and a nudge that
        late would be the pestering it warns against)."""
        moved_on = FollowUp.objects.filter(
            contact=OuterRef("contact"), kind=Kind.MOVE_ON, done_at__isnull=True, due_on__lte=today
        )
        return self.open().exclude(Q(kind=Kind.NUDGE) & Exists(moved_on))


class FollowUp(OwnedModel):
    KIND_CHOICES = [
        (Kind.THANK_YOU.value, "Send a thank-you"),
        (Kind.NO_REPLY.value, "No reply yet"),
        (Kind.SCHEDULE.value, "Schedule the conversation"),
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
    # The record it follows from, where the plan anchors it (method.situation): deleting the
    # request or the reply takes what it started with it.
    message = models.ForeignKey(
        "outreach.Message", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    reply = models.ForeignKey(
        "outreach.Reply", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(max_length=30, choices=KIND_CHOICES)
    due_on = models.DateField()
    due_at = models.DateTimeField(null=True, blank=True, help_text="An exact deadline, if any.")
    note = models.CharField(max_length=300, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    # How it ended (method.situation.ClosedBy): by hand, by what you recorded, or retired by
    # Coffeechat because it no longer applies; the reason is shown with it.
    closed_by = models.CharField(max_length=10, choices=CLOSED_BY_CHOICES, blank=True)
    closed_reason = models.CharField(max_length=200, blank=True)
    # Grows each time what a calendar shows changes (see calendar_version), so subscribed
    # calendars replace the event instead of keeping the old one under the same UID.
    sequence = models.PositiveIntegerField(default=0)

    objects = FollowUpQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["owner", "done_at", "due_on"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.contact} by {self.due_on}"

    @property
    def is_done(self) -> bool:
        return self.done_at is not None

    @property
    def is_retired(self) -> bool:
        """Closed because it no longer applies, not because anything was done."""
        return self.closed_by == ClosedBy.RETIRED

    @property
    def was_done_by_hand(self) -> bool:
        """Marked done by the user (the only kind of ending the user can reopen); rows from
        before endings were told apart count as by hand."""
        return self.done_at is not None and self.closed_by in ("", ClosedBy.USER)

    @property
    def ending(self) -> str:
        """How it ended, in a few words: "Done", "Done: you sent the follow-up on Mon 7 Dec",
        "Closed: Grace agreed to talk"."""
        if self.done_at is None:
            return ""
        label = "Closed" if self.is_retired else "Done"
        return f"{label}: {self.closed_reason}" if self.closed_reason else label

    def calendar_version(self) -> tuple[object, ...]:
        return calendar_sequence.calendar_version(self, CALENDAR_FIELDS)

    @classmethod
    def from_db(cls, db: str | None, field_names: Any, values: Any) -> FollowUp:
        followup = super().from_db(db, field_names, values)
        if not followup.get_deferred_fields():  # reading a deferred field would cost a query
            followup._calendar_before = followup.calendar_version()
        return followup

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Save, and grow the SEQUENCE when what the calendar shows has changed.

        Here rather than in each service, because many of them change follow-ups (replanning
        keep-in-touch, rewriting a close-the-loop note, marking done, reopening)."""
        before = getattr(self, "_calendar_before", None)
        if before is None and not self._state.adding and self.pk is not None:
            stored = FollowUp.objects.filter(pk=self.pk).first()  # loaded partially: ask
            before = stored.calendar_version() if stored else None
        kwargs["update_fields"] = calendar_sequence.fields_to_save(
            self, kwargs.get("update_fields")
        )
        super().save(*args, **kwargs)
        calendar_sequence.bump_sequence_if_changed(self, before=before, fields=CALENDAR_FIELDS)
        self._calendar_before = self.calendar_version()


# What the calendar feed shows of a follow-up: its title (kind, whom), day, note, and whether it
# is still open (done ones leave the feed; reopened ones come back).
CALENDAR_FIELDS = ("kind", "contact_id", "due_on", "note", "is_done")
