"""Creating accounts: the first-run setup link and `coffeechat createuser`."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from axes.utils import reset as axes_reset
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from coffeechat.foundation.accounts.models import SetupToken, User


def create_user(*, username: str, password: str, email: str = "") -> User:
    """A new user with a profile and their own copy of the question bank.

    Raises django.core.exceptions.ValidationError for a weak password or a taken username.
    """
    username = username.strip()
    if not username:
        raise ValidationError("A username is required.")
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError(f"The username {username!r} is already taken.")
    candidate = User(username=username, email=email)
    validate_password(password, user=candidate)
    with transaction.atomic():
        # The post_save signal (accounts.signals) gives it a profile, questions and templates.
        return User.objects.create_user(username=username, password=password, email=email)


def set_new_password(user: User, password: str) -> None:
    """Set a password chosen for the user (by an administrator); ValidationError if weak. Every
    session opened with the old one ends, and a lockout from wrong guesses is lifted."""
    validate_password(password, user=user)
    user.set_password(password)
    user.save(update_fields=["password"])
    axes_reset(username=user.get_username())


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def needs_setup() -> bool:
    return not User.objects.exists()


def issue_setup_token() -> str:
    """A fresh one-time token for the first-run link; older ones stop working."""
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        SetupToken.objects.all().delete()
        SetupToken.objects.create(token_hash=_hash(token))
    return token


SETUP_LINK_HOURS = 24


def setup_token_is_valid(token: str) -> bool:
    """Unused, no account yet, and printed in the last day (a link left in a terminal's
    scrollback or a log should not make an account forever after)."""
    since = timezone.now() - timedelta(hours=SETUP_LINK_HOURS)
    recent = SetupToken.objects.filter(token_hash=_hash(token), created_at__gte=since)
    return needs_setup() and recent.exists()


def create_owner(*, token: str, username: str, password: str, email: str = "") -> User:
    """Create the first account through the one-time link, then burn the link."""
    with transaction.atomic():
        if not setup_token_is_valid(token):
            raise PermissionDenied("This setup link has been used or has expired.")
        user = create_user(username=username, password=password, email=email)
        user.is_staff = True
        user.is_superuser = True
        user.save(update_fields=["is_staff", "is_superuser"])
        SetupToken.objects.all().delete()
    return user
