"""Logging in with a username or the account's e-mail address.

People remember their address more often than a username they chose once. An address counts
only when exactly one active account has it (a username that looks like an address wins), and
the lockout counts failures against the account it names, whichever way it was typed."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.http import HttpRequest

from coffeechat.foundation.accounts.models import User


def account_username(typed: str) -> str:
    """The username a login names: as typed, or that of the one account with this address."""
    typed = typed.strip()
    if "@" not in typed or User.objects.filter(username=typed).exists():
        return typed
    found = list(
        User.objects.filter(email__iexact=typed, is_active=True).values_list("username", flat=True)[
            :2
        ]
    )
    return found[0] if len(found) == 1 else typed


class UsernameOrEmailBackend(ModelBackend):
    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> User | None:
        if username:
            username = account_username(username)
        user = super().authenticate(request, username=username, password=password, **kwargs)
        return user if isinstance(user, User) else None


def lockout_username(request: HttpRequest | None, credentials: dict[str, Any] | None) -> str:
    """django-axes' key for a login attempt: the account it names (AXES_USERNAME_CALLABLE)."""
    return account_username(str((credentials or {}).get("username") or ""))
