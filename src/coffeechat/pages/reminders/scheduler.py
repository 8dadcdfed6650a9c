"""The digest scheduler inside `coffeechat serve`: reminders that arrive with zero setup.

A daemon thread wakes once a minute and runs the same routines as `coffeechat remind`: the
messages scheduled to go out ("Send later"), then the morning digests. Several app servers may
each run one: the DigestSent claim lets one of them send each digest, and a scheduled message's
claim (pipeline/services/scheduled) lets one of them send it. It logs each digest and message
sent, and says once (and again only when it changes) who cannot get a digest and why, rather
than every minute.
"""

from __future__ import annotations

import logging
import threading
from datetime import datetime

from django.db import close_old_connections, connections
from django.utils import timezone

from coffeechat.pages.reminders import digest
from coffeechat.pipeline.services import scheduled

log = logging.getLogger("coffeechat.pages.reminders")

INTERVAL_SECONDS = 60
# Names listed in a warning before "and N others": a career centre may have hundreds of users.
NAMES_SHOWN = 5


def _names(usernames: list[str]) -> str:
    shown = ", ".join(usernames[:NAMES_SHOWN])
    rest = len(usernames) - NAMES_SHOWN
    return f"{shown} and {rest} others" if rest > 0 else shown


class DigestScheduler:
    """Runs the digest routine every `interval` seconds on a daemon thread."""

    def __init__(self, *, base: str, interval: float = INTERVAL_SECONDS) -> None:
        self.base = base
        self.interval = interval
        self._blocked: frozenset[tuple[str, str]] = frozenset()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name="digest-scheduler", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=30)

    def _loop(self) -> None:
        try:
            while not self._stop.is_set():
                # The thread's own connection, handled like a request's: checked before each
                # pass, closed after it once too old or broken.
                close_old_connections()
                try:
                    self.send_scheduled()
                except Exception:  # nor may one bad minute stop the digests
                    log.exception("Sending scheduled messages failed; trying again in a minute.")
                try:
                    self.tick()
                except Exception:  # the thread must outlive a bad minute (a locked database)
                    log.exception("The morning digest check failed; trying again in a minute.")
                finally:
                    close_old_connections()
                self._stop.wait(self.interval)
        finally:
            connections.close_all()  # a stopped scheduler leaves no session behind

    def tick(self, now: datetime | None = None) -> list[digest.Outcome]:
        """One pass: send what is due, log what was sent and what cannot be."""
        now = now or timezone.now()
        outcomes = digest.run(now, base=self.base)
        self._report_blocked(outcomes)
        for outcome in outcomes:
            if outcome.status == digest.Status.SENT:
                log.info("Morning digest for %s", outcome.line())
            elif outcome.status == digest.Status.FAILED:
                log.warning("Morning digest for %s", outcome.line())
        return outcomes

    def send_scheduled(self, now: datetime | None = None) -> list[scheduled.Outcome]:
        """One pass over the messages scheduled to go out: send those due, log each."""
        outcomes = scheduled.send_due(now or timezone.now())
        for outcome in outcomes:
            if outcome.sent:
                log.info("Scheduled message: %s", outcome.line())
            else:
                log.warning("Scheduled message: %s", outcome.line())
        return outcomes

    def _report_blocked(self, outcomes: list[digest.Outcome]) -> None:
        """Who wants a digest but has no mail server or no address: logged when it changes."""
        users = [o.user for o in outcomes if o.status != digest.Status.OFF]
        no_server = {user.get_username() for user in digest.missing_server(users)}
        no_address = {
            o.user.get_username() for o in outcomes if o.status == digest.Status.NO_RECIPIENT
        }
        blocked = frozenset(
            {(name, digest.NO_SERVER) for name in no_server}
            | {(name, digest.NO_RECIPIENT) for name in no_address}
        )
        if blocked == self._blocked:
            return
        if not blocked:
            log.info("Morning digests can be sent again: every user who wants one has a way.")
        for reason in (digest.NO_SERVER, digest.NO_RECIPIENT):
            names = sorted(name for name, why in blocked if why == reason)
            if names:
                log.warning("Morning digest cannot be sent to %s: %s.", _names(names), reason)
        self._blocked = blocked


def start(*, base: str) -> DigestScheduler:
    scheduler = DigestScheduler(base=base)
    scheduler.start()
    log.info(
        "Morning digests and scheduled messages: checking every minute "
        "(COFFEECHAT_DIGEST_SCHEDULER=false turns this off)."
    )
    return scheduler
