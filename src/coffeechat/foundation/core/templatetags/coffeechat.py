"""Template helpers available in every template."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString, mark_safe

from coffeechat.foundation.core.listing import Listing
from coffeechat.foundation.core.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str | None) -> SafeString:
    # render_markdown sanitizes with nh3, which is what makes mark_safe correct here.
    return mark_safe(render_markdown(text or ""))


@register.simple_tag
def page_link(listing: Listing[object], number: int) -> str:
    """The link to page `number` of a long list, keeping its filters and sort."""
    return listing.page_link(number)
