"""Outreach's pieces of other apps' pages: the profile's Email sending card, and the contact
page's introductions (asked of this person, or asked about them)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from django import template

from coffeechat.network.people.models import Contact
from coffeechat.pipeline.followups.models import FollowUp
from coffeechat.pipeline.outreach import mail
from coffeechat.pipeline.outreach.forms import EmailSettingsForm
from coffeechat.pipeline.outreach.models import Purpose

register = template.Library()


@register.inclusion_tag("outreach/_email_sending.html", takes_context=True)
def email_sending_section(context: template.Context) -> dict[str, object]:
    request = context["request"]
    own = mail.own_settings(request.user)
    server = mail.smtp_server_for(request.user, own)
    return {
        "email_form": EmailSettingsForm(instance=own),
        "own": own,
        "server": server,
        "user": request.user,
        "csrf_token": context.get("csrf_token"),
    }


@dataclass
class Asked:
    """The requests for one introduction: who was asked, whom to introduce, and when."""

    introducer: Contact
    target: Contact | None
    sent: list[datetime] = field(default_factory=list)


@register.inclusion_tag("outreach/_introductions.html")
def introductions(
    contact: Contact, open_followups: Iterable[FollowUp], today: date
) -> dict[str, object]:
    """On Sam's page, whom you asked to introduce you; on Priya's, whom you asked her to
    introduce you to, with the one reminder once it is owed (see followups.services)."""
    about: dict[int, Asked] = {}
    for message in contact.introductions_asked.select_related("contact").order_by("sent_at"):
        about.setdefault(message.contact_id, Asked(message.contact, contact)).sent.append(
            message.sent_at
        )
    of: dict[int | None, Asked] = {}
    asks = contact.messages.filter(purpose=Purpose.INTRODUCTION).select_related("introduction_to")
    for message in asks.order_by("sent_at"):
        of.setdefault(
            message.introduction_to_id, Asked(contact, message.introduction_to)
        ).sent.append(message.sent_at)
    reminder_owed = any(
        followup.kind == "follow_up" and followup.due_on <= today for followup in open_followups
    )
    return {
        "contact": contact,
        "asked_about": list(about.values()),
        "asked_of": list(of.values()),
        "reminder_owed": reminder_owed,
    }
