"""Wrong passwords. django-axes locks one username from one client address after
COFFEECHAT_LOGIN_FAILURE_LIMIT failures (the address is the client's own behind a trusted
proxy: coffeechat/edges/proxy.py). On top of that, one address trying many usernames is stopped
after COFFEECHAT_LOGIN_ADDRESS_LIMIT failures in the same 15 minutes, and a locked-out person can
unlock their account at once with a link e-mailed to their own address."""

from __future__ import annotations

from datetime import timedelta

from axes.models import AccessAttempt
from axes.utils import reset as axes_reset
from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.db.models import Q, Sum
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from coffeechat.foundation.accounts.models import User

UNLOCK_SALT = "coffeechat.accounts.unlock"
UNLOCK_MAX_AGE = 60 * 60  # seconds a link works


def client_address(request: HttpRequest) -> str:
    return str(request.META.get("REMOTE_ADDR", ""))


def address_is_locked(request: HttpRequest) -> bool:
    """Too many failed logins from this address, whatever the usernames, in the cool-off."""
    since = timezone.now() - timedelta(hours=settings.AXES_COOLOFF_TIME)
    failures = AccessAttempt.objects.filter(
        ip_address=client_address(request), attempt_time__gte=since
    ).aggregate(total=Sum("failures_since_start"))["total"]
    return (failures or 0) >= settings.COFFEECHAT_LOGIN_ADDRESS_LIMIT


def send_unlock_link(request: HttpRequest, who: str) -> None:
    """E-mail an unlock link to the account named by username or e-mail address, if any has an
    address (the page says the same either way, telling no one who has an account)."""
    who = who.strip()
    if not who or not settings.EMAIL_HOST:
        return
    user = (
        User.objects.filter(Q(username__iexact=who) | Q(email__iexact=who), is_active=True)
        .exclude(email="")
        .first()
    )
    if user is None:
        return
    token = signing.dumps(user.pk, salt=UNLOCK_SALT)
    link = request.build_absolute_uri(reverse("accounts:unlock", args=[token]))
    send_mail(
        "Unlock your Coffeechat account",
        f"Hello {user.get_username()},\n\n"
        "Your Coffeechat account was locked after several wrong passwords. If that was you, "
        f"open this link within an hour to unlock it, then log in:\n\n{link}\n\n"
        "If it was not you, someone is guessing your password: the lock stays for 15 minutes. "
        "Choosing a longer password keeps them out.\n",
        None,
        [user.email],
    )


def unlock_user(token: str) -> User | None:
    """The user an unlock link names, or None if it is forged or old."""
    try:
        pk = signing.loads(token, salt=UNLOCK_SALT, max_age=UNLOCK_MAX_AGE)
    except signing.BadSignature:
        return None
    return User.objects.filter(pk=pk, is_active=True).first()


def unlock(token: str) -> User | None:
    """Lift the lockout of the user the link names (from every address); None if it is forged
    or old. Only a POST does this: mail scanners open links in mail, and must not unlock."""
    user = unlock_user(token)
    if user is not None:
        axes_reset(username=user.get_username())
    return user
