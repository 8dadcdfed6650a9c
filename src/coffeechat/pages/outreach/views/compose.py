"""Writing a message from a template: live checks as you type, then send it, download it as a
draft, or mark it sent from wherever it went out."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from coffeechat.foundation.accounts.models import User
from coffeechat.foundation.core.requests import AuthedRequest
from coffeechat.foundation.core.views import owned_or_404
from coffeechat.method.messages import Situation
from coffeechat.network.people.models import Contact
from coffeechat.pages.outreach.views.sending import mark_sent, send_now, send_state
from coffeechat.pipeline.conversations.models import Conversation
from coffeechat.pipeline.outreach import mail, services
from coffeechat.pipeline.outreach.check import message_check
from coffeechat.pipeline.outreach.drafts import Slot
from coffeechat.pipeline.outreach.forms import SendForm
from coffeechat.pipeline.outreach.models import Channel, Draft, MessageTemplate, Purpose

# Purposes that can be written from a contact page (a thank-you belongs to a conversation).
CONTACT_PURPOSES = (Purpose.REQUEST, Purpose.FOLLOW_UP, Purpose.UPDATE)
HEADINGS = {
    Purpose.REQUEST: "Write a request to {name}",
    Purpose.FOLLOW_UP: "Follow up with {name}",
    Purpose.THANK_YOU: "Thank {name}",
    Purpose.UPDATE: "Send {name} an update",
}


def _today(request: AuthedRequest) -> date:
    return timezone.localdate(timezone=request.user.profile.tz())


def _purpose(value: str) -> Purpose:
    return Purpose(value) if value in CONTACT_PURPOSES else Purpose.REQUEST


def _template_from_query(request: AuthedRequest, contact: Contact, purpose: Purpose):
    """?template=<id> picks one of the user's templates (another user's is a 404), and
    ?situation=<name> their template for that situation (ask_introduction, from Next moves)."""
    value = request.GET.get("template", "")
    if value.isdigit():
        return owned_or_404(MessageTemplate, request, int(value))
    situation = request.GET.get("situation", "")
    if situation in {s.value for s in Situation} and Situation(situation).purpose == purpose:
        return services.template_for(request.user, Situation(situation)) or (
            services.suggested_template(contact, purpose)
        )
    return services.suggested_template(contact, purpose)


def _posted_template(request: AuthedRequest) -> MessageTemplate | None:
    """The template the posted draft started from (another user's is a 404, like none)."""
    value = request.POST.get("template", "")
    return owned_or_404(MessageTemplate, request, int(value)) if value.isdigit() else None


def _template_choices(user: User, purpose: Purpose, chosen: MessageTemplate | None) -> list:
    """The user's templates for this kind of message, grouped by situation for the select."""
    templates = [
        template
        for template in MessageTemplate.objects.owned_by(user).order_by("id")
        if template.situation_enum.purpose == purpose or template == chosen
    ]
    order = {situation: position for position, situation in enumerate(Situation)}
    groups: dict[str, list[MessageTemplate]] = {}
    for template in sorted(templates, key=lambda template: order[template.situation_enum]):
        groups.setdefault(template.situation_enum.label, []).append(template)
    return list(groups.items())


def _eml(request: AuthedRequest, *, to: Contact) -> HttpResponse:
    """The draft as a .eml file that mail apps open unsent; nothing is marked sent."""
    server = mail.smtp_server_for(request.user)
    content = mail.draft_file(
        to_name=to.full_name,
        to_email=to.email,
        from_name=request.user.profile.display_name,
        from_email=server.from_address if server else request.user.email,
        subject=request.POST.get("subject", ""),
        body=request.POST.get("body", ""),
    )
    response = HttpResponse(content, content_type="message/rfc822")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"{to.full_name or 'message'}.eml"
    )
    return response


def _reopened(request: AuthedRequest, contact: Contact, conversation: Conversation | None):
    """?draft=<id> (the link on Today) reopens one of the user's drafts of this page; another
    user's is a 404, and one sent or discarded since leaves the page to start afresh."""
    value = request.GET.get("draft", "")
    draft = Draft.objects.filter(pk=int(value)).first() if value.isdigit() else None
    if draft is None:
        return None
    if (draft.owner_id, draft.contact_id) != (request.user.pk, contact.pk) or (
        draft.conversation_id != (conversation.pk if conversation else None)
    ):
        raise Http404("No such draft.")
    return draft


def _draft_form(
    request: AuthedRequest,
    contact: Contact,
    purpose: Purpose,
    conversation: Conversation | None,
    today: date,
    reopened: Draft | None,
) -> tuple[SendForm, Draft | None]:
    """The form as the page opens: the user's saved draft if there is one, else the template
    merged for the contact."""
    template = reopened.template if reopened else _template_from_query(request, contact, purpose)
    saved = reopened or Slot(contact, purpose, template, conversation).find()
    if saved is None:
        text = services.draft(
            contact, request.user.profile, template, purpose=purpose, conversation=conversation
        )
    to = services.recipient(contact, template)
    initial = {
        "subject": saved.subject if saved else text.subject,
        "body": saved.body if saved else text.body,
        "sent_on": today,
        "channel": services.default_channel(to, template),
        "template": template,
    }
    form = SendForm(today=today, owner=request.user, purpose=purpose, to=to, initial=initial)
    return form, saved


def _keep(slot: Slot, form: SendForm) -> Draft:
    return slot.save(subject=form["subject"].value() or "", body=form["body"].value() or "")


def _record(
    request: AuthedRequest,
    form: SendForm,
    action: str,
    contact: Contact,
    template: MessageTemplate | None,
    purpose: Purpose,
    conversation: Conversation | None,
) -> str | None:
    """Send it or mark it sent, as the button said; what to tell the user, or None with the
    problem on the form."""
    valid = form.is_valid()
    if "template" in form.errors:
        raise Http404("No such template.")
    where = services.addressed(contact, template, purpose)
    if valid and where.problem:
        form.add_error(None, where.problem)  # the draft stays on the page
        valid = False
    if not valid:
        return None
    # Kept on the timeline of the person it went to (the mutual contact, for an introduction).
    recorded = {
        "contact": where.to,
        "purpose": Purpose(where.purpose),
        "conversation": conversation,
        "introduction_to": where.introduction_to,
    }
    if action == "mark":
        return mark_sent(request, form, **recorded)
    return send_now(request, form, to=where.to, **recorded)


def _compose(
    request: AuthedRequest,
    *,
    contact: Contact,
    purpose: Purpose,
    conversation: Conversation | None = None,
    reopened: Draft | None = None,
) -> HttpResponse:
    """The compose page shared by requests, follow-ups, updates and thank-yous."""
    today = _today(request)
    saved = None
    if request.method != "POST":
        form, saved = _draft_form(request, contact, purpose, conversation, today, reopened)
        template = form.initial["template"]
    else:
        # Enter in a field (the browser's implicit submission) saves the draft: recording a
        # message always takes a click on a button that says what it records.
        action = request.POST.get("action", "save")
        data = request.POST.copy()
        if action == "send":  # it goes out now, by email, whatever the mark-as-sent fields say
            data.update({"sent_on": today.isoformat(), "channel": Channel.EMAIL})
        template = _posted_template(request)
        form = SendForm(
            data,
            today=today,
            owner=request.user,
            purpose=purpose,
            to=services.recipient(contact, template),
        )
        slot = Slot(contact, purpose, template, conversation)
        if action not in ("mark", "send"):
            saved = _keep(slot, form)
            if action == "eml":
                return _eml(request, to=form.to)
            return HttpResponseRedirect(saved.get_absolute_url())
        done = _record(request, form, action, contact, template, purpose, conversation)
        if done:
            slot.sent()
            messages.success(request, done)
            return HttpResponseRedirect(contact.get_absolute_url())
        saved = _keep(slot, form)  # what was typed stays, even if the page is left now
    to = services.recipient(contact, template)
    where = services.addressed(contact, template, purpose)
    heading = HEADINGS[purpose].format(name=contact.full_name)
    if where.introduction_to is not None:
        heading = f"Ask {to.full_name} to introduce you to {contact.full_name}"
    return TemplateResponse(
        request,
        "outreach/compose.html",
        {
            "form": form,
            "opened_at": timezone.now().isoformat(),
            "contact": contact,
            "to": to,
            "conversation": conversation,
            "purpose": purpose,
            "template": template,
            "template_groups": _template_choices(request.user, purpose, template),
            "heading": heading,
            "problem": where.problem,
            "send": send_state(request, to),
            "saved": saved,
            "check": message_check(
                contact=contact,
                template=template,
                subject=form["subject"].value() or "",
                body=form["body"].value() or "",
                purpose=purpose,
                channel=form["channel"].value() or Channel.EMAIL,
                profile=request.user.profile,
            ),
        },
    )


@login_required
def compose(request: AuthedRequest, contact_pk: int) -> HttpResponse:
    contact = owned_or_404(Contact, request, contact_pk)
    reopened = _reopened(request, contact, None)
    purpose = _purpose(reopened.purpose if reopened else request.GET.get("purpose", ""))
    return _compose(request, contact=contact, purpose=purpose, reopened=reopened)


@login_required
def thank_you(request: AuthedRequest, conversation_pk: int) -> HttpResponse:
    conversation = owned_or_404(Conversation, request, conversation_pk)
    contact = conversation.contact
    reopened = _reopened(request, contact, conversation)
    return _compose(
        request,
        contact=contact,
        purpose=Purpose.THANK_YOU,
        conversation=conversation,
        reopened=reopened,
    )


@login_required
@require_POST
def preview(request: AuthedRequest) -> HttpResponse:
    """The counts, the checker's findings and the mailto link, refreshed as the user types."""
    contact_pk = request.POST.get("contact", "")
    if not contact_pk.isdigit():
        raise Http404("No contact given.")
    contact = owned_or_404(Contact, request, int(contact_pk))
    template_pk = request.POST.get("template", "")
    template = (
        owned_or_404(MessageTemplate, request, int(template_pk)) if template_pk.isdigit() else None
    )
    purpose = request.POST.get("purpose", "")
    check = message_check(
        contact=contact,
        template=template,
        subject=request.POST.get("subject", ""),
        body=request.POST.get("body", ""),
        purpose=purpose if purpose in Purpose.values else Purpose.REQUEST,
        channel=request.POST.get("channel", Channel.EMAIL),
        profile=request.user.profile,
    )
    return TemplateResponse(request, "outreach/_message_check.html", {"check": check})
