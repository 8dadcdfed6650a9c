"""Quick add: one line to add a person, from Contacts, an organization's page or search."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Case, IntegerField, Value, When
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse

from coffeechat.foundation.accounts.models import User
from coffeechat.foundation.core.requests import AuthedRequest
from coffeechat.network.duplicates import finder as duplicates_finder
from coffeechat.network.people.forms import contact_label
from coffeechat.network.people.quick_add import QuickAddForm, quick_add
from coffeechat.network.research.models import Organization
from coffeechat.network.research.services import organization_ids_named

SUGGESTIONS = 12


def suggestions(user: User, typed: str = "") -> list[str]:
    """Organization names to offer while typing: targets first, then by name (a page's worth,
    however many the user has)."""
    rows = Organization.objects.owned_by(user)
    if typed:
        # However it is written: "societe", "MORNINGSTAR INC", "mckinsey and".
        rows = rows.filter(pk__in=organization_ids_named(user, typed))
    first = Case(When(is_target=True, then=Value(0)), default=Value(1), output_field=IntegerField())
    return list(rows.order_by(first, "name").values_list("name", flat=True)[:SUGGESTIONS])


def _from_organization(request: AuthedRequest) -> Organization | None:
    """The organization page the form was opened from (the user's own, else none)."""
    pk = request.POST.get("from_organization") or request.GET.get("from_organization")
    if not (pk or "").isdigit():
        return None
    return Organization.objects.owned_by(request.user).filter(pk=int(pk or 0)).first()


@login_required
def quick_add_view(request: AuthedRequest) -> HttpResponse:
    origin = _from_organization(request)
    initial = {
        "name": request.GET.get("name", ""),
        "organization": request.GET.get("organization", origin.name if origin else ""),
    }
    form = QuickAddForm(request.POST or None, owner=request.user, initial=initial)
    form.fields["organization"].widget.attrs.update(
        {
            "hx-get": reverse("people:organization_suggestions"),
            "hx-trigger": "input changed delay:250ms",
            "hx-target": "#quick-add-organizations",
            "hx-swap": "innerHTML",
        }
    )
    duplicates: list[duplicates_finder.Match] = []
    if request.method == "POST" and form.is_valid():
        if request.POST.get("different_person") != "yes":
            duplicates = duplicates_finder.matches_for(request.user, form.unsaved())
        if not duplicates:
            contact = quick_add(
                request.user,
                name=form.cleaned_data["name"],
                organization=form.cleaned_data["organization"],
                how_known=form.cleaned_data["how_known"],
                # Added from a target's page, a new organization typed there is one too.
                new_organization_is_target=bool(origin and origin.is_target),
            )
            if request.POST.get("different_person") == "yes":
                duplicates_finder.remember_different_people(owner=request.user, contact=contact)
            where = f" at {contact.organization}" if contact.organization else ""
            messages.success(request, f"Added {contact}{where} to your network.")
            return HttpResponseRedirect(contact.get_absolute_url())
    context = {
        "form": form,
        "duplicates": [(match, contact_label(match.contact)) for match in duplicates],
        "suggestions": suggestions(request.user),
        "from_organization": origin,
    }
    return TemplateResponse(request, "people/quick_add.html", context)


@login_required
def organization_suggestions(request: AuthedRequest) -> HttpResponse:
    """The datalist's options for what has been typed so far (HTMX, as the user types)."""
    typed = request.GET.get("organization", "")
    return TemplateResponse(
        request,
        "people/_organization_options.html",
        {"suggestions": suggestions(request.user, typed)},
    )
