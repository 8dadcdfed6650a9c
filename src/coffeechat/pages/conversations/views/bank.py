"""The question bank: the user's own editable copy of the built-in questions, plus theirs."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse

from coffeechat.foundation.core.autosave import autosave
from coffeechat.foundation.core.requests import AuthedRequest
from coffeechat.foundation.core.views import confirm_delete, owned_or_404
from coffeechat.pages.conversations import queries
from coffeechat.pipeline.conversations.forms import BankQuestionForm
from coffeechat.pipeline.conversations.models import Question


@login_required
def questions(request: AuthedRequest) -> HttpResponse:
    form = BankQuestionForm(request.POST or None, owner=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Added your question to the bank.")
        return HttpResponseRedirect(reverse("conversations:questions"))
    return TemplateResponse(
        request,
        "conversations/questions.html",
        {"bank": queries.question_bank(request.user), "form": form},
    )


@login_required
def question_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    question = owned_or_404(Question, request, pk)
    form = BankQuestionForm(request.POST or None, instance=question, owner=request.user)
    return autosave(
        request,
        form,
        page=lambda: TemplateResponse(
            request, "conversations/question_form.html", {"question": question, "form": form}
        ),
        redirect_to=lambda _: reverse("conversations:questions"),
        saved_message="Question saved.",
    )


@login_required
def question_delete(request: AuthedRequest, pk: int) -> HttpResponse:
    question = owned_or_404(Question, request, pk)
    return confirm_delete(
        request,
        question,
        kind="question",
        consequence="Conversations that already use it keep their copy and its notes.",
        cancel_url=reverse("conversations:questions"),
        done_url=reverse("conversations:questions"),
    )
