"""Step 4, the prep page: who, when, your pitch, research, goal and the questions to ask."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST

from coffeechat.foundation.core.autosave import autosave
from coffeechat.foundation.core.requests import AuthedRequest
from coffeechat.pages.conversations import queries
from coffeechat.pages.conversations.views.common import chosen_question_or_404, conversation_or_404
from coffeechat.pipeline.conversations import services
from coffeechat.pipeline.conversations.forms import (
    CorrectTimeForm,
    OwnQuestionForm,
    PickQuestionsForm,
    PrepForm,
)
from coffeechat.pipeline.conversations.models import Conversation, Status, Takeaway


def _questions_anchor(conversation: Conversation) -> str:
    return conversation.get_absolute_url() + "#questions"


def _record(request: AuthedRequest, conversation: Conversation) -> dict[str, Any]:
    """What both the prep page and a held conversation's record show."""
    takeaways = list(conversation.takeaways.all())
    return {
        "conversation": conversation,
        "contact": conversation.contact,
        "profile": request.user.profile,
        "chosen": list(conversation.questions.all()),
        "advice": [t for t in takeaways if t.kind == Takeaway.Kind.ADVICE],
        "resources": [t for t in takeaways if t.kind == Takeaway.Kind.RESOURCE],
        "referrals": conversation.referrals.select_related("contact__organization"),
    }


def _context(request: AuthedRequest, conversation: Conversation, **forms: Any) -> dict[str, Any]:
    context = _record(request, conversation)
    return {
        **context,
        "chosen_texts": {question.text for question in context["chosen"]},
        "bank": queries.question_bank(request.user),
        "pick_form": forms.get("pick_form") or PickQuestionsForm(owner=request.user),
        "own_form": forms.get("own_form") or OwnQuestionForm(),
    }


def _page(request: AuthedRequest, conversation: Conversation, **forms: Any) -> TemplateResponse:
    context = _context(request, conversation, **forms)
    context["form"] = PrepForm(instance=conversation)
    return TemplateResponse(request, "conversations/detail.html", context)


def held_page(
    request: AuthedRequest, conversation: Conversation, time_form: CorrectTimeForm | None = None
) -> TemplateResponse:
    """Once held, the page is the record of the conversation, not its preparation."""
    context = _record(request, conversation)
    context["time_form"] = time_form or CorrectTimeForm(conversation=conversation)
    return TemplateResponse(request, "conversations/held.html", context)


@login_required
def conversation_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    """The prep page; its research and goal fields autosave to this same address."""
    conversation = conversation_or_404(request, pk)
    if request.method != "POST" and conversation.status == Status.HELD:
        return held_page(request, conversation)
    form = PrepForm(request.POST or None, instance=conversation)
    return autosave(
        request,
        form,
        # Built only when shown: an autosave answers with its status line alone.
        page=lambda: TemplateResponse(
            request, "conversations/detail.html", {**_context(request, conversation), "form": form}
        ),
        redirect_to=lambda obj: obj.get_absolute_url(),
        saved_message="Preparation saved.",
    )


@login_required
@require_POST
def pick_questions(request: AuthedRequest, pk: int) -> HttpResponse:
    conversation = conversation_or_404(request, pk)
    form = PickQuestionsForm(request.POST, owner=request.user)
    if not form.is_valid():
        return _page(request, conversation, pick_form=form)
    picked = sorted(form.cleaned_data["questions"], key=queries.bank_order)
    added = services.add_questions(conversation, [(q.category, q.text) for q in picked])
    if added:
        messages.success(request, f"Added {added} question{'s' if added != 1 else ''}.")
    else:
        messages.info(request, "Those questions were already on your list.")
    return HttpResponseRedirect(_questions_anchor(conversation))


@login_required
@require_POST
def own_question(request: AuthedRequest, pk: int) -> HttpResponse:
    conversation = conversation_or_404(request, pk)
    form = OwnQuestionForm(request.POST)
    if not form.is_valid():
        return _page(request, conversation, own_form=form)
    services.add_own_question(conversation, **form.cleaned_data)
    messages.success(request, "Added your question here and to your question bank.")
    return HttpResponseRedirect(_questions_anchor(conversation))


@login_required
@require_POST
def remove_question(request: AuthedRequest, pk: int) -> HttpResponse:
    question = chosen_question_or_404(request, pk)
    services.remove_question(question)
    messages.success(request, f"Removed “{question.text}” from this conversation.")
    return HttpResponseRedirect(_questions_anchor(question.conversation))
