from django.apps import AppConfig


class RecordsConfig(AppConfig):
    name = "coffeechat.edges.records"
    label = "records"
    verbose_name = "Your records out: exports, restore and backups"
