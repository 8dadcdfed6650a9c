from __future__ import annotations

from collections.abc import Callable
from urllib.parse import parse_qsl, urlencode, urlsplit

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from coffeechat.foundation.core.requests import AuthedRequest
from coffeechat.foundation.core.views import owned_or_404
from coffeechat.method.today import by_section
from coffeechat.network.people.models import Contact
from coffeechat.pages.people.queries import first_request_at
from coffeechat.pages.research.queries import next_moves_for
from coffeechat.pages.today.followup_list import (
    DUE_WINDOWS,
    KINDS,
    STATUSES,
    followup_listing,
    recently_done,
)
from coffeechat.pages.today.queries import today_list
from coffeechat.pages.today.rows import today_rows
from coffeechat.pipeline.followups import services, undo
from coffeechat.pipeline.followups.models import FollowUp
from coffeechat.pipeline.followups.versions import day_version, remembered
from coffeechat.pipeline.outreach.forms import ReplyForm
from coffeechat.pipeline.outreach.models import Outcome
from coffeechat.pipeline.services.correspondence import record_reply


def _today_context(request: AuthedRequest) -> dict[str, object]:
    """The lists and their true counts: each section's badge counts what is behind "show all"."""
    now = timezone.now()
    tz = request.user.profile.tz()
    day = timezone.localdate(now, timezone=tz)
    version = day_version(request.user, day)
    listed = today_list(request.user, now, version=version)
    sections = [
        (section, rows, len(rows) + listed.hidden_in(section))
        for section, rows in today_rows(by_section(listed.items, day, now), tz)
    ]
    return {
        "sections": sections,
        "today": day,
        "count": len(listed.items),
        "listed": listed,
        "awaiting_reply": any(row.reply_url for _, rows, _ in sections for row in rows),
        "version": version,
    }


@login_required
def today(request: AuthedRequest) -> HttpResponse:
    context = _today_context(request)
    version = str(context["version"])
    context["next_moves"] = remembered(
        request.user, version, "next-moves", lambda: next_moves_for(request.user)
    )
    context["just_done"] = _just_done(request)
    return TemplateResponse(request, "followups/today.html", context)


# Under the open list, the last few done or closed: the full history is ?status=done.
RECENTLY_DONE = 20


@login_required
def followup_list(request: AuthedRequest) -> HttpResponse:
    today = timezone.localdate(timezone=request.user.profile.tz())
    filters, listing = followup_listing(request.user, request.GET, today)
    open_list = filters.status == "open"
    context = {
        "listing": listing,
        "filters": filters,
        "statuses": STATUSES,
        "kinds": KINDS,
        "windows": DUE_WINDOWS,
        "due_label": DUE_WINDOWS[filters.due],
        "done": recently_done(request.user, today, RECENTLY_DONE) if open_list else [],
        "today": today,
        "just_done": _just_done(request),
        # Where each row's form comes back to: this page, with its filters, sort and page.
        "here": request.get_full_path(),
    }
    return TemplateResponse(request, "followups/list.html", context)


def _back(request: AuthedRequest) -> str:
    return _back_to(request, request.POST.get("next", ""))


def _back_to(request: AuthedRequest, target: str) -> str:
    """Where to go once done: the page named, if it is this site's, else Today."""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("followups:today")


def _change(
    request: AuthedRequest, pk: int, change: Callable[[FollowUp], None], verb: str
) -> HttpResponse:
    followup = owned_or_404(FollowUp, request, pk)
    try:
        change(followup)
    except services.NotReopenable as problem:
        messages.error(request, str(problem))
        return HttpResponseRedirect(_back(request))
    kind = followup.get_kind_display().lower()
    messages.success(request, f"{verb}: {kind} for {followup.contact}.")
    return HttpResponseRedirect(_back(request))


def _with_done(url: str, pk: int) -> str:
    """The page to go back to, naming the follow-up just done: it shows "Done: … Undo"."""
    parts = urlsplit(url)
    query = [(key, value) for key, value in parse_qsl(parts.query) if key != "done"]
    return parts._replace(query=urlencode([*query, ("done", pk)])).geturl()


def _just_done(request: AuthedRequest) -> FollowUp | None:
    """The follow-up a page was sent back with (?done=), if it is the user's and still done."""
    value = request.GET.get("done", "")
    if not value.isdigit():
        return None
    done = FollowUp.objects.owned_by(request.user).filter(pk=value, done_at__isnull=False)
    return done.select_related("contact").first()


@login_required
@require_POST
def mark_done(request: AuthedRequest, pk: int) -> HttpResponse:
    """Done, with an Undo: through HTMX the item itself becomes "Done: … Undo"; without
    JavaScript the page comes back with that line at the top."""
    followup = owned_or_404(FollowUp, request, pk)
    undo.mark_done(followup)
    if request.htmx:
        shape = "row" if request.POST.get("shape") == "row" else "item"
        context = {"followup": followup, "shape": shape, "back": _back(request)}
        if shape == "item":  # from Today: its badges and "Showing" lines count one fewer
            context |= _today_context(request)
        return TemplateResponse(request, "followups/_done.html", context)
    return HttpResponseRedirect(_with_done(_back(request), followup.pk))


@login_required
@require_POST
def undo_done(request: AuthedRequest, pk: int) -> HttpResponse:
    """Put a follow-up just marked done back as it was. Through HTMX the page it came from is
    answered, and the item's own element is picked from it (hx-select) to replace the line."""
    followup = owned_or_404(FollowUp, request, pk)
    try:
        undo.undo_done(followup)
    except services.NotReopenable as problem:
        messages.error(request, str(problem))
        return HttpResponseRedirect(_back(request))
    if not request.htmx:
        kind = followup.get_kind_display().lower()
        messages.success(request, f"Undone: {kind} for {followup.contact} is open again.")
    return HttpResponseRedirect(_back(request))


@login_required
@require_POST
def reopen(request: AuthedRequest, pk: int) -> HttpResponse:
    return _change(request, pk, services.reopen, "Reopened")


@login_required
@require_http_methods(["GET", "POST"])
def quick_reply(request: AuthedRequest, contact_pk: int) -> HttpResponse:
    """Log a reply in one click from Today or a contact page, with the day it came. Today's
    "They replied" opens this form in a dialog; without a script, it is this small page."""
    contact = owned_or_404(Contact, request, contact_pk)
    tz = request.user.profile.tz()
    if request.method == "GET":
        context = {
            "contact": contact,
            "today": timezone.localdate(timezone=tz),
            "back": _back_to(request, request.GET.get("next", "")),
        }
        return TemplateResponse(request, "followups/quick_reply.html", context)
    first = first_request_at(contact)
    form = ReplyForm(
        {"received_on": request.POST.get("received_on"), "outcome": request.POST.get("outcome")},
        today=timezone.localdate(timezone=tz),
        earliest=timezone.localdate(first, tz) if first else None,
    )
    if not form.is_valid():
        problems = " ".join(str(error) for errors in form.errors.values() for error in errors)
        messages.error(request, f"Reply from {contact.full_name} not logged: {problems}")
        return HttpResponseRedirect(_back(request))
    record_reply(contact=contact, **form.cleaned_data)
    text: str  # safe HTML, or plain text to escape
    if form.cleaned_data["outcome"] == Outcome.AGREED:
        text = format_html(
            'Logged {}\'s reply: they agreed to talk. <a href="{}">Schedule it now</a>; '
            "until then Today reminds you.",
            contact.first_name,
            reverse("conversations:new", args=[contact.pk]),
        )
    else:
        text = f"Logged {contact.first_name}'s reply."
    messages.success(request, text)
    return HttpResponseRedirect(_back(request))
