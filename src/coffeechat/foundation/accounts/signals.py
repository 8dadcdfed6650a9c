"""Every user gets a working account, including ones made by Django's own commands.

Accounts own only the profile; each app above sets up its own part of a new account (its copy
of the question bank, the message templates) by listening for `account_created`, so this low
app never imports the ones built on it.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import Signal, receiver

from coffeechat.foundation.accounts.models import Profile, User

# Sent with `user=` once a new account has its profile, inside the same transaction.
account_created = Signal()


@receiver(post_save, sender=User, dispatch_uid="coffeechat-set-up-account")
def set_up_new_account(sender: type, instance: User, created: bool, raw: bool, **_: Any) -> None:
    if created and not raw:  # loaddata (raw) brings its own profile rows
        set_up_account(instance)


def set_up_account(user: User) -> None:
    """Everything a new account starts with, however it was made (createuser, createsuperuser,
    the setup link): a profile, and what each app gives a new account."""
    if Profile.objects.filter(user=user).exists():
        return
    with transaction.atomic():
        Profile.objects.create(user=user)
        account_created.send(sender=User, user=user)
