"""Importing contacts: upload a file, check the preview, then import (or cancel)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_POST

from coffeechat.edges.imports.forms import KIND_HELP, ImportForm
from coffeechat.edges.imports.services import ImportReport, import_contacts
from coffeechat.edges.imports.uploads import (
    PendingImport,
    discard_upload,
    keep_upload,
    pending_upload,
)
from coffeechat.foundation.core.requests import AuthedRequest
from coffeechat.method.importers import KIND_LABELS, ImportFileError, with_problems

PREVIEW_ROWS = 50


@login_required
def start(request: AuthedRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        token = keep_upload(
            request.user, form.cleaned_data["kind"], upload.name, form.cleaned_data["parsed"]
        )
        return HttpResponseRedirect(reverse("network:import_preview", args=[token]))
    context: dict[str, Any] = {"form": form, "help": KIND_HELP}
    if form.complete_rows is not None:
        kind = form.cleaned_data["kind"]
        context["complete_preview"] = reverse(
            "network:import_preview",
            args=[keep_upload(request.user, kind, form.upload_name, form.complete_rows)],
        )
        context["unit"] = "cards" if kind == "vcard" else "rows"
    return TemplateResponse(request, "network/import.html", context)


def _pending_or_404(request: AuthedRequest, token: str) -> PendingImport:
    """The user's own upload; someone else's token is as unknown as a made-up one."""
    pending = pending_upload(request.user, token)
    if pending is None:
        raise Http404("No such import: it was done, cancelled or has expired.")
    return pending


def _run(request: AuthedRequest, pending: PendingImport, **options: Any) -> ImportReport | None:
    try:
        return import_contacts(request.user, pending.kind, pending.parsed, **options)
    except ImportFileError as error:
        messages.error(request, str(error))
        return None


@login_required
def preview(request: AuthedRequest, token: str) -> HttpResponse:
    pending = _pending_or_404(request, token)
    report = _run(request, pending, dry_run=True)
    if report is None:
        discard_upload(request.user, token)
        return HttpResponseRedirect(reverse("network:import"))
    return TemplateResponse(
        request,
        "network/import_preview.html",
        {
            "pending": pending,
            "kind_label": KIND_LABELS[pending.kind],
            "problems_heading": with_problems(len(report.problems), pending.kind),
            "unit": "cards" if pending.kind == "vcard" else "rows",
            "report": report,
            "rows": report.actions[:PREVIEW_ROWS],
            "more_rows": max(len(report.actions) - PREVIEW_ROWS, 0),
        },
    )


@require_POST
@login_required
def commit(request: AuthedRequest, token: str) -> HttpResponse:
    pending = _pending_or_404(request, token)
    skip_bad_rows = request.POST.get("skip_bad_rows") == "on"
    # The new organizations ticked in the preview become targets; the rest known employers.
    targets = request.POST.getlist("target")
    report = _run(request, pending, skip_bad_rows=skip_bad_rows, targets=targets)
    if report is None:
        discard_upload(request.user, token)
        return HttpResponseRedirect(reverse("network:import"))
    if report.refused:
        messages.error(
            request,
            f"Nothing was imported: "
            f"{with_problems(len(report.problems), pending.kind, pending.filename)}. Fix the "
            "file and upload it again, or tick “Import without the bad "
            f"{'cards' if pending.kind == 'vcard' else 'rows'}”.",
        )
        return HttpResponseRedirect(reverse("network:import_preview", args=[token]))
    discard_upload(request.user, token)
    messages.success(request, f"Imported from {pending.filename}: {report.summary()}.")
    return HttpResponseRedirect(reverse("people:contacts"))


@require_POST
@login_required
def cancel(request: AuthedRequest, token: str) -> HttpResponse:
    pending = _pending_or_404(request, token)
    discard_upload(request.user, token)
    messages.success(request, f"Nothing was imported from {pending.filename}.")
    return HttpResponseRedirect(reverse("network:import"))
