"""Keep your network posted: a milestone in one line, one short personal update per person you
met, each edited (and autosaved) in place, then sent the usual ways."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseRedirect, QueryDict
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from coffeechat.foundation.core.requests import AuthedRequest
from coffeechat.foundation.core.views import owned_or_404
from coffeechat.method.network_update import Milestone
from coffeechat.network.people.models import Contact
from coffeechat.pages.outreach import recording
from coffeechat.pipeline.outreach import mail, services
from coffeechat.pipeline.outreach.forms import MilestoneForm, UpdateDraftForm
from coffeechat.pipeline.outreach.models import Channel, Message, Purpose
from coffeechat.pipeline.outreach.network_update import Drafts, Met, drafted, people_met
from coffeechat.pipeline.services import sending


@dataclass
class Card:
    contact: Contact
    form: UpdateDraftForm
    mailto: str
    cannot_send: str  # why "Send" is off, or ""
    sent: Message | None = None


def _page_url() -> str:
    return reverse("outreach:network_update")


def _choices(rows: list[Met]) -> list[tuple[int, str]]:
    return [(row.contact.pk, row.contact.full_name) for row in rows]


def _draft_form(request: AuthedRequest, contact: Contact, **kwargs: object) -> UpdateDraftForm:
    today = timezone.localdate(timezone=request.user.profile.tz())
    return UpdateDraftForm(
        prefix=f"p{contact.pk}",
        today=today,
        owner=request.user,
        purpose=Purpose.UPDATE,
        to=contact,
        **kwargs,
    )


def _cards(
    request: AuthedRequest, rows: list[Met], chosen: list[int], drafts: Drafts, data: dict[str, Any]
) -> list[Card]:
    """One card per chosen person: their draft (or the user's edit of it), or what was sent."""
    profile = request.user.profile
    tz, today = profile.tz(), timezone.localdate(timezone=profile.tz())
    server = mail.smtp_server_for(request.user)
    by_pk = {row.contact.pk: row for row in rows}
    picked = [by_pk[pk] for pk in chosen if pk in by_pk]
    sent = drafts.sent(request.user, [row.contact.pk for row in picked])
    cards = []
    for row in picked:
        contact = row.contact
        subject, body = drafts.edited(contact.pk) or drafted(
            row, milestone=Milestone(data["milestone"]), detail=data["detail"],
            my_name=profile.display_name, tz=tz,
        )  # fmt: skip
        channel = services.default_channel(contact)
        initial = {"subject": subject, "body": body, "sent_on": today, "channel": channel}
        cards.append(
            Card(
                contact=contact,
                form=_draft_form(request, contact, initial=initial),
                mailto=services.Draft(subject, body).mailto(contact.email),
                cannot_send=sending.send_state_through(server, contact).problem,
                sent=sent.get(contact.pk),
            )
        )
    return cards


def _page(
    request: AuthedRequest, query: QueryDict, bound: UpdateDraftForm | None = None
) -> TemplateResponse:
    rows = people_met(request.user)
    default = [row.contact.pk for row in rows if row.ticked_by_default]
    form = MilestoneForm(
        query if "milestone" in query else None, people=_choices(rows),
        initial={"people": default, "milestone": Milestone.NEW_JOB.value},
    )  # fmt: skip
    cards: list[Card] = []
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        drafts = Drafts(request.session, milestone=data["milestone"], detail=data["detail"])
        cards = _cards(request, rows, data["people"], drafts, data)
        for card in cards:  # a form sent back with a problem keeps what the user wrote
            if bound is not None and bound.prefix == f"p{card.contact.pk}":
                card.form = bound
    return TemplateResponse(
        request,
        "outreach/network_update.html",
        {
            "form": form,
            "rows": rows,
            "selected": _selected(query) if form.is_bound else set(default),
            "cards": cards,
            "query": query.urlencode(),
        },
    )


def _selected(query: QueryDict) -> set[int]:
    return {int(value) for value in query.getlist("people") if value.isdigit()}


@login_required
def network_update(request: AuthedRequest) -> HttpResponse:
    return _page(request, request.GET)


def _round(request: AuthedRequest) -> tuple[Drafts, str]:
    """The round of drafts a card belongs to, and the page address to go back to."""
    back = request.POST.get("back", "")
    if not back.startswith(_page_url() + "?"):
        back = _page_url()
    query = QueryDict(urlsplit(back).query)
    drafts = Drafts(
        request.session, milestone=query.get("milestone", ""), detail=query.get("detail", "")
    )
    return drafts, back


def _kept(request: AuthedRequest, contact: Contact) -> tuple[Drafts, str, str, str]:
    """Keep the card's text as its draft of this round; the round, the page to go back to,
    and the subject and body kept."""
    drafts, back = _round(request)
    prefix = f"p{contact.pk}"
    subject = request.POST.get(f"{prefix}-subject", "")[:300]
    body = request.POST.get(f"{prefix}-body", "")
    drafts.keep(contact.pk, subject=subject, body=body)
    return drafts, back, subject, body


@login_required
@require_POST
def network_update_save(request: AuthedRequest, contact_pk: int) -> HttpResponse:
    """Autosave of one draft as the user types (and when the page is left); Enter in a field
    (the browser's implicit submission, the form's own action) keeps it too and records
    nothing."""
    contact = owned_or_404(Contact, request, contact_pk)
    _, back, subject, body = _kept(request, contact)
    if not request.htmx:
        return HttpResponseRedirect(f"{back}#update-{contact.pk}")
    return TemplateResponse(
        request,
        "outreach/_draft_status.html",
        {
            "contact": contact,
            "mailto": services.Draft(subject, body).mailto(contact.email),
            "saved_at": timezone.localtime(),
        },
    )


def _record(request: AuthedRequest, contact_pk: int, *, sending_now: bool) -> HttpResponse:
    """Send one update now or mark it sent; either way it is stored exactly as written, and
    the text is kept as a draft until then."""
    contact = owned_or_404(Contact, request, contact_pk)
    _, back, _, _ = _kept(request, contact)
    data = request.POST.copy()
    if sending_now:  # it goes out now, by email, whatever the mark-as-sent fields say
        today = timezone.localdate(timezone=request.user.profile.tz())
        prefix = f"p{contact.pk}"
        data.update({f"{prefix}-sent_on": today.isoformat(), f"{prefix}-channel": Channel.EMAIL})
    form = _draft_form(request, contact, data=data)
    done = None
    if form.is_valid():
        if sending_now:
            done = recording.send(
                request.user, form, to=contact, contact=contact, purpose=Purpose.UPDATE,
                conversation=None,
            )  # fmt: skip
        else:
            done = recording.mark_sent(
                request.user, form, contact=contact, purpose=Purpose.UPDATE, conversation=None
            )
    if done:
        messages.success(request, done)
        return HttpResponseRedirect(f"{back}#update-{contact.pk}")
    return _page(request, QueryDict(urlsplit(back).query), bound=form)


@login_required
@require_POST
def network_update_send(request: AuthedRequest, contact_pk: int) -> HttpResponse:
    return _record(request, contact_pk, sending_now=True)


@login_required
@require_POST
def network_update_mark(request: AuthedRequest, contact_pk: int) -> HttpResponse:
    return _record(request, contact_pk, sending_now=False)
