"""Editing or deleting a referral, a piece of advice or a resource, from the giver's timeline."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse

from coffeechat.foundation.core.requests import AuthedRequest
from coffeechat.network.people.models import Contact
from coffeechat.pipeline.conversations.correction_forms import (
    ReferralCorrectionForm,
    TakeawayCorrectionForm,
)
from coffeechat.pipeline.conversations.models import Conversation, Referral, Takeaway
from coffeechat.pipeline.services import conversation_corrections as corrections


def _timeline(contact: Contact) -> str:
    return contact.get_absolute_url() + "#timeline"


def _held_on(conversation: Conversation) -> str:
    day = conversation.local_start()
    return f"{day:%a} {day.day} {day:%b %Y}"


def _referral_or_404(request: AuthedRequest, pk: int) -> Referral:
    """A referral from one of the user's conversations; anyone else's is a 404."""
    return get_object_or_404(
        Referral.objects.select_related("contact", "conversation__contact"),
        pk=pk,
        conversation__owner=request.user,
    )


def _takeaway_or_404(request: AuthedRequest, pk: int) -> Takeaway:
    return get_object_or_404(
        Takeaway.objects.select_related("conversation__contact"),
        pk=pk,
        conversation__owner=request.user,
    )


def _form_page(request: AuthedRequest, context: dict[str, object]) -> TemplateResponse:
    return TemplateResponse(request, "conversations/correction_form.html", context)


@login_required
def referral_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    referral = _referral_or_404(request, pk)
    person, referrer = referral.contact, referral.conversation.contact
    form = ReferralCorrectionForm(
        request.POST or None,
        initial={
            "first_name": person.first_name,
            "last_name": person.last_name,
            "may_use_name": referral.may_use_name,
        },
    )
    if request.method == "POST" and form.is_valid():
        corrections.edit_referral(referral, **form.cleaned_data)
        messages.success(request, f"Saved your correction to the referral: {person.full_name}.")
        return HttpResponseRedirect(_timeline(referrer))
    return _form_page(
        request,
        {
            "form": form,
            "heading": f"Correct the referral {referrer.first_name} gave you",
            "lead": f"Suggested in your conversation on {_held_on(referral.conversation)}. "
            f"Their other details are on their own contact page.",
            "cancel_url": _timeline(referrer),
        },
    )


@login_required
def referral_delete(request: AuthedRequest, pk: int) -> HttpResponse:
    """Deleting a referral removes it from the conversation; the person it added stays in the
    network, and when nothing else is recorded with them the next page offers to delete them."""
    referral = _referral_or_404(request, pk)
    person, referrer = referral.contact, referral.conversation.contact
    alone = not corrections.has_other_records(person)
    if request.method == "POST":
        corrections.delete_referral(referral)
        if alone:
            messages.success(
                request,
                f"Deleted the referral. Nothing else is recorded with {person.full_name}: "
                "delete them from your contacts too, or cancel to keep them.",
            )
            return HttpResponseRedirect(reverse("people:contact_delete", args=[person.pk]))
        messages.success(request, f"Deleted the referral to {person.full_name}.")
        return HttpResponseRedirect(_timeline(referrer))
    stays = (
        f"Nothing else is recorded with {person.full_name}: the next page offers to delete them "
        "from your contacts too, or to keep them."
        if alone
        else f"{person.full_name} stays in your contacts with everything recorded with them."
    )
    consequence = (
        f"{person.full_name} is no longer recorded as someone {referrer.full_name} suggested in "
        f"your conversation on {_held_on(referral.conversation)}. {stays}"
    )
    context = {
        "object": person.full_name,
        "kind": "referral",
        "consequence": consequence,
        "cancel_url": _timeline(referrer),
    }
    return TemplateResponse(request, "core/confirm_delete.html", context)


@login_required
def takeaway_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    takeaway = _takeaway_or_404(request, pk)
    giver = takeaway.conversation.contact
    form = TakeawayCorrectionForm(request.POST or None, takeaway=takeaway)
    if request.method == "POST" and form.is_valid():
        corrections.edit_takeaway(takeaway, **form.correction())
        kind = takeaway.get_kind_display().lower()
        messages.success(request, f"Saved your correction to the {kind} from {giver.full_name}.")
        return HttpResponseRedirect(_timeline(giver))
    kind = takeaway.get_kind_display().lower()
    return _form_page(
        request,
        {
            "form": form,
            "heading": f"Correct the {kind} from {giver.full_name}",
            "lead": f"From your conversation on {_held_on(takeaway.conversation)}.",
            "cancel_url": _timeline(giver),
        },
    )


@login_required
def takeaway_delete(request: AuthedRequest, pk: int) -> HttpResponse:
    takeaway = _takeaway_or_404(request, pk)
    giver = takeaway.conversation.contact
    kind = takeaway.get_kind_display().lower()
    if request.method == "POST":
        corrections.delete_takeaway(takeaway)
        messages.success(request, f"Deleted the {kind} “{takeaway.text}”.")
        return HttpResponseRedirect(_timeline(giver))
    loop = (
        f" You had acted on it: it is dropped from the news you owe {giver.first_name}."
        if takeaway.acted_on_at
        else ""
    )
    context = {
        "object": takeaway.text,
        "kind": kind,
        "consequence": f"It leaves your conversation with {giver.full_name} on "
        f"{_held_on(takeaway.conversation)} and their timeline.{loop}",
        "cancel_url": _timeline(giver),
    }
    return TemplateResponse(request, "core/confirm_delete.html", context)
