from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "coffeechat.pages.insights"
    label = "insights"
    verbose_name = "Insights"
