"""Mark done, and Undo right after it: the state before the click, exactly."""

from __future__ import annotations

from django.db import transaction

from coffeechat.pipeline.followups import services
from coffeechat.pipeline.followups.models import FollowUp


def mark_done(followup: FollowUp) -> bool:
    """Settle an open follow-up by hand; False if it was already done (a second click, a stale
    page), which leaves its first done time, the one an Undo would restore from."""
    if followup.is_done:
        return False
    with transaction.atomic():
        services.complete(followup)
    return True


def undo_done(followup: FollowUp) -> None:
    """Reopen a follow-up marked done. What marking it done closed along with it (a move-on's
    unsent nudge) follows from the plan, so it comes back with it."""
    if followup.done_at is None:
        return
    services.reopen(followup)
