from django.apps import AppConfig


class OutreachConfig(AppConfig):
    name = "coffeechat.outreach"
    label = "outreach"
    verbose_name = "3. Make contact"
