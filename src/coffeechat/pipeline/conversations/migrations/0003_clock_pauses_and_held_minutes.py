"""The clock can be paused, and a held conversation records its length in minutes."""

from datetime import timedelta

from django.db import migrations, models


def measured_lengths(apps, schema_editor):
    """Before pauses existed, the clock measured from start to end: keep that as the length,
    when the clock really ran (an end without a start used to copy the agreed time in as the
    start) and the length is plausible (an end logged days later measured nothing)."""
    Conversation = apps.get_model("conversations", "Conversation")
    held = Conversation.objects.filter(
        status="held", started_at__isnull=False, ended_at__isnull=False, held_minutes=None
    )
    for conversation in held.iterator():
        if conversation.started_at == conversation.scheduled_at:
            continue
        span = conversation.ended_at - conversation.started_at
        if timedelta(minutes=1) <= span <= timedelta(hours=4):
            conversation.held_minutes = round(span.total_seconds() / 60)
            conversation.save(update_fields=["held_minutes"])


class Migration(migrations.Migration):
    dependencies = [
        ("conversations", "0002_sequence_and_acted_on"),
    ]

    operations = [
        migrations.AddField(
            model_name="conversation",
            name="paused_seconds",
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name="conversation",
            name="paused_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="conversation",
            name="held_minutes",
            field=models.PositiveSmallIntegerField(
                blank=True, null=True, verbose_name="Length (minutes)"
            ),
        ),
        migrations.RunPython(measured_lengths, migrations.RunPython.noop),
    ]
