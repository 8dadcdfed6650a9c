from django.apps import AppConfig


class ConversationPagesConfig(AppConfig):
    """Pages only: views, their templates and read models; the data lives in lower layers."""

    name = "coffeechat.pages.conversations"
    label = "conversation_pages"
    verbose_name = "4-5. Prepare and conduct"
