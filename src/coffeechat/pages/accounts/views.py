from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from coffeechat.foundation.accounts import services
from coffeechat.foundation.accounts.forms import LoginForm, OwnerSetupForm, ProfileForm
from coffeechat.foundation.core.autosave import autosave
from coffeechat.foundation.core.requests import AuthedRequest
from coffeechat.pages.accounts import lockout
from coffeechat.pipeline.followups import plan


class LoginView(auth_views.LoginView):
    """The login page; before the first account exists, it says where the setup link is."""

    template_name = "accounts/login.html"
    redirect_authenticated_user = True
    form_class = LoginForm

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if lockout.address_is_locked(request):
            return locked_out(request)
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs: object) -> dict[str, object]:
        return {**super().get_context_data(**kwargs), "needs_setup": services.needs_setup()}


@never_cache
def setup(request: HttpRequest, token: str) -> HttpResponse:
    """The one-time first-run page: creates the owner account, then stops working."""
    if not services.setup_token_is_valid(token):
        return TemplateResponse(request, "accounts/setup_used.html", status=404)
    form = OwnerSetupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = services.create_owner(
            token=token,
            username=form.cleaned_data["username"],
            password=form.cleaned_data["password"],
            email=form.cleaned_data["email"],
        )
        login(
            request, user, backend="coffeechat.foundation.accounts.backends.UsernameOrEmailBackend"
        )
        messages.success(
            request, "Welcome! Start with your profile: your pitch shows on every prep page."
        )
        return HttpResponseRedirect(reverse("accounts:profile"))
    return TemplateResponse(request, "accounts/setup.html", {"form": form})


@login_required
def profile(request: AuthedRequest) -> HttpResponse:

    form = ProfileForm(request.POST or None, instance=request.user.profile)

    def after_save(_: object) -> None:
        # Business days and local days moved: every due date is worked out again.
        if {"time_zone", "country", "region"} & set(form.changed_data):
            plan.replan_everyone(request.user)

    return autosave(
        request,
        form,
        page=lambda: TemplateResponse(request, "accounts/profile.html", {"form": form}),
        redirect_to=lambda _: reverse("accounts:profile"),
        saved_message="Profile saved.",
        after_save=after_save,
    )


def locked_out(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
    """Too many wrong passwords (django-axes calls this too, AXES_LOCKOUT_CALLABLE): 429, and a
    way to unlock by e-mail where the server can send it."""
    context = {"can_send": bool(settings.EMAIL_HOST)}
    # Rendered now: axes may hand it back from its middleware, after the view.
    return render(request, "accounts/locked_out.html", context, status=429)


@require_POST
def unlock_request(request: HttpRequest) -> HttpResponse:
    lockout.send_unlock_link(request, request.POST.get("who", ""))
    return TemplateResponse(request, "accounts/unlock_sent.html")


@never_cache
@require_http_methods(["GET", "POST"])
def unlock(request: HttpRequest, token: str) -> HttpResponse:
    """Opening the link asks; the button unlocks (a mail scanner's visit changes nothing)."""
    if request.method != "POST":
        user = lockout.unlock_user(token)
        if user is None:
            return TemplateResponse(request, "accounts/unlock_failed.html", status=400)
        return TemplateResponse(request, "accounts/unlock.html", {"username": user.get_username()})
    user = lockout.unlock(token)
    if user is None:
        return TemplateResponse(request, "accounts/unlock_failed.html", status=400)
    messages.success(request, f"Unlocked {user.get_username()}: log in.")
    return HttpResponseRedirect(reverse("accounts:login"))
