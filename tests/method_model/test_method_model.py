"""The model of the method, run: in CI on a fixed seed, under `make soak` on random seeds.

CI's run covers every rule at least once and prints how often each ran. `make soak` runs for
SOAK_SECONDS (default 300) on fresh random seeds and prints every failure it finds, each with
the steps that lead to it; every failure found becomes a test in test_regressions.py.
"""

from __future__ import annotations

import os
import time
import traceback

import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis.stateful import run_state_machine_as_test

from .machine import COVERAGE, MethodModel

# What the fixed-seed run must reach at least once.
RULES = {
    "open_account", "advance_business_days", "advance_hours", "add_organization", "mark_target",
    "add_contact", "send_request", "log_reply_agreed", "log_reply_replied", "log_reply_declined",
    "send_polite_follow_up", "ask_introduction", "schedule", "move", "cancel",
    "delete_conversation", "start", "hold_and_end", "capture_referral", "capture_advice", "thank",
    "send_update", "act_on_advice", "undo_act_on_advice", "mark_done", "reopen",
    "change_cadence", "merge_two_contacts", "mark_request_sent_earlier",
    "move_to_another_time_zone", "mark_target_finished", "put_target_back_on_the_list",
    "log_decline_naming_someone", "correct_a_message", "delete_a_message", "correct_a_reply",
    "delete_a_reply", "delete_a_referral", "delete_advice", "it_fell_through",
    "mark_done_then_undo", "reopen_refused",
}  # fmt: skip

CI = settings(
    max_examples=int(os.environ.get("METHOD_MODEL_EXAMPLES", "30")),
    stateful_step_count=int(os.environ.get("METHOD_MODEL_STEPS", "30")),
    deadline=None,
    derandomize=True,  # a fixed seed: the same sequences on every run
    database=None,
    # No shrinking in CI: a failure is reported at once, as found; `make soak` shrinks, and
    # test_regressions.py keeps each failure as its shortest sequence.
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture
def model(alice):
    MethodModel.user = alice
    COVERAGE.clear()
    yield MethodModel
    MethodModel.user = None


def _coverage_report() -> str:
    width = max(len(name) for name in COVERAGE) if COVERAGE else 0
    return "\n".join(f"  {name:<{width}}  {COVERAGE[name]}" for name in sorted(COVERAGE))


def test_the_method_holds_through_every_sequence_of_what_users_do(model):
    try:
        run_state_machine_as_test(model, settings=CI)
    finally:
        print(f"\nRules run (fixed seed):\n{_coverage_report()}")
    missing = RULES - set(COVERAGE)
    assert not missing, f"rules never run on the fixed seed: {sorted(missing)}"


@pytest.mark.skipif("SOAK_SECONDS" not in os.environ, reason="`make soak` runs it")
def test_soak_on_random_seeds(model):
    budget = float(os.environ["SOAK_SECONDS"])
    soak = settings(CI, derandomize=False, max_examples=200, phases=[Phase.generate, Phase.shrink])
    failures: list[str] = []
    deadline = time.monotonic() + budget
    rounds = 0
    while time.monotonic() < deadline:
        rounds += 1
        try:
            run_state_machine_as_test(model, settings=soak)
        except Exception as error:  # every failure, each with its shrunk steps, then go on
            failures.append("".join(traceback.format_exception(error)))
            print(f"\n--- failure in round {rounds} ---\n{failures[-1]}", flush=True)
    print(f"\nSoak: {rounds} rounds of up to 200 examples in {budget:.0f} s")
    print(f"Rules run:\n{_coverage_report()}")
    assert not failures, f"{len(failures)} failing rounds (see above)"
