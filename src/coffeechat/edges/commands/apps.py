from django.apps import AppConfig


class CommandsConfig(AppConfig):
    name = "coffeechat.edges.commands"
    label = "commands"
    verbose_name = "The coffeechat command line"
