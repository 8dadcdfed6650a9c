from django.apps import AppConfig


class FollowupsConfig(AppConfig):
    name = "coffeechat.pipeline.followups"
    label = "followups"
    verbose_name = "6. Follow up"
