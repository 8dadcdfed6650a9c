"""The calendar page, the public feed behind its secret link, and .ics invitations."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.views.decorators.http import require_safe

from coffeechat.foundation.core.requests import AuthedRequest
from coffeechat.foundation.core.views import owned_or_404
from coffeechat.pages.calendar import feed as ical
from coffeechat.pages.calendar import queries, services
from coffeechat.pages.conversations.queries import with_people

CONTENT_TYPE = "text/calendar; charset=utf-8"
# A built feed is kept under its version (see queries.feed_version): a change makes a new
# version, so an entry is never stale, only unused; the time limit just frees the space.
FEED_CACHE_SECONDS = 24 * 60 * 60
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


JUST_MADE = "calendar-link-just-made"


@login_required
def calendar_page(request: AuthedRequest) -> HttpResponse:
    """The private link is shown once: on the visit that made it (the first one, or the one
    after a revoke); only its hash is kept, so later visits offer a new link instead."""
    feed = services.feed_for(request.user)
    token = feed.token or request.session.pop(JUST_MADE, "")
    context: dict[str, object] = {"shown_once": bool(token)}
    if token:
        feed_url = _base_url(request) + reverse("calendar:feed", args=[token])
        context |= {
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
        # Carried to the page in the session (server-side), shown there once, then forgotten.
        request.session[JUST_MADE] = services.regenerate(request.user).token
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
    base_url = _base_url(request)
    version = queries.feed_version(found.owner, now=now, base_url=base_url)
    etag = f'"{version}"'
    key = f"calendar-feed:{found.pk}:{found.token_hash}:{version}"
    cached: tuple[float, bytes] | None = cache.get(key)
    # Last-Modified is when this version was first built: never earlier than the change that
    # made it (a deletion leaves no newer row behind to date it by).
    built_at = cached[0] if cached else now.timestamp()
    unchanged = get_conditional_response(request, etag=etag, last_modified=int(built_at))
    if unchanged is not None:
        return unchanged
    if cached is None:
        body = ical.build_feed(
            conversations=queries.feed_conversations(found.owner, now=now),
            followups=queries.feed_followups(found.owner, now=now),
            base_url=base_url,
        )
        cache.set(key, (built_at, body), FEED_CACHE_SECONDS)
    else:
        body = cached[1]
    response = _calendar_response(body, filename="coffeechat.ics", disposition="inline")
    response["ETag"] = etag
    response["Last-Modified"] = http_date(built_at)
    return response


@login_required
@require_safe
def conversation_ics(request: AuthedRequest, pk: int) -> HttpResponse:
    """One conversation as an .ics file, with the same UID as its event in the feed."""
    conversation = owned_or_404(with_people(), request, pk)
    body = ical.build_invitation(conversation, base_url=_base_url(request))
    return _calendar_response(
        body, filename=ical.invitation_filename(conversation), disposition="attachment"
    )
