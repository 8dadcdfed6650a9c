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

from method_model.machine import ACCOUNTS, ADVICE, COVERAGE, STARTS, MethodModel

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
    stateful_step_count=int(os.environ.get("METHOD_MODEL_STEPS", "25")),
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


def _index(queryset, wanted) -> int:
    return next(n for n, row in enumerate(queryset.order_by("id")) if wanted(row))


def _tour(model) -> None:
    """Every rule once, in an order where each has something to act on, the method checked
    after each step: Hypothesis tries a random subset of rules in each example (swarm testing),
    so a short fixed-seed run cannot be sure to reach them all by itself."""
    state = model()
    steps = [
        lambda: state.open_account(account=ACCOUNTS[0], start=STARTS[0]),
        lambda: state.add_organization(name="Hooli", motivation=3, posting=2),
        lambda: state.mark_target(i=0, motivation=3, posting=3, finished=None),
        lambda: state.add_contact(org=2, how="friend", via=0),
        lambda: state.send_request(i=1, channel="email", days_ago=0),
        lambda: state.send_request(i=4, channel="email", days_ago=4),
        lambda: state.log_reply(i=0, outcome="replied", days_ago=0),
        lambda: state.log_reply(i=0, outcome="agreed", days_ago=0),
        lambda: state.mark_done(i=0, to_schedule=True),
        lambda: state.log_reply(i=1, outcome="declined", days_ago=0),
        lambda: state.log_reply(i=3, outcome="declined_naming_someone", days_ago=0),
        lambda: state.send_polite_follow_up(i=0),
        lambda: state.ask_introduction(i=0, j=1),
        lambda: state.schedule(i=0, days=2, hour=10),
        lambda: state.move(i=0, days=3, hour=11),
        lambda: state.hold(i=0, end=False),
        lambda: state.hold(i=0, end=True),
        lambda: state.capture_referral(i=0, org="Acme"),
        lambda: state.capture_advice(i=0, text=ADVICE[1]),
        lambda: state.thank(i=0),
        lambda: state.send_update(i=0),
        lambda: state.what_a_conversation_yielded(i=0, what="act"),
        lambda: state.what_a_conversation_yielded(i=0, what="unact"),
        lambda: state.what_a_conversation_yielded(i=0, what="delete_advice"),
        lambda: state.what_a_conversation_yielded(i=0, what="delete_referral"),
        lambda: state.mark_done(i=0, to_schedule=False),
        lambda: state.reopen(i=_index(state._done(), lambda f: f.was_done_by_hand)),
        lambda: state.reopen(i=_index(state._done(), lambda f: not f.was_done_by_hand)),
        lambda: state.mark_done_then_undo(i=0),
        lambda: state.change_cadence(i=0, cadence="monthly"),
        lambda: state.correct_a_message(i=0, days_earlier=1, purpose=None),
        lambda: state.correct_a_message(i=1, days_earlier=0, purpose="delete"),
        lambda: state.correct_a_reply(i=0, outcome="agreed", days_earlier=0),
        lambda: state.correct_a_reply(i=0, outcome="delete", days_earlier=0),
        lambda: state.schedule(i=1, days=1, hour=9),
        lambda: state.cancel(i=0),
        lambda: state.delete_conversation(i=0),
        lambda: state.merge_two_contacts(i=0, j=1),
        lambda: state.mark_target(i=0, motivation=3, posting=3, finished=True),
        lambda: state.mark_target(i=0, motivation=3, posting=3, finished=False),
        lambda: state.move_to_another_time_zone(account=ACCOUNTS[1]),
        lambda: state.advance_business_days(days=3),
        lambda: state.advance_hours(hours=5),
        lambda: state.resolve_an_item(i=0),
    ]
    try:
        for step in steps:
            step()
            state.the_method_holds()
    finally:
        state.teardown()


def test_the_method_holds_through_every_sequence_of_what_users_do(model):
    _tour(model)
    toured = dict(COVERAGE)
    try:
        run_state_machine_as_test(model, settings=CI)
    finally:
        print(f"\nRules run (a scripted tour, then the fixed seed):\n{_coverage_report()}")
    missing = RULES - set(COVERAGE)
    assert not missing, f"rules never run: {sorted(missing)}"
    seeded = {name for name in RULES if COVERAGE[name] > toured.get(name, 0)}
    print(f"The fixed seed reached {len(seeded)} of the {len(RULES)} rules by itself")


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
