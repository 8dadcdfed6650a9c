"""Email sending on the profile page: the user's own SMTP server, saved by one button and
tested by the other, each posting to its own address."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from coffeechat.foundation.core.requests import AuthedRequest
from coffeechat.pipeline.outreach import mail, services
from coffeechat.pipeline.outreach.forms import EmailSettingsForm
from coffeechat.pipeline.services import sending


def _profile_url() -> str:
    return reverse("accounts:profile") + "#email-sending"


def _saved(request: AuthedRequest) -> HttpResponse | None:
    """Save the posted settings; None when saved, else the page again with the problems."""
    form = EmailSettingsForm(request.POST, instance=mail.own_settings(request.user))
    if not form.is_valid():
        return TemplateResponse(request, "outreach/email_settings_page.html", {"email_form": form})
    services.save_email_settings(
        request.user,
        **{name: form.cleaned_data[name] for name in EmailSettingsForm.Meta.fields},
        password=form.cleaned_data["password"],
        forget_password=form.cleaned_data.get("forget_password", False),
    )
    return None


@login_required
@require_http_methods(["GET", "POST"])
def email_settings(request: AuthedRequest) -> HttpResponse:
    """Save the user's SMTP settings (Enter in a field does this too). A GET (reloading the
    page that showed a problem) goes back to the settings on the profile page."""
    if request.method == "GET":
        return HttpResponseRedirect(_profile_url())
    problem = _saved(request)
    if problem is not None:
        return problem
    messages.success(request, "Email sending settings saved.")
    return HttpResponseRedirect(_profile_url())


@login_required
@require_POST
def email_settings_test(request: AuthedRequest) -> HttpResponse:
    """Save the settings as they stand, then send the user a test message through them."""
    problem = _saved(request)
    if problem is not None:
        return problem
    try:
        to, server = sending.send_test_message(request.user)
    except sending.NotSent as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"Sent a test email to {to} through {server.where}.")
    return HttpResponseRedirect(_profile_url())
