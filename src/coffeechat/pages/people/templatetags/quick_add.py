"""{% quick_add_form %}: the one-line "Add a person" on any page (Contacts, an organization's
page), so those pages' views need not know about it."""

from __future__ import annotations

from typing import Any

from django import template

from coffeechat.network.people.models import HowKnown
from coffeechat.network.research.models import Organization
from coffeechat.pages.people.views_quick_add import suggestions

register = template.Library()


@register.inclusion_tag("people/_quick_add.html", takes_context=True)
def quick_add_form(
    context: template.Context, organization: Organization | None = None
) -> dict[str, Any]:
    request = context["request"]
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "suggestions": suggestions(request.user),
        "how_known_choices": HowKnown.choices,
        "from_organization": organization,
    }
