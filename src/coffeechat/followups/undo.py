"""Mark done, and Undo right after it: the state before the click, exactly."""

from __future__ import annotations

from django.db import transaction

from coffeechat.followups import services
from coffeechat.followups.models import FollowUp
from coffeechat.method.today import Kind


def mark_done(followup: FollowUp) -> bool:
    """Settle an open follow-up by hand; False if it was already done (a second click, a stale
    page), which leaves its first done time, the one an Undo would restore from."""
    if followup.is_done:
        return False
    with transaction.atomic():
        services.complete(followup)
    return True


def undo_done(followup: FollowUp) -> None:
    """Reopen a follow-up marked done, and what marking it done settled along with it.

    services.complete settles a move-on's open nudge at the very same moment; services.reopen
    (the Reopen button, days later) leaves that nudge closed, but an Undo puts it back. Reopening
    a keep-in-touch replans, which drops the next one that marking it done planned."""
    done_at = followup.done_at
    if done_at is None:
        return
    with transaction.atomic():
        settled_with_it = []
        if followup.kind == Kind.MOVE_ON:
            settled_with_it = list(
                followup.contact.followups.filter(kind=Kind.NUDGE, done_at=done_at)
            )
        services.reopen(followup)
        for other in settled_with_it:
            services.reopen(other)
