"""Email sending on the profile page: the user's own SMTP server and a test message."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_POST

from coffeechat.foundation.core.requests import AuthedRequest
from coffeechat.pipeline.outreach import mail, services
from coffeechat.pipeline.outreach.forms import EmailSettingsForm

TEST_SUBJECT = "Coffeechat test message"
TEST_BODY = (
    "This is a test message from Coffeechat.\n\n"
    "If you can read it, your outreach can be sent straight from the compose page."
)


def _profile_url() -> str:
    return reverse("accounts:profile") + "#email-sending"


def _send_test(request: AuthedRequest) -> None:
    server = mail.smtp_server_for(request.user)
    if server is None:
        messages.error(request, "Fill in the SMTP server and From address first.")
        return
    to = request.user.email or server.from_address
    try:
        mail.send(
            server, to_name=request.user.profile.display_name, to_email=to,
            subject=TEST_SUBJECT, body=TEST_BODY, sender_name=request.user.profile.display_name,
        )  # fmt: skip
    except mail.SendFailed as error:
        messages.error(request, f"The test email was not sent. {error}")
        return
    messages.success(request, f"Sent a test email to {to} through {server.where}.")


@login_required
@require_POST
def email_settings(request: AuthedRequest) -> HttpResponse:
    """Save the user's SMTP settings (and, with the test button, send a test message)."""
    own = mail.own_settings(request.user)
    form = EmailSettingsForm(request.POST, instance=own)
    if not form.is_valid():
        return TemplateResponse(request, "outreach/email_settings_page.html", {"email_form": form})
    services.save_email_settings(
        request.user,
        **{name: form.cleaned_data[name] for name in EmailSettingsForm.Meta.fields},
        password=form.cleaned_data["password"],
        forget_password=form.cleaned_data.get("forget_password", False),
    )
    if request.POST.get("action") == "test":
        _send_test(request)
    else:
        messages.success(request, "Email sending settings saved.")
    return HttpResponseRedirect(_profile_url())
