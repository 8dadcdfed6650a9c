"""The built-in templates: one text for each tie where the tie changes what a person would say,
shared where it reads right for several. Every text follows the method: the connection first,
the ask as a question, no mention of jobs, the interest stated broadly, under 100 words (a
LinkedIn note within 300 characters); a friend or former colleague is not introduced to, and
nobody "comes across the work" of someone they know. The merge syntax is in merge.py."""

from __future__ import annotations

from coffeechat.method.wording.kinds import BuiltInTemplate, Situation, Tie

_WARM = (Tie.FRIEND, Tie.FAMILY, Tie.FORMER_COLLEAGUE)
_FORMAL = (
    Tie.ALUMNI,
    Tie.PROFESSOR,
    Tie.LINKEDIN,
    Tie.REFERRAL_NAMED,
    Tie.REFERRAL_UNNAMED,
    Tie.COLD,
)
_FIELD = "[[{{field}}||a change of direction]]"
_ME = "I'm {{my_name}}[[, {{my_headline|a}}]][[, exploring {{field}}]]."
_ASK = "Would you have 15-20 minutes for a call or coffee in the coming weeks?"
_INSIGHT = "Your advice on the field, and on finding a way into it, would mean a lot."
_NOTE_ASK = "Would you have 15-20 minutes in the coming weeks to share your advice? Thank you!"


def _t(
    situation: Situation,
    name: str,
    subject: str,
    body: str,
    *,
    ties: tuple[Tie, ...] = (),
    channel: str = "email",
    replaces: Situation | None = None,
) -> BuiltInTemplate:
    return BuiltInTemplate(situation, name, subject, body, channel, ties, replaces)


_EMAILS = (
    _t(
        Situation.COLD_EMAIL, "Email to a friend or family", "Could I ask your advice?",
        "{{greeting}},\n\nI hope you're doing well! You're one of the first people I wanted to "
        f"ask: I'm exploring {_FIELD}[[, and you know "
        "{{organization}} from the inside]].\n\n"
        "Would you have 15-20 minutes for a coffee or a call in the next few weeks? I'd love to "
        "hear how you see it and what you would do in my place.\n\nThanks so much,\n"
        "{{my_first_name}}",
        ties=(Tie.FRIEND, Tie.FAMILY),
    ),
    _t(
        Situation.COLD_EMAIL, "Email to a former colleague", "Your advice[[ on {{field}}]]",
        "{{greeting}},\n\nIt's been a while since we worked together, and I hope all is well"
        f"[[ at {{{{organization}}}}]]. I'm now exploring {_FIELD}, and you're someone whose "
        "judgement I trust.\n\n"
        "Would you have 15-20 minutes for a call or a coffee in the next few weeks? I'd love to "
        "hear how you see it and what you would do in my place.\n\nBest wishes,\n{{my_first_name}}",
        ties=(Tie.FORMER_COLLEAGUE,),
    ),
    _t(
        Situation.COLD_EMAIL, "Email to a former professor", "A former student asking for advice",
        "{{greeting}},\n\nAs a former student of yours, I have often thought back to your "
        "teaching. I'm {{my_name}}[[, now {{my_headline|a}}]][[, exploring {{field}}]].\n\n"
        "Your perspective on the field, and on where someone like me might fit in, "
        f"would mean a lot. {_ASK}\n\nWith thanks,\n{{{{my_name}}}}",
        ties=(Tie.PROFESSOR,),
    ),
    _t(
        Situation.COLD_EMAIL, "Fellow alumni",
        "[[A fellow {{school}} alum||A fellow alum]] asking for advice",
        "{{greeting}},\n\n[[I found you through the {{school}} alumni network||We are fellow "
        "alumni]][[, and your path to {{organization}} caught my "
        f"eye]]. {_ME}\n\n{_INSIGHT} {_ASK}\n\nThank you,\n{{{{my_name}}}}",
        ties=(Tie.ALUMNI,), replaces=Situation.ALUMNI,
    ),
    _t(
        Situation.COLD_EMAIL, "Email to a LinkedIn connection",
        "A LinkedIn connection asking for advice",
        "{{greeting}},\n\nWe're connected on LinkedIn, and I've followed your work"
        f"[[ at {{{{organization}}}}]] with interest. {_ME}\n\n{_INSIGHT} {_ASK}"
        "\n\nThank you,\n{{my_name}}",
        ties=(Tie.LINKEDIN,),
    ),
    _t(
        Situation.COLD_EMAIL, "After a referral", "{{referrer_name}} suggested I get in touch",
        "{{greeting}},\n\n{{referrer_name}} suggested I get in touch with you. "
        f"{_ME}\n\n{{{{referrer_first_name}}}} thought you would be the right person to ask "
        f"about the field, and your advice would mean a lot. {_ASK}\n\nThank you,\n{{{{my_name}}}}",
        ties=(Tie.REFERRAL_NAMED,), replaces=Situation.AFTER_REFERRAL,
    ),
    _t(
        Situation.COLD_EMAIL, "After a referral (without naming them)",
        "A mutual contact suggested I get in touch",
        "{{greeting}},\n\nA mutual contact suggested I get in touch with you. "
        f"{_ME}\n\nI was told you would be the right person to ask about the field, and your "
        f"advice would mean a lot. {_ASK}\n\nThank you,\n{{{{my_name}}}}",
        ties=(Tie.REFERRAL_UNNAMED,),
    ),
    _t(
        Situation.COLD_EMAIL, "Cold email", "Your advice[[ on {{field}}]]",
        "{{greeting}},\n\nI came across your work[[ at {{organization}}]] and would value your "
        f"perspective. {_ME}\n\n{_INSIGHT} {_ASK}\n\nThank you,\n{{{{my_name}}}}",
        ties=(Tie.COLD,), replaces=Situation.COLD_EMAIL,
    ),
)  # fmt: skip

_NOTES = (
    _t(
        Situation.LINKEDIN_NOTE, "LinkedIn note to a friend or family", "",
        "{{greeting}}, good to connect here too! I'm exploring " + _FIELD + " and would love "
        "your take on it. Would you have 15-20 minutes for a call in the coming weeks? Thank you!",
        ties=(Tie.FRIEND, Tie.FAMILY), channel="linkedin",
    ),
    _t(
        Situation.LINKEDIN_NOTE, "LinkedIn note to a former colleague", "",
        "{{greeting}}, it's been a while since we worked together! I'm now exploring " + _FIELD
        + " and would value your take on it. Would you have 15-20 minutes for a call in the "
        "coming weeks? Thank you!",
        ties=(Tie.FORMER_COLLEAGUE,), channel="linkedin",
    ),
    _t(
        Situation.LINKEDIN_NOTE, "LinkedIn note to a former professor", "",
        "{{greeting}}, I'm {{my_name}}, a former student of yours[[, now exploring "
        "{{field}}]]. " + _NOTE_ASK,
        ties=(Tie.PROFESSOR,), channel="linkedin",
    ),
    _t(
        Situation.LINKEDIN_NOTE, "LinkedIn note to a fellow alum", "",
        "{{greeting}}, [[as a fellow {{school}} graduate||as a fellow alum]], I'd love to "
        "hear about your path[[ to {{organization}}]]. I'm {{my_name}}[[, exploring {{field}}]]. "
        + _NOTE_ASK,
        ties=(Tie.ALUMNI,), channel="linkedin",
    ),
    _t(
        Situation.LINKEDIN_NOTE, "LinkedIn note after a referral", "",
        "{{greeting}}, {{referrer_name}} suggested I get in touch. I'm {{my_name}}"
        "[[, exploring {{field}}]]. " + _NOTE_ASK,
        ties=(Tie.REFERRAL_NAMED,), channel="linkedin",
    ),
    _t(
        Situation.LINKEDIN_NOTE, "LinkedIn note after a referral (without naming them)", "",
        "{{greeting}}, a mutual contact suggested I get in touch. I'm {{my_name}}"
        "[[, exploring {{field}}]]. " + _NOTE_ASK,
        ties=(Tie.REFERRAL_UNNAMED,), channel="linkedin",
    ),
    _t(
        Situation.LINKEDIN_NOTE, "LinkedIn connection note", "",
        "{{greeting}}, I came across your work[[ at {{organization}}]]. " + _ME + " "
        + _NOTE_ASK,
        ties=(Tie.COLD, Tie.LINKEDIN), channel="linkedin", replaces=Situation.LINKEDIN_NOTE,
    ),
)  # fmt: skip

_SPOKEN = (
    _t(
        Situation.PHONE_SCRIPT, "Phone call to someone you know", "",
        "{{hello}}, it's {{my_first_name}}. Have you got a minute? I'm exploring " + _FIELD
        + ", and "
        "you're one of the first people I wanted to ask about it. Would you have 15-20 minutes "
        "for a proper chat in the next week or two, whenever suits you?",
        ties=_WARM, channel="phone",
    ),
    _t(
        Situation.PHONE_SCRIPT, "Phone script", "",
        "{{hello}}, this is {{my_name}}. {{connection_line}} As I'm exploring " + _FIELD + ", "
        "your perspective would mean a lot. Would you have 15-20 minutes for a call in the next "
        "few weeks, at a time that suits you? If now is a bad moment, I'm happy to call back.",
        ties=_FORMAL, channel="phone",
    ),
    _t(
        Situation.IN_PERSON, "Asking someone you know in person", "",
        "{{hello}}! I'm exploring " + _FIELD + ", and I'd love your take on it. Would you have "
        "15-20 minutes for a coffee in the next week or two?",
        ties=_WARM, channel="in_person",
    ),
    _t(
        Situation.IN_PERSON, "Asking in person", "",
        "{{hello}}, my name is {{my_name}}. {{connection_line}} As I'm exploring " + _FIELD
        + ", your perspective would mean a lot. Would you have 15-20 minutes for a coffee or a "
        "call in the next few weeks?",
        ties=_FORMAL, channel="in_person",
    ),
)  # fmt: skip

_AROUND = (
    _t(
        Situation.ASK_INTRODUCTION, "Asking a mutual contact for an introduction",
        "Would you introduce me to {{full_name}}?",
        "Hi {{referrer_called}},\n\nI hope you're well. You know {{full_name}}, whose advice "
        "would help me a great deal as I explore " + _FIELD + ". Would you be willing to "
        "introduce us, so that I could ask {{first_name}} for 15-20 minutes of advice?\n\n"
        "I'm happy to write a short note you can forward. And if the timing isn't right, no "
        "problem at all.\n\nThank you,\n{{my_name}}",
        replaces=Situation.ASK_INTRODUCTION,
    ),
    _t(
        Situation.INTRO_BLURB, "A short blurb they can forward",
        "Introducing {{my_name}}[[, exploring {{field}}]]",
        "Hello {{first_name}},\n\n{{referrer_name}} suggested I write to you and kindly offered "
        "to pass this on. " + _ME + "[[ {{pitch}}]]\n\nYour advice on finding a way into the field "
        "would mean a lot. Would you have 15-20 minutes for a short call, whenever suits you?"
        "\n\nThank you,\n{{my_name}}",
        replaces=Situation.INTRO_BLURB,
    ),
    _t(
        Situation.FOLLOW_UP, "Follow-up to someone you know",
        "Following up on my note[[ about {{field}}]]",
        "{{greeting}},\n\nJust bringing my last message back to the top of your inbox, as I know "
        "how busy things get. Would you have 15-20 minutes for a coffee or a call in the next few "
        "weeks? No pressure at all if now isn't a good time.\n\nThanks so much,\n{{my_first_name}}",
        ties=_WARM,
    ),
    _t(
        Situation.FOLLOW_UP, "First follow-up", "Following up: your advice[[ on {{field}}]]",
        "{{greeting}},\n\nI wrote to you recently and know how busy things get. Would you still "
        "have 15-20 minutes in the coming weeks to share your advice[[ about {{field}}]], "
        "whenever suits you? If now isn't a good time, I understand completely.\n\n"
        "Thank you,\n{{my_name}}",
        replaces=Situation.FOLLOW_UP,
    ),
    _t(
        Situation.THANK_YOU, "Thank-you", "Thank you, {{called}}",
        "{{greeting}},\n\nThank you for taking the time to talk with me[[ on "
        "{{conversation_date}}]]. {{useful_line}}[[ Thank you also for suggesting I speak with "
        "{{referral_names}}; I will get in touch.]]\n\nI will let you know how things go.\n\n"
        "With thanks,\n{{my_sign_off_name}}",
        replaces=Situation.THANK_YOU,
    ),
    _t(
        Situation.KEEP_IN_TOUCH, "Keeping in touch", "A short update, and thanks again",
        "{{greeting}},\n\nI hope all is well[[ at {{organization}}]]. It has been a little while "
        "since we spoke, so here is a short update: {{what_happened}}\n\nThank you again for "
        "your help along the way. I'll keep you posted.\n\nBest wishes,\n{{my_sign_off_name}}",
    ),
    _t(
        Situation.UPDATE, "Closing the loop", "Your advice, and how it went",
        "{{greeting}},\n\nI followed your advice[[ to {{advice}}]] and wanted to let you know how "
        "it went: {{what_happened}}\n\nThank you again for your help. I'll keep you posted.\n\n"
        "Best wishes,\n{{my_sign_off_name}}",
        replaces=Situation.UPDATE,
    ),
)  # fmt: skip

BUILT_IN_TEMPLATES: tuple[BuiltInTemplate, ...] = _EMAILS + _NOTES + _SPOKEN + _AROUND
