from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "coffeechat.pages.reminders"
    label = "reminders"
    verbose_name = "Reminders"
