"""Insights counted by the database give the same figures as reading every contact and every
conversation into Python did, on a varied generated account; and the page costs the same
queries whatever the size."""

from __future__ import annotations

import importlib.util
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import time_machine
from django.db.models import F, OuterRef
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

import factories as make
from coffeechat.foundation.core.counting import count_per_row
from coffeechat.method import insights
from coffeechat.network.people.models import Contact
from coffeechat.pages.insights import sections
from coffeechat.pages.insights.queries import insight_facts
from coffeechat.pages.insights.sections import CHAINS_SHOWN
from coffeechat.pages.outreach.queries import asking_messages, replies_by_contact
from coffeechat.pages.people.queries import contact_rows
from coffeechat.pipeline.conversations.models import Conversation, Referral, Status
from coffeechat.pipeline.outreach.models import Message, MessageTemplate, Outcome, Purpose, Reply

ASKING_PURPOSES = (Purpose.REQUEST, Purpose.FOLLOW_UP)

GENERATE = Path(__file__).resolve().parents[2] / "bench" / "generate.py"
NOW = datetime(2025, 11, 5, 12, 0, tzinfo=UTC)


def _build_account(user, contacts: int) -> None:
    spec = importlib.util.spec_from_file_location("bench_generate", GENERATE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.build_account(user, seed=7, contacts=contacts)


def _vary(user) -> None:
    """What the generator leaves out: conversations that ended, thank-yous before and after,
    declines, asking again after a reply, introductions."""
    rng = random.Random(3)
    held = list(Conversation.objects.owned_by(user).filter(status=Status.HELD))
    for chat in held:
        if rng.random() < 0.7:
            chat.ended_at = chat.scheduled_at + timedelta(minutes=30)
    Conversation.objects.bulk_update(held, ["ended_at"])
    thanks = [
        Message(
            owner=user,
            contact_id=chat.contact_id,
            purpose=Purpose.THANK_YOU,
            subject="Thanks",
            body="Thank you",
            channel="email",
            sent_at=chat.scheduled_at + timedelta(hours=rng.choice([-30, 5, 20])),
        )
        for chat in held
        if chat.ended_at and rng.random() < 0.6
    ]
    Message.objects.bulk_create(thanks)
    replies = list(Reply.objects.filter(owner=user))
    for reply in replies:
        if rng.random() < 0.15:
            reply.outcome = Outcome.DECLINED
    Reply.objects.bulk_update(replies, ["outcome"])
    again = [
        Message(
            owner=user,
            contact_id=reply.contact_id,
            purpose=Purpose.REQUEST,
            subject="Again",
            body="Try again?",
            channel="email",
            sent_at=datetime.combine(reply.received_on, datetime.min.time(), UTC)
            + timedelta(days=rng.choice([0, 1, 40]), hours=23),
        )
        for reply in replies
        if rng.random() < 0.15
    ]
    Message.objects.bulk_create(again)
    templates = list(MessageTemplate.objects.filter(owner=user)) or [
        MessageTemplate.objects.create(owner=user, name=name, body="Hello")
        for name in ("Alumni", "Cold")
    ]
    asking = list(Message.objects.filter(owner=user, purpose__in=ASKING_PURPOSES))
    for message in asking:
        if rng.random() < 0.6:
            message.template = rng.choice(templates)
        message.channel = rng.choice(["email", "linkedin", "phone"])
    Message.objects.bulk_update(asking, ["template", "channel"])
    people = list(Contact.objects.owned_by(user))
    for person in people:
        if rng.random() < 0.1:
            person.introduced_by = rng.choice(people)
    Contact.objects.bulk_update(people, ["introduced_by"])


def _old_figures(user) -> dict[str, object]:
    """The page's figures as computed before: every contact's stage and every held
    conversation read into Python."""
    tz = user.profile.tz()
    today = timezone.localdate(timezone.now(), tz)
    contacts = Contact.objects.owned_by(user)
    links = {
        link["pk"]: link
        for link in contacts.annotate(
            referrals_given=count_per_row(
                Referral.objects.filter(conversation__contact=OuterRef("pk")),
                grouped_by="conversation__contact",
            ),
            referred_by=F("referred_in__conversation__contact_id"),
        ).values("pk", "referrals_given", "referred_by")
    }
    facts, people = [], []
    for row in contact_rows(user, contacts, today=today):
        link = links[row.contact.pk]
        facts.append(insights.ContactFacts(row.stage, link["referrals_given"]))
        people.append(
            insights.Person(
                id=row.contact.pk,
                name=row.contact.full_name,
                organization=row.contact.organization.name if row.contact.organization else "",
                led_by=link["referred_by"] or row.contact.introduced_by_id,
                at_target=bool(row.contact.organization and row.contact.organization.is_target),
            )
        )
    held = (
        Conversation.objects.owned_by(user)
        .filter(status=Status.HELD)
        .annotate(held_at=Coalesce("started_at", "scheduled_at"))
    )
    days = [timezone.localdate(c.held_at, tz) for c in held]
    referrals = Referral.objects.filter(conversation__in=held).count()
    chains = insights.referral_chains(people)
    asking, answers = asking_messages(user), replies_by_contact(user)
    return {
        "templates": insights.reply_rates(asking, answers, lambda m: m.template or "No template"),
        "channels": insights.reply_rates(asking, answers, lambda m: m.channel),
        "waits": insights.days_to_reply(asking, answers),
        "funnel": insights.funnel(facts),
        "weeks": insights.weekly_counts(days, today),
        "held": len(days),
        "referrals": referrals,
        "chains": [[p.id for p in chain] for chain in chains[:CHAINS_SHOWN]],
        "more_chains": max(len(chains) - CHAINS_SHOWN, 0),
    }


def _new_figures(user) -> dict[str, object]:
    facts = insight_facts(user)
    referrals = sections.referrals_section(facts)
    rates = sections.rates_section(facts)
    return {
        "templates": rates.by_template,
        "channels": rates.by_channel,
        "waits": facts.waits,
        "funnel": sections.funnel_section(facts).steps,
        "weeks": sections.weekly_section(facts, 2).weeks,
        "held": referrals.conversations,
        "referrals": referrals.referrals,
        "chains": [[p.id for p in chain] for chain in referrals.chains],
        "more_chains": referrals.more_chains,
    }


@pytest.mark.parametrize("when", [NOW, datetime(2025, 3, 1, 9, 0, tzinfo=UTC)])
def test_the_database_gives_the_same_figures_as_reading_everything(alice, bob, when):
    _build_account(alice, 400)
    _vary(alice)
    make.contact(bob, "Bob's Person")  # another user's data never counts
    with time_machine.travel(when, tick=False):
        old, new = _old_figures(alice), _new_figures(alice)
    assert new == old
    funnel = {step.label: step.count for step in new["funnel"]}
    # The data set really is varied: every step is reached by some and not all.
    assert 0 < funnel["Referred onwards"] < funnel["Thanked"] < funnel["Met"] < funnel["Identified"]
    assert new["chains"] and new["held"] > 0
    assert (
        0 < sum(row.replied for row in new["channels"]) < sum(row.sent for row in new["channels"])
    )
    assert len(new["templates"]) > 1 and new["waits"]


@time_machine.travel(NOW, tick=False)
def test_insights_for_20000_contacts_run_a_fixed_number_of_queries(
    alice_client, alice, django_assert_max_num_queries
):
    target = make.organization(alice, "Acme")
    leaders = Contact.objects.bulk_create(
        Contact(owner=alice, first_name=f"Leader{n}", last_name="Bulk") for n in range(10_000)
    )
    Contact.objects.bulk_create(
        Contact(
            owner=alice,
            first_name=f"P{n}",
            last_name="Bulk",
            organization=target,
            introduced_by=leaders[n],
        )
        for n in range(10_000)
    )
    with django_assert_max_num_queries(14):
        response = alice_client.get(reverse("insights:insights"))
    page = response.content.decode()
    assert "20000" in page
    assert page.count('<li class="chain">') == CHAINS_SHOWN
    assert f"And {10_000 - CHAINS_SHOWN} more chains" in page
    assert len(response.content) < 100_000
