"""Template helpers for pages that show a piece of the target list (Today's next moves)."""

from __future__ import annotations

from django import template

from coffeechat.foundation.accounts.models import User
from coffeechat.pages.research.queries import has_targets

register = template.Library()


@register.simple_tag
def any_targets(user: User) -> bool:
    """Whether the user has picked any target, so Today can say how to pick them when not
    (asked by the template so the page's view needs no change)."""
    return has_targets(user)
