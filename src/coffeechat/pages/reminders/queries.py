"""What the profile page and the digest page say about the user's morning digest."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from coffeechat.foundation.accounts.models import User
from coffeechat.pages.reminders.digest import local_now, recipient_for
from coffeechat.pages.reminders.models import DigestSent, DigestState
from coffeechat.pipeline.outreach import mail


@dataclass(frozen=True)
class DigestStatus:
    enabled: bool
    day: date  # the user's local today
    hour: str  # "07:00"
    time_zone: str
    no_server: bool
    recipient: str
    today: DigestSent | None
    last_sent: DigestSent | None

    @property
    def no_recipient(self) -> bool:
        return not self.no_server and not self.recipient

    @property
    def can_send(self) -> bool:
        return not self.no_server and bool(self.recipient)


def digest_problem(user: User) -> str:
    """Why a wanted digest cannot go out ("no server", "no address", or ""), without the
    history digest_status reads: two small queries at most (the profile, the
    user's own mail settings), cheap enough for Today, the page opened every morning."""
    if not user.profile.digest_enabled:
        return ""
    server = mail.smtp_server_for(user)
    if server is None:
        return "no server"
    return "" if recipient_for(user, server) else "no address"


def digest_status(user: User, now: datetime) -> DigestStatus:
    profile = user.profile
    server = mail.smtp_server_for(user)
    rows = DigestSent.objects.owned_by(user)
    day = local_now(user, now).date()
    return DigestStatus(
        enabled=profile.digest_enabled,
        day=day,
        hour=f"{profile.digest_hour:02d}:00",
        time_zone=profile.time_zone,
        no_server=server is None,
        recipient=recipient_for(user, server) if server else "",
        today=rows.filter(day=day).first(),
        last_sent=rows.filter(state=DigestState.SENT).order_by("-day").first(),
    )
