"""Templates say which ties they are written for, and every user gets a text for each tie.

Built-in templates the user never edited take the new wording (and the tie they were for); an
edited one keeps its words and only learns its tie, so it still stands for what it was. Then
each user gets the new built-in texts (those for other ties and kinds) they lack; an older
built-in they deleted is not brought back. Going back leaves the rows (their words are valid
older templates)."""

from django.conf import settings
from django.db import migrations, models

# The new texts come from the method's pure data (no Django), as 0003's did.
from coffeechat.method.wording.kinds import Situation, parse_ties, template_key, ties_text
from coffeechat.method.wording.texts import BUILT_IN_TEMPLATES

# The built-in texts as they stood before this migration, to tell an unedited copy from an
# edited one (situation: (subject, body)).
OLD_TEXTS = {
    "after_referral": (
        "{{referrer_name}} suggested I get in touch",
        "Dear {{first_name}},\n"
        "\n"
        "{{referrer_name}} suggested I get in touch with you. I'm {{my_name}}, "
        "{{my_headline}}, exploring {{field}}.\n"
        "\n"
        "{{referrer_first_name}} thought you would be the right person to ask about "
        "the field, and your advice would mean a lot. Would you have 15-20 minutes "
        "for a call or a coffee in the next few weeks, whenever suits you?\n"
        "\n"
        "Thank you,\n"
        "{{my_name}}",
    ),
    "alumni": (
        "A fellow {{school}} alum asking for advice",
        "Dear {{first_name}},\n"
        "\n"
        "I found you through the {{school}} alumni network, and your path into {{field}} "
        "caught my eye. I'm {{my_name}}, {{my_headline}}.\n"
        "\n"
        "Your insight and advice on the field, and on how you found your way into it, would "
        "mean a lot. Would you have 15-20 minutes for a call or a coffee in the next few "
        "weeks, whenever suits you?\n"
        "\n"
        "Thank you,\n"
        "{{my_name}}",
    ),
    "ask_introduction": (
        "Would you introduce me to {{first_name}} {{last_name}}?",
        "Hi {{referrer_first_name}},\n"
        "\n"
        "I hope you're well. You know {{first_name}} {{last_name}}, whose advice "
        "would help me a great deal as I explore {{field}}. Would you be willing to "
        "introduce us, so that I could ask {{first_name}} for 15-20 minutes of "
        "advice about the field?\n"
        "\n"
        "A short note you can forward is easy for me to write, if that helps. And "
        "if the timing isn't right, no problem at all.\n"
        "\n"
        "Thank you,\n"
        "{{my_name}}",
    ),
    "cold_email": (
        "Your advice on {{field}}",
        "Dear {{first_name}},\n"
        "\n"
        "{{connection_line}} I'm {{my_name}}, {{my_headline}}, exploring {{field}}.\n"
        "\n"
        "Your insight and advice on the field, and on how you found your way into it, "
        "would mean a lot. Would you have 15-20 minutes for a call or a coffee in the "
        "next few weeks, whenever suits you?\n"
        "\n"
        "Thank you,\n"
        "{{my_name}}",
    ),
    "follow_up": (
        "Following up: your advice on {{field}}",
        "Dear {{first_name}},\n"
        "\n"
        "I wrote to you recently and know how busy things get. Would you still have 15-20 "
        "minutes in the coming weeks to share your advice about {{field}}, whenever suits "
        "you? If now isn't a good time, I understand completely.\n"
        "\n"
        "Thank you,\n"
        "{{my_name}}",
    ),
    "intro_blurb": (
        "Introducing {{my_name}}, exploring {{field}}",
        "Hello {{first_name}},\n"
        "\n"
        "{{referrer_name}} suggested I write to you and kindly offered to pass this on. "
        "I'm {{my_name}}, {{my_headline}}, exploring {{field}}. {{pitch}}\n"
        "\n"
        "Your advice on the field and on your own path into it would mean a lot. Would "
        "you have 15-20 minutes for a short call, whenever suits you?\n"
        "\n"
        "Thank you,\n"
        "{{my_name}}",
    ),
    "linkedin_note": (
        "",
        "Hi {{first_name}}, I came across your work at {{organization}}. I'm "
        "{{my_name}}, {{my_headline}}, exploring {{field}}. Would you have 15-20 "
        "minutes in the coming weeks to share your advice? Thank you!",
    ),
    "thank_you": (
        "Thank you, {{first_name}}",
        "Dear {{first_name}},\n"
        "\n"
        "Thank you for taking the time to talk with me on {{conversation_date}}. "
        "{{learned_line}}{{referral_line}}\n"
        "\n"
        "I will let you know how things go.\n"
        "\n"
        "With thanks,\n"
        "{{my_name}}",
    ),
    "update": (
        "An update, and thanks again",
        "Dear {{first_name}},\n"
        "\n"
        "I followed your advice and wanted to let you know how it went: {{what_happened}}\n"
        "\n"
        "Thank you again for your help. I'll keep you posted.\n"
        "\n"
        "Best wishes,\n"
        "{{my_name}}",
    ),
}


def each_tie(apps, schema_editor):
    User = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    MessageTemplate = apps.get_model("outreach", "MessageTemplate")
    replacing = {t.replaces.value: t for t in BUILT_IN_TEMPLATES if t.replaces is not None}
    # 0003 seeds today's texts: a copy of one of them only needs its ties.
    current = {(t.situation.value, t.subject, t.body): t for t in BUILT_IN_TEMPLATES}
    have: dict[int, set] = {}
    for row in MessageTemplate.objects.filter(built_in=True).order_by("id"):
        new = replacing.get(row.situation)
        same = current.get((row.situation, row.subject, row.body))
        if same is not None and not row.ties:
            row.ties = ties_text(same.ties)
            row.save(update_fields=["ties"])
        elif new is not None and not row.ties:  # written before templates had ties
            if (row.subject, row.body) == OLD_TEXTS.get(row.situation):
                row.name, row.subject, row.body = new.name, new.subject, new.body
                row.situation, row.channel = new.situation.value, new.channel
            row.ties = ties_text(new.ties)
            row.save(update_fields=["name", "subject", "body", "situation", "channel", "ties"])
        key = template_key(Situation(row.situation), parse_ties(row.ties))
        have.setdefault(row.owner_id, set()).add(key)
    MessageTemplate.objects.bulk_create(
        MessageTemplate(
            owner_id=user_id,
            name=template.name,
            situation=template.situation.value,
            channel=template.channel,
            ties=ties_text(template.ties),
            subject=template.subject,
            body=template.body,
            built_in=True,
        )
        for user_id in User.objects.values_list("pk", flat=True)
        if user_id in have  # an account with no templates at all deleted them on purpose
        for template in BUILT_IN_TEMPLATES
        # Texts that replace an older built-in are only updates: one the user deleted stays so.
        if template.replaces is None and template.key not in have[user_id]
    )


class Migration(migrations.Migration):
    dependencies = [
        ("outreach", "0009_scheduled_messages"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="messagetemplate",
            name="ties",
            field=models.CharField(
                blank=True,
                help_text="Who it suits; compose picks the template written for the person's tie.",
                max_length=200,
                verbose_name="Written for",
            ),
        ),
        migrations.AlterField(
            model_name="messagetemplate",
            name="channel",
            field=models.CharField(
                choices=[
                    ("email", "Email"),
                    ("linkedin", "LinkedIn"),
                    ("phone", "Phone"),
                    ("in_person", "In person"),
                ],
                default="email",
                max_length=20,
            ),
        ),
        migrations.AlterField(
            model_name="messagetemplate",
            name="situation",
            field=models.CharField(
                choices=[
                    ("cold_email", "Email request"),
                    ("linkedin_note", "LinkedIn connection note"),
                    ("phone_script", "Phone script"),
                    ("in_person", "Asking in person"),
                    ("alumni", "Fellow alumni"),
                    ("after_referral", "After a referral"),
                    ("ask_introduction", "Asking a mutual contact for an introduction"),
                    ("intro_blurb", "A short blurb they can forward"),
                    ("follow_up", "First follow-up"),
                    ("thank_you", "Thank-you"),
                    ("keep_in_touch", "Keeping in touch"),
                    ("update", "Closing the loop"),
                ],
                default="cold_email",
                help_text="When you would use it; compose picks a template by situation.",
                max_length=30,
            ),
        ),
        migrations.RunPython(each_tie, migrations.RunPython.noop),
    ]
