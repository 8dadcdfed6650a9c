"""Keep a contact's follow-up rows equal to what their recorded history calls for.

`replan(contact)` is called after anything that changes a contact's history (a message sent,
corrected or deleted; a reply logged or corrected; a conversation scheduled, cancelled, held or
deleted; a referral captured; a follow-up marked done or reopened; two records merged). It reads
the facts again each time and lets `method.situation` decide, so calling it twice is harmless
and the order in which things were recorded never matters.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from coffeechat.method.situation import (
    MESSAGE_ANCHORED,
    PLANNED_KINDS,
    ClosedBy,
    Colleague,
    Facts,
    Introduction,
    Met,
    Planned,
    Referred,
    Replied,
    Sent,
    plan_followups,
)
from coffeechat.method.today import Kind
from coffeechat.network.people.models import Contact
from coffeechat.pipeline.conversations.models import Conversation, Referral
from coffeechat.pipeline.followups import close_the_loop, keep_in_touch
from coffeechat.pipeline.followups.models import FollowUp
from coffeechat.pipeline.outreach.models import Message, Purpose, Reply

if TYPE_CHECKING:
    from coffeechat.foundation.accounts.models import User

NOTE_LIMIT = FollowUp._meta.get_field("note").max_length
REASON_LIMIT = FollowUp._meta.get_field("closed_reason").max_length


def _facts(contact: Contact, rows: list[FollowUp]) -> Facts:

    messages = [
        Sent(id=m.pk, purpose=m.purpose, at=m.sent_at)
        for m in contact.messages.only("id", "purpose", "sent_at")
    ]
    replies = [
        Replied(id=r.pk, on=r.received_on, outcome=r.outcome)
        for r in contact.replies.only("id", "received_on", "outcome")
    ]
    conversations = [
        Met(
            id=c.pk,
            status=c.status,
            booked_at=c.created_at,
            scheduled_at=c.scheduled_at,
            ended_at=c.ended_at,
        )
        for c in contact.conversations.only(
            "id", "status", "created_at", "scheduled_at", "ended_at"
        )
    ]
    colleagues: list[Colleague] = []
    if contact.organization_id is not None:
        colleagues = [
            Colleague(name=m.contact.full_name, at=m.sent_at)
            for m in Message.objects.owned_by(contact.owner)
            .filter(purpose=Purpose.REQUEST, contact__organization_id=contact.organization_id)
            .exclude(contact=contact)
            .select_related("contact")
            .only("sent_at", "contact__first_name", "contact__last_name")
        ]
    tz = contact.owner.profile.tz()
    referred = [
        Referred(
            conversation_id=r.conversation_id,
            on=timezone.localdate(r.conversation.happened_at, timezone=tz),  # held, not planned
            note=_referral_note(r),
        )
        for r in Referral.objects.filter(contact=contact).select_related("conversation__contact")
    ]
    asked = contact.introductions_asked.order_by("sent_at").values_list("sent_at", flat=True)
    return Facts(
        introductions=_introductions(contact),
        first_name=contact.first_name,
        messages=messages,
        replies=replies,
        conversations=conversations,
        colleagues_written=colleagues,
        referred=referred,
        introduction_asked_at=asked.first(),
        done_by_hand={
            (row.kind, anchor): row.done_at
            for row in rows
            if row.done_at is not None  # as it is whenever done by hand
            and row.was_done_by_hand
            and (anchor := _anchor(row)) is not None
        },
    )


def _introductions(introducer: Contact) -> list[Introduction]:
    """What this contact was asked to introduce you to, and when you and each person were
    first in touch after asking (three queries, however many)."""

    asks = list(
        introducer.messages.filter(purpose=Purpose.INTRODUCTION)
        .select_related("introduction_to")
        .order_by("sent_at", "id")
    )
    targets = {ask.introduction_to_id for ask in asks if ask.introduction_to_id}
    written: dict[int, list[datetime]] = {}
    for contact_id, sent_at in (
        Message.objects.filter(contact_id__in=targets)
        .exclude(purpose=Purpose.INTRODUCTION)
        .values_list("contact_id", "sent_at")
    ):
        written.setdefault(contact_id, []).append(sent_at)
    answered: dict[int, list[date]] = {}
    for contact_id, day in Reply.objects.filter(contact_id__in=targets).values_list(
        "contact_id", "received_on"
    ):
        answered.setdefault(contact_id, []).append(day)
    tz = introducer.owner.profile.tz()
    found = []
    for ask in asks:
        target_id = ask.introduction_to_id or 0
        asked_on = timezone.localdate(ask.sent_at, tz)
        # A reply carries a day only: from the start of that day, as the plan counts replies.
        moments = [at for at in written.get(target_id, []) if at > ask.sent_at] + [
            datetime.combine(day, datetime.min.time(), tzinfo=tz)
            for day in answered.get(target_id, [])
            if day >= asked_on
        ]
        found.append(
            Introduction(
                id=ask.pk,
                at=ask.sent_at,
                target_id=ask.introduction_to_id,
                target_name=ask.introduction_to.full_name if ask.introduction_to else "",
                in_touch_at=min(moments) if moments else None,
            )
        )
    return found


def _referral_note(referral: Referral) -> str:
    referrer = referral.conversation.contact
    permission = (
        f"You may mention {referrer.first_name}."
        if referral.may_use_name
        else f"Ask before mentioning {referrer.first_name}."
    )
    return f"Referred by {referrer.full_name}. {permission}"


def _anchor(row: FollowUp) -> int | None:
    """The record a row follows from, as the plan names it."""
    kind = Kind(row.kind)
    if kind in MESSAGE_ANCHORED:
        return row.message_id
    if kind is Kind.SCHEDULE:
        return row.reply_id
    return row.conversation_id


def _anchored(row: FollowUp, item: Planned) -> None:
    if item.kind in MESSAGE_ANCHORED:
        row.message_id = item.anchor
    elif item.kind is Kind.SCHEDULE:
        row.reply_id = item.anchor
    else:
        row.conversation_id = item.anchor


def _claim_unanchored(rows: list[FollowUp], planned: list[Planned]) -> None:
    """Rows made before follow-ups were anchored: each goes to the planned item of its kind
    whose due day is nearest, so their done marks and calendar events carry over."""
    taken = {(row.kind, _anchor(row)) for row in rows}
    for row in rows:
        if _anchor(row) is not None:
            continue
        candidates = [
            item
            for item in planned
            if item.kind.value == row.kind and (row.kind, item.anchor) not in taken
        ]
        if not candidates:
            continue
        item = min(candidates, key=lambda i: abs((i.due_on - row.due_on).days))
        _anchored(row, item)
        taken.add((row.kind, item.anchor))


def _apply(row: FollowUp, item: Planned) -> bool:
    """Make the row say what the plan says; True if anything changed."""
    note = item.note[:NOTE_LIMIT]  # e.g. whether you may mention who suggested them
    if row.was_done_by_hand:
        wanted = (item.due_on, item.due_at, note, row.done_at, row.closed_by, row.closed_reason)
    else:
        wanted = (
            item.due_on,
            item.due_at,
            note,
            item.closed_at,
            item.closed_by.value if item.closed_by else "",
            item.reason[:REASON_LIMIT],
        )
    current = (row.due_on, row.due_at, row.note, row.done_at, row.closed_by, row.closed_reason)
    if current == wanted:
        return False
    row.due_on, row.due_at, row.note, row.done_at, row.closed_by, row.closed_reason = wanted
    return True


def _replan_one(contact: Contact) -> None:
    rows = list(
        FollowUp.objects.owned_by(contact.owner).filter(
            contact=contact, kind__in=[kind.value for kind in PLANNED_KINDS]
        )
    )
    facts = _facts(contact, rows)
    planned = plan_followups(facts, contact.owner.profile.tz(), contact.owner.profile.holidays())
    _claim_unanchored(rows, planned)
    by_key: dict[tuple[str, int | None], FollowUp] = {}
    twins = []
    # Two records merged can bring two rows for the same item (both suggested in the same
    # conversation): one stays, the one marked done by hand if any, and the other goes.
    for row in sorted(rows, key=lambda r: (not r.was_done_by_hand, r.pk)):
        key = (row.kind, _anchor(row))
        if key[1] is not None and key in by_key:
            twins.append(row.pk)
        else:
            by_key[key] = row
    if twins:
        FollowUp.objects.filter(pk__in=twins).delete()
    wanted = set()
    for item in planned:
        key = (item.kind.value, item.anchor)
        wanted.add(key)
        existing = by_key.get(key)
        if existing is None:
            row = FollowUp(owner=contact.owner, contact=contact, kind=item.kind.value)
            _anchored(row, item)
            _apply(row, item)
            row.save()
        elif _apply(existing, item):
            existing.save()
    # Whatever the history no longer calls for (a request deleted, a conversation no longer
    # held) goes; what the user marked done by hand stays as their record, and so do rows from
    # before follow-ups were anchored that nothing here claimed.
    stale = [
        row.pk
        for key, row in by_key.items()
        if key not in wanted and key[1] is not None and not row.was_done_by_hand
    ]
    if stale:
        FollowUp.objects.filter(pk__in=stale).delete()


def _colleagues_waiting(contact: Contact) -> list[Contact]:
    """Others at the same organization whose "try the next contact" depends on whom you wrote
    to there."""
    if contact.organization_id is None:
        return []
    ids = (
        FollowUp.objects.owned_by(contact.owner)
        .filter(kind=Kind.NO_REPLY, contact__organization_id=contact.organization_id)
        .exclude(contact=contact)
        .values_list("contact_id", flat=True)
    )
    return list(Contact.objects.owned_by(contact.owner).filter(pk__in=set(ids)))


# What a message settles beside the plan: keeping in touch and closing the loop (an update).
SETTLED_BY = {
    Kind.KEEP_IN_TOUCH: ("update",),
    Kind.CLOSE_THE_LOOP: ("update",),
}


def _unsettle_without_their_message(contact: Contact) -> None:
    """A follow-up done by a message that was since corrected into something else, moved or
    deleted is open again: "Done: you sent an update" must not outlive the update."""
    settled = FollowUp.objects.owned_by(contact.owner).filter(
        contact=contact, kind__in=[kind.value for kind in SETTLED_BY], closed_by=ClosedBy.ACTION
    )
    for row in settled:
        purposes = SETTLED_BY[Kind(row.kind)]
        done_at = row.done_at  # never None when done by an action; a message has a time
        if (
            done_at is None
            or not contact.messages.filter(sent_at=done_at, purpose__in=purposes).exists()
        ):
            row.done_at, row.closed_by, row.closed_reason = None, "", ""
            row.save(update_fields=["done_at", "closed_by", "closed_reason", "updated_at"])


@transaction.atomic
def replan(contact: Contact, *, colleagues: bool = True) -> None:
    """Make every follow-up of this contact (and of colleagues whose routine it touches) what
    their recorded history calls for."""
    _replan_one(contact)
    _unsettle_without_their_message(contact)
    keep_in_touch.replan(contact)
    for conversation in contact.conversations.filter(status="held"):
        close_the_loop.sync_advice_loop(conversation)
    if colleagues:
        for colleague in _colleagues_waiting(contact):
            _replan_one(colleague)
        # Whoever was asked to introduce you to them: the reminder ends once you are in touch.
        for introducer in _introducers_of(contact):
            _replan_one(introducer)


def _introducers_of(contact: Contact) -> list[Contact]:
    ids = contact.introductions_asked.values_list("contact_id", flat=True)
    return list(Contact.objects.owned_by(contact.owner).filter(pk__in=set(ids)))


def after_conversation_changed(conversation: Conversation) -> None:
    """A conversation was deleted or moved: plan its contact's follow-ups again from what
    remains (a deleted one takes its thank-you and keep-in-touch with it)."""
    replan(conversation.contact)


def replan_everyone(user: User) -> int:
    """Replan every contact of a user with a history (after a change of country or time zone
    moves business days, or to repair). Returns how many contacts were replanned."""

    contacts = list(
        Contact.objects.owned_by(user)
        .filter(
            Exists(FollowUp.objects.filter(contact=OuterRef("pk")))
            | Exists(Conversation.objects.filter(contact=OuterRef("pk")))
            | Q(messages__isnull=False)
            | Q(replies__isnull=False)
        )
        .distinct()
    )
    for contact in contacts:
        replan(contact, colleagues=False)
    return len(contacts)
