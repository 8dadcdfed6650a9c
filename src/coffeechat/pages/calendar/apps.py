from django.apps import AppConfig


class CalendarConfig(AppConfig):
    name = "coffeechat.pages.calendar"
    label = "calendar"
    verbose_name = "Calendar"
