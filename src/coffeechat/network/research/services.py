"""Changing the target list."""

from __future__ import annotations

from django.utils import timezone

from coffeechat.network.research.models import Organization


def set_finished(organization: Organization, finished: bool) -> None:
    """Finished with a target for now, or back on the list (the day is the user's own)."""
    organization.finished_on = (
        timezone.localdate(timezone=organization.owner.profile.tz()) if finished else None
    )
    organization.save(update_fields=["finished_on", "updated_at"])
