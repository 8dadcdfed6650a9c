"""{% digest_status_section %}: the profile page's Morning digest card, owned by reminders."""

from __future__ import annotations

from django import template
from django.utils import timezone

from coffeechat.reminders.queries import digest_status

register = template.Library()


@register.inclusion_tag("reminders/_digest_status.html", takes_context=True)
def digest_status_section(context: template.Context) -> dict[str, object]:
    return {"status": digest_status(context["request"].user, timezone.now()), "live": True}
