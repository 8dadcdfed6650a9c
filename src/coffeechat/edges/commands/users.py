"""Whose records a command works on."""

from __future__ import annotations

from django.core.management.base import CommandError

from coffeechat.foundation.accounts.models import User


def pick_user(username: str | None) -> User:
    """The user named, or the only user there is; CommandError otherwise."""
    if username:
        try:
            return User.objects.select_related("profile").get(username=username)
        except User.DoesNotExist:
            raise CommandError(f"no user named {username!r}") from None
    users = list(User.objects.select_related("profile")[:2])
    if not users:
        raise CommandError("there are no users yet: run `coffeechat serve` and open the setup link")
    if len(users) > 1:
        raise CommandError("there are several users: say which with --user USERNAME")
    return users[0]
