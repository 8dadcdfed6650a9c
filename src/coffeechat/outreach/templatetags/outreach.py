"""{% email_sending_section %}: the profile page's Email sending card, owned by outreach."""

from __future__ import annotations

from django import template

from coffeechat.outreach import mail
from coffeechat.outreach.forms import EmailSettingsForm

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
