"""{% digest_status_section %}: the profile page's Morning digest card, owned by reminders;
{% digest_problem as problem %}: why a wanted digest cannot go out, for the notice on Today
(reminders/_digest_notice.html)."""

from __future__ import annotations

from django import template
from django.utils import timezone

from coffeechat.outreach import mail
from coffeechat.reminders.digest import recipient_for
from coffeechat.reminders.queries import digest_status

register = template.Library()


@register.inclusion_tag("reminders/_digest_status.html", takes_context=True)
def digest_status_section(context: template.Context) -> dict[str, object]:
    return {"status": digest_status(context["request"].user, timezone.now()), "live": True}


@register.simple_tag(takes_context=True)
def digest_problem(context: template.Context) -> str:
    """ "no server" or "no address" when the user wants a digest that cannot be sent, else "".

    Two small queries at most (the profile, the user's own mail settings): cheap enough for the
    page opened every morning."""
    user = context["request"].user
    if not user.is_authenticated or not user.profile.digest_enabled:
        return ""
    server = mail.smtp_server_for(user)
    if server is None:
        return "no server"
    return "" if recipient_for(user, server) else "no address"
