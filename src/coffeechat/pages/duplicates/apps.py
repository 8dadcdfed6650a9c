from django.apps import AppConfig


class DuplicatePagesConfig(AppConfig):
    """Pages only: views, their templates and read models; the data lives in lower layers."""

    name = "coffeechat.pages.duplicates"
    label = "duplicate_pages"
    verbose_name = "Duplicates and merging"
