from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.apps import AppConfig

if TYPE_CHECKING:
    from coffeechat.foundation.accounts.models import User


class ConversationsConfig(AppConfig):
    name = "coffeechat.pipeline.conversations"
    label = "conversations"
    verbose_name = "4-5. Prepare and conduct"

    def ready(self) -> None:
        # Each app sets up its own part of a new account (see foundation/accounts/signals.py).
        from coffeechat.foundation.accounts.signals import account_created  # apps must be ready
        from coffeechat.pipeline.conversations import services  # models load when apps are ready

        def give_new_account(sender: type, user: User, **_: Any) -> None:
            services.seed_question_bank(user)  # its own copy of the question bank

        account_created.connect(
            give_new_account, weak=False, dispatch_uid="conversations-new-account"
        )
