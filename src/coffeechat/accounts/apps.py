from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "coffeechat.accounts"
    label = "accounts"

    def ready(self) -> None:
        from coffeechat.accounts import signals  # noqa: F401  (connects the receivers)
