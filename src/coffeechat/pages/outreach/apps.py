from django.apps import AppConfig


class OutreachPagesConfig(AppConfig):
    """Pages only: views, their templates and read models; the data lives in lower layers."""

    name = "coffeechat.pages.outreach"
    label = "outreach_pages"
    verbose_name = "3. Make contact: writing, sending, replies, templates"
