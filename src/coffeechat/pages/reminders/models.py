"""One row per user per local day: the claim that makes the morning digest go out once.

Why a row claimed before sending, rather than a lock or a flag set afterwards: the digest may be
sent by any `coffeechat serve` process (several app servers each run the scheduler) or by
`coffeechat remind` from cron, at the same moment. Only the database is shared by all of them,
and its unique (owner, day) constraint lets exactly one INSERT win. The claim is committed on
its own, short transaction before the SMTP conversation starts and the outcome is written in a
second one afterwards: SQLite's IMMEDIATE transactions hold the write lock, and holding it for a
10-second SMTP timeout would stall every other write in the app.

States: "sending" (claimed), then "sent", "nothing_due" or "failed". A failed send keeps its row
(the error is shown on the profile page) and may be claimed again, by a CLI run or the "send
now" button at once, by the scheduler after a pause. "nothing_due" is final for the scheduler
and cron; only the button looks again. A "sending" claim older than STALE_CLAIM is
a process that died, and may be taken over: the one case where a digest could go out twice is a
crash in the instant between the server accepting the mail and the row saying "sent", and a
second copy then is better than a reminder that never arrives.
"""

from __future__ import annotations

from datetime import date, datetime

from django.db import IntegrityError, models, transaction

from coffeechat.foundation.accounts.models import User
from coffeechat.foundation.core.models import OwnedModel
from coffeechat.method.digest import may_take_over


class DigestState(models.TextChoices):
    SENDING = "sending", "Sending"
    SENT = "sent", "Sent"
    NOTHING_DUE = "nothing_due", "Nothing due"
    FAILED = "failed", "Failed"


class DigestSent(OwnedModel):
    day = models.DateField(help_text="The owner's local date the digest is for.")
    state = models.CharField(max_length=12, choices=DigestState.choices)
    claimed_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)
    recipient = models.CharField(max_length=254, blank=True)
    item_count = models.PositiveSmallIntegerField(default=0)
    error = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "day"], name="one_digest_per_user_and_day")
        ]
        verbose_name = "digest sent"
        verbose_name_plural = "digests sent"

    def __str__(self) -> str:
        return f"Digest of {self.day} for {self.owner_id}: {self.state}"

    @classmethod
    def claim(
        cls,
        owner: User,
        day: date,
        now: datetime,
        *,
        retry_failed: bool = False,
        reconsider_empty: bool = False,
    ) -> DigestSent | None:
        """Claim the owner's digest for `day`, or None when another run has it or it is done."""
        try:
            with transaction.atomic():
                return cls.objects.create(
                    owner=owner, day=day, state=DigestState.SENDING, claimed_at=now
                )
        except IntegrityError:
            pass
        existing = cls.objects.owned_by(owner).filter(day=day).first()
        if existing is None or not may_take_over(
            existing.state,
            existing.claimed_at,
            now,
            retry_failed=retry_failed,
            reconsider_empty=reconsider_empty,
        ):
            return None
        # Compare and swap: of two runs taking over the same row, one UPDATE matches.
        taken = (
            cls.objects.owned_by(owner)
            .filter(pk=existing.pk, state=existing.state, claimed_at=existing.claimed_at)
            .update(state=DigestState.SENDING, claimed_at=now, error="", updated_at=now)
        )
        if not taken:
            return None
        existing.state, existing.claimed_at, existing.error = DigestState.SENDING, now, ""
        return existing

    def finish(self, state: DigestState, *, at: datetime, **fields: object) -> None:
        """Record the outcome of this claim (its own short write)."""
        self.state = state
        if state == DigestState.SENT:
            self.sent_at = at
        for name, value in fields.items():
            setattr(self, name, value)
        self.save()

    @property
    def is_done(self) -> bool:
        return self.state in (DigestState.SENT, DigestState.NOTHING_DUE)
