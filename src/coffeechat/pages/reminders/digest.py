"""The morning digest: who is due one, what it says, and sending it once through SMTP.

One routine (`run`) serves `coffeechat remind` from cron and the scheduler thread inside
`coffeechat serve`; the "Send today's digest now" button calls `send_digest` directly. The
DigestSent claim makes it safe for all of them to run at the same moment.

When nothing is overdue or due today, no e-mail goes out and the day counts as done: the Today
list of a morning hardly changes during the day, and re-reading every user's list every minute
would cost more than the rare late addition is worth (the button still sends it).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from coffeechat.foundation.accounts.models import User
from coffeechat.method import digest as rules
from coffeechat.pages.reminders.models import DigestSent, DigestState
from coffeechat.pages.today.queries import today_list
from coffeechat.pipeline.outreach import mail
from coffeechat.pipeline.outreach.models import EmailSettings

DEFAULT_BASE_URL = "http://127.0.0.1:8000"
SENDER_NAME = "Coffeechat"
NO_SERVER = (
    "no SMTP server is configured: set COFFEECHAT_SMTP_HOST and COFFEECHAT_SMTP_FROM "
    "(with COFFEECHAT_SMTP_PORT, COFFEECHAT_SMTP_USER and COFFEECHAT_SMTP_PASSWORD as the "
    "server needs), or fill in Email sending on the profile page"
)
NO_RECIPIENT = (
    "the account has no e-mail address to send the digest to: fill in Email sending on the "
    "profile page with your own From address, or ask the administrator to add your address"
)


class Status(StrEnum):
    SENT = "sent"
    WOULD_SEND = "would send"
    NOTHING_DUE = "nothing due"
    DONE = "already done today"
    BUSY = "being sent by another run"
    RETRY_LATER = "failed earlier, retried later"
    NOT_YET = "not yet the hour"
    OFF = "digest off"
    NO_SERVER = "no SMTP server"
    NO_RECIPIENT = "no address"
    FAILED = "failed"


FAILURES = frozenset({Status.NO_SERVER, Status.NO_RECIPIENT, Status.FAILED})


@dataclass(frozen=True)
class Outcome:
    """What happened to one user's digest on one run, with a line to print or log."""

    user: User
    status: Status
    detail: str = ""
    recipient: str = ""
    digest: rules.Digest | None = None

    @property
    def failed(self) -> bool:
        return self.status in FAILURES

    def line(self) -> str:
        who = self.user.get_username()
        if self.digest is not None and self.status in (Status.SENT, Status.WOULD_SEND):
            return f'{who}: {self.status} "{self.digest.subject}" to {self.recipient}'
        if self.failed:
            return f"{who}: not sent: {self.detail}"
        return f"{who}: {self.detail or self.status}"


# Reading -------------------------------------------------------------------------------------


def base_url() -> str:
    """Where the e-mail's links point: COFFEECHAT_BASE_URL, else the local default."""
    return settings.COFFEECHAT_BASE_URL or DEFAULT_BASE_URL


def links(base: str | None = None) -> rules.Links:
    base = (base or base_url()).rstrip("/")
    return rules.Links(
        base=base,
        today=base + reverse("followups:today"),
        profile=base + reverse("accounts:profile"),
        all_due=base + reverse("followups:list") + "?due=overdue",
    )


def local_now(user: User, now: datetime) -> datetime:
    return now.astimezone(user.profile.tz())


def hour_label(user: User) -> str:
    return f"{user.profile.digest_hour:02d}:00 ({user.profile.time_zone})"


def wanting(usernames: Iterable[str] | None = None) -> list[User]:
    """Users who want the digest; or the named ones, whether they want it or not."""
    users = User.objects.filter(is_active=True).select_related("profile").order_by("username")
    if usernames is not None:
        return list(users.filter(username__in=list(usernames)))
    return list(users.filter(profile__digest_enabled=True))


def rows_for_today(users: list[User], now: datetime) -> dict[int, DigestSent]:
    """Each user's DigestSent row for their own local today, in one query."""
    days = {user.pk: local_now(user, now).date() for user in users}
    rows = DigestSent.objects.filter(owner__in=list(days), day__in=set(days.values()))
    return {row.owner_id: row for row in rows if days[row.owner_id] == row.day}


def missing_server(users: list[User]) -> list[User]:
    """Users with no mail server to send through (neither their own nor the deployment's)."""
    if settings.EMAIL_HOST or not users:
        return []
    configured = {
        s.user_id for s in EmailSettings.objects.filter(user__in=users) if s.is_configured
    }
    return [user for user in users if user.pk not in configured]


def recipient_for(user: User, server: mail.SmtpServer) -> str:
    """The user's address; else their own server's From address, which is theirs too (the
    deployment's From address is not, so it is never used)."""
    if user.email:
        return user.email
    return server.from_address if server.is_users_own else ""


def compose(user: User, now: datetime, base: str | None = None) -> rules.Digest | None:
    """Today's digest for the user, or None when nothing is overdue or due today."""
    tz = user.profile.tz()
    listed = today_list(user, now)
    return rules.compose(
        listed.items,
        more=listed.more_now,
        more_overdue=listed.more_late,
        today=timezone.localdate(now, timezone=tz),
        now=now,
        tz=tz,
        name=user.profile.display_name,
        links=links(base),
    )


def due_digests(now: datetime) -> list[User]:
    """Users past their digest hour today whose digest is neither done nor being sent."""
    users = wanting()
    rows = rows_for_today(users, now)
    return [user for user in users if _why_not_now(user, rows.get(user.pk), now) is None]


def _at(moment: datetime | None, user: User) -> str:
    return f"{moment.astimezone(user.profile.tz()):%H:%M}" if moment else "?"


def _why_not_now(
    user: User, row: DigestSent | None, now: datetime, *, retry_failed: bool = False
) -> Outcome | None:
    """Why this run leaves the user's digest alone, or None when it is to be sent now."""
    if not user.profile.digest_enabled:
        return Outcome(user, Status.OFF, "the digest is off on the profile page")
    if row is not None and not rules.may_take_over(
        row.state, row.claimed_at, now, retry_failed=retry_failed
    ):
        return _already(user, row)
    if not rules.is_due(local_now(user, now), user.profile.digest_hour):
        return Outcome(user, Status.NOT_YET, f"not yet: the digest goes out at {hour_label(user)}")
    return None


def _already(user: User, row: DigestSent) -> Outcome:
    if row.state == DigestState.SENT:
        detail = f"already sent today at {_at(row.sent_at, user)} to {row.recipient}"
        return Outcome(user, Status.DONE, detail)
    if row.state == DigestState.NOTHING_DUE:
        return Outcome(user, Status.DONE, "nothing was due today, so no digest went out")
    if row.state == DigestState.FAILED:
        retry = _at(row.claimed_at + rules.RETRY_FAILED_AFTER, user)
        return Outcome(user, Status.RETRY_LATER, f"failed earlier, tried again after {retry}")
    return Outcome(user, Status.BUSY, "another run is sending it right now")


# Sending -------------------------------------------------------------------------------------


def send_digest(
    user: User,
    now: datetime,
    *,
    retry_failed: bool = False,
    reconsider_empty: bool = False,
    dry_run: bool = False,
    base: str | None = None,
) -> Outcome:
    """Send the user's digest for their local today, unless another run has claimed it."""
    server = mail.smtp_server_for(user)
    if server is None:
        return Outcome(user, Status.NO_SERVER, NO_SERVER)
    to = recipient_for(user, server)
    if not to:
        return Outcome(user, Status.NO_RECIPIENT, NO_RECIPIENT)
    digest = compose(user, now, base)
    if dry_run:
        if digest is None:
            return Outcome(user, Status.NOTHING_DUE, "nothing due today: no digest")
        return Outcome(user, Status.WOULD_SEND, recipient=to, digest=digest)
    day = local_now(user, now).date()
    claim = DigestSent.claim(
        user, day, now, retry_failed=retry_failed, reconsider_empty=reconsider_empty
    )
    if claim is None:
        row = DigestSent.objects.owned_by(user).filter(day=day).first()
        return _already(user, row) if row else Outcome(user, Status.BUSY)
    if digest is None:
        claim.finish(DigestState.NOTHING_DUE, at=now, recipient=to)
        return Outcome(user, Status.NOTHING_DUE, "nothing due today: no digest")
    try:
        mail.send(
            server, to_name=user.profile.display_name, to_email=to,
            subject=digest.subject, body=digest.body, sender_name=SENDER_NAME,
        )  # fmt: skip
    except mail.SendFailed as error:
        claim.finish(DigestState.FAILED, at=now, recipient=to, error=str(error))
        return Outcome(user, Status.FAILED, str(error), recipient=to)
    claim.finish(DigestState.SENT, at=now, recipient=to, item_count=digest.count)
    return Outcome(user, Status.SENT, recipient=to, digest=digest)


def run(
    now: datetime,
    *,
    usernames: Iterable[str] | None = None,
    retry_failed: bool = False,
    dry_run: bool = False,
    base: str | None = None,
) -> list[Outcome]:
    """One pass over the users: send each digest that is due, say why for the others."""
    users = wanting(usernames)
    rows = rows_for_today(users, now)
    outcomes = []
    for user in users:
        waiting = _why_not_now(user, rows.get(user.pk), now, retry_failed=retry_failed)
        outcomes.append(
            waiting or send_digest(user, now, retry_failed=retry_failed, dry_run=dry_run, base=base)
        )
    return outcomes
