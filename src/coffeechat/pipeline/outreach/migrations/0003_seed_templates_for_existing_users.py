"""Give every existing user their own copy of the built-in message templates."""

from django.conf import settings
from django.db import migrations


def seed(apps, schema_editor):
    # The texts come from the method's pure data; later edits there reach only new seeds.
    from coffeechat.method.messages import BUILT_IN_TEMPLATES

    User = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    MessageTemplate = apps.get_model("outreach", "MessageTemplate")
    seeded = set(MessageTemplate.objects.values_list("owner_id", flat=True).distinct())
    MessageTemplate.objects.bulk_create(
        MessageTemplate(
            owner_id=user_id,
            name=template.name,
            situation=template.situation.value,
            channel=template.channel,
            subject=template.subject,
            body=template.body,
            built_in=True,
        )
        for user_id in User.objects.values_list("pk", flat=True)
        if user_id not in seeded
        for template in BUILT_IN_TEMPLATES
    )


class Migration(migrations.Migration):
    dependencies = [
        ("outreach", "0002_message_templates_and_email_settings"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
