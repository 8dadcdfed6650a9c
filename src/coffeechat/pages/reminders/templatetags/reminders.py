"""{% digest_status_section %}: the profile page's Morning digest card, owned by reminders;
{% digest_problem as problem %}: why a wanted digest cannot go out, for the notice on Today
(reminders/_digest_notice.html)."""

from __future__ import annotations

from django import template
from django.utils import timezone

from coffeechat.pages.reminders import queries

register = template.Library()


@register.inclusion_tag("reminders/_digest_status.html", takes_context=True)
def digest_status_section(context: template.Context) -> dict[str, object]:
    return {"status": queries.digest_status(context["request"].user, timezone.now()), "live": True}


@register.simple_tag(takes_context=True)
def digest_problem(context: template.Context) -> str:
    """ "no server" or "no address" when the user wants a digest that cannot be sent, else ""."""
    user = context["request"].user
    return queries.digest_problem(user) if user.is_authenticated else ""
