"""Message templates: the list with how each one works, adding, editing, deleting, previewing."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse

from coffeechat.core.views import autosave_or_page, confirm_delete, owned_or_404
from coffeechat.method.messages import MERGE_FIELDS, Situation
from coffeechat.outreach import services
from coffeechat.outreach.check import message_check
from coffeechat.outreach.forms import TemplateForm
from coffeechat.outreach.models import MessageTemplate
from coffeechat.outreach.queries import templates_by_situation, templates_with_stats
from coffeechat.people.models import Contact, HowKnown
from coffeechat.research.models import Organization


@login_required
def template_list(request: HttpRequest) -> HttpResponse:
    groups = templates_by_situation(templates_with_stats(request.user))
    return TemplateResponse(request, "outreach/templates.html", {"groups": groups})


@login_required
def template_new(request: HttpRequest) -> HttpResponse:
    situation = request.GET.get("situation", "")
    initial = {"situation": situation} if situation in {s.value for s in Situation} else {}
    form = TemplateForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        form.instance.owner = request.user
        template = form.save()
        messages.success(request, f"Added the template “{template}”.")
        return HttpResponseRedirect(template.get_absolute_url())
    return TemplateResponse(
        request, "outreach/template_form.html", {"form": form, "merge_fields": MERGE_FIELDS}
    )


@login_required
def template_edit(request: HttpRequest, pk: int) -> HttpResponse:
    template = owned_or_404(MessageTemplate, request, pk)
    form = TemplateForm(request.POST or None, instance=template)
    return autosave_or_page(
        request,
        form,
        template="outreach/template_form.html",
        context={"template": template, "merge_fields": MERGE_FIELDS},
        redirect_to=lambda _: reverse("outreach:templates"),
        saved_message="Template saved.",
    )


@login_required
def template_delete(request: HttpRequest, pk: int) -> HttpResponse:
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


def sample_contact(owner: object, situation: Situation) -> Contact:
    """A made-up person that fits the template's situation, to preview it with (never saved)."""
    introduced = situation in (
        Situation.AFTER_REFERRAL,
        Situation.ASK_INTRODUCTION,
        Situation.INTRO_BLURB,
    )
    linkedin_only = situation == Situation.LINKEDIN_NOTE
    return Contact(
        owner=owner,
        first_name="Jordan",
        last_name="Rivera",
        email="" if linkedin_only else "jordan.rivera@northwind.example",
        linkedin_url="https://www.linkedin.com/in/jordan-rivera-example" if linkedin_only else "",
        role="Senior analyst",
        organization=Organization(owner=owner, name="Northwind Energy"),
        how_known=HowKnown.ALUMNI if situation == Situation.ALUMNI else HowKnown.COLD,
        introduced_by=(
            Contact(owner=owner, first_name="Priya", last_name="Shah",
                    email="priya.shah@example.org")
            if introduced
            else None
        ),
    )  # fmt: skip


@login_required
def template_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """The template merged for a sample contact, or for one of the user's contacts, checked."""
    template = owned_or_404(MessageTemplate, request, pk)
    chosen = request.GET.get("contact", "")
    contact = (
        owned_or_404(Contact, request, int(chosen))
        if chosen.isdigit()
        else sample_contact(request.user, template.situation_enum)
    )
    profile = request.user.profile
    purpose = template.situation_enum.purpose
    draft = services.draft(contact, profile, template, purpose=purpose)
    to = services.recipient(contact, template)
    return TemplateResponse(
        request,
        "outreach/template_preview.html",
        {
            "template": template,
            "contact": contact,
            "is_sample": not chosen.isdigit(),
            "to": to,
            "draft": draft,
            "contacts": Contact.objects.owned_by(request.user).only("first_name", "last_name"),
            "check": message_check(
                contact=contact,
                template=template,
                subject=draft.subject,
                body=draft.body,
                purpose=purpose,
                channel=template.channel,
                profile=profile,
            ),
        },
    )
