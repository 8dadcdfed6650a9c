"""Unedited copies of the built-in texts that changed: LinkedIn notes greet with the tie's
greeting ("Dear Dr. Public", not "Hi John"), and notes to friends, family and former colleagues
are signed with the user's first name (the thank-you and updates too, when they go to such a
tie). A copy the user edited is theirs and stays as it is."""

from django.db import migrations

from coffeechat.method.wording.texts import BUILT_IN_TEMPLATES

OLD_BODIES = {
    "Email to a friend or family": (
        "{{greeting}},\n"
        "\n"
        "I hope you're doing well! You're one of the first people I wanted to ask: I'm "
        "exploring [[{{field}}||a change of direction]][[, and you know {{organization}} "
        "from the inside]].\n"
        "\n"
        "Would you have 15-20 minutes for a coffee or a call in the next few weeks? I'd "
        "love to hear how you see it and what you would do in my place.\n"
        "\n"
        "Thanks so much,\n"
        "{{my_name}}"
    ),
    "Email to a former colleague": (
        "{{greeting}},\n"
        "\n"
        "It's been a while since we worked together, and I hope all is well[[ at "
        "{{organization}}]]. I'm now exploring [[{{field}}||a change of direction]], and "
        "you're someone whose judgement I trust.\n"
        "\n"
        "Would you have 15-20 minutes for a call or a coffee in the next few weeks? I'd "
        "love to hear how you see it and what you would do in my place.\n"
        "\n"
        "Best wishes,\n"
        "{{my_name}}"
    ),
    "LinkedIn note to a former professor": (
        "Hi {{first_name}}, I'm {{my_name}}, a former student of yours[[, now exploring "
        "{{field}}]]. Would you have 15-20 minutes in the coming weeks to share your "
        "advice? Thank you!"
    ),
    "LinkedIn note to a fellow alum": (
        "Hi {{first_name}}, [[as a fellow {{school}} graduate||as a fellow alum]], I'd "
        "love to hear about your path[[ to {{organization}}]]. I'm {{my_name}}[[, "
        "exploring {{field}}]]. Would you have 15-20 minutes in the coming weeks to "
        "share your advice? Thank you!"
    ),
    "LinkedIn note after a referral": (
        "Hi {{first_name}}, {{referrer_name}} suggested I get in touch. I'm "
        "{{my_name}}[[, exploring {{field}}]]. Would you have 15-20 minutes in the "
        "coming weeks to share your advice? Thank you!"
    ),
    "LinkedIn note after a referral (without naming them)": (
        "Hi {{first_name}}, a mutual contact suggested I get in touch. I'm "
        "{{my_name}}[[, exploring {{field}}]]. Would you have 15-20 minutes in the "
        "coming weeks to share your advice? Thank you!"
    ),
    "LinkedIn connection note": (
        "Hi {{first_name}}, I came across your work[[ at {{organization}}]]. I'm "
        "{{my_name}}[[, {{my_headline|a}}]][[, exploring {{field}}]]. Would you have "
        "15-20 minutes in the coming weeks to share your advice? Thank you!"
    ),
    "Phone call to someone you know": (
        "{{hello}}, it's {{my_name}}. Have you got a minute? I'm exploring "
        "[[{{field}}||a change of direction]], and you're one of the first people I "
        "wanted to ask about it. Would you have 15-20 minutes for a proper chat in the "
        "next week or two, whenever suits you?"
    ),
    "Follow-up to someone you know": (
        "{{greeting}},\n"
        "\n"
        "Just bringing my last message back to the top of your inbox, as I know how busy "
        "things get. Would you have 15-20 minutes for a coffee or a call in the next few "
        "weeks? No pressure at all if now isn't a good time.\n"
        "\n"
        "Thanks so much,\n"
        "{{my_name}}"
    ),
    "Thank-you": (
        "{{greeting}},\n"
        "\n"
        "Thank you for taking the time to talk with me[[ on {{conversation_date}}]]. "
        "{{useful_line}}[[ Thank you also for suggesting I speak with "
        "{{referral_names}}; I will get in touch.]]\n"
        "\n"
        "I will let you know how things go.\n"
        "\n"
        "With thanks,\n"
        "{{my_name}}"
    ),
    "Keeping in touch": (
        "{{greeting}},\n"
        "\n"
        "I hope all is well[[ at {{organization}}]]. It has been a little while since we "
        "spoke, so here is a short update: {{what_happened}}\n"
        "\n"
        "Thank you again for your help along the way. I'll keep you posted.\n"
        "\n"
        "Best wishes,\n"
        "{{my_name}}"
    ),
    "Closing the loop": (
        "{{greeting}},\n"
        "\n"
        "I followed your advice[[ to {{advice}}]] and wanted to let you know how it "
        "went: {{what_happened}}\n"
        "\n"
        "Thank you again for your help. I'll keep you posted.\n"
        "\n"
        "Best wishes,\n"
        "{{my_name}}"
    ),
}


def update_unedited_copies(apps, schema_editor):
    MessageTemplate = apps.get_model("outreach", "MessageTemplate")
    new = {template.name: template for template in BUILT_IN_TEMPLATES}
    for name, old_body in OLD_BODIES.items():
        template = new[name]
        MessageTemplate.objects.filter(
            built_in=True, situation=template.situation.value, body=old_body
        ).update(body=template.body)


class Migration(migrations.Migration):
    dependencies = [("outreach", "0010_template_ties_and_a_text_for_each_tie")]

    operations = [migrations.RunPython(update_unedited_copies, migrations.RunPython.noop)]
