"""A model of the method: random sequences of what users do, the method's promises after each.

Every rule is one thing a person does in Coffeechat (tests/method_model/actions.py says how it
reaches the services); the clock moves by business days and hours across holidays and time
zones; after every step, each invariant in invariants.py must hold. The account is drawn first:
its time zone and its country's public holidays.

Each example runs inside a savepoint that is rolled back at the end, so examples share one
user (made once per test) and nothing else.
"""

from __future__ import annotations

import os
from collections import Counter
from datetime import UTC, datetime, timedelta

import time_machine
from django.db import transaction
from django.utils import timezone
from hypothesis import currently_in_test_context, event
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from coffeechat.method.business_days import add_business_days
from coffeechat.method.today import Kind
from coffeechat.network.people.models import Contact
from coffeechat.network.research.models import Organization
from coffeechat.pipeline.conversations.models import Conversation, Referral, Status, Takeaway
from coffeechat.pipeline.followups.models import FollowUp
from coffeechat.pipeline.followups.services import NotReopenable
from coffeechat.pipeline.outreach.models import Message, Purpose, Reply
from method_model import actions
from method_model.invariants import Moment, check_all
from method_model.resolving import resolve_item

# Where and when people use it: time zones far from UTC, holiday-heavy countries, and a time
# zone that is not the country's own (a student abroad).
ACCOUNTS = [
    ("Europe/London", "GB", "ENG"),
    ("America/New_York", "US", ""),
    ("America/Los_Angeles", "US", "CA"),
    ("Europe/Berlin", "DE", "BY"),
    ("Asia/Tokyo", "JP", ""),
    ("Australia/Sydney", "AU", "NSW"),
    ("Pacific/Auckland", "FR", ""),
    ("Asia/Kolkata", "IN", ""),
]
# Starts around holidays, month ends and DST changes.
STARTS = [
    datetime(2026, 12, 21, 9, 0, tzinfo=UTC),
    datetime(2026, 11, 25, 22, 30, tzinfo=UTC),
    datetime(2026, 3, 27, 15, 0, tzinfo=UTC),
    datetime(2026, 10, 23, 23, 45, tzinfo=UTC),
    datetime(2026, 4, 2, 6, 0, tzinfo=UTC),
    datetime(2026, 12, 31, 12, 0, tzinfo=UTC),
]
FIRST_NAMES = ["Grace", "Sam", "Priya", "Jo", "Lee", "Ana", "Tom", "Mei", "Omar", "Eva"]
ORG_NAMES = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne"]
HOW_KNOWN = ["friend", "alumni", "linkedin", "cold", "former_colleague", "referral"]
OUTCOMES = ["agreed", "replied", "declined"]
CHANNELS = ["email", "linkedin", "phone", "in_person"]
CADENCES = ["monthly", "quarterly", "twice_a_year", "never"]
ADVICE = ["Join the climate finance meetup.", "Read the sector report.", "Talk to the risk team."]

# How often each rule ran, across every example of the run (printed and checked by the test).
COVERAGE: Counter[str] = Counter()
# Invariants left out of a run (exploring past a known failure): a comma-separated list.
SKIPPED = frozenset(filter(None, os.environ.get("METHOD_MODEL_SKIP", "").split(",")))

index = st.integers(min_value=0, max_value=10_000)


def _pick(queryset, i: int):
    rows = list(queryset.order_by("id"))
    return rows[i % len(rows)] if rows else None


def _followup_state(user: object) -> set[tuple]:
    return set(
        FollowUp.objects.owned_by(user).values_list(
            "id", "kind", "due_on", "due_at", "done_at", "closed_by", "closed_reason", "note"
        )
    )


def ran(name: str) -> None:
    COVERAGE[name] += 1
    if currently_in_test_context():  # not in the scripted tour (test_method_model.py)
        event(f"rule {name}")


class MethodModel(RuleBasedStateMachine):
    user = None  # set by the test: the account every example runs in

    def __init__(self) -> None:
        super().__init__()
        self._atomic = transaction.atomic()
        self._atomic.__enter__()
        self._clock = None
        self.completed_by_user: set[int] = set()
        self.suggested: set[int] = set()  # people named by someone who declined
        self.names = 0

    def teardown(self) -> None:
        if self._clock is not None:
            self._travel.stop()
        transaction.set_rollback(True)
        self._atomic.__exit__(None, None, None)

    # The account and the clock ----------------------------------------------------------------

    @initialize(account=st.sampled_from(ACCOUNTS), start=st.sampled_from(STARTS))
    def open_account(self, account, start) -> None:
        profile = self.user.profile
        profile.time_zone, profile.country, profile.region = account
        profile.save()
        self._travel = time_machine.travel(start, tick=False)
        self._clock = self._travel.start()
        self.user.refresh_from_db()
        # A list to start from, so that every rule has something to act on from the first step.
        acme = actions.add_organization(self.user, "Acme", motivation=3, posting=3)
        globex = actions.add_organization(self.user, "Globex", motivation=2, posting=1)
        people = []
        for organization, how in (
            (acme, "alumni"),
            (acme, "linkedin"),
            (globex, "friend"),
            (None, "cold"),
        ):
            first, last = self._name()
            people.append(
                actions.add_contact(
                    self.user, first, last, organization=organization, how_known=how
                )
            )
        asked, _, agreed, met = people
        # A request waiting for an answer, and a yes still to schedule...
        actions.send(asked, Purpose.REQUEST)
        actions.send(agreed, Purpose.REQUEST)
        actions.log_reply(agreed, "agreed")
        # ...and someone met earlier today, who gave one piece of advice, to meet again soon.
        talk = actions.schedule(met, days_ahead=0, hour=0)
        actions.start(talk)
        actions.end(talk)
        actions.capture_advice(talk, ADVICE[0])
        actions.schedule(met, days_ahead=3, hour=12)
        ran("open_account")

    @rule(days=st.integers(min_value=1, max_value=6))
    def advance_business_days(self, days: int) -> None:
        profile = self.user.profile
        now = timezone.now().astimezone(profile.tz())
        target = add_business_days(now.date(), days, profile.holidays())
        self._clock.shift(timedelta(days=(target - now.date()).days))
        ran("advance_business_days")

    @rule(account=st.sampled_from(ACCOUNTS))
    def move_to_another_time_zone(self, account) -> None:
        """The profile page: a new time zone and country (a student going home for winter)."""
        actions.move_to(self.user, *account)
        ran("move_to_another_time_zone")

    @rule(hours=st.integers(min_value=1, max_value=30))
    def advance_hours(self, hours: int) -> None:
        self._clock.shift(timedelta(hours=hours))
        ran("advance_hours")

    # Step 1 and 2: targets and people ---------------------------------------------------------

    def _name(self) -> tuple[str, str]:
        self.names += 1
        return FIRST_NAMES[self.names % len(FIRST_NAMES)], f"N{self.names}"

    @rule(name=st.sampled_from(ORG_NAMES), motivation=st.integers(0, 3), posting=st.integers(1, 3))
    def add_organization(self, name: str, motivation: int, posting: int) -> None:
        actions.add_organization(self.user, name, motivation=motivation, posting=posting)
        ran("add_organization")

    @precondition(lambda self: Organization.objects.owned_by(self.user).exists())
    @rule(
        i=index,
        motivation=st.integers(0, 3),
        posting=st.integers(1, 3),
        finished=st.sampled_from([None, None, True, False]),
    )
    def mark_target(self, i: int, motivation: int, posting: int, finished) -> None:
        """The organization's page: its LAMP marks, or "Finished with it" / "Back on the list"."""
        organization = _pick(Organization.objects.owned_by(self.user), i)
        if finished is None:
            actions.mark_target(organization, motivation=motivation, posting=posting)
            ran("mark_target")
            return
        actions.set_target_finished(organization, finished)
        ran("mark_target_finished" if finished else "put_target_back_on_the_list")

    @rule(org=st.one_of(st.none(), index), how=st.sampled_from(HOW_KNOWN), via=st.none() | index)
    def add_contact(self, org, how: str, via) -> None:
        organization = _pick(Organization.objects.owned_by(self.user), org) if org else None
        introducer = _pick(self._contacts(), via) if via is not None else None
        first, last = self._name()
        actions.add_contact(
            self.user, first, last, organization=organization, how_known=how,
            introduced_by=introducer,
        )  # fmt: skip
        ran("add_contact")

    def _contacts(self):
        return Contact.objects.owned_by(self.user)

    def _has_contacts(self) -> bool:
        return self._contacts().exists()

    # Step 3: making contact --------------------------------------------------------------------

    @precondition(_has_contacts)
    @rule(i=index, channel=st.sampled_from(CHANNELS), days_ago=st.sampled_from([0, 0, 1, 4]))
    def send_request(self, i: int, channel: str, days_ago: int) -> None:
        actions.send(
            _pick(self._contacts(), i), Purpose.REQUEST, channel=channel, days_ago=days_ago
        )
        ran("send_request" if not days_ago else "mark_request_sent_earlier")

    def _asked(self):
        return self._contacts().filter(messages__purpose=Purpose.REQUEST).distinct()

    @precondition(lambda self: self._asked().exists())
    @rule(
        i=index,
        outcome=st.sampled_from([*OUTCOMES, "declined_naming_someone"]),
        days_ago=st.sampled_from([0, 0, 2]),
    )
    def log_reply(self, i: int, outcome: str, days_ago: int) -> None:
        contact = _pick(self._asked(), i)
        if outcome != "declined_naming_someone":
            actions.log_reply(contact, outcome, days_ago=days_ago)
            ran(f"log_reply_{outcome}")
            return
        # "Not me, but try my colleague Sam": Sam joins the contacts at the same organization.
        named = actions.log_reply(contact, "declined", days_ago=days_ago, suggested=self._name())
        self.suggested.add(named.pk)
        ran("log_decline_naming_someone")

    def _messages(self):
        return Message.objects.owned_by(self.user)

    @precondition(lambda self: self._messages().exists())
    @rule(
        i=index,
        days_earlier=st.sampled_from([-1, 1, 3]),
        purpose=st.sampled_from(
            [None, Purpose.REQUEST, Purpose.FOLLOW_UP, Purpose.UPDATE, "delete"]
        ),
    )
    def correct_a_message(self, i: int, days_earlier: int, purpose) -> None:
        """Its timeline entry's Edit (a day, a purpose), or Delete (purpose "delete")."""
        message = _pick(self._messages(), i)
        if purpose == "delete":
            actions.delete_message(message)
            ran("delete_a_message")
            return
        if message.purpose == Purpose.INTRODUCTION:
            purpose = None  # it stays a request for an introduction
        if actions.edit_message(message, days_earlier=days_earlier, purpose=purpose):
            ran("correct_a_message")

    def _replies(self):
        return Reply.objects.owned_by(self.user)

    @precondition(lambda self: self._replies().exists())
    @rule(
        i=index,
        outcome=st.sampled_from([*OUTCOMES, "delete"]),
        days_earlier=st.sampled_from([0, 1, -1]),
    )
    def correct_a_reply(self, i: int, outcome: str, days_earlier: int) -> None:
        """Its timeline entry's Edit (another answer, another day), or Delete."""
        reply = _pick(self._replies(), i)
        if outcome == "delete":
            actions.delete_reply(reply)
            ran("delete_a_reply")
            return
        actions.edit_reply(reply, outcome=outcome, days_earlier=days_earlier)
        ran("correct_a_reply")

    @precondition(lambda self: self._asked().exists())
    @rule(i=index)
    def send_polite_follow_up(self, i: int) -> None:
        actions.send(_pick(self._asked(), i), Purpose.FOLLOW_UP)
        ran("send_polite_follow_up")

    @precondition(lambda self: self._contacts().count() >= 2)
    @rule(i=index, j=index)
    def ask_introduction(self, i: int, j: int) -> None:
        people = list(self._contacts().order_by("id"))
        introducer = people[i % len(people)]
        target = people[j % len(people)]
        if introducer.pk == target.pk:
            target = people[(j + 1) % len(people)]
        actions.ask_introduction(introducer, target)
        ran("ask_introduction")

    # Steps 4 and 5: conversations ----------------------------------------------------------

    def _open_conversations(self):
        return Conversation.objects.owned_by(self.user).filter(
            status__in=[Status.SCHEDULED, Status.IN_PROGRESS]
        )

    def _held(self):
        return Conversation.objects.owned_by(self.user).filter(status=Status.HELD)

    @precondition(_has_contacts)
    @rule(i=index, days=st.integers(0, 10), hour=st.integers(0, 23))
    def schedule(self, i: int, days: int, hour: int) -> None:
        if actions.schedule(_pick(self._contacts(), i), days_ahead=days, hour=hour):
            ran("schedule")

    @precondition(lambda self: self._open_conversations().exists())
    @rule(i=index, days=st.integers(0, 10), hour=st.integers(0, 23))
    def move(self, i: int, days: int, hour: int) -> None:
        if actions.move(_pick(self._open_conversations(), i), days_ahead=days, hour=hour):
            ran("move")

    @precondition(lambda self: self._open_conversations().exists())
    @rule(i=index)
    def cancel(self, i: int) -> None:
        actions.cancel(_pick(self._open_conversations(), i))
        ran("cancel")

    @precondition(lambda self: Conversation.objects.owned_by(self.user).exists())
    @rule(i=index)
    def delete_conversation(self, i: int) -> None:
        actions.delete_conversation(_pick(Conversation.objects.owned_by(self.user), i))
        ran("delete_conversation")

    @precondition(lambda self: self._open_conversations().exists())
    @rule(i=index, end=st.booleans())
    def hold(self, i: int, end: bool) -> None:
        """Start it on its page; or hold it (started if it was not yet) and record how it went."""
        conversation = _pick(self._open_conversations(), i)
        if not end:
            actions.start(conversation)
            ran("start")
            return
        if conversation.status == Status.SCHEDULED:
            actions.start(conversation)
        actions.end(conversation)
        ran("hold_and_end")

    def _talking(self):
        return Conversation.objects.owned_by(self.user).filter(
            status__in=[Status.IN_PROGRESS, Status.HELD]
        )

    @precondition(lambda self: self._talking().exists())
    @rule(i=index, org=st.sampled_from(ORG_NAMES))
    def capture_referral(self, i: int, org: str) -> None:
        first, last = self._name()
        actions.capture_referral(_pick(self._talking(), i), first, last, org)
        ran("capture_referral")

    @precondition(lambda self: self._talking().exists())
    @rule(i=index, text=st.sampled_from(ADVICE))
    def capture_advice(self, i: int, text: str) -> None:
        actions.capture_advice(_pick(self._talking(), i), text)
        ran("capture_advice")

    # Step 6: following up ----------------------------------------------------------------------

    @precondition(lambda self: self._held().exists())
    @rule(i=index)
    def thank(self, i: int) -> None:
        actions.thank(_pick(self._held(), i))
        ran("thank")

    @precondition(lambda self: self._held().exists())
    @rule(i=index)
    def send_update(self, i: int) -> None:
        actions.send(_pick(self._held(), i).contact, Purpose.UPDATE)
        ran("send_update")

    def _referrals(self):
        return Referral.objects.filter(conversation__owner=self.user)

    def _advice(self):
        return Takeaway.objects.filter(conversation__owner=self.user, kind="advice")

    @precondition(lambda self: self._referrals().exists() or self._advice().exists())
    @rule(i=index, what=st.sampled_from(["act", "unact", "delete_advice", "delete_referral"]))
    def what_a_conversation_yielded(self, i: int, what: str) -> None:
        """Tick "I acted on this" beside a piece of advice (or untick it), or delete a piece of
        advice or a referral from the conversation's record."""
        if what == "delete_referral" and self._referrals().exists():
            actions.delete_referral(_pick(self._referrals(), i))
            ran("delete_a_referral")
        elif not self._advice().exists():
            return
        elif what == "delete_advice":
            actions.delete_takeaway(_pick(self._advice(), i))
            ran("delete_advice")
        else:
            actions.act_on_advice(_pick(self._advice(), i), what == "act")
            ran("act_on_advice" if what == "act" else "undo_act_on_advice")

    def _owed(self):
        today = actions.local_today(self.user)
        return FollowUp.objects.owned_by(self.user).owed(today)

    def _to_schedule(self):
        return self._owed().filter(kind=Kind.SCHEDULE)

    @precondition(lambda self: self._owed().exists())
    @rule(i=index, to_schedule=st.booleans())
    def mark_done(self, i: int, to_schedule: bool) -> None:
        """ "Mark done" beside an item; beside "Schedule with Grace" it says "It fell through"
        ("Nothing more to do" beside "Answer Grace")."""
        to_schedule = to_schedule and self._to_schedule().exists()
        followup = _pick(self._to_schedule() if to_schedule else self._owed(), i)
        actions.mark_done(followup)
        self.completed_by_user.add(followup.pk)
        if not to_schedule:
            ran("mark_done")
        elif followup.reply is not None and followup.reply.outcome == "agreed":
            ran("it_fell_through")
        else:
            ran("nothing_more_to_do")

    @precondition(lambda self: self._owed().exists())
    @rule(i=index)
    def mark_done_then_undo(self, i: int) -> None:
        """Undo, right after marking done, puts back exactly what was there before."""
        followup = _pick(self._owed(), i)
        before = _followup_state(self.user)
        actions.mark_done(followup)
        actions.undo_done(FollowUp.objects.get(pk=followup.pk))
        after = _followup_state(self.user)
        assert after == before, f"Undo of {followup} changed {sorted(before ^ after)}"
        ran("mark_done_then_undo")

    def _done(self):
        return FollowUp.objects.owned_by(self.user).filter(done_at__isnull=False)

    @precondition(lambda self: self._done().exists())
    @rule(i=index)
    def reopen(self, i: int) -> None:
        """ "Reopen" under Recently done: only what was done by hand reopens; what a record
        closed is corrected by correcting the record."""
        followup = _pick(self._done(), i)
        if followup.was_done_by_hand:
            actions.reopen(followup)
            self.completed_by_user.discard(followup.pk)
            ran("reopen")
            return
        try:
            actions.reopen(followup)
        except NotReopenable:
            ran("reopen_refused")
        else:
            raise AssertionError(f"{followup} was closed by a record, yet it reopened")

    @precondition(_has_contacts)
    @rule(i=index, cadence=st.sampled_from(CADENCES))
    def change_cadence(self, i: int, cadence: str) -> None:
        actions.set_cadence(_pick(self._contacts(), i), cadence)
        ran("change_cadence")

    @precondition(lambda self: self._contacts().count() >= 2)
    @rule(i=index, j=index)
    def merge_two_contacts(self, i: int, j: int) -> None:
        people = list(self._contacts().order_by("id"))
        keep = people[i % len(people)]
        other = people[j % len(people)]
        if keep.pk == other.pk:
            other = people[(j + 1) % len(people)]
        actions.merge(keep, other)
        ran("merge_two_contacts")

    @rule(i=index)
    def resolve_an_item(self, i: int) -> None:
        """Follow an item's link and do what that page is for: the item goes away."""
        resolved = resolve_item(self.user, i)
        if resolved is not None:
            self.completed_by_user.update(resolved.completed)
            ran(f"resolve_{resolved.kind}")

    # After every step -------------------------------------------------------------------------

    @invariant()
    def the_method_holds(self) -> None:
        if self._clock is None:
            return  # before the account is drawn
        check_all(Moment.read(self.user, self.completed_by_user, self.suggested), skip=SKIPPED)
        # A person takes a moment between two actions: no two steps record the same instant
        # (the clock is frozen otherwise, and "after the request" would tie with it).
        self._clock.shift(timedelta(minutes=1))
