from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_POST

from coffeechat.conversations.models import Conversation
from coffeechat.core.views import owned_or_404
from coffeechat.method.messages import unfilled_fields
from coffeechat.method.stages import Stage
from coffeechat.outreach import services
from coffeechat.outreach.forms import ReplyForm, SendForm
from coffeechat.outreach.models import Message, Outcome, Purpose
from coffeechat.people.models import Contact
from coffeechat.people.queries import first_request_at, search_contacts

# Purposes that can be written from a contact page (a thank-you belongs to a conversation).
CONTACT_PURPOSES = (Purpose.REQUEST, Purpose.FOLLOW_UP, Purpose.UPDATE)
# Requests and nudges follow the classic message rules; the word limit applies to them.
WORD_LIMIT = 100
LIMITED = {Purpose.REQUEST.value, Purpose.FOLLOW_UP.value}
TIPS = {
    Purpose.REQUEST: "Aim for under 100 words; connection first; no mention of jobs; "
    "ask for 15-20 minutes.",
    Purpose.FOLLOW_UP: "One polite follow-up, no third message. Aim for under 100 words; "
    "no mention of jobs; ask for 15-20 minutes.",
    Purpose.THANK_YOU: "Send it within 24 hours: thank them, name one thing you learned, "
    "and mention the referrals you will contact.",
    Purpose.UPDATE: "Tell them you followed their advice and what came of it.",
}
# Merge fields filled from the user's profile, and what the profile calls them.
PROFILE_FIELDS = {"my_name": "full name", "my_headline": "headline", "school": "school"}
HEADINGS = {
    Purpose.REQUEST: "Write a request to {name}",
    Purpose.FOLLOW_UP: "Follow up with {name}",
    Purpose.THANK_YOU: "Thank {name}",
    Purpose.UPDATE: "Send {name} an update",
}


def _today(request: HttpRequest) -> date:
    return timezone.localdate(timezone=request.user.profile.tz())


def _purpose(value: str) -> Purpose:
    return Purpose(value) if value in CONTACT_PURPOSES else Purpose.REQUEST


def message_check(contact: Contact, subject: str, body: str, purpose: str) -> dict[str, object]:
    """What the compose page says about the message as it stands, and its mailto link."""
    words = services.word_count(body)
    unfilled = unfilled_fields(f"{subject}\n{body}")
    purpose = Purpose(purpose) if purpose in Purpose.values else Purpose.REQUEST
    return {
        "words": words,
        "over": purpose in LIMITED and words > WORD_LIMIT,
        "limit": WORD_LIMIT,
        "tip": TIPS[purpose],
        "unfilled": unfilled,
        "from_profile": [PROFILE_FIELDS[name] for name in unfilled if name in PROFILE_FIELDS],
        "mailto": services.Draft(subject, body).mailto(contact.email),
        "email": contact.email,
    }


@login_required
def message_list(request: HttpRequest) -> HttpResponse:
    sent = (
        Message.objects.owned_by(request.user)
        .select_related("contact__organization")
        .order_by("-sent_at", "-id")
    )
    waiting = search_contacts(request.user, stage=Stage.CONTACTED.value)
    return TemplateResponse(request, "outreach/messages.html", {"sent": sent, "waiting": waiting})


def _compose(
    request: HttpRequest,
    *,
    contact: Contact,
    purpose: Purpose,
    draft: services.Draft,
    conversation: Conversation | None = None,
) -> HttpResponse:
    """The compose page shared by requests, follow-ups, updates and thank-yous."""
    today = _today(request)
    initial = {
        "subject": draft.subject,
        "body": draft.body,
        "sent_on": today,
        "channel": services.default_channel(contact),
    }
    form = SendForm(request.POST or None, today=today, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.record_message(
            contact=contact,
            purpose=purpose,
            channel=data["channel"],
            subject=data["subject"],
            body=data["body"],
            sent_at=services.sent_at_on(data["sent_on"], request.user.profile.tz()),
            conversation=conversation,
        )
        messages.success(
            request, f"Marked your {purpose.label.lower()} to {contact.full_name} as sent."
        )
        return HttpResponseRedirect(contact.get_absolute_url())
    subject, body = form["subject"].value() or "", form["body"].value() or ""
    return TemplateResponse(
        request,
        "outreach/compose.html",
        {
            "form": form,
            "contact": contact,
            "conversation": conversation,
            "purpose": purpose,
            "heading": HEADINGS[purpose].format(name=contact.full_name),
            "check": message_check(contact, subject, body, purpose),
        },
    )


@login_required
def compose(request: HttpRequest, contact_pk: int) -> HttpResponse:
    contact = owned_or_404(Contact, request, contact_pk)
    purpose = _purpose(request.GET.get("purpose", ""))
    draft = services.draft_for(contact, request.user.profile, purpose)
    return _compose(request, contact=contact, purpose=purpose, draft=draft)


@login_required
def thank_you(request: HttpRequest, conversation_pk: int) -> HttpResponse:
    conversation = owned_or_404(Conversation, request, conversation_pk)
    draft = services.draft_thank_you(conversation, request.user.profile)
    return _compose(
        request,
        contact=conversation.contact,
        purpose=Purpose.THANK_YOU,
        draft=draft,
        conversation=conversation,
    )


@login_required
@require_POST
def preview(request: HttpRequest) -> HttpResponse:
    """The word count, unfilled fields and mailto link, refreshed as the user types."""
    contact_pk = request.POST.get("contact", "")
    if not contact_pk.isdigit():
        raise Http404("No contact given.")
    contact = owned_or_404(Contact, request, int(contact_pk))
    check = message_check(
        contact,
        request.POST.get("subject", ""),
        request.POST.get("body", ""),
        request.POST.get("purpose", ""),
    )
    return TemplateResponse(request, "outreach/_message_check.html", {"check": check})


REPLY_LOGGED = {
    Outcome.AGREED: "Logged {name}'s reply: they agreed to talk. Schedule the conversation next.",
    Outcome.REPLIED: "Logged {name}'s reply.",
    Outcome.DECLINED: "Logged that {name} declined. Some no's are normal: thank them "
    "and move on to the next contact.",
}


@login_required
def reply(request: HttpRequest, contact_pk: int) -> HttpResponse:
    contact = owned_or_404(Contact, request, contact_pk)
    tz = request.user.profile.tz()
    first = first_request_at(contact)
    earliest = timezone.localdate(first, tz) if first else None
    today = _today(request)
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
