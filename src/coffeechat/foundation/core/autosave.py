"""Forms that save as the user types (through HTMX) and still work as plain forms, and the one
status line every one of them answers with: "Saved 10:42:03", or what stopped the save, each
problem named by the field's label as the page shows it ("First name: This field is
required.")."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.contrib import messages
from django.db import models
from django.forms import BaseForm, ModelForm
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone

from coffeechat.foundation.core.requests import AuthedRequest

STATUS_ID = "autosave-status"

M = TypeVar("M", bound=models.Model)


def problems(form: BaseForm) -> list[str]:
    """Every error of `form`, prefixed with the label of its field (none for the form's own)."""
    named: list[str] = []
    for name, errors in form.errors.items():
        label = form[name].label if name in form.fields else ""
        named.extend(f"{label}: {error}" if label else str(error) for error in errors)
    return named


def status_line(
    request: AuthedRequest, *, form: BaseForm | None = None, status_id: str = STATUS_ID
) -> TemplateResponse:
    """The line an autosave swaps in under its form: saved now, or why not (`form`'s errors)."""
    context: dict[str, object] = {"status_id": status_id}
    if form is not None and form.errors:
        context["not_saved"] = problems(form)
    else:
        context["saved_at"] = timezone.localtime()
    return TemplateResponse(request, "core/autosave_status.html", context)


def autosave(
    request: AuthedRequest,
    form: ModelForm[M],
    *,
    page: Callable[[], HttpResponse],
    redirect_to: Callable[[M], str],
    status_id: str = STATUS_ID,
    saved_message: str = "",
    after_save: Callable[[M], object] | None = None,
) -> HttpResponse:
    """Handle an edit form that autosaves through HTMX and also works as a plain form.

    An HTMX post saves a valid form and answers with the status line, never losing what the
    user typed; a plain post redirects, or shows `page` again with the errors. `page` is only
    built when shown (an autosave never needs it); `after_save` runs on the saved object, for
    what a change sets in motion.
    """
    if request.method != "POST":
        return page()
    if form.is_valid():
        saved = form.save()
        if after_save is not None:
            after_save(saved)
        if request.htmx:
            return status_line(request, status_id=status_id)
        if saved_message:
            messages.success(request, saved_message)
        return HttpResponseRedirect(redirect_to(saved))
    if request.htmx:
        return status_line(request, form=form, status_id=status_id)
    return page()
