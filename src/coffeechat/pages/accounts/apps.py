from django.apps import AppConfig


class AccountPagesConfig(AppConfig):
    """Pages only: views, their templates and read models; the data lives in lower layers."""

    name = "coffeechat.pages.accounts"
    label = "account_pages"
    verbose_name = "Signing in, first-run setup and your profile"
