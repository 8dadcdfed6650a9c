"""The one open "keep in touch" follow-up per person you met, replanned from what happened.

Called whenever something changes the answer: a conversation held, a message sent or back-dated,
a reply logged, the cadence edited, a keep-in-touch marked done or reopened, two contacts merged.
It reads the facts again each time rather than adjusting a date, so calling it twice is harmless.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from django.db.models import Max, Q
from django.utils import timezone

from coffeechat.method.keep_in_touch import next_keep_in_touch
from coffeechat.method.today import Kind
from coffeechat.network.people.models import Contact, KeepInTouch
from coffeechat.pipeline.conversations.models import Conversation, Status
from coffeechat.pipeline.followups.models import FollowUp
from coffeechat.pipeline.outreach.models import Purpose


@dataclass(frozen=True)
class _Facts:
    last_met: Conversation  # the latest held conversation
    last_interaction_on: date
    first_update_sent: bool


def _local(moment: datetime | None, tz: tzinfo) -> date | None:
    return timezone.localdate(moment, timezone=tz) if moment else None


def _facts(contact: Contact, tz: tzinfo) -> _Facts | None:
    """What decides the next update, or None if you have not met them yet."""

    last_met = (
        contact.conversations.filter(status=Status.HELD).order_by("-scheduled_at", "-id").first()
    )
    if last_met is None:
        return None
    messages = contact.messages.aggregate(
        last=Max("sent_at"),
        update=Max("sent_at", filter=Q(purpose=Purpose.UPDATE)),
    )
    last_reply_on = contact.replies.aggregate(last=Max("received_on"))["last"]
    # Marking a keep-in-touch done says you were in touch that day, by whatever means.
    kept = contact.followups.filter(kind=Kind.KEEP_IN_TOUCH.value, done_at__isnull=False)
    kept_at = kept.aggregate(last=Max("done_at"))["last"]
    met_on = _local(last_met.scheduled_at, tz)
    days = [met_on, _local(messages["last"], tz), last_reply_on, _local(kept_at, tz)]
    updates = [moment for moment in (messages["update"], kept_at) if moment]
    return _Facts(
        last_met=last_met,
        last_interaction_on=max(day for day in days if day),
        first_update_sent=any(moment >= last_met.scheduled_at for moment in updates),
    )


NOTE_LIMIT = 300  # FollowUp.note
# Between the planned sentence and the user's own notes: one line, so the digest stays tidy.
JOIN = " · "
FIRST_UPDATE_NOTE = (
    "About 4 weeks since you were last in touch: tell them what you did with their "
    "advice and how your search is going."
)
CADENCE_NOTE = "{cadence} update: a few lines on how your search is going."


def _planned_notes() -> set[str]:
    """Every sentence replan writes itself; anything else in a note is the user's own."""
    cadences = {CADENCE_NOTE.format(cadence=label) for _, label in KeepInTouch.choices}
    return {FIRST_UPDATE_NOTE} | cadences


def _own_notes(followups: list[FollowUp]) -> list[str]:
    """What the user's own notes say on these follow-ups (e.g. two records merged), each once."""
    planned, own = _planned_notes(), []
    for followup in followups:
        for part in followup.note.split(JOIN):
            part = part.strip()
            if part and part not in planned and part not in own:
                own.append(part)
    return own


def _note(facts: _Facts, contact: Contact, own: list[str]) -> str:
    if not facts.first_update_sent:
        planned = FIRST_UPDATE_NOTE
    else:
        planned = CADENCE_NOTE.format(cadence=contact.get_keep_in_touch_display())
    note = JOIN.join([planned, *own])
    return note if len(note) <= NOTE_LIMIT else note[: NOTE_LIMIT - 1] + "…"


def replan(contact: Contact) -> FollowUp | None:
    """Leave exactly one open keep-in-touch follow-up for the contact, due when the rules say,
    or none (not met yet, or set to "never"). Returns the open one.

    The note says what kind of update is due; what the user added to the note stays, and a
    merge's second follow-up brings its notes along before it goes."""
    profile = contact.owner.profile
    open_ones = list(
        FollowUp.objects.owned_by(contact.owner)
        .open()
        .filter(contact=contact, kind=Kind.KEEP_IN_TOUCH.value)
        .order_by("id")
    )
    facts = _facts(contact, profile.tz())
    due = None
    if facts is not None:
        due = next_keep_in_touch(
            facts.last_interaction_on,
            contact.keep_in_touch,
            first_update_sent=facts.first_update_sent,
            holidays=profile.holidays(),
        )
    kept = open_ones[0] if open_ones and due else None
    # A merge can bring a second one; "never" or no meeting wants none.
    surplus = [followup.pk for followup in open_ones if followup is not kept]
    if surplus:
        FollowUp.objects.filter(pk__in=surplus).delete()
    if due is None or facts is None:  # no facts, no due date
        return None
    note = _note(facts, contact, _own_notes(open_ones))
    if kept is None:
        return FollowUp.objects.create(
            owner=contact.owner, contact=contact, kind=Kind.KEEP_IN_TOUCH.value,
            due_on=due, conversation=facts.last_met, note=note,
        )  # fmt: skip
    planned = (due, note, facts.last_met.pk)
    if (kept.due_on, kept.note, kept.conversation_id) != planned:
        # Only a real change is saved: its calendar event keeps its DTSTAMP and SEQUENCE.
        kept.due_on, kept.note, kept.conversation = due, note, facts.last_met
        kept.save(update_fields=["due_on", "note", "conversation", "updated_at"])
    return kept


def next_keep_in_touch_of(contact: Contact) -> FollowUp | None:
    """The contact's open keep-in-touch follow-up, for the contact page."""
    return contact.followups.open().filter(kind=Kind.KEEP_IN_TOUCH.value).first()


def set_cadence(contact: Contact, cadence: str) -> FollowUp | None:
    """Change how often to write to the contact, and move their next update accordingly."""
    contact.keep_in_touch = cadence
    contact.save(update_fields=["keep_in_touch", "updated_at"])
    return replan(contact)
