"""The digest page (a preview and "Send today's digest now") and the profile's status card."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from coffeechat.foundation.core.requests import AuthedRequest
from coffeechat.pages.reminders import digest as service
from coffeechat.pages.reminders.queries import digest_status
from coffeechat.pipeline.outreach import mail


def _base(request: AuthedRequest) -> str:
    # Without COFFEECHAT_BASE_URL, the address this page was opened at is the best guess.
    return settings.COFFEECHAT_BASE_URL or request.build_absolute_uri("/")


@login_required
def digest_page(request: AuthedRequest) -> HttpResponse:
    """Today's digest as the e-mail would be sent now, with what stands in its way."""
    now = timezone.now()
    server = mail.smtp_server_for(request.user)
    return TemplateResponse(
        request,
        "reminders/digest.html",
        {
            "status": digest_status(request.user, now),
            "digest": service.compose(request.user, now, _base(request)),
            "sender": server.from_address if server else "",
            "sender_name": service.SENDER_NAME,
        },
    )


@login_required
def status(request: AuthedRequest) -> HttpResponse:
    return TemplateResponse(
        request,
        "reminders/_digest_status.html",
        {"status": digest_status(request.user, timezone.now()), "live": True},
    )


@login_required
@require_POST
def send_now(request: AuthedRequest) -> HttpResponse:
    """Send today's digest at once: it still goes out once a day, so it replaces the
    scheduled one, and a second press says when it went."""
    outcome = service.send_digest(
        request.user, timezone.now(), retry_failed=True, reconsider_empty=True,
        base=_base(request),
    )  # fmt: skip
    if outcome.status == service.Status.SENT:
        messages.success(request, f"Sent today's digest to {outcome.recipient}.")
    elif outcome.failed:
        messages.error(request, f"Today's digest was not sent: {outcome.detail}")
    elif outcome.status == service.Status.NOTHING_DUE:
        messages.info(request, "Nothing is overdue or due today, so there was nothing to send.")
    else:
        messages.info(request, f"Today's digest goes out once a day: {outcome.detail}.")
    return HttpResponseRedirect(reverse("reminders:digest"))
