from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "coffeechat.foundation.core"
    label = "core"
    verbose_name = "Coffeechat core"
