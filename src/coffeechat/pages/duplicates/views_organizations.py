"""Organizations entered twice, side by side, and merging one into the other (confirmed)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_POST

from coffeechat.foundation.core.listing import paginate
from coffeechat.foundation.core.requests import AuthedRequest
from coffeechat.foundation.core.views import owned_or_404
from coffeechat.network.duplicates.organizations import (
    likely_duplicate_organizations,
    mark_different,
    merge_organizations,
    pairs_of,
    plan_organization_merge,
)
from coffeechat.network.research.models import Organization

PAIRS_PER_PAGE = 25


@login_required
def organization_duplicates(request: AuthedRequest) -> HttpResponse:
    listing = paginate(
        request.GET, likely_duplicate_organizations(request.user), per_page=PAIRS_PER_PAGE
    )
    return TemplateResponse(
        request,
        "network/organization_duplicates.html",
        {"listing": listing, "pairs": pairs_of(request.user, listing.rows)},
    )


def _two(
    request: AuthedRequest, first_pk: int, second_pk: int
) -> tuple[Organization, Organization]:
    if first_pk == second_pk:
        raise Http404("An organization is not a duplicate of itself.")
    return owned_or_404(Organization, request, first_pk), owned_or_404(
        Organization, request, second_pk
    )


@login_required
def organization_merge(request: AuthedRequest, keep_pk: int, other_pk: int) -> HttpResponse:
    """A confirmation page with what moves; the merge happens on POST only."""
    keep, other = _two(request, keep_pk, other_pk)
    if request.method == "POST":
        merged_name = other.name
        kept = merge_organizations(keep, other)
        messages.success(request, f"Merged {merged_name} into {kept.name}.")
        return HttpResponseRedirect(reverse("network:organization_duplicates"))
    return TemplateResponse(
        request,
        "network/organization_merge_confirm.html",
        {"plan": plan_organization_merge(keep, other)},
    )


@require_POST
@login_required
def organizations_different(request: AuthedRequest, first_pk: int, second_pk: int) -> HttpResponse:
    first, second = _two(request, first_pk, second_pk)
    mark_different(request.user, first, second)
    if request.htmx:
        return HttpResponse("")  # the pair's card is swapped out of the list
    messages.success(request, f"Noted: {first.name} and {second.name} are different organizations.")
    return HttpResponseRedirect(reverse("network:organization_duplicates"))
