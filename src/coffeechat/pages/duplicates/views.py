"""Likely duplicates side by side, merging two records into one, and "not the same person"."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_POST

from coffeechat.foundation.core.requests import AuthedRequest
from coffeechat.foundation.core.views import owned_or_404
from coffeechat.network.duplicates.finder import likely_duplicates, mark_not_duplicate
from coffeechat.network.people.models import Contact
from coffeechat.pages.duplicates.queries import pair_rows
from coffeechat.pipeline.services.merge import merge_contacts, plan_merge

PAIRS_PER_PAGE = 25


def _list_url(request: AuthedRequest) -> str:
    """Back to the page of the list the user came from."""
    page = request.POST.get("page") or request.GET.get("page") or ""
    url = reverse("network:duplicates")
    return f"{url}?page={page}" if page.isdigit() and page != "1" else url


def _two_contacts(request: AuthedRequest, first_pk: int, second_pk: int) -> tuple[Contact, Contact]:
    if first_pk == second_pk:
        raise Http404("A contact is not a duplicate of itself.")
    return owned_or_404(Contact, request, first_pk), owned_or_404(Contact, request, second_pk)


@login_required
def duplicate_list(request: AuthedRequest) -> HttpResponse:
    pairs = likely_duplicates(request.user)
    page = Paginator(pairs, PAIRS_PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "network/duplicates.html",
        {
            "page": page,
            "rows": pair_rows(request.user, list(page.object_list)),
            "total": len(pairs),
        },
    )


@login_required
def merge(request: AuthedRequest, keep_pk: int, other_pk: int) -> HttpResponse:
    """A confirmation page with the result and what moves; the merge happens on POST only."""
    keep, other = _two_contacts(request, keep_pk, other_pk)
    if request.method == "POST":
        merged_name = other.full_name
        kept = merge_contacts(keep, other)
        messages.success(request, f"Merged {merged_name} into {kept.full_name}.")
        return HttpResponseRedirect(_list_url(request))
    return TemplateResponse(
        request,
        "network/merge_confirm.html",
        {"plan": plan_merge(keep, other), "back_url": _list_url(request)},
    )


@require_POST
@login_required
def not_duplicate(request: AuthedRequest, first_pk: int, second_pk: int) -> HttpResponse:
    first, second = _two_contacts(request, first_pk, second_pk)
    mark_not_duplicate(owner=request.user, first=first, second=second)
    if request.htmx:
        return HttpResponse("")  # the pair's card is swapped out of the list
    messages.success(
        request, f"Noted: {first.full_name} and {second.full_name} are different people."
    )
    return HttpResponseRedirect(_list_url(request))
