from django.apps import AppConfig


class TodayConfig(AppConfig):
    """Pages only: views, their templates and read models; the data lives in lower layers."""

    name = "coffeechat.pages.today"
    label = "today"
    verbose_name = "Today and follow-ups"
