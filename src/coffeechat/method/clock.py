"""The conversation clock: started by hand, paused and resumed, watched against the agreed time.

The state is three values kept on the conversation (when it started, the seconds spent paused
so far, when the current pause began), so the clock reads the same after a reload or on another
device. Every function here is pure: the moment to read the clock at is always passed in.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum

# A corrected length outside these bounds is a typing slip, not an informational interview.
MIN_HELD_MINUTES = 1
MAX_HELD_MINUTES = 240


class ClockError(ValueError):
    """A clock action that does not fit its state (pausing a clock that is not running)."""


class ClockState(StrEnum):
    NOT_STARTED = "not started"
    RUNNING = "running"
    PAUSED = "paused"


@dataclass(frozen=True)
class Clock:
    started_at: datetime | None = None
    paused_seconds: int = 0
    paused_at: datetime | None = None

    @property
    def state(self) -> ClockState:
        if self.started_at is None:
            return ClockState.NOT_STARTED
        return ClockState.PAUSED if self.paused_at is not None else ClockState.RUNNING

    def elapsed(self, now: datetime) -> timedelta:
        """Time on the clock at `now`: from the start, less every pause (a current one too)."""
        if self.started_at is None:
            return timedelta(0)
        until = self.paused_at or now
        return max(timedelta(0), until - self.started_at - timedelta(seconds=self.paused_seconds))

    def start(self, now: datetime) -> Clock:
        if self.state is not ClockState.NOT_STARTED:
            raise ClockError("The clock is already started.")
        return Clock(started_at=now)

    def pause(self, now: datetime) -> Clock:
        if self.state is not ClockState.RUNNING:
            raise ClockError("The clock is not running.")
        return replace(self, paused_at=now)

    def resume(self, now: datetime) -> Clock:
        if self.state is not ClockState.PAUSED:
            raise ClockError("The clock is not paused.")
        assert self.paused_at is not None
        paused = max(0, round((now - self.paused_at).total_seconds()))
        return replace(self, paused_seconds=self.paused_seconds + paused, paused_at=None)


def held_minutes(elapsed: timedelta) -> int:
    """The length a conversation records: whole minutes, rounded, and at least one."""
    return max(MIN_HELD_MINUTES, round(elapsed.total_seconds() / 60))


def time_left(elapsed: timedelta, agreed_minutes: int) -> str:
    """What to watch: the minutes left of the agreed time, or how far over it the talk runs."""
    remaining = agreed_minutes * 60 - int(elapsed.total_seconds())
    if remaining > 0:
        minutes = -(-remaining // 60)  # a part minute still counts as left
        return f"{minutes} min left of the {agreed_minutes} you asked for"
    over = -remaining // 60
    if over < 1:
        return f"The agreed {agreed_minutes} minutes are up: start wrapping up"
    return f"{over} min over the agreed {agreed_minutes}: start wrapping up"


def length_error(minutes: int) -> str | None:
    """Why a corrected length cannot be right, or None."""
    if MIN_HELD_MINUTES <= minutes <= MAX_HELD_MINUTES:
        return None
    return (
        f"Give the length in minutes, between {MIN_HELD_MINUTES} and {MAX_HELD_MINUTES} "
        f"({minutes} cannot be right)."
    )


def start_error(started_at: datetime, now: datetime) -> str | None:
    """Why a corrected start cannot be right, or None: a conversation held is in the past."""
    if started_at > now:
        return "That start is in the future: give the time the conversation really began."
    return None
