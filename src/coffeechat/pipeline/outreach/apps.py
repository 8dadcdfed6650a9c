from django.apps import AppConfig


class OutreachConfig(AppConfig):
    name = "coffeechat.pipeline.outreach"
    label = "outreach"
    verbose_name = "3. Make contact"
