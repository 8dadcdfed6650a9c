"""The "Your data" page and its downloads: only ever the signed-in user's own records.

The JSON export is read in one transaction (a consistent snapshot) and sent whole; the
spreadsheets and vCards are streamed as they are read, so a large network starts downloading
at once.
"""

from __future__ import annotations

import io
from collections.abc import Iterable

from django.contrib.auth.decorators import login_required
from django.http import (
    Http404,
    HttpResponse,
    HttpResponseBase,
    StreamingHttpResponse,
)
from django.template.response import TemplateResponse
from django.utils import timezone

from coffeechat.edges.records.export import write_export
from coffeechat.edges.records.queries import record_counts
from coffeechat.edges.records.tables import TABLES, table_chunks
from coffeechat.edges.records.vcards import vcards
from coffeechat.foundation.core.requests import AuthedRequest


def _today(request: AuthedRequest) -> str:
    return timezone.localdate(timezone=request.user.profile.tz()).isoformat()


def _download(
    content: str | Iterable[str], *, filename: str, content_type: str
) -> HttpResponseBase:
    """A file download: text at once, or streamed piece by piece from a generator."""
    if isinstance(content, str):
        response: HttpResponseBase = HttpResponse(content.encode(), content_type=content_type)
    else:
        encoded = (piece.encode() for piece in content)
        response = StreamingHttpResponse(encoded, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def exports(request: AuthedRequest) -> HttpResponse:
    counts = record_counts(request.user)
    return TemplateResponse(
        request,
        "records/exports.html",
        {
            "counts": counts,
            "tables": [(table, counts[name]) for name, table in TABLES.items()],
            "today": _today(request),
        },
    )


@login_required
def export_json(request: AuthedRequest) -> HttpResponseBase:
    out = io.StringIO()
    write_export(request.user, out)
    return _download(
        out.getvalue(),
        filename=f"coffeechat-export-{_today(request)}.json",
        content_type="application/json; charset=utf-8",
    )


@login_required
def export_csv(request: AuthedRequest, name: str) -> HttpResponseBase:
    table = TABLES.get(name)
    if table is None:
        raise Http404("No such table.")
    return _download(
        table_chunks(table, request.user),
        filename=table.filename(_today(request)),
        content_type="text/csv; charset=utf-8",
    )


@login_required
def export_vcard(request: AuthedRequest) -> HttpResponseBase:
    return _download(
        vcards(request.user),
        filename=f"coffeechat-contacts-{_today(request)}.vcf",
        content_type="text/vcard; charset=utf-8",
    )
