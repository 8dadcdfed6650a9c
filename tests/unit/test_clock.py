"""The conversation clock as a pure rule: started by hand, paused, resumed, watched."""

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coffeechat.method.clock import (
    Clock,
    ClockError,
    ClockState,
    held_minutes,
    length_error,
    start_error,
    time_left,
)

T0 = datetime(2026, 11, 20, 5, 15, tzinfo=UTC)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def test_a_clock_not_started_reads_zero_whatever_the_time():
    clock = Clock()
    assert clock.state is ClockState.NOT_STARTED
    assert clock.elapsed(at(90)) == timedelta(0)


def test_a_running_clock_counts_from_its_start():
    clock = Clock().start(at(0))
    assert clock.state is ClockState.RUNNING
    assert clock.elapsed(at(12.5)) == timedelta(minutes=12.5)


def test_a_paused_clock_stands_still_and_a_resumed_one_leaves_the_pause_out():
    paused = Clock().start(at(0)).pause(at(5))
    assert paused.state is ClockState.PAUSED
    assert paused.elapsed(at(5)) == paused.elapsed(at(45)) == timedelta(minutes=5)
    resumed = paused.resume(at(8))
    assert resumed.paused_seconds == 180
    assert resumed.elapsed(at(20)) == timedelta(minutes=17)


def test_several_pauses_add_up():
    clock = Clock().start(at(0)).pause(at(2)).resume(at(3)).pause(at(10)).resume(at(14))
    assert clock.paused_seconds == 5 * 60
    assert clock.elapsed(at(30)) == timedelta(minutes=25)


@pytest.mark.parametrize(
    ("clock", "action"),
    [
        (Clock(), "pause"),
        (Clock(), "resume"),
        (Clock().start(T0), "start"),
        (Clock().start(T0), "resume"),
        (Clock().start(T0).pause(T0), "pause"),
        (Clock().start(T0).pause(T0), "start"),
    ],
)
def test_an_action_that_does_not_fit_the_state_is_refused(clock, action):
    with pytest.raises(ClockError):
        getattr(clock, action)(at(1))


def test_the_clock_never_reads_negative_when_the_moment_is_before_its_start():
    assert Clock().start(at(10)).elapsed(at(0)) == timedelta(0)


@given(
    st.lists(st.integers(min_value=0, max_value=600), min_size=1, max_size=12),
)
def test_the_time_measured_is_the_time_run_whatever_the_pauses(steps):
    """Alternate run and pause spans: the clock shows the sum of the running ones."""
    clock, moment, running_seconds = Clock().start(T0), T0, 0
    for n, seconds in enumerate(steps):
        moment += timedelta(seconds=seconds)
        if n % 2 == 0:
            running_seconds += seconds
            clock = clock.pause(moment)
        else:
            clock = clock.resume(moment)
        assert clock.elapsed(moment) == timedelta(seconds=running_seconds)


def test_the_length_recorded_is_whole_minutes_rounded_and_at_least_one():
    assert held_minutes(timedelta(minutes=23, seconds=29)) == 23
    assert held_minutes(timedelta(minutes=23, seconds=31)) == 24
    assert held_minutes(timedelta(seconds=10)) == 1


@pytest.mark.parametrize(
    ("elapsed", "text"),
    [
        (timedelta(0), "20 min left of the 20 you asked for"),
        (timedelta(minutes=14, seconds=1), "6 min left of the 20 you asked for"),
        (timedelta(minutes=19, seconds=59), "1 min left of the 20 you asked for"),
        (timedelta(minutes=20, seconds=30), "The agreed 20 minutes are up: start wrapping up"),
        (timedelta(minutes=27), "7 min over the agreed 20: start wrapping up"),
    ],
)
def test_the_agreed_time_is_watched(elapsed, text):
    assert time_left(elapsed, 20) == text


@pytest.mark.parametrize("minutes", [0, -5, 241, 600])
def test_a_corrected_length_outside_1_to_240_minutes_is_refused(minutes):
    assert "between 1 and 240" in length_error(minutes)


@pytest.mark.parametrize("minutes", [1, 25, 240])
def test_a_plausible_length_is_accepted(minutes):
    assert length_error(minutes) is None


def test_a_start_in_the_future_is_refused_and_one_in_the_past_accepted():
    assert "future" in start_error(at(1), now=at(0))
    assert start_error(at(-60), now=at(0)) is None
