"""The outreach overview and logging a reply."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone

from coffeechat.core.views import owned_or_404
from coffeechat.method.stages import Stage
from coffeechat.outreach import services
from coffeechat.outreach.forms import ReplyForm
from coffeechat.outreach.models import Message, Outcome
from coffeechat.people.models import Contact
from coffeechat.people.queries import first_request_at, search_contacts

REPLY_LOGGED = {
    Outcome.AGREED: "Logged {name}'s reply: they agreed to talk. Schedule the conversation next.",
    Outcome.REPLIED: "Logged {name}'s reply.",
    Outcome.DECLINED: "Logged that {name} declined. Some no's are normal: thank them "
    "and move on to the next contact.",
}


@login_required
def message_list(request: HttpRequest) -> HttpResponse:
    sent = (
        Message.objects.owned_by(request.user)
        .select_related("contact__organization", "introduction_to")
        .order_by("-sent_at", "-id")
    )
    waiting = search_contacts(request.user, stage=Stage.CONTACTED.value)
    return TemplateResponse(request, "outreach/messages.html", {"sent": sent, "waiting": waiting})


@login_required
def reply(request: HttpRequest, contact_pk: int) -> HttpResponse:
    contact = owned_or_404(Contact, request, contact_pk)
    tz = request.user.profile.tz()
    first = first_request_at(contact)
    earliest = timezone.localdate(first, tz) if first else None
    today = timezone.localdate(timezone=tz)
    form = ReplyForm(
        request.POST or None, today=today, earliest=earliest, initial={"received_on": today}
    )
    if request.method == "POST" and form.is_valid():
        logged = services.record_reply(contact=contact, **form.cleaned_data)
        text = REPLY_LOGGED[Outcome(logged.outcome)].format(name=contact.first_name)
        messages.success(request, text)
        return HttpResponseRedirect(contact.get_absolute_url())
    return TemplateResponse(
        request,
        "outreach/reply.html",
        {"form": form, "contact": contact, "first_request_at": first},
    )
