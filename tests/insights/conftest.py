"""A known data set for the Insights page: alice's network on Wednesday 11 March 2026.

Nine contacts at every stage, six requests from two templates and from scratch over two
channels, one polite follow-up (which got Ben's answer, so it and not the request takes the
credit), three replies, four held conversations (two this week, one in February, one too old
to chart) and two referrals making a chain Ana -> Ben -> Chloe. Bob has data too, which
must never show in alice's figures. Europe/London is on UTC until 29 March, so times are local.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
import time_machine

import factories as make
from coffeechat.network.people.models import Contact, HowKnown
from coffeechat.pipeline.conversations.models import Conversation, Status
from coffeechat.pipeline.outreach.models import Channel, MessageTemplate, Outcome, Purpose
from coffeechat.pipeline.services import conversation_changes
from coffeechat.pipeline.services.correspondence import record_message, record_reply

NOW = datetime(2026, 3, 11, 12, 0, tzinfo=UTC)  # a Wednesday


def at(month: int, day: int, hour: int = 10, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, 0, tzinfo=UTC)


@pytest.fixture
def frozen_now():
    with time_machine.travel(NOW, tick=False):
        yield NOW


def request(contact: Contact, sent_at: datetime, channel: str, template=None) -> None:
    record_message(
        contact=contact, purpose=Purpose.REQUEST, channel=channel, subject="Hello",
        body="Could we talk for 15 minutes?", sent_at=sent_at, template=template,
    )  # fmt: skip


def follow_up(contact: Contact, sent_at: datetime, channel: str, template=None) -> None:
    record_message(
        contact=contact, purpose=Purpose.FOLLOW_UP, channel=channel, subject="",
        body="Just following up on my note.", sent_at=sent_at, template=template,
    )  # fmt: skip


def held(contact: Contact, when: datetime, ended: datetime | None = None) -> Conversation:
    return make.held(contact, at=when, ended_at=ended)


def person(owner, first: str, last: str, organization=None, **extra) -> Contact:
    return make.contact(owner, first_name=first, last_name=last, org=organization, **extra)


@pytest.fixture
def known_data(alice, bob, frozen_now):
    greenbank = make.organization(alice, "Greenbank")
    northwind = make.organization(alice, "Northwind")
    alumni = MessageTemplate.objects.create(owner=alice, name="Alumni note", body="Hi")
    cold = MessageTemplate.objects.create(owner=alice, name="Cold email", body="Hi")
    nudge = MessageTemplate.objects.create(
        owner=alice, name="Polite nudge", situation="follow_up", body="Hi"
    )

    ana = person(alice, "Ana", "Lopez", how_known=HowKnown.FRIEND)
    fay = person(alice, "Fay", "Ito", how_known=HowKnown.FRIEND)
    dev = person(alice, "Dev", "Rao", greenbank, introduced_by=fay)
    eli = person(alice, "Eli", "Stone", northwind)
    gus = person(alice, "Gus", "Hale", how_known=HowKnown.FORMER_COLLEAGUE)
    hana = person(alice, "Hana", "Kim", northwind)
    person(alice, "Ivy", "Ng")

    # Ana: asked, answered 2 days later, met, thanked, referred Ben.
    request(ana, at(2, 2), Channel.EMAIL, alumni)
    record_reply(contact=ana, received_on=date(2026, 2, 4), outcome=Outcome.AGREED)
    ana_chat = held(ana, at(2, 10))
    record_message(
        contact=ana, purpose=Purpose.THANK_YOU, channel=Channel.EMAIL, subject="Thanks",
        body="Thank you", sent_at=at(2, 10, 18), conversation=ana_chat,
    )  # fmt: skip
    ben = conversation_changes.add_referral(
        ana_chat, first_name="Ben", last_name="Okafor", organization="Northwind"
    ).contact

    # Ben: asked on LinkedIn, nudged 3 business days later, answered the nudge 5 days after the
    # request, met this Monday, referred Chloe; no thanks yet.
    request(ben, at(2, 16), Channel.LINKEDIN, cold)
    follow_up(ben, at(2, 19), Channel.LINKEDIN, nudge)
    record_reply(contact=ben, received_on=date(2026, 2, 21), outcome=Outcome.AGREED)
    ben_chat = held(ben, at(3, 9))
    chloe = conversation_changes.add_referral(
        ben_chat, first_name="Chloe", last_name="Park", organization="Greenbank"
    ).contact
    request(chloe, at(3, 11, 9), Channel.EMAIL)  # from scratch, this morning

    # Dev declined the same day; Eli and Hana have not answered.
    request(dev, at(2, 23), Channel.EMAIL, alumni)
    record_reply(contact=dev, received_on=date(2026, 2, 23), outcome=Outcome.DECLINED)
    request(eli, at(3, 2), Channel.EMAIL, cold)
    request(hana, at(2, 25), Channel.EMAIL, cold)

    # Gus, an old colleague: no request needed; met in December and again this Tuesday.
    held(gus, at(12, 1, year=2025))
    held(gus, at(3, 10))
    # Neither counts: one was cancelled, one is still ahead.
    Conversation.objects.create(
        owner=alice, contact=eli, scheduled_at=at(3, 10), status=Status.CANCELLED
    )
    Conversation.objects.create(owner=alice, contact=ben, scheduled_at=at(3, 13))

    # Bob's network, which must stay out of alice's figures.
    bob_org = make.organization(bob, "Bobcorp")
    zed = person(bob, "Zed", "Bobson", how_known=HowKnown.FRIEND)
    request(zed, at(3, 2), Channel.LINKEDIN)
    record_reply(contact=zed, received_on=date(2026, 3, 3), outcome=Outcome.AGREED)
    zed_chat = held(zed, at(3, 9))
    conversation_changes.add_referral(
        zed_chat, first_name="Yan", last_name="Bob", organization=bob_org.name
    )
    return alice
