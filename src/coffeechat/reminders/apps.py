from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "coffeechat.reminders"
    label = "reminders"
    verbose_name = "Reminders"
