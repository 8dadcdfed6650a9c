"""Following an item's link and doing what the page there is for, as a person would.

"Every open item's action leads to a page where it can be resolved, and resolving it removes
it": the page must open (200, the user's own), and the thing it offers, once done, must take
the item off Today.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.test import Client
from django.urls import resolve
from django.utils import timezone

from coffeechat.method.today import TodayItem
from coffeechat.network.people.models import Contact
from coffeechat.pages.today.queries import today_items
from coffeechat.pipeline.conversations.models import Conversation, Status
from coffeechat.pipeline.followups.models import FollowUp
from coffeechat.pipeline.outreach.models import Purpose
from method_model import actions


@dataclass
class Resolved:
    kind: str
    completed: set[int] = field(default_factory=set)  # follow-ups the user marked done


def _same(a: TodayItem, b: TodayItem) -> bool:
    if a.followup_id is not None:
        return a.followup_id == b.followup_id
    return a.kind == b.kind and a.url == b.url


def _open_page(user: object, url: str) -> None:
    client = Client()
    client.force_login(
        user, backend="coffeechat.foundation.accounts.backends.UsernameOrEmailBackend"
    )
    response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"


def _do(user: object, item: TodayItem) -> Resolved | None:
    """Do what the item's page offers for it."""
    path, _, query = item.url.partition("?")
    match = resolve(path)
    name = f"{match.namespace}:{match.url_name}"
    pk = next(iter(match.kwargs.values()), None)
    if name == "outreach:thank_you":
        actions.thank(Conversation.objects.get(pk=pk))
    elif name == "outreach:compose":
        purpose = query.removeprefix("purpose=") or Purpose.REQUEST
        actions.send(Contact.objects.get(pk=pk), purpose)
    elif name == "outreach:reply":
        # "Answer Grace": answer her, agree a time, and log what she decided.
        actions.log_reply(Contact.objects.get(pk=pk), "agreed")
    elif name == "conversations:new":
        actions.schedule(Contact.objects.get(pk=pk), days_ahead=2, hour=10)
    elif name in ("conversations:detail", "conversations:conduct"):
        conversation = Conversation.objects.get(pk=pk)
        if conversation.status == Status.SCHEDULED:
            actions.start(conversation)
        actions.end(conversation)
    elif name == "people:contact" and item.followup_id is not None:
        # The contact page lists what is owed with "Mark done" beside it.
        actions.mark_done(FollowUp.objects.get(pk=item.followup_id))
        return Resolved(f"{item.kind.value}_by_marking_done", {item.followup_id})
    elif name == "research:organization":
        # "Find someone else there": add the person found, and write to them.
        organization = Contact.objects.get(pk=item.contact_id).organization
        found = actions.add_contact(user, "Found", "Someone", organization=organization)
        actions.send(found, Purpose.REQUEST)
    else:
        return None
    return Resolved(f"{item.kind.value}_via_{match.url_name}")


def resolve_item(user: object, i: int) -> Resolved | None:
    """Resolve the i-th item on Today (modulo its length); None if Today is empty."""
    now = timezone.now()
    items = today_items(user, now)
    if not items:
        return None
    item = items[i % len(items)]
    _open_page(user, item.url)
    resolved = _do(user, item)
    if resolved is None:
        raise AssertionError(f"{item.title!r}: its link {item.url} offers no way to resolve it")
    after = today_items(user, timezone.now())
    still = [other for other in after if _same(item, other)]
    assert not still, f"{item.title!r} is still on Today after '{item.action}' was done"
    return resolved
