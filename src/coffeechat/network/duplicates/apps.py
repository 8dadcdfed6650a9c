from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "coffeechat.network.duplicates"
    label = "network"
    verbose_name = "2. Your network in: imports and duplicates"
