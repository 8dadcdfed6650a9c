from django.apps import AppConfig


class ResearchPagesConfig(AppConfig):
    """Pages only: views, their templates and read models; the data lives in lower layers."""

    name = "coffeechat.pages.research"
    label = "research_pages"
    verbose_name = "1. Research: fields, organizations, next moves"
