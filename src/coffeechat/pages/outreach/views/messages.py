"""The outreach overview and logging a reply."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from coffeechat.foundation.core.requests import AuthedRequest
from coffeechat.foundation.core.views import owned_or_404
from coffeechat.network.people.models import Contact
from coffeechat.pages.outreach.sent import sent_listing
from coffeechat.pages.outreach.waiting import waiting_for_reply
from coffeechat.pages.people.queries import first_request_at
from coffeechat.pipeline.followups.versions import day_version, remembered
from coffeechat.pipeline.outreach.forms import LogReplyForm
from coffeechat.pipeline.outreach.models import Channel, Outcome, Purpose
from coffeechat.pipeline.services import correspondence

REPLY_LOGGED = {
    Outcome.REPLIED: "Logged {name}'s reply.",
    Outcome.DECLINED: "Logged that {name} declined. Some no's are normal: thank them "
    "and move on to the next contact.",
}


def _logged(contact: Contact, outcome: str, suggested: str) -> str:
    """What logging the reply did, with the next step one click away."""
    if outcome == Outcome.AGREED:
        return format_html(
            'Logged {}\'s reply: they agreed to talk. <a href="{}">Schedule it now</a>; '
            "until then Today reminds you.",
            contact.first_name,
            reverse("conversations:new", args=[contact.pk]),
        )
    text = REPLY_LOGGED[Outcome(outcome)].format(name=contact.first_name)
    if suggested:
        where = f" at {contact.organization.name}" if contact.organization else ""
        text += f" {suggested} is now in your contacts: your next move{where}."
    return text


WAITING_SHOWN = 50


@login_required
def message_list(request: AuthedRequest) -> HttpResponse:
    sent, filters = sent_listing(request.user, request.GET)
    user = request.user
    today = timezone.localdate(timezone=user.profile.tz())
    # Who is waiting changes only with the records and the day: kept under their version.
    waiting = remembered(
        user,
        day_version(user, today),
        "waiting",
        lambda: waiting_for_reply(user, limit=WAITING_SHOWN, today=today),
    )
    context = {
        "sent": sent.rows,
        "listing": sent,
        "filters": filters,
        "purposes": Purpose.choices,
        "channels": Channel.choices,
        "waiting": waiting.rows,
        "waiting_total": waiting.total,
    }
    return TemplateResponse(request, "outreach/messages.html", context)


@login_required
def reply(request: AuthedRequest, contact_pk: int) -> HttpResponse:
    contact = owned_or_404(Contact, request, contact_pk)
    tz = request.user.profile.tz()
    first = first_request_at(contact)
    earliest = timezone.localdate(first, tz) if first else None
    today = timezone.localdate(timezone=tz)
    form = LogReplyForm(
        request.POST or None, today=today, earliest=earliest, initial={"received_on": today}
    )
    if request.method == "POST" and form.is_valid():
        logged = correspondence.record_reply(contact=contact, **form.cleaned_data)
        suggested = " ".join(
            form.cleaned_data[name].strip()
            for name in ("suggested_first_name", "suggested_last_name")
            if form.cleaned_data[name].strip()
        )
        messages.success(request, _logged(contact, logged.outcome, suggested))
        return HttpResponseRedirect(contact.get_absolute_url())
    return TemplateResponse(
        request,
        "outreach/reply.html",
        {"form": form, "contact": contact, "first_request_at": first},
    )
