from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "coffeechat.network.people"
    label = "people"
    verbose_name = "2. Identify people"
