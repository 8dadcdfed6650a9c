"""Editing or deleting a recorded message or reply, from the timeline or the Outreach page."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone

from coffeechat.foundation.core.requests import AuthedRequest
from coffeechat.foundation.core.views import owned_or_404
from coffeechat.network.people.models import Contact
from coffeechat.pages.people.queries import first_request_at
from coffeechat.pipeline.outreach.correction_forms import MessageCorrectionForm
from coffeechat.pipeline.outreach.forms import ReplyForm
from coffeechat.pipeline.outreach.models import Message, Purpose, Reply
from coffeechat.pipeline.services import message_corrections as corrections

# What deleting each kind of message undoes, besides the record itself.
MESSAGE_GOES = {
    Purpose.REQUEST: "{name}'s stage, the reply rates and Insights no longer count this request, "
    "and the follow-ups waiting on it are worked out again from what remains.",
    Purpose.FOLLOW_UP: "The polite follow-up no longer counts as sent: the follow-ups waiting "
    "on {name} are worked out again from what remains.",
    Purpose.THANK_YOU: "{name} no longer counts as thanked: if this was the only thank-you, "
    "the thank-you is owed again.",
    Purpose.UPDATE: "{name}'s next keep-in-touch update is planned again from your last "
    "remaining contact with them.",
    Purpose.INTRODUCTION: "{name} no longer counts as asked for this introduction, and the "
    "reminder about it is worked out again.",
}


def _back(request: AuthedRequest, contact: Contact) -> str:
    """Back where the correction was started: the Outreach page, else the contact's timeline."""
    if request.GET.get("from") == "messages":
        return reverse("outreach:messages")
    return contact.get_absolute_url() + "#timeline"


def _day(moment: date) -> str:
    return f"{moment:%a} {moment.day} {moment:%b %Y}"


def confirm_then(
    request: AuthedRequest,
    obj: object,
    *,
    kind: str,
    consequence: str,
    cancel_url: str,
    delete: Callable[[], object],
    done_url: str,
) -> HttpResponse:
    """The shared confirmation page first; the service deletes only on the confirming POST."""
    if request.method == "POST":
        label = str(obj)
        delete()
        messages.success(request, f"Deleted {kind} “{label}”.")
        return HttpResponseRedirect(done_url)
    context = {"object": obj, "kind": kind, "consequence": consequence, "cancel_url": cancel_url}
    return TemplateResponse(request, "core/confirm_delete.html", context)


def _message_or_404(request: AuthedRequest, pk: int) -> Message:
    return owned_or_404(Message.objects.select_related("contact", "introduction_to"), request, pk)


@login_required
def message_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    message = _message_or_404(request, pk)
    tz = request.user.profile.tz()
    form = MessageCorrectionForm(request.POST or None, message=message, tz=tz, now=timezone.now())
    back = _back(request, message.contact)
    if request.method == "POST" and form.is_valid():
        corrections.edit_message(message, **form.correction(message))
        messages.success(request, f"Saved your correction: {message}.")
        return HttpResponseRedirect(back)
    context = {"form": form, "message": message, "contact": message.contact, "cancel_url": back}
    return TemplateResponse(request, "outreach/message_correction.html", context)


@login_required
def message_delete(request: AuthedRequest, pk: int) -> HttpResponse:
    message = _message_or_404(request, pk)
    contact = message.contact
    sent_on = timezone.localdate(message.sent_at, request.user.profile.tz())
    subject = f" (“{message.subject}”)" if message.subject else ""
    consequence = (
        f"Sent {_day(sent_on)}{subject}. It leaves {contact.full_name}'s timeline. "
        + MESSAGE_GOES[Purpose(message.purpose)].format(name=contact.first_name)
    )
    return confirm_then(
        request,
        message,
        kind="message",
        consequence=consequence,
        cancel_url=_back(request, contact),
        delete=lambda: corrections.delete_message(message),
        done_url=_back(request, contact),
    )


def _reply_or_404(request: AuthedRequest, pk: int) -> Reply:
    return owned_or_404(Reply.objects.select_related("contact"), request, pk)


@login_required
def reply_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    reply = _reply_or_404(request, pk)
    contact = reply.contact
    tz = request.user.profile.tz()
    first = first_request_at(contact)
    form = ReplyForm(
        request.POST or None,
        today=timezone.localdate(timezone=tz),
        earliest=timezone.localdate(first, tz) if first else None,
        initial={"received_on": reply.received_on, "outcome": reply.outcome, "note": reply.note},
    )
    back = _back(request, contact)
    if request.method == "POST" and form.is_valid():
        corrections.edit_reply(reply, **form.cleaned_data)
        messages.success(request, f"Saved your correction to the reply from {contact.full_name}.")
        return HttpResponseRedirect(back)
    context = {"form": form, "reply": reply, "contact": contact, "cancel_url": back}
    return TemplateResponse(request, "outreach/reply_correction.html", context)


@login_required
def reply_delete(request: AuthedRequest, pk: int) -> HttpResponse:
    reply = _reply_or_404(request, pk)
    contact = reply.contact
    return confirm_then(
        request,
        reply,
        kind="reply",
        consequence=f"{reply.get_outcome_display()}, {_day(reply.received_on)}. It leaves "
        f"{contact.full_name}'s timeline; their stage, the reply rates and Insights no longer "
        "count it, and the follow-ups it settled are worked out again from what remains.",
        cancel_url=_back(request, contact),
        delete=lambda: corrections.delete_reply(reply),
        done_url=_back(request, contact),
    )
