from django.apps import AppConfig


class RecordsConfig(AppConfig):
    name = "coffeechat.records"
    label = "records"
    verbose_name = "Your records out: exports, restore and backups"
