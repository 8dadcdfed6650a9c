"""Message templates: the list with how each one works, adding, editing and deleting; the
editor previews the template live beside it (see previewing)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse

from coffeechat.foundation.core.autosave import autosave
from coffeechat.foundation.core.requests import AuthedRequest
from coffeechat.foundation.core.views import confirm_delete, owned_or_404
from coffeechat.method.checker import RULE_SETS
from coffeechat.method.messages import MERGE_FIELDS
from coffeechat.pages.outreach.previews import SITUATIONS, live_preview, unsaved_template
from coffeechat.pages.outreach.queries import template_rows, templates_by_situation
from coffeechat.pages.outreach.views.previewing import chosen_contact
from coffeechat.pipeline.outreach.forms import TemplateForm
from coffeechat.pipeline.outreach.models import MessageTemplate


def _live_preview(request: AuthedRequest, shown: MessageTemplate) -> dict[str, object]:
    contact = chosen_contact(request, request.POST.get("preview_contact", ""))
    return live_preview(request.user, shown, contact)


@login_required
def template_list(request: AuthedRequest) -> HttpResponse:
    groups = templates_by_situation(template_rows(request.user))
    word_limit = RULE_SETS[request.user.profile.message_rules].word_limit
    return TemplateResponse(
        request, "outreach/templates.html", {"groups": groups, "word_limit": word_limit}
    )


@login_required
def template_new(request: AuthedRequest) -> HttpResponse:
    situation = request.GET.get("situation", "")
    initial = {"situation": situation} if situation in SITUATIONS else {}
    form = TemplateForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        form.instance.owner = request.user
        template = form.save()
        messages.success(request, f"Added the template “{template}”.")
        return HttpResponseRedirect(template.get_absolute_url())
    shown = unsaved_template(request.user, request.POST or initial)
    context = {"form": form, "merge_fields": MERGE_FIELDS}
    return TemplateResponse(
        request, "outreach/template_form.html", {**context, **_live_preview(request, shown)}
    )


@login_required
def template_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    template = owned_or_404(MessageTemplate, request, pk)
    shown = unsaved_template(request.user, request.POST) if request.POST else template
    form = TemplateForm(request.POST or None, instance=template)
    context = {"template": template, "merge_fields": MERGE_FIELDS, "form": form}
    return autosave(
        request,
        form,
        # Built only when shown: an autosave answers with its status line, no preview.
        page=lambda: TemplateResponse(
            request, "outreach/template_form.html", {**context, **_live_preview(request, shown)}
        ),
        redirect_to=lambda _: reverse("outreach:templates"),
        saved_message="Template saved.",
    )


@login_required
def template_delete(request: AuthedRequest, pk: int) -> HttpResponse:
    template = owned_or_404(MessageTemplate, request, pk)
    return confirm_delete(
        request,
        template,
        kind="template",
        consequence="Messages already sent with it are kept; they no longer count towards "
        "any template's reply rate.",
        cancel_url=template.get_absolute_url(),
        done_url=reverse("outreach:templates"),
    )
