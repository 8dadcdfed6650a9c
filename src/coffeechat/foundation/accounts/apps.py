from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "coffeechat.foundation.accounts"
    label = "accounts"

    def ready(self) -> None:
        from coffeechat.foundation.accounts import signals  # noqa: F401  (connects the receivers)
