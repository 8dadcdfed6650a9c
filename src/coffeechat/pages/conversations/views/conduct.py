"""Step 5, the conduct page: agenda, notes under each question, timer, quick capture, end."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import (
    Http404,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseRedirect,
)
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_POST

from coffeechat.foundation.core.autosave import autosave, status_line
from coffeechat.foundation.core.requests import AuthedRequest
from coffeechat.pages.conversations import queries
from coffeechat.pages.conversations.views.common import chosen_question_or_404, conversation_or_404
from coffeechat.pipeline.conversations import services
from coffeechat.pipeline.conversations.forms import (
    AnswerNotesForm,
    EndForm,
    NotesForm,
    ReferralForm,
    TakeawayForm,
)
from coffeechat.pipeline.conversations.models import Conversation, Status, Takeaway
from coffeechat.pipeline.services import conversation_changes

# Quick capture of a takeaway: its kind in the address; its section id, heading and field label.
TAKEAWAY_KINDS = {
    Takeaway.Kind.ADVICE.value: ("advice", "Advice", "Advice"),
    Takeaway.Kind.RESOURCE.value: ("resources", "Resources", "Resource"),
}


def _conduct_url(conversation: Conversation, anchor: str = "") -> str:
    url = reverse("conversations:conduct", args=[conversation.pk])
    return f"{url}#{anchor}" if anchor else url


def _takeaway_form(kind: str, data: object = None) -> TakeawayForm:
    return TakeawayForm(data, prefix=kind, label=TAKEAWAY_KINDS[kind][2])


def _takeaway_section(kind: str, form: TakeawayForm, takeaways: list[Takeaway]) -> dict[str, Any]:
    section_id, heading, label = TAKEAWAY_KINDS[kind]
    return {
        "kind": kind,
        "section_id": section_id,
        "heading": heading,
        "label": label.lower(),
        "items": [t for t in takeaways if t.kind == kind],
        "form": form,
    }


def _referral_context(conversation: Conversation, form: ReferralForm) -> dict[str, Any]:
    referrals = conversation.referrals.select_related("contact__organization")
    return {"conversation": conversation, "referrals": referrals, "referral_form": form}


def _end_form(conversation: Conversation) -> EndForm:
    fields = ("learned", "still_unknown", "next_steps")
    return EndForm(initial={name: getattr(conversation, name) for name in fields})


def _page(request: AuthedRequest, conversation: Conversation, **forms: Any) -> TemplateResponse:
    takeaways = list(conversation.takeaways.all())
    sections = [
        _takeaway_section(kind, forms.get(kind) or _takeaway_form(kind), takeaways)
        for kind in TAKEAWAY_KINDS
    ]
    context = {
        **_referral_context(conversation, forms.get("referral") or ReferralForm()),
        "contact": conversation.contact,
        "agenda": queries.agenda_of(conversation),
        "chosen": conversation.questions.all(),
        "notes_form": NotesForm(instance=conversation),
        "takeaway_sections": sections,
        "end_form": forms.get("end") or _end_form(conversation),
        "clock": queries.clock_of(conversation),
    }
    return TemplateResponse(request, "conversations/conduct.html", context)


@login_required
def conduct(request: AuthedRequest, pk: int) -> HttpResponse:
    return _page(request, conversation_or_404(request, pk))


@login_required
@require_POST
def agenda(request: AuthedRequest, pk: int) -> HttpResponse:
    conversation = conversation_or_404(request, pk)
    try:
        services.set_agenda(conversation, request.POST.getlist("done"))
    except ValueError:
        return HttpResponseBadRequest("Unknown agenda item.")
    if request.htmx:
        return status_line(request, status_id="agenda-status")
    return HttpResponseRedirect(_conduct_url(conversation, "agenda"))


@login_required
@require_POST
def notes(request: AuthedRequest, pk: int) -> HttpResponse:
    conversation = conversation_or_404(request, pk)
    return autosave(
        request,
        NotesForm(request.POST, instance=conversation),
        status_id="notes-status",
        redirect_to=lambda _: _conduct_url(conversation, "notes"),
        page=lambda: _page(request, conversation),
    )


@login_required
@require_POST
def answer_notes(request: AuthedRequest, pk: int) -> HttpResponse:
    """The notes under one question; each question autosaves on its own."""
    question = chosen_question_or_404(request, pk)
    return autosave(
        request,
        AnswerNotesForm(request.POST, instance=question),
        status_id=f"answer-status-{question.pk}",
        redirect_to=lambda _: _conduct_url(question.conversation, f"question-{question.pk}"),
        page=lambda: _page(request, conversation_or_404(request, question.conversation_id)),
    )


@login_required
@require_POST
def referral(request: AuthedRequest, pk: int) -> HttpResponse:
    conversation = conversation_or_404(request, pk)
    form = ReferralForm(request.POST)
    if form.is_valid():
        created = conversation_changes.add_referral(conversation, **form.cleaned_data)
        if not request.htmx:
            messages.success(request, f"Added {created.contact.full_name} to your contacts.")
            return HttpResponseRedirect(_conduct_url(conversation, "referrals"))
        form = ReferralForm()
    if request.htmx:
        return TemplateResponse(
            request, "conversations/_referrals.html", _referral_context(conversation, form)
        )
    return _page(request, conversation, referral=form)


@login_required
@require_POST
def takeaway(request: AuthedRequest, pk: int, kind: str) -> HttpResponse:
    conversation = conversation_or_404(request, pk)
    if kind not in TAKEAWAY_KINDS:
        raise Http404("No such kind of takeaway.")
    form = _takeaway_form(kind, request.POST)
    if form.is_valid():
        services.add_takeaway(conversation, kind=kind, text=form.cleaned_data["text"])
        if not request.htmx:
            return HttpResponseRedirect(_conduct_url(conversation, TAKEAWAY_KINDS[kind][0]))
        form = _takeaway_form(kind)
    if request.htmx:
        section = _takeaway_section(kind, form, list(conversation.takeaways.all()))
        context = {"conversation": conversation, "section": section}
        return TemplateResponse(request, "conversations/_takeaways.html", context)
    return _page(request, conversation, **{kind: form})


@login_required
@require_POST
def end(request: AuthedRequest, pk: int) -> HttpResponse:
    conversation = conversation_or_404(request, pk)
    form = EndForm(request.POST)
    if not form.is_valid():
        return _page(request, conversation, end=form)
    first_time = conversation.status != Status.HELD
    conversation_changes.end(conversation, **form.cleaned_data)
    if first_time:
        messages.success(
            request,
            f"Conversation ended. Thank {conversation.contact.first_name} within 24 hours.",
        )
    else:
        messages.success(request, "Outcome saved.")
    return HttpResponseRedirect(conversation.get_absolute_url())
