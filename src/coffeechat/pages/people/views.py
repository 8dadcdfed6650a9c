from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from coffeechat.foundation.core.autosave import autosave
from coffeechat.foundation.core.requests import AuthedRequest
from coffeechat.foundation.core.views import confirm_delete, owned_or_404
from coffeechat.method.stages import Stage
from coffeechat.network.duplicates import finder as duplicates_finder
from coffeechat.network.people.forms import ContactForm, KeepInTouchForm, contact_label
from coffeechat.network.people.models import Contact, HowKnown, KeepInTouch, Source
from coffeechat.network.research.models import Organization
from coffeechat.pages.people.listing import SPEEDS, contact_listing
from coffeechat.pages.people.queries import contact_timeline, open_followups, owned_contact_row
from coffeechat.pipeline.followups import keep_in_touch

STAGE_CHOICES = [(stage.value, stage.label) for stage in Stage]
SPEED_CHOICES = [(key, speed.value.capitalize()) for key, speed in SPEEDS.items()]


@login_required
def contacts(request: AuthedRequest) -> HttpResponse:
    listing, filters = contact_listing(request.user, request.GET)
    return TemplateResponse(
        request,
        "people/contacts.html",
        {
            "listing": listing,
            "rows": listing.rows,
            "filters": filters,
            "stages": STAGE_CHOICES,
            "speeds": SPEED_CHOICES,
            "how_known": HowKnown.choices,
            "sources": Source.choices,
            "keep_in_touch": KeepInTouch.choices,
            # Back here after a bulk action, on the same page with the same filters.
            "here": request.get_full_path(),
        },
    )


def _owned_pk(
    request: AuthedRequest, name: str, model: type[Contact] | type[Organization]
) -> int | None:
    """A ?name=<pk> preselection, kept only if it points at one of the user's own records."""
    value = request.GET.get(name, "")
    if not value.isdigit():
        return None
    found: int | None = (
        model.objects.owned_by(request.user).filter(pk=value).values_list("pk", flat=True).first()
    )
    return found


def _initial(request: AuthedRequest) -> dict[str, object]:
    initial: dict[str, object] = {}
    organization = _owned_pk(request, "organization", Organization)
    if organization:
        initial["organization"] = organization
    introducer = _owned_pk(request, "introduced_by", Contact)
    if introducer:
        initial["introduced_by"] = introducer
        initial["how_known"] = HowKnown.REFERRAL
    return initial


@login_required
def contact_new(request: AuthedRequest) -> HttpResponse:
    """Add someone by hand; a likely duplicate is shown before anything is saved, and the user
    opens the existing contact or says it is a different person."""
    form = ContactForm(request.POST or None, owner=request.user, initial=_initial(request))
    duplicates: list[duplicates_finder.Match] = []
    if request.method == "POST" and form.is_valid():
        different = request.POST.get("different_person") == "yes"
        if not different:
            duplicates = duplicates_finder.matches_for(request.user, form.instance)
        if not duplicates:
            contact = form.save()
            if different:
                duplicates_finder.remember_different_people(owner=request.user, contact=contact)
            messages.success(request, f"Added {contact} to your network.")
            return HttpResponseRedirect(contact.get_absolute_url())
    labelled = [(match, contact_label(match.contact)) for match in duplicates]
    context = {"form": form, "duplicates": labelled}
    return TemplateResponse(request, "people/contact_form.html", context)


@login_required
def contact_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    row = owned_contact_row(request.user, pk)
    if row is None:
        raise Http404("No such contact.")
    contact = row.contact
    tz = request.user.profile.tz()
    return TemplateResponse(
        request,
        "people/contact_detail.html",
        {
            "contact": contact,
            "stage": row.stage,
            "speed": row.speed,
            "today": timezone.localdate(timezone=tz),
            "introduced": contact.introduced.all(),
            "timeline": contact_timeline(contact, tz=tz),
            "open_followups": open_followups(contact, tz=tz),
            "keep_form": KeepInTouchForm(initial={"keep_in_touch": contact.keep_in_touch}),
            **_keep_in_touch_context(contact),
        },
    )


@login_required
def contact_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    contact = owned_or_404(Contact, request, pk)
    form = ContactForm(request.POST or None, instance=contact, owner=request.user)
    return autosave(
        request,
        form,
        page=lambda: TemplateResponse(
            request, "people/contact_form.html", {"contact": contact, "form": form}
        ),
        redirect_to=lambda obj: obj.get_absolute_url(),
        saved_message="Contact saved.",
        # Only a new cadence moves the next update; autosaves of other fields leave it be.
        after_save=lambda saved: (
            "keep_in_touch" in form.changed_data and keep_in_touch.replan(saved)
        ),
    )


@login_required
@require_POST
def contact_keep_in_touch(request: AuthedRequest, pk: int) -> HttpResponse:
    """Change how often to write to someone from their page; their next update moves with it."""
    contact = owned_or_404(Contact, request, pk)
    form = KeepInTouchForm(request.POST)
    if form.is_valid():
        keep_in_touch.set_cadence(contact, form.cleaned_data["keep_in_touch"])
        if not request.htmx:
            messages.success(request, f"Keep in touch with {contact.first_name}: saved.")
    if request.htmx:
        context = {"contact": contact, "keep_form": form, **_keep_in_touch_context(contact)}
        return TemplateResponse(request, "people/_keep_in_touch.html", context)
    return HttpResponseRedirect(contact.get_absolute_url())


def _keep_in_touch_context(contact: Contact) -> dict[str, object]:
    return {"next_update": keep_in_touch.next_keep_in_touch_of(contact)}


@login_required
def contact_delete(request: AuthedRequest, pk: int) -> HttpResponse:
    contact = owned_or_404(Contact, request, pk)
    return confirm_delete(
        request,
        contact,
        kind="contact",
        consequence="Their messages, replies, conversations and follow-ups are deleted too. "
        "People they introduced stay in your network, without an introducer.",
        cancel_url=contact.get_absolute_url(),
        done_url=reverse("people:contacts"),
    )
