"""Changing a password (asking the current one) and resetting a forgotten one by e-mail, with
Django's own views and signed, single-use tokens. A new password ends the sessions on every
other device: Django checks each session against the password it was opened with."""

from __future__ import annotations

from typing import Any

from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordChangeForm, PasswordResetForm, SetPasswordForm
from django.http import HttpResponse
from django.urls import reverse_lazy

TEMPLATES = "accounts/passwords/"


class _ReasonUnderNewPassword:
    """Django puts "This password is too short" under the confirmation field; it belongs under
    the new password, where the person typed it (a mismatch stays under the confirmation)."""

    def validate_password_for_user(self, user: Any, *args: Any, **kwargs: Any) -> None:
        super().validate_password_for_user(user, "new_password1")  # type: ignore[misc]


class NewPasswordForm(_ReasonUnderNewPassword, SetPasswordForm):  # type: ignore[type-arg]
    pass


class ChangePasswordForm(_ReasonUnderNewPassword, PasswordChangeForm):
    pass


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = f"{TEMPLATES}change.html"
    success_url = reverse_lazy("accounts:profile")
    form_class = ChangePasswordForm

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)  # keeps this session signed in
        messages.success(
            self.request,
            "Password changed. You stay logged in here; every other device is logged out.",
        )
        return response


class PasswordResetView(auth_views.PasswordResetView):
    """Asks for the account's e-mail address and sends a link, saying the same whether or not
    an account has it (so the page tells no one who has an account)."""

    template_name = f"{TEMPLATES}reset.html"
    email_template_name = f"{TEMPLATES}reset_email.txt"
    subject_template_name = f"{TEMPLATES}reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_sent")
    form_class = PasswordResetForm

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        # Without an outgoing mail server nothing can be sent: the page says who can help.
        return {**super().get_context_data(**kwargs), "can_send": bool(settings.EMAIL_HOST)}

    def form_valid(self, form: Any) -> HttpResponse:
        if not settings.EMAIL_HOST:
            return self.form_invalid(form)
        return super().form_valid(form)


class PasswordResetSentView(auth_views.PasswordResetDoneView):
    template_name = f"{TEMPLATES}reset_sent.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = f"{TEMPLATES}reset_confirm.html"
    success_url = reverse_lazy("accounts:login")
    form_class = NewPasswordForm
    post_reset_login = False

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        # Proved by the e-mailed link: a lockout from wrong guesses ends with the old password.
        axes_reset(username=form.user.get_username())
        messages.success(self.request, "Password changed. Log in with the new one.")
        return response
