"""Step 6: what is owed to whom and when (thank-yous, referrals to contact, follow-ups)."""

from __future__ import annotations

from datetime import date
from typing import ClassVar, Self

from django.db import models
from django.db.models import Exists, OuterRef, Q

from coffeechat.foundation.core import calendar_sequence
from coffeechat.foundation.core.models import OwnedModel, OwnedQuerySet
from coffeechat.method.situation import ClosedBy
from coffeechat.method.today import Kind
from coffeechat.network.people.models import Contact

CLOSED_BY_CHOICES = [
    ("", "Open"),
    (ClosedBy.USER.value, "Done by you"),
    (ClosedBy.ACTION.value, "Done by what you recorded"),
    (ClosedBy.RETIRED.value, "Closed by Coffeechat"),
]


class FollowUpQuerySet(OwnedQuerySet["FollowUp"]):
    def open(self) -> Self:
        return self.filter(done_at__isnull=True)

    def owed(self, today: date) -> Self:
        """Open follow-ups still asked of the user: all but a polite follow-up never sent once
        its move-on has come (after 10 business days the method says move on, and a nudge that
        late would be the pestering it warns against)."""
        moved_on = FollowUp.objects.filter(
            contact=OuterRef("contact"), kind=Kind.MOVE_ON, done_at__isnull=True, due_on__lte=today
        )
        return self.open().exclude(Q(kind=Kind.NUDGE) & Exists(moved_on))


FollowUpManager = models.Manager.from_queryset(FollowUpQuerySet)


class FollowUp(calendar_sequence.VersionedForCalendars, OwnedModel):
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
    # (a default in the database too, so the older migrations' inserts still work)
    closed_by = models.CharField(
        max_length=10, choices=CLOSED_BY_CHOICES, blank=True, default="", db_default=""
    )
    closed_reason = models.CharField(max_length=200, blank=True, default="", db_default="")
    # Grows each time what a calendar shows changes (see calendar_version), so subscribed
    # calendars replace the event instead of keeping the old one under the same UID.
    sequence = models.PositiveIntegerField(default=0)
    # What the calendar feed shows of a follow-up: its title (kind, whom), day, note, and
    # whether it is still open (done ones leave the feed; reopened ones come back).
    CALENDAR_FIELDS = ("kind", "contact_id", "due_on", "note", "is_done")

    objects: ClassVar[FollowUpManager[FollowUp]] = FollowUpManager()

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [
            # Today's open follow-ups by day, chosen and counted from the index alone: the
            # kind and person (is a polite follow-up still owed?) and the exact deadline (the
            # order) are in it, so the rows themselves are read only for the few shown.
            models.Index(
                fields=["owner", "done_at", "due_on", "kind", "contact", "due_at"],
                name="followup_owner_open_by_day",
            ),
            # The last change to any follow-up in one lookup: the version Today is cached under.
            models.Index(fields=["owner", "updated_at"], name="followup_owner_changed"),
        ]

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
        if self.closed_by == ClosedBy.USER and self.closed_reason:
            return self.closed_reason[:1].upper() + self.closed_reason[1:]  # "It fell through"
        label = "Closed" if self.is_retired else "Done"
        return f"{label}: {self.closed_reason}" if self.closed_reason else label

    def calendar_version(self) -> tuple[object, ...]:
        return calendar_sequence.calendar_version(self, self.CALENDAR_FIELDS)
