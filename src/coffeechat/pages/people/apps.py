from django.apps import AppConfig


class PeoplePagesConfig(AppConfig):
    """Pages only: views, their templates and read models; the data lives in lower layers."""

    name = "coffeechat.pages.people"
    label = "people_pages"
    verbose_name = "2. Identify people: contacts and their history"
