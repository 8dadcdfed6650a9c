"""The search page's read model: hits turned into labelled results, grouped by kind.

Every record is loaded again through `owned_by(owner)` after the index found it: the index is
already scoped to the owner, and this makes a mistake there harmless.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, overload
from urllib.parse import urlencode

from django.db.models import Count, Model
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from coffeechat.foundation.accounts.models import User
from coffeechat.method.search_query import START, STOP, SearchQuery
from coffeechat.method.search_query import highlight as mark
from coffeechat.network.people.models import Contact, OtherAddress
from coffeechat.network.research.models import Field, Organization
from coffeechat.pages.search import engine
from coffeechat.pages.search.sources import Kind
from coffeechat.pipeline.conversations.models import (
    Conversation,
    ConversationQuestion,
    Status,
    Takeaway,
)
from coffeechat.pipeline.outreach.models import Message, Reply

MARKED = re.compile(f"{START}(.*?){STOP}", re.DOTALL)


def highlight(text: str) -> SafeString:
    """The engine's marked text, escaped, with each match in <mark>."""
    out: list[str] = []
    last = 0
    for match in MARKED.finditer(text):
        out.append(escape(text[last : match.start()]))
        out.append(f"<mark>{escape(match.group(1))}</mark>")
        last = match.end()
    out.append(escape(text[last:]))
    # A stray marker (an unmatched one) is dropped rather than shown.
    cleaned = "".join(out).replace(START, "").replace(STOP, "")
    return mark_safe(cleaned)  # every piece of user text went through escape() above


@dataclass(frozen=True)
class Result:
    label: str
    context: str  # who or what it belongs to, e.g. "Conversation with Zoë, 3 March"
    url: str
    title: SafeString
    snippet: SafeString
    # An organization found by name leads on to the people there (the Contacts list, filtered).
    people_url: str = ""
    people: int = 0


@dataclass(frozen=True)
class KindInfo:
    kind: Kind
    slug: str
    heading: str


# The order of the groups on the page.
KINDS: tuple[KindInfo, ...] = (
    KindInfo(Kind.CONTACT, "people", "People"),
    KindInfo(Kind.ADDRESS, "addresses", "Other addresses of people"),
    KindInfo(Kind.ORGANIZATION, "organizations", "Organizations"),
    KindInfo(Kind.FIELD, "fields", "Fields"),
    KindInfo(Kind.CONVERSATION, "conversations", "Conversation notes"),
    KindInfo(Kind.QUESTION, "questions", "Notes under questions"),
    KindInfo(Kind.ADVICE, "advice", "Advice"),
    KindInfo(Kind.RESOURCE, "resources", "Resources"),
    KindInfo(Kind.MESSAGE, "messages", "Messages"),
    KindInfo(Kind.REPLY, "replies", "Replies"),
)
BY_SLUG = {info.slug: info for info in KINDS}


@dataclass
class Group:
    info: KindInfo
    total: int
    results: list[Result] = field(default_factory=list)
    capped: bool = False  # the total is a lower bound (engine.top_per_kind)

    @property
    def more(self) -> int:
        return self.total - len(self.results)


def _contact_title(contact: Contact) -> str:
    """Their name as lists show it, and the one they go by: "John Public (goes by Johnny)"."""
    goes_by = contact.goes_by.strip()
    return f"{contact.full_name} (goes by {goes_by})" if goes_by else contact.full_name


def _conversation_label(chat: Conversation) -> str:
    return f"Conversation with {chat.contact} on {chat.local_start():%-d %B %Y}"


def _describe(kind: Kind, obj: Any) -> tuple[str, str, str]:
    """(label, context, url) of one found record."""
    if kind == Kind.CONTACT:
        at = f" at {obj.organization}" if obj.organization_id else ""
        via = f", introduced by {obj.introduced_by}" if obj.introduced_by_id else ""
        return obj.full_name, f"{obj.role}{at}{via}".strip(" ,"), obj.get_absolute_url()
    if kind == Kind.ADDRESS:
        return obj.contact.full_name, "Also known by", obj.contact.get_absolute_url()
    if kind in (Kind.ORGANIZATION, Kind.FIELD):
        return str(obj), "", obj.get_absolute_url()
    if kind == Kind.MESSAGE:
        when = f"{obj.sent_at:%-d %B %Y}" if getattr(obj, "sent_at", None) else ""
        label = obj.subject or f"Message to {obj.contact}"
        url = f"{obj.contact.get_absolute_url()}#message-{obj.pk}"
        return label, f"To {obj.contact} {when}".strip(), url
    if kind == Kind.REPLY:
        return f"Reply from {obj.contact}", "", f"{obj.contact.get_absolute_url()}#reply-{obj.pk}"
    if kind == Kind.CONVERSATION:
        return _conversation_label(obj), obj.get_status_display(), obj.get_absolute_url()
    chat = obj.conversation
    anchor = {Kind.QUESTION: "question", Kind.ADVICE: "advice", Kind.RESOURCE: "resource"}[kind]
    # While it is going on, the notes are taken on the conduct page; after, the record shows them.
    page = (
        reverse("conversations:conduct", args=[chat.pk])
        if chat.status == Status.IN_PROGRESS
        else chat.get_absolute_url()
    )
    return str(obj), _conversation_label(chat), f"{page}#{anchor}-{obj.pk}"


def _loaders(owner: User) -> dict[Kind, Callable[[list[int]], Any]]:
    """For each kind, a query for the owner's records among some ids (one query per kind)."""
    by_conversation = {"conversation__owner": owner}
    chat = ("conversation", "conversation__contact")
    return {
        Kind.CONTACT: lambda ids: (
            Contact.objects.owned_by(owner)
            .select_related("organization", "introduced_by")
            .filter(pk__in=ids)
        ),
        Kind.ADDRESS: lambda ids: (
            OtherAddress.objects.owned_by(owner).select_related("contact").filter(pk__in=ids)
        ),
        Kind.ORGANIZATION: lambda ids: (
            Organization.objects.owned_by(owner)
            .filter(pk__in=ids)
            .annotate(people=Count("contacts"))
        ),
        Kind.FIELD: lambda ids: Field.objects.owned_by(owner).filter(pk__in=ids),
        Kind.MESSAGE: lambda ids: (
            Message.objects.owned_by(owner).select_related("contact").filter(pk__in=ids)
        ),
        Kind.REPLY: lambda ids: (
            Reply.objects.owned_by(owner).select_related("contact").filter(pk__in=ids)
        ),
        Kind.CONVERSATION: lambda ids: (
            Conversation.objects.owned_by(owner).select_related("contact").filter(pk__in=ids)
        ),
        Kind.QUESTION: lambda ids: ConversationQuestion.objects.select_related(*chat).filter(
            pk__in=ids, **by_conversation
        ),
        Kind.ADVICE: lambda ids: Takeaway.objects.select_related(*chat).filter(
            pk__in=ids, **by_conversation
        ),
        Kind.RESOURCE: lambda ids: Takeaway.objects.select_related(*chat).filter(
            pk__in=ids, **by_conversation
        ),
    }


def _results(
    owner: User, query: SearchQuery, hits: Sequence[engine.Hit]
) -> list[tuple[engine.Hit, Result]]:
    """The hits as results, in the hits' order; a record gone since is left out."""
    loaders = _loaders(owner)
    found: dict[tuple[int, int], Model] = {}
    for kind in dict.fromkeys(hit.kind for hit in hits):
        ids = [hit.object_id for hit in hits if hit.kind == kind]
        for obj in loaders[Kind(kind)](ids):
            found[(kind, obj.pk)] = obj
    marked = engine.snippets(query, owner.pk, [hit.key for hit in hits])
    results = []
    for hit in hits:
        obj = found.get((hit.kind, hit.object_id))
        if obj is None:
            continue
        label, context, url = _describe(Kind(hit.kind), obj)
        snippet = marked.get(hit.key, engine.Snippet("", ""))
        if isinstance(obj, Contact):
            # The indexed title holds every name they are known by; the page shows the name as
            # lists do (family name first in CJK), with the name they go by.
            title = highlight(mark(_contact_title(obj), query))
        elif snippet.title.strip():
            title = highlight(snippet.title)
        else:
            title = escape(label)
        result = Result(label, context, url, title, highlight(snippet.body))
        people = int(getattr(obj, "people", 0))  # organizations only (see _loaders)
        if people:
            people_url = f"{reverse('people:contacts')}?{urlencode({'org': str(obj)})}"
            result = replace(result, people_url=people_url, people=people)
        results.append((hit, result))
    return results


def grouped(owner: User, query: SearchQuery, per_kind: int) -> list[Group]:
    """The best `per_kind` results of every kind that has any, in the page's order of kinds."""
    top = engine.top_per_kind(query, owner.pk, per_kind)
    by_kind: dict[int, list[Result]] = {}
    for hit, result in _results(owner, query, top.hits):
        by_kind.setdefault(hit.kind, []).append(result)
    return [
        Group(info, top.totals[info.kind], by_kind.get(info.kind, []), top.capped)
        for info in KINDS
        if top.totals.get(info.kind)
    ]


class KindResults(Sequence[Result]):
    """Every result of one kind, fetched a page at a time (for the shared pager)."""

    def __init__(self, owner: User, query: SearchQuery, kind: Kind) -> None:
        self.owner, self.query, self.kind = owner, query, kind
        self._count: int | None = None

    def count(self, value: object = None) -> int:  # what Paginator asks for first
        if self._count is None:
            self._count = engine.count_of_kind(self.query, self.owner.pk, self.kind)
        return self._count

    def __len__(self) -> int:
        return self.count()

    @overload
    def __getitem__(self, index: int) -> Result: ...
    @overload
    def __getitem__(self, index: slice) -> list[Result]: ...
    def __getitem__(self, index: int | slice) -> Result | list[Result]:
        if isinstance(index, int):
            return self[index : index + 1][0]
        start, stop, _ = index.indices(len(self))
        hits = engine.page_of_kind(self.query, self.owner.pk, self.kind, start, stop - start)
        return [result for _, result in _results(self.owner, self.query, hits)]

    def __iter__(self) -> Iterator[Result]:
        return iter(self[:])
