"""Requests for an introduction: stored on the mutual contact they went to, linked to the person
to be introduced.

Before this, asking Priya to introduce you to Sam was saved on Sam as a request for a
conversation, which started Sam's no-reply routine although Sam received nothing. The data step
moves those messages to the person they went to and drops the routine they wrongly started.
"""

import django.db.models.deletion
from django.db import migrations, models

# The built-in situations whose messages go to the mutual contact (method.messages).
TO_THE_INTRODUCER = ("ask_introduction", "intro_blurb")
WAITING_FOR_REPLY = ("no_reply", "nudge", "move_on")


def move_to_introducer(apps, schema_editor):
    Message = apps.get_model("outreach", "Message")
    FollowUp = apps.get_model("followups", "FollowUp")
    misfiled = Message.objects.filter(
        purpose="request",
        template__situation__in=TO_THE_INTRODUCER,
        contact__introduced_by__isnull=False,
    ).select_related("contact")
    targets = set()
    for message in misfiled:
        targets.add(message.contact_id)
        message.introduction_to_id = message.contact_id
        message.contact_id = message.contact.introduced_by_id
        message.purpose = "introduction"
        message.save(update_fields=["introduction_to", "contact", "purpose"])
    # A routine with no request left behind it was started by one of those messages.
    still_asked = set(
        Message.objects.filter(contact_id__in=targets, purpose="request").values_list(
            "contact_id", flat=True
        )
    )
    FollowUp.objects.filter(
        contact_id__in=targets - still_asked, kind__in=WAITING_FOR_REPLY
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("outreach", "0003_seed_templates_for_existing_users"),
        ("people", "0004_other_address"),
        ("followups", "0005_plan_keep_in_touch_for_people_already_met"),
    ]

    operations = [
        migrations.AddField(
            model_name="message",
            name="introduction_to",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="introductions_asked",
                to="people.contact",
            ),
        ),
        migrations.AlterField(
            model_name="message",
            name="purpose",
            field=models.CharField(
                choices=[
                    ("request", "Request for a conversation"),
                    ("follow_up", "Follow-up"),
                    ("thank_you", "Thank-you"),
                    ("update", "Update"),
                    ("introduction", "Request for an introduction"),
                ],
                default="request",
                max_length=20,
            ),
        ),
        migrations.RunPython(move_to_introducer, migrations.RunPython.noop),
    ]
