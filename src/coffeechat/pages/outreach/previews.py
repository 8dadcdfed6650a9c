"""What a template preview shows (a read model): the template merged for one of the user's
contacts, or for a clearly labelled made-up one, and the checker's findings."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta

from django.http import QueryDict
from django.utils import timezone

from coffeechat.foundation.accounts.models import Profile, User
from coffeechat.method.messages import Situation
from coffeechat.method.wording.kinds import Tie, template_key
from coffeechat.network.people.models import Contact, HowKnown
from coffeechat.network.research.models import Organization
from coffeechat.pages.outreach.queries import preview_choices
from coffeechat.pipeline.outreach import services
from coffeechat.pipeline.outreach.check import message_check
from coffeechat.pipeline.outreach.models import MessageTemplate, Purpose, TemplateChannel

SITUATIONS = frozenset(situation.value for situation in Situation)


def sample_tie(template: MessageTemplate) -> Tie:
    """The tie a made-up person has to preview a template: the first it is written for."""
    _, ties = template_key(template.situation_enum, template.tie_set)
    if template.situation_enum.goes_to_introducer:
        return Tie.REFERRAL_NAMED
    return min(ties, key=list(Tie).index) if ties else Tie.COLD


_HOW_KNOWN = {Tie.REFERRAL_NAMED: HowKnown.REFERRAL, Tie.REFERRAL_UNNAMED: HowKnown.REFERRAL}


def sample_contact(owner: User, situation: Situation, tie: Tie = Tie.COLD) -> Contact:
    """A made-up person that fits the template's situation and tie, to preview it with (never
    saved)."""
    introduced = situation.goes_to_introducer or tie in _HOW_KNOWN
    linkedin_only = situation == Situation.LINKEDIN_NOTE
    return Contact(
        owner=owner,
        first_name="Jordan",
        last_name="Rivera",
        email="" if linkedin_only else "jordan.rivera@northwind.example",
        linkedin_url="https://www.linkedin.com/in/jordan-rivera-example" if linkedin_only else "",
        role="Senior analyst",
        organization=Organization(owner=owner, name="Northwind Energy"),
        how_known=_HOW_KNOWN.get(tie, HowKnown(tie.value) if tie in _CONTACT_TIES else "cold"),
        introduced_by=(
            Contact(owner=owner, first_name="Priya", last_name="Shah",
                    email="priya.shah@example.org")
            if introduced
            else None
        ),
    )  # fmt: skip


_CONTACT_TIES = frozenset(Tie(v) for v in HowKnown.values if v in {t.value for t in Tie})


def sample_conversation_lines(profile: Profile) -> dict[str, str]:
    """The thank-you's and update's lines for a made-up conversation with the sample contact,
    held yesterday in the user's own time zone."""
    yesterday = timezone.localdate(timezone.now(), profile.tz()) - timedelta(days=1)
    return services.conversation_lines(
        yesterday, advice=["Talk to the risk team before specialising"], referral_names=["Sam"]
    )


def preview(user: User, template: MessageTemplate, contact: Contact | None) -> dict[str, object]:
    """`template` merged for `contact` (one of the user's, found by the view) or, without one,
    for the made-up sample contact; and the checker's findings."""
    situation = template.situation_enum
    purpose = situation.purpose
    profile = user.profile
    is_sample = contact is None
    lines = None
    tie = None
    if contact is None:
        tie = sample_tie(template)
        contact = sample_contact(user, situation, tie)
        # The thank-you and update fields come from a conversation: the sample had one too.
        had_one = purpose in (Purpose.THANK_YOU, Purpose.UPDATE)
        lines = sample_conversation_lines(profile) if had_one else {}
    draft = services.draft(
        contact, profile, template, purpose=purpose, about_conversation=lines, tie=tie
    )
    return {
        "template": template,
        "contact": contact,
        "is_sample": is_sample,
        "to": services.recipient(contact, template),
        "draft": draft,
        "check": message_check(
            contact=contact, template=template, subject=draft.subject, body=draft.body,
            purpose=purpose, channel=template.channel, profile=profile,
        ),
    }  # fmt: skip


def unsaved_template(owner: User, data: Mapping[str, str]) -> MessageTemplate:
    """The template as the editor shows it right now, whatever has been saved."""
    situation = data.get("situation", "")
    channel = data.get("channel", "")
    ties = data.getlist("ties") if isinstance(data, QueryDict) else data.get("ties", "").split()
    return MessageTemplate(
        owner=owner,
        name=data.get("name", ""),
        ties=" ".join(tie for tie in ties if tie in {t.value for t in Tie}),
        situation=situation if situation in SITUATIONS else Situation.COLD_EMAIL.value,
        channel=channel if channel in TemplateChannel.values else TemplateChannel.EMAIL,
        subject=data.get("subject", ""),
        body=data.get("body", ""),
    )


def live_preview(
    user: User, template: MessageTemplate, contact: Contact | None
) -> dict[str, object]:
    """The editor's preview panel: `template` merged for the chosen contact, and the choices."""
    return {
        "live": preview(user, template, contact),
        "preview_choices": preview_choices(user, contact),
        "preview_chosen": contact.pk if contact else None,
    }
