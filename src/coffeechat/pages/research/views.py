from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from coffeechat.foundation.core.autosave import autosave
from coffeechat.foundation.core.requests import AuthedRequest
from coffeechat.foundation.core.views import confirm_delete, owned_or_404
from coffeechat.network.research.forms import FieldForm, OrganizationForm
from coffeechat.network.research.models import Field, Motivation, Organization, Posting
from coffeechat.network.research.services import set_finished, set_target
from coffeechat.pages.people.queries import contacts_at
from coffeechat.pages.research import queries
from coffeechat.pages.research.queries import SHOW_CHOICES, WORK_FIRST


@login_required
def organizations(request: AuthedRequest) -> HttpResponse:
    filters, listing = queries.organization_listing(request.user, request.GET)
    return TemplateResponse(
        request,
        "research/organizations.html",
        {
            "listing": listing,
            "filters": filters,
            "work_first": WORK_FIRST,
            "show_choices": SHOW_CHOICES,
            "motivations": Motivation.choices,
            "postings": Posting.choices,
            "here": request.get_full_path(),
        },
    )


@login_required
def organization_new(request: AuthedRequest) -> HttpResponse:
    form = OrganizationForm(request.POST or None, owner=request.user)
    if request.method == "POST" and form.is_valid():
        organization = form.save()
        messages.success(request, f"Added {organization} to your target list.")
        return HttpResponseRedirect(organization.get_absolute_url())
    return TemplateResponse(request, "research/organization_form.html", {"form": form})


@login_required
def organization_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    organization = owned_or_404(Organization, request, pk)
    return TemplateResponse(
        request,
        "research/organization_detail.html",
        {"organization": organization, "contacts": contacts_at(request.user, organization)},
    )


@login_required
def organization_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    organization = owned_or_404(Organization, request, pk)
    form = OrganizationForm(request.POST or None, instance=organization, owner=request.user)
    return autosave(
        request,
        form,
        page=lambda: TemplateResponse(
            request, "research/organization_form.html", {"organization": organization, "form": form}
        ),
        redirect_to=lambda obj: obj.get_absolute_url(),
        saved_message="Organization saved.",
    )


@login_required
@require_POST
def organization_target(request: AuthedRequest, pk: int) -> HttpResponse:
    """Onto the target list, or back to a known employer; back to the page it was done on."""
    organization = owned_or_404(Organization, request, pk)
    target = bool(request.POST.get("target"))
    set_target(organization, target)
    if target:
        text = f"{organization} is now a target: it is on your LAMP list and gets next moves."
    else:
        text = f"{organization} is no longer a target: it stays among your known employers."
    messages.success(request, text)
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = organization.get_absolute_url()
    return HttpResponseRedirect(back)


@login_required
@require_POST
def organization_finished(request: AuthedRequest, pk: int) -> HttpResponse:
    """Finished with a target (or back on the list): Next moves and the top 5 follow."""
    organization = owned_or_404(Organization, request, pk)
    finished = bool(request.POST.get("finished"))
    set_finished(organization, finished)
    if finished:
        text = f"{organization} is finished: no more next moves for it."
    else:
        text = f"{organization} is back on your target list."
    messages.success(request, text)
    return HttpResponseRedirect(organization.get_absolute_url())


@login_required
def organization_delete(request: AuthedRequest, pk: int) -> HttpResponse:
    organization = owned_or_404(Organization, request, pk)
    return confirm_delete(
        request,
        organization,
        kind="organization",
        consequence="Its contacts stay in your network, without an organization.",
        cancel_url=organization.get_absolute_url(),
        done_url=reverse("research:organizations"),
    )


@login_required
def fields(request: AuthedRequest) -> HttpResponse:
    form = FieldForm(request.POST or None, owner=request.user)
    if request.method == "POST" and form.is_valid():
        field = form.save()
        messages.success(request, f"Added the field {field}.")
        return HttpResponseRedirect(reverse("research:fields"))
    rows = Field.objects.owned_by(request.user)
    return TemplateResponse(request, "research/fields.html", {"fields": rows, "form": form})


@login_required
def field_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    field = owned_or_404(Field, request, pk)
    form = FieldForm(request.POST or None, instance=field, owner=request.user)
    return autosave(
        request,
        form,
        page=lambda: TemplateResponse(
            request,
            "research/field_detail.html",
            {"field": field, "organizations": field.organizations.all(), "form": form},
        ),
        redirect_to=lambda obj: obj.get_absolute_url(),
        saved_message="Field saved.",
    )


@login_required
def field_delete(request: AuthedRequest, pk: int) -> HttpResponse:
    field = owned_or_404(Field, request, pk)
    return confirm_delete(
        request,
        field,
        kind="field",
        consequence="Organizations in this field stay on your list, without a field.",
        cancel_url=field.get_absolute_url(),
        done_url=reverse("research:fields"),
    )
