"""Bulk actions on the contacts selected in the Contacts list."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from coffeechat.foundation.core.requests import AuthedRequest
from coffeechat.network.people.models import Contact, HowKnown, KeepInTouch
from coffeechat.pipeline.services import contacts_bulk

NAMED_IN_CONFIRMATION = 5


def _selected(request: AuthedRequest) -> QuerySet[Contact]:
    """The user's own contacts among the ticked ids; another user's ids are ignored, and a
    selection of nothing but theirs is a 404."""
    ids = [value for value in request.POST.getlist("contact") if value.isdigit()]
    selected = Contact.objects.owned_by(request.user).filter(pk__in=ids)
    if ids and not selected.exists():
        raise Http404("No such contacts.")
    return selected


def _back(request: AuthedRequest) -> str:
    """The list page the action came from, with its page, sort and filters."""
    wanted = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(wanted, {request.get_host()}, request.is_secure()):
        return wanted
    return reverse("people:contacts")


def _people(count: int) -> str:
    return f"{count} {'person' if count == 1 else 'people'}"


@login_required
@require_POST
def bulk_action(request: AuthedRequest) -> HttpResponse:
    selected = _selected(request)
    action = request.POST.get("action", "")
    if not selected.exists():
        messages.error(request, "Select at least one person first.")
        return HttpResponseRedirect(_back(request))
    if action == "how_known":
        how = request.POST.get("how_known", "")
        if how in HowKnown.values:
            count = contacts_bulk.set_how_known(selected, how)
            label = HowKnown(how).label
            messages.success(request, f"How you know them: {label}, for {_people(count)}.")
        else:
            messages.error(request, "Choose how you know them.")
    elif action == "keep_in_touch":
        cadence = request.POST.get("keep_in_touch", "")
        if cadence in KeepInTouch.values:
            count = contacts_bulk.set_keep_in_touch(selected, cadence)
            label = KeepInTouch(cadence).label
            messages.success(request, f"Keep in touch: {label}, for {_people(count)}.")
        else:
            messages.error(request, "Choose how often to keep in touch.")
    elif action in ("make_targets", "not_targets"):
        target = action == "make_targets"
        names = contacts_bulk.set_organizations_target(selected, target=target)
        messages.success(request, _targets_changed(names, target))
    elif action == "delete":
        return _confirm_delete(request, selected)
    elif action == "delete_confirmed":
        count = contacts_bulk.delete(selected)
        messages.success(request, f"Deleted {_people(count)}.")
    return HttpResponseRedirect(_back(request))


def _targets_changed(names: list[str], target: bool) -> str:
    if not names:
        where = "already on" if target else "already off"
        return f"Their organizations were {where} your target list."
    shown = ", ".join(names[:NAMED_IN_CONFIRMATION])
    if len(names) > NAMED_IN_CONFIRMATION:
        shown += f" and {len(names) - NAMED_IN_CONFIRMATION} more"
    if target:
        return f"Now on your target list: {shown}."
    return f"Taken off your target list (kept as known employers): {shown}."


def _confirm_delete(request: AuthedRequest, selected: QuerySet[Contact]) -> HttpResponse:
    """Nothing is deleted without this page: it says how many and names a few."""
    chosen = selected.order_by("first_name", "last_name", "pk")
    count = chosen.count()
    named = list(chosen[:NAMED_IN_CONFIRMATION])
    context = {
        "count": count,
        "people": _people(count),
        "named": named,
        "more": count - len(named),
        "ids": list(chosen.values_list("pk", flat=True)),
        "back": _back(request),
    }
    return TemplateResponse(request, "people/bulk_delete.html", context)
