from django.apps import AppConfig


class ConversationsConfig(AppConfig):
    name = "coffeechat.pipeline.conversations"
    label = "conversations"
    verbose_name = "4-5. Prepare and conduct"
