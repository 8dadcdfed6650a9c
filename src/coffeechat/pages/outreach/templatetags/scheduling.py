"""Send later's pieces of other pages: the compose page's "Send later" box, and the messages
still to leave, on Today and on a contact's page."""

from __future__ import annotations

from dataclasses import dataclass

from django import template
from django.utils import timezone

from coffeechat.foundation.accounts.models import User
from coffeechat.network.people.models import Contact
from coffeechat.pages.outreach.send_later import AT, MORNING, LaterForm, offer, when_label
from coffeechat.pipeline.outreach.models import ScheduledMessage, ScheduledState
from coffeechat.pipeline.services.scheduled import pending_for

register = template.Library()

# Today lists this many (the failed first, then the soonest); a contact's page lists theirs.
TODAY_LIMIT = 20


@register.inclusion_tag("outreach/_send_later.html", takes_context=True)
def send_later(context: template.Context) -> dict[str, object]:
    """The box under "Send it": their next business morning or a moment of the user's own;
    on Friday evening and Saturday the morning is chosen, and the page says why."""
    request = context["request"]
    now = timezone.now()
    to = context["to"]
    offered = offer(request.user, to, now)
    posted = request.method == "POST" and "send_later" in request.POST
    initial = {"send_later": offered.default}
    form = LaterForm(request.POST if posted else None, initial=initial, offer=offered, now=now)
    chosen = form["send_later"].value() or offered.default
    return {
        "offer": offered,
        "later": form,
        "chosen": chosen,
        "MORNING": MORNING,
        "AT": AT,
        "send": context["send"],
        "post_to": context["post_to"],
        "to": to,
    }


@dataclass(frozen=True)
class Pending:
    item: ScheduledMessage
    when: str

    @property
    def kind(self) -> str:
        """ "request", "follow-up", "request for an introduction to Sam Lee"."""
        item = self.item
        if item.introduction_to is not None:
            return f"request for an introduction to {item.introduction_to.full_name}"
        return "request" if item.purpose == "request" else item.get_purpose_display().lower()

    @property
    def what(self) -> str:
        item = self.item
        if item.introduction_to is not None:
            return (
                f"request to {item.contact.full_name} to introduce you to "
                f"{item.introduction_to.full_name}"
            )
        return f"{self.kind} to {item.contact.full_name}"

    @property
    def next_step(self) -> str:
        """What a contact's page says to do while the message waits: nothing, until it leaves
        (only then does the follow-up routine start), or see to one that failed."""
        if self.failed:
            return f"Your {self.kind} did not go out: edit it to try again, or cancel it (below)."
        if self.leaving:
            return f"Your {self.kind} is leaving now."
        return f"Your {self.kind} goes out {self.when}; nothing to do until then."

    @property
    def failed(self) -> bool:
        return self.item.state == ScheduledState.FAILED

    @property
    def leaving(self) -> bool:
        return self.item.state == ScheduledState.SENDING


def _rows(user: User, contact: Contact | None) -> tuple[list[Pending], bool]:
    """Today's soonest (any failed first), or all of one contact's; and whether Today has more."""
    now = timezone.now()
    limit = None if contact is not None else TODAY_LIMIT + 1
    items = pending_for(user, contact=contact, limit=limit)
    more = len(items) > TODAY_LIMIT and contact is None
    items = items[:TODAY_LIMIT] if more else items
    for item in items:
        item.owner = user  # already at hand: no query per row for the owner's zone
    return [Pending(item, when_label(item, now)) for item in items], more


@register.simple_tag(takes_context=True)
def scheduled_for(context: template.Context, contact: Contact) -> list[Pending]:
    """A contact's messages still to leave, for its next step and its list (one query)."""
    return _rows(context["request"].user, contact)[0]


@register.inclusion_tag("outreach/_scheduled_list.html", takes_context=True)
def scheduled_messages(
    context: template.Context, contact: Contact | None = None, rows: list[Pending] | None = None
) -> dict[str, object]:
    """ "Request to Priya Shah, Monday 9:00", with Edit and Cancel (one query, none when a
    contact's `rows` were read already with scheduled_for)."""
    more = False
    if rows is None:
        rows, more = _rows(context["request"].user, contact)
    return {"pending": rows, "on_contact_page": contact is not None, "more": more}
