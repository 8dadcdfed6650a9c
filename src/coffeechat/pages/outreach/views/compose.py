"""Writing a message from a template: live checks as you type, then send it, download it as a
draft, or mark it sent from wherever it went out; each button posts to its own address."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST, require_safe

from coffeechat.foundation.accounts.models import User
from coffeechat.foundation.core.requests import AuthedRequest
from coffeechat.foundation.core.views import owned_or_404
from coffeechat.method.messages import Situation
from coffeechat.method.wording import choice
from coffeechat.network.people.models import Contact
from coffeechat.pages.outreach import recording
from coffeechat.pipeline.conversations.models import Conversation
from coffeechat.pipeline.outreach import mail, services
from coffeechat.pipeline.outreach.check import by_email, message_check, request_guidance
from coffeechat.pipeline.outreach.drafts import Slot
from coffeechat.pipeline.outreach.forms import SendForm
from coffeechat.pipeline.outreach.models import Channel, Draft, MessageTemplate, Purpose
from coffeechat.pipeline.services import sending

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


def _template_from_query(
    request: AuthedRequest, contact: Contact, purpose: Purpose
) -> tuple[MessageTemplate | None, str]:
    """?template=<id> picks one of the user's templates (another user's is a 404), and
    ?situation=<name> their template for that situation (ask_introduction, from Next moves);
    else the one that suits the person best, with why in one line."""
    value = request.GET.get("template", "")
    if value.isdigit():
        return owned_or_404(MessageTemplate, request, int(value)), ""
    situation = request.GET.get("situation", "")
    if situation in {s.value for s in Situation} and Situation(situation).purpose == purpose:
        chosen = services.template_for(request.user, Situation(situation))
        if chosen is not None:
            return chosen, ""
    suggested = services.suggestion(contact, purpose)
    return suggested.template, suggested.reason if suggested.template else ""


def _posted_template(request: AuthedRequest) -> MessageTemplate | None:
    """The template the posted draft started from (another user's is a 404, like none)."""
    value = request.POST.get("template", "")
    return owned_or_404(MessageTemplate, request, int(value)) if value.isdigit() else None


def _template_choices(
    user: User, purpose: Purpose, chosen: MessageTemplate | None
) -> list[tuple[str, list[MessageTemplate]]]:
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
    response["Content-Disposition"] = (
        content_disposition_header(as_attachment=True, filename=f"{to.full_name or 'message'}.eml")
        or "attachment"
    )
    return response


def _reopened(
    request: AuthedRequest, contact: Contact, conversation: Conversation | None
) -> Draft | None:
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
) -> tuple[SendForm, Draft | None, str]:
    """The form as the page opens: the user's saved draft if there is one, else the template
    merged for the contact; and why that template, when compose picked it."""
    template, reason = (
        (reopened.template, "") if reopened else _template_from_query(request, contact, purpose)
    )
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
    return form, saved, reason if saved is None else ""


def _keep(slot: Slot, form: SendForm) -> Draft:
    draft = slot.save(subject=form["subject"].value() or "", body=form["body"].value() or "")
    assert draft is not None  # only a late autosave (given opened_at) keeps nothing
    return draft


@dataclass(frozen=True)
class _Page:
    """Which compose page a request is on: a contact's (a request, follow-up or update), or a
    conversation's thank-you."""

    contact: Contact
    purpose: Purpose
    conversation: Conversation | None = None

    def url(self, action: str = "") -> str:
        """The page's own address, or where one of its buttons posts (ACTIONS)."""
        name = "thank_you" if self.conversation else "compose"
        arg = self.conversation.pk if self.conversation else self.contact.pk
        return reverse(f"outreach:{name}_{action}" if action else f"outreach:{name}", args=[arg])


# Each button of the page posts to its own address: save (Enter in a field: the form's own
# action), download as .eml, send now, mark as sent, send later (views/scheduling).
ACTIONS = ("save", "eml", "send", "mark", "schedule")


def _posted_page(
    request: AuthedRequest, contact_pk: int | None, conversation_pk: int | None
) -> _Page:
    if conversation_pk is not None:
        conversation = owned_or_404(Conversation, request, conversation_pk)
        return _Page(conversation.contact, Purpose.THANK_YOU, conversation)
    if contact_pk is None:
        raise Http404("No such page.")
    contact = owned_or_404(Contact, request, contact_pk)
    return _Page(contact, _purpose(request.POST.get("purpose") or request.GET.get("purpose", "")))


def _posted_form(
    request: AuthedRequest, page: _Page, *, sending_now: bool = False
) -> tuple[SendForm, Slot]:
    """The posted message, and the draft it belongs to."""
    template = _posted_template(request)
    data = request.POST.copy()
    if sending_now:  # it goes out now, by email, whatever the mark-as-sent fields say
        data.update({"sent_on": _today(request).isoformat(), "channel": Channel.EMAIL})
    form = SendForm(
        data,
        today=_today(request),
        owner=request.user,
        purpose=page.purpose,
        to=services.recipient(page.contact, template),
    )
    return form, Slot(page.contact, page.purpose, template, page.conversation)


def _recorded(
    request: AuthedRequest, page: _Page, form: SendForm, slot: Slot, *, sending_now: bool
) -> str | None:
    """Send it or mark it sent; what to tell the user, or None with the problem on the form."""
    valid = form.is_valid()
    if "template" in form.errors:
        raise Http404("No such template.")
    where = services.addressed(page.contact, slot.template, page.purpose)
    problem = where.problem or (services.not_by_email(slot.template) if sending_now else "")
    if valid and problem:
        form.add_error(None, problem)  # the draft stays on the page
        valid = False
    if not valid:
        return None
    # Kept on the timeline of the person it went to (the mutual contact, for an introduction).
    purpose, conversation = Purpose(where.purpose), page.conversation
    if sending_now:
        return recording.send(
            request.user, form, to=where.to, contact=where.to, purpose=purpose,
            conversation=conversation, introduction_to=where.introduction_to,
        )  # fmt: skip
    return recording.mark_sent(
        request.user, form, contact=where.to, purpose=purpose, conversation=conversation,
        introduction_to=where.introduction_to,
    )  # fmt: skip


def _record(request: AuthedRequest, page: _Page, *, sending_now: bool) -> HttpResponse:
    form, slot = _posted_form(request, page, sending_now=sending_now)
    done = _recorded(request, page, form, slot, sending_now=sending_now)
    if done:
        slot.sent()
        messages.success(request, done)
        return HttpResponseRedirect(page.contact.get_absolute_url())
    saved = _keep(slot, form)  # what was typed stays, even if the page is left now
    return _render(request, page, form, slot.template, saved)


def _render(
    request: AuthedRequest,
    page: _Page,
    form: SendForm,
    template: MessageTemplate | None,
    saved: Draft | None,
    reason: str = "",
) -> TemplateResponse:
    """The compose page shared by requests, follow-ups, updates and thank-yous; `reason` says
    why compose picked the template. When the user picked it (or reopened a saved draft), the
    template's own purpose line says what it is for."""
    contact, purpose = page.contact, page.purpose
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
            "conversation": page.conversation,
            "purpose": purpose,
            "page_url": page.url(),
            "post_to": {action: page.url(action) for action in ACTIONS},
            "template": template,
            "template_reason": reason
            or (choice.purpose_line(template.situation_enum, template.tie_set) if template else ""),
            "template_groups": _template_choices(request.user, purpose, template),
            "heading": heading,
            "guidance": request_guidance(contact),
            "problem": where.problem,
            "send": sending.send_state(request.user, to),
            "by_email": by_email(template, to),
            "not_by_email": services.not_by_email(template),
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


def _opened(request: AuthedRequest, page: _Page, reopened: Draft | None) -> HttpResponse:
    form, saved, reason = _draft_form(
        request, page.contact, page.purpose, page.conversation, _today(request), reopened
    )
    return _render(request, page, form, form.initial["template"], saved, reason)


@login_required
@require_safe
def compose(request: AuthedRequest, contact_pk: int) -> HttpResponse:
    contact = owned_or_404(Contact, request, contact_pk)
    reopened = _reopened(request, contact, None)
    purpose = _purpose(reopened.purpose if reopened else request.GET.get("purpose", ""))
    return _opened(request, _Page(contact, purpose), reopened)


@login_required
@require_safe
def thank_you(request: AuthedRequest, conversation_pk: int) -> HttpResponse:
    conversation = owned_or_404(Conversation, request, conversation_pk)
    reopened = _reopened(request, conversation.contact, conversation)
    return _opened(request, _Page(conversation.contact, Purpose.THANK_YOU, conversation), reopened)


@login_required
@require_POST
def save_draft(
    request: AuthedRequest, contact_pk: int | None = None, conversation_pk: int | None = None
) -> HttpResponse:
    """Enter in a field (the browser's implicit submission) only keeps the draft: recording
    a message always takes a click on a button that says what it records."""
    page = _posted_page(request, contact_pk, conversation_pk)
    form, slot = _posted_form(request, page)
    return HttpResponseRedirect(_keep(slot, form).get_absolute_url())


@login_required
@require_POST
def download_eml(
    request: AuthedRequest, contact_pk: int | None = None, conversation_pk: int | None = None
) -> HttpResponse:
    """The draft, kept, and as a .eml file that mail apps open unsent; nothing is recorded."""
    page = _posted_page(request, contact_pk, conversation_pk)
    form, slot = _posted_form(request, page)
    _keep(slot, form)
    return _eml(request, to=form.to or page.contact)


@login_required
@require_POST
def send(
    request: AuthedRequest, contact_pk: int | None = None, conversation_pk: int | None = None
) -> HttpResponse:
    """Send it now through the user's mail server, and record it."""
    page = _posted_page(request, contact_pk, conversation_pk)
    return _record(request, page, sending_now=True)


@login_required
@require_POST
def mark_sent(
    request: AuthedRequest, contact_pk: int | None = None, conversation_pk: int | None = None
) -> HttpResponse:
    """Record it as sent another way, on the day and by the channel the user says."""
    page = _posted_page(request, contact_pk, conversation_pk)
    return _record(request, page, sending_now=False)


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
