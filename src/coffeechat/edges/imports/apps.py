from django.apps import AppConfig


class ImportsConfig(AppConfig):
    """The import pages and their services: files in, contacts out."""

    name = "coffeechat.edges.imports"
    label = "imports"
    verbose_name = "Your network in: imports of LinkedIn, vCard and spreadsheets"
