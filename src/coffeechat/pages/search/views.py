"""/search/: every kind of record at once, or one kind page by page; the header's live box."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from coffeechat.foundation.core.listing import paginate
from coffeechat.foundation.core.requests import AuthedRequest
from coffeechat.method.search_query import parse
from coffeechat.pages.search.queries import BY_SLUG, KINDS, KindResults, grouped

# The full page shows this many of each kind, the header's drop-down fewer; "more" links to
# the kind's own pages.
PER_KIND_PAGE = 10
PER_KIND_LIVE = 4
PER_PAGE = 25
MAX_QUERY = 200


def name_to_add(text: str) -> str:
    """What was typed, offered as a new person's name when it reads like one: words only, no
    phrase quotes or exclusions, and short."""
    words = text.split()
    if not 1 <= len(words) <= 4 or any(
        not w.replace("-", "").replace("'", "").isalpha() for w in words
    ):
        return ""
    if any(word.startswith("-") for word in words):
        return ""
    return " ".join(words)


@login_required
@require_GET
def search(request: AuthedRequest) -> HttpResponse:
    text = request.GET.get("q", "").strip()[:MAX_QUERY]
    query = parse(text)
    info = BY_SLUG.get(request.GET.get("kind", ""))
    live = bool(request.htmx) and not info
    context: dict[str, object] = {
        "q": text,
        "kinds": KINDS,
        "empty": query.is_empty,
        "name_to_add": name_to_add(text),
    }
    if info is not None:
        context["kind"] = info
        context["listing"] = paginate(
            request.GET, KindResults(request.user, query, info.kind), per_page=PER_PAGE
        )
    else:
        per_kind = PER_KIND_LIVE if live else PER_KIND_PAGE
        context["groups"] = grouped(request.user, query, per_kind)
    template = "search/_live.html" if live else "search/results.html"
    return TemplateResponse(request, template, context)
