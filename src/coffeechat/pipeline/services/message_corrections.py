"""Correcting the record: editing or deleting a message or reply logged by mistake.

Stage, reply rates and Insights are read from messages and replies each time, so they follow by
themselves; follow-ups are stored, so each correction has the contact's follow-ups worked out
again (followups.plan.replan) in the same transaction.
"""

from __future__ import annotations

from datetime import date, datetime

from django.db import transaction

from coffeechat.pipeline.followups import plan
from coffeechat.pipeline.followups.models import FollowUp
from coffeechat.pipeline.outreach.models import Message, Purpose, Reply


def _replan_around(message: Message) -> None:
    """The person it went to and, for a request for an introduction, the person it was about
    (writing to Priya about Sam settled Sam's "contact the referral")."""
    plan.replan(message.contact)
    if message.introduction_to is not None:
        plan.replan(message.introduction_to)


@transaction.atomic
def edit_message(
    message: Message,
    *,
    sent_at: datetime,
    channel: str,
    purpose: str,
    subject: str,
    body: str,
) -> Message:
    """Correct when, how and why a message was sent, and what it said. A request for an
    introduction stays one (it names whom to introduce), and nothing else can become one."""
    if (purpose == Purpose.INTRODUCTION) != (message.purpose == Purpose.INTRODUCTION):
        raise ValueError("A request for an introduction stays one, and nothing becomes one.")
    message.sent_at = sent_at
    message.channel = channel
    message.purpose = purpose
    message.subject = subject
    message.body = body
    message.save()
    _replan_around(message)
    return message


@transaction.atomic
def delete_message(message: Message) -> None:
    message.delete()
    _replan_around(message)


@transaction.atomic
def edit_reply(reply: Reply, *, received_on: date, outcome: str, note: str = "") -> Reply:
    if outcome != reply.outcome:
        # Another answer altogether: what was closed by hand for the old one ("nothing more to
        # do" after a maybe) says nothing about the new one (a yes to schedule).
        FollowUp.objects.filter(owner=reply.owner, reply=reply).delete()
    reply.received_on = received_on
    reply.outcome = outcome
    reply.note = note
    reply.save()
    plan.replan(reply.contact)
    return reply


@transaction.atomic
def delete_reply(reply: Reply) -> None:
    reply.delete()
    plan.replan(reply.contact)
