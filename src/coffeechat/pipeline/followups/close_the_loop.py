"""Close the loop: the person whose advice you acted on, or whose referral led to a conversation,
hears what came of it (the method's "tell them you followed their advice")."""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone

from coffeechat.method.keep_in_touch import close_the_loop_due
from coffeechat.method.today import Kind
from coffeechat.network.people.models import Contact
from coffeechat.pipeline.conversations.models import Conversation, Referral
from coffeechat.pipeline.followups.models import FollowUp, FollowUpQuerySet

NOTE_LIMIT = 300  # FollowUp.note


def _quoted(texts: list[str]) -> str:
    joined = "; ".join(f"“{text.strip()}”" for text in texts)
    return joined if len(joined) <= 160 else joined[:159] + "…"


def _advice_loops(conversation: Conversation) -> FollowUpQuerySet:
    """Advice follow-ups of one conversation: to its contact, about that same conversation (a
    referral's loop goes to the referrer about a conversation with someone else)."""
    return FollowUp.objects.owned_by(conversation.owner).filter(
        kind=Kind.CLOSE_THE_LOOP.value, contact=conversation.contact, conversation=conversation
    )


def sync_advice_loop(conversation: Conversation, now: datetime | None = None) -> FollowUp | None:
    """One open close-the-loop follow-up per conversation, naming the advice acted on since the
    last time the loop was closed; none when nothing is pending (e.g. the tick was undone)."""
    loops = _advice_loops(conversation)
    last_closed = loops.filter(done_at__isnull=False).order_by("-done_at").first()
    closed_at = last_closed.done_at if last_closed is not None else None
    acted = [
        takeaway
        for takeaway in conversation.takeaways.filter(kind="advice", acted_on_at__isnull=False)
        if takeaway.acted_on_at is not None  # as the filter has it
        and (closed_at is None or takeaway.acted_on_at > closed_at)
    ]
    open_ones = list(loops.open().order_by("id"))
    if not acted:
        FollowUp.objects.filter(pk__in=[f.pk for f in open_ones]).delete()
        return None
    contact = conversation.contact
    note = (
        f"You acted on {contact.first_name}'s advice: {_quoted([t.text for t in acted])}. "
        f"Tell {contact.first_name} what came of it."
    )[:NOTE_LIMIT]
    if open_ones:
        followup = open_ones[0]
        if followup.note != note:  # an unchanged note keeps its calendar event as it is
            followup.note = note
            followup.save(update_fields=["note", "updated_at"])
        return followup
    profile = contact.owner.profile
    acted_on = timezone.localdate(now or timezone.now(), timezone=profile.tz())
    return FollowUp.objects.create(
        owner=contact.owner, contact=contact, kind=Kind.CLOSE_THE_LOOP.value,
        due_on=close_the_loop_due(acted_on, profile.holidays()), conversation=conversation,
        note=note,
    )  # fmt: skip


def _referrer_of(contact: Contact) -> Contact | None:
    """Who suggested you talk to this person: the conversation they were referred in, else the
    contact's "introduced by"."""

    referral = (
        Referral.objects.filter(contact=contact).select_related("conversation__contact").first()
    )
    referrer = referral.conversation.contact if referral else contact.introduced_by
    return referrer if referrer is not None and referrer.pk != contact.pk else None


def after_referral_met(conversation: Conversation) -> FollowUp | None:
    """A conversation with someone they suggested was held: the referrer should hear of it,
    once per person met (a second conversation with the same person adds nothing)."""
    met = conversation.contact
    referrer = _referrer_of(met)
    if referrer is None:
        return None
    already = FollowUp.objects.filter(
        owner=conversation.owner,
        kind=Kind.CLOSE_THE_LOOP.value,
        contact=referrer,
        conversation__contact=met,
    )
    if already.exists():
        return None
    profile = conversation.owner.profile
    met_on = timezone.localdate(conversation.scheduled_at, timezone=profile.tz())
    return FollowUp.objects.create(
        owner=conversation.owner, contact=referrer, kind=Kind.CLOSE_THE_LOOP.value,
        due_on=close_the_loop_due(met_on, profile.holidays()), conversation=conversation,
        note=(
            f"You met {met.full_name}, whom {referrer.first_name} suggested. "
            f"Tell {referrer.first_name} how it went."
        )[:NOTE_LIMIT],
    )  # fmt: skip
