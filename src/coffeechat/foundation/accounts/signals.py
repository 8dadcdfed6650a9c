"""Every user gets a working account, including ones made by Django's own commands."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save
from django.dispatch import receiver

from coffeechat.foundation.accounts.models import User


@receiver(post_save, sender=User, dispatch_uid="coffeechat-set-up-account")
def set_up_new_account(sender: type, instance: User, created: bool, raw: bool, **_: Any) -> None:
    if created and not raw:  # loaddata (raw) brings its own profile rows
        from coffeechat.foundation.accounts.services import set_up_account

        set_up_account(instance)
