"""Shared view helpers: ownership, deletion with confirmation, help (autosaving forms: see
foundation/core/autosave)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import models, transaction
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from coffeechat.foundation.core.requests import AuthedRequest

M = TypeVar("M", bound=models.Model)


def owned_or_404(
    model: type[M] | models.QuerySet[M], request: AuthedRequest, pk: int, **lookups: Any
) -> M:
    """The user's own object, or 404: another user's object is indistinguishable from none."""
    return get_object_or_404(model, pk=pk, owner=request.user, **lookups)


def confirm_delete(
    request: AuthedRequest,
    obj: M,
    *,
    kind: str,
    consequence: str,
    cancel_url: str,
    done_url: str,
    after_delete: Callable[[M], object] | None = None,
) -> HttpResponse:
    """Nothing is deleted without a confirmation page first; `after_delete` runs on the
    deleted object, in the same transaction, for what its going sets in motion."""
    if request.method == "POST":
        label = str(obj)
        with transaction.atomic():
            obj.delete()
            if after_delete is not None:
                after_delete(obj)
        messages.success(request, f"Deleted {kind} “{label}”.")
        return HttpResponseRedirect(done_url)
    return TemplateResponse(
        request,
        "core/confirm_delete.html",
        {"object": obj, "kind": kind, "consequence": consequence, "cancel_url": cancel_url},
    )


@login_required
def help_page(request: AuthedRequest) -> HttpResponse:
    # The upload cap is a site setting: the page states the one in force.
    max_upload_mb = f"{settings.DATA_UPLOAD_MAX_MEMORY_SIZE / (1024 * 1024):g}"
    return TemplateResponse(request, "core/help.html", {"max_upload_mb": max_upload_mb})
