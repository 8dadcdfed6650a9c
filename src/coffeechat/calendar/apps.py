from django.apps import AppConfig


class CalendarConfig(AppConfig):
    name = "coffeechat.calendar"
    label = "calendar"
    verbose_name = "Calendar"
