from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.apps import AppConfig

if TYPE_CHECKING:
    from coffeechat.foundation.accounts.models import User


class OutreachConfig(AppConfig):
    name = "coffeechat.pipeline.outreach"
    label = "outreach"
    verbose_name = "3. Make contact"

    def ready(self) -> None:
        # Each app sets up its own part of a new account (see foundation/accounts/signals.py).
        from coffeechat.foundation.accounts.signals import account_created  # apps must be ready
        from coffeechat.pipeline.outreach import services  # its models load once apps are ready

        def give_new_account(sender: type, user: User, **_: Any) -> None:
            services.seed_templates(user)  # its own copy of the message templates

        account_created.connect(give_new_account, weak=False, dispatch_uid="outreach-new-account")
