"""Send later: schedule the compose page's message (its "Schedule" button), then edit or cancel
it until it leaves. The scheduler sends it (pipeline/services/scheduled)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from coffeechat.foundation.core.requests import AuthedRequest
from coffeechat.foundation.core.views import owned_or_404
from coffeechat.pages.outreach.send_later import EditForm, LaterForm, offer, when_label
from coffeechat.pages.outreach.views.compose import (
    _keep,
    _posted_form,
    _posted_page,
    _render,
)
from coffeechat.pipeline.outreach import services
from coffeechat.pipeline.outreach.models import Purpose, ScheduledMessage
from coffeechat.pipeline.services import scheduled, sending


@login_required
@require_POST
def schedule(
    request: AuthedRequest, contact_pk: int | None = None, conversation_pk: int | None = None
) -> HttpResponse:
    """The compose page's message, kept to go out later by e-mail."""
    page = _posted_page(request, contact_pk, conversation_pk)
    form, slot = _posted_form(request, page, sending_now=True)
    valid = form.is_valid()
    where = services.addressed(page.contact, slot.template, page.purpose)
    now = timezone.now()
    later = LaterForm(request.POST, offer=offer(request.user, where.to, now), now=now)
    state = sending.send_state(request.user, where.to)
    problem = where.problem or services.not_by_email(slot.template) or state.problem
    if valid and problem:
        form.add_error(None, problem)
    if not (valid and later.is_valid()) or problem:
        for error in later.errors.values():
            form.add_error(None, " ".join(str(message) for message in error))
        return _render(request, page, form, slot.template, _keep(slot, form))
    at, tz, note = later.moment()
    data = form.cleaned_data
    item = scheduled.schedule(
        contact=where.to, purpose=Purpose(where.purpose), subject=data["subject"],
        body=data["body"], send_at=at, tz=tz, zone_note=note, template=data["template"],
        conversation=page.conversation, introduction_to=where.introduction_to,
    )  # fmt: skip
    slot.sent()  # the text lives on in the scheduled message; cancelling brings it back
    messages.success(
        request,
        f"Scheduled: your {item.get_purpose_display().lower()} to {where.to.full_name} goes out "
        f"{when_label(item, now)} ({note}). Until then you can edit or cancel it.",
    )
    return HttpResponseRedirect(page.contact.get_absolute_url())


def _owned(request: AuthedRequest, pk: int) -> ScheduledMessage:
    query = ScheduledMessage.objects.select_related("contact", "owner__profile")
    return owned_or_404(query, request, pk)


def _gone(request: AuthedRequest, item: ScheduledMessage) -> HttpResponse:
    messages.info(
        request,
        f"Your message to {item.contact.full_name} is leaving or has left, so it can no longer "
        "be changed: see their timeline.",
    )
    return HttpResponseRedirect(item.contact.get_absolute_url())


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def scheduled_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    """Change the words or the moment of a message still to leave."""
    item = _owned(request, pk)
    zone, now = item.tz(), timezone.now()
    if not item.is_pending:
        return _gone(request, item)
    if request.method == "POST":
        form = EditForm(request.POST, zone=zone, now=now)
        if form.is_valid():
            data = form.cleaned_data
            if not scheduled.edit(
                item, subject=data["subject"], body=data["body"], send_at=data["send_at"]
            ):
                return _gone(request, item)
            item.refresh_from_db()
            messages.success(
                request,
                f"Saved: it goes out to {item.contact.full_name} {when_label(item, now)}.",
            )
            return HttpResponseRedirect(item.contact.get_absolute_url())
    else:
        local = item.send_at.astimezone(zone).replace(tzinfo=None)
        initial = {"subject": item.subject, "body": item.body, "send_at": local}
        form = EditForm(initial=initial, zone=zone, now=now)
    context = {"item": item, "form": form, "when": when_label(item, now), "zone": zone}
    return TemplateResponse(request, "outreach/scheduled_edit.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def scheduled_cancel(request: AuthedRequest, pk: int) -> HttpResponse:
    """Cancel, after a confirmation: the words go back to a draft, nothing is lost."""
    item = _owned(request, pk)
    now = timezone.now()
    if not item.is_pending:
        return _gone(request, item)
    if request.method == "POST":
        draft = scheduled.cancel(item)
        if draft is None:
            return _gone(request, item)
        messages.success(
            request,
            f"Cancelled: nothing goes to {item.contact.full_name}. The message is back as a "
            "draft, here to finish or send.",
        )
        return HttpResponseRedirect(draft.get_absolute_url())
    context = {"item": item, "when": when_label(item, now)}
    return TemplateResponse(request, "outreach/scheduled_cancel.html", context)
