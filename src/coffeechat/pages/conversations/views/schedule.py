"""Listing, scheduling, rescheduling, cancelling and deleting conversations."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse

from coffeechat.foundation.core.autosave import autosave
from coffeechat.foundation.core.requests import AuthedRequest
from coffeechat.foundation.core.views import confirm_delete, owned_or_404
from coffeechat.network.people.models import Contact
from coffeechat.pages.conversations.listing import SHOWS, conversation_listing
from coffeechat.pages.conversations.views.common import conversation_or_404
from coffeechat.pipeline.conversations.forms import LogisticsForm, ScheduleForm
from coffeechat.pipeline.followups import plan
from coffeechat.pipeline.services import conversation_changes


@login_required
def conversation_list(request: AuthedRequest) -> HttpResponse:
    listed = conversation_listing(request.user, request.GET)
    context = {"listed": listed, "listing": listed.listing, "shows": SHOWS.values()}
    return TemplateResponse(request, "conversations/list.html", context)


@login_required
def conversation_new(request: AuthedRequest, contact_pk: int) -> HttpResponse:
    contact = owned_or_404(Contact.objects.select_related("organization"), request, contact_pk)
    form = ScheduleForm(request.POST or None, owner=request.user, contact=contact)
    if request.method == "POST" and form.is_valid():
        conversation = form.save()
        conversation_changes.after_scheduled(conversation)
        messages.success(
            request, f"Scheduled with {contact.full_name}. Now prepare: research, goal, questions."
        )
        return HttpResponseRedirect(conversation.get_absolute_url())
    return TemplateResponse(
        request, "conversations/schedule_form.html", {"form": form, "contact": contact}
    )


@login_required
def conversation_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    conversation = conversation_or_404(request, pk)
    form = LogisticsForm(request.POST or None, instance=conversation, owner=request.user)
    context = {"conversation": conversation, "contact": conversation.contact, "form": form}
    return autosave(
        request,
        form,
        page=lambda: TemplateResponse(request, "conversations/schedule_form.html", context),
        redirect_to=lambda obj: obj.get_absolute_url(),
        saved_message="Logistics saved.",
        after_save=lambda obj: conversation_changes.logistics_edited(
            obj, before=form.calendar_before
        ),
    )


@login_required
def conversation_cancel(request: AuthedRequest, pk: int) -> HttpResponse:
    conversation = conversation_or_404(request, pk)
    if request.method == "POST":
        if conversation.is_open:
            conversation_changes.cancel(conversation)
            messages.success(
                request,
                f"Cancelled the conversation with {conversation.contact.full_name}. "
                "Let them know, and offer another time if you can.",
            )
        return HttpResponseRedirect(conversation.get_absolute_url())
    return TemplateResponse(
        request, "conversations/confirm_cancel.html", {"conversation": conversation}
    )


@login_required
def conversation_delete(request: AuthedRequest, pk: int) -> HttpResponse:
    conversation = conversation_or_404(request, pk)
    return confirm_delete(
        request,
        conversation,
        kind="conversation",
        consequence="Its questions, notes, takeaways and follow-ups go with it. "
        "People it referred stay in your contacts.",
        cancel_url=conversation.get_absolute_url(),
        done_url=reverse("conversations:list"),
        after_delete=plan.after_conversation_changed,
    )
