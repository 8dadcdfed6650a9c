"""The calendar page, the public feed behind its secret link, and .ics invitations."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from coffeechat.foundation.core.requests import AuthedRequest
from coffeechat.foundation.core.views import owned_or_404
from coffeechat.pages.calendar import feed as ical
from coffeechat.pages.calendar import queries, services
from coffeechat.pages.conversations.queries import with_people

CONTENT_TYPE = "text/calendar; charset=utf-8"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


def _base_url(request: HttpRequest) -> str:
    """The address links in calendars point to: the configured public one, else this request's.

    Calendar apps fetch the feed from their own servers, so links must be absolute.
    """
    configured = getattr(settings, "COFFEECHAT_BASE_URL", "")
    return (configured or request.build_absolute_uri("/")).rstrip("/")


def _calendar_response(body: bytes, *, filename: str, disposition: str) -> HttpResponse:
    response = HttpResponse(body, content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    # Personal data behind a secret: no shared cache may keep a copy.
    response["Cache-Control"] = "private, no-cache"
    return response


@login_required
def calendar_page(request: AuthedRequest) -> HttpResponse:
    feed = services.feed_for(request.user)
    feed_url = _base_url(request) + reverse("calendar:feed", args=[feed.token])
    context = {
        "feed_url": feed_url,
        "webcal_url": "webcal://" + feed_url.split("://", 1)[1],
        # Google and Outlook fetch the link from their own servers: a laptop's address is
        # out of their reach, only a calendar app on the same computer can read it.
        "only_this_computer": urlsplit(feed_url).hostname in LOCAL_HOSTS,
    }
    return TemplateResponse(request, "calendar/page.html", context)


@login_required
def regenerate(request: AuthedRequest) -> HttpResponse:
    """Revoke the link and make a new one, after a confirmation page."""
    if request.method == "POST":
        services.regenerate(request.user)
        messages.success(
            request,
            "New calendar link made: the old one no longer works. "
            "Subscribe again with the new link in each calendar app.",
        )
        return HttpResponseRedirect(reverse("calendar:page"))
    return TemplateResponse(request, "calendar/confirm_regenerate.html")


@require_safe
def feed(request: HttpRequest, token: str) -> HttpResponse:
    """The subscribed calendar: no login, the token in the address is the only key."""
    found = queries.feed_by_token(token)
    if found is None:
        raise Http404("No calendar at this address.")
    now = timezone.now()
    body = ical.build_feed(
        conversations=queries.feed_conversations(found.owner, now=now),
        followups=queries.feed_followups(found.owner, now=now),
        base_url=_base_url(request),
    )
    return _calendar_response(body, filename="coffeechat.ics", disposition="inline")


@login_required
@require_safe
def conversation_ics(request: AuthedRequest, pk: int) -> HttpResponse:
    """One conversation as an .ics file, with the same UID as its event in the feed."""
    conversation = owned_or_404(with_people(), request, pk)
    body = ical.build_invitation(conversation, base_url=_base_url(request))
    return _calendar_response(
        body, filename=ical.invitation_filename(conversation), disposition="attachment"
    )
