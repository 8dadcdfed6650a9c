"""What the compose page says about a message as it stands: counts, the checker's findings,
unfilled merge fields and the mailto link."""

from __future__ import annotations

from dataclasses import replace

from coffeechat.foundation.accounts.models import Profile
from coffeechat.method.checker import (
    CHANNELS,
    RULE_SETS,
    TIES,
    Finding,
    RuleSet,
    Severity,
    check_message,
    linkedin_limit,
)
from coffeechat.method.messages import LINKEDIN_NOTE_LIMIT, character_count, unfilled_fields
from coffeechat.method.names import WARM_TIES
from coffeechat.method.wording.kinds import Situation
from coffeechat.network.people.models import Contact
from coffeechat.pipeline.outreach.models import Channel, Message, MessageTemplate, Purpose
from coffeechat.pipeline.outreach.services import (
    Draft,
    reader,
    recipient,
    referrer_withheld,
    word_count,
)

TIPS = {
    Purpose.REQUEST: "Aim for under {limit} words; connection first; no mention of jobs; "
    "ask for 15-20 minutes{as_question}.",
    Purpose.FOLLOW_UP: "One polite follow-up, no third message. Aim for under {limit} words; "
    "no mention of jobs; ask for 15-20 minutes{as_question}.",
    Purpose.THANK_YOU: "Send it within 24 hours: thank them, name one thing you learned, "
    "and mention the referrals you will contact.",
    Purpose.UPDATE: "Tell them you followed their advice and what came of it.",
}
# An update that is not closing the loop on advice: keeping in touch.
KEEP_IN_TOUCH_TIP = "Keep it short: say what you have been doing since you spoke, and thank them."
# Merge fields filled from the user's profile, and what the profile calls them.
PROFILE_FIELDS = {
    "my_name": "full name",
    "my_first_name": "full name",
    "my_sign_off_name": "full name",
    "my_headline": "headline",
    "school": "school",
    "pitch": "elevator pitch",
}


def connection_names(contact: Contact, template: MessageTemplate | None) -> tuple[str, ...]:
    """Names that count as "the connection": who introduced you; when asking the mutual contact
    for an introduction, the person you want to meet."""
    if reader(contact, template) != contact:
        return (contact.full_name,)
    return (contact.introduced_by.full_name,) if contact.introduced_by else ()


# Earlier messages the checker compares a draft with: a copy is of something recent, and a
# fixed number keeps it one small query however long the history.
SENT_BEFORE = 5


def sent_before(to: Contact) -> tuple[str, ...]:
    """The bodies of the last few messages already sent to `to`, newest first (one query)."""
    if to.pk is None:  # the template editor's made-up contact has no history
        return ()
    latest = Message.objects.filter(owner_id=to.owner_id, contact=to).order_by("-sent_at")
    return tuple(latest.values_list("body", flat=True)[:SENT_BEFORE])


def known_names(to: Contact) -> tuple[str, ...]:
    """The names the person is called by, for the greeting: their given name, the name they go
    by and their formal address ("Dr. Public"), never the family name alone."""
    return to.person_name.addresses


def reader_tie(contact: Contact, template: MessageTemplate | None) -> str:
    """How the user knows whoever reads the message, as the checker names it."""
    to = reader(contact, template)
    return to.how_known if to.how_known in TIES else ""


def findings(
    *, contact: Contact, template: MessageTemplate | None, subject: str, body: str,
    purpose: str, channel: str, profile: Profile,
) -> list[Finding]:  # fmt: skip
    """The checker's findings, problems first."""
    to = reader(contact, template)
    found = check_message(
        body,
        subject=subject or None,
        rules=RULE_SETS[profile.message_rules],
        # A call, a word in person or a note passed on by a mutual contact has no subject line.
        channel=channel if channel in CHANNELS else Channel.EMAIL.value,
        purpose=purpose,
        first_name=to.first_name,
        last_name=to.last_name,
        connection_names=connection_names(contact, template),
        known_names=known_names(to),
        tie=reader_tie(contact, template),
        sent_before=sent_before(recipient(contact, template)),
    )
    return [_why_unfilled(finding, contact) if to == contact else finding for finding in found]


REFERRER_FIELDS = ("{{referrer_name}}", "{{referrer_first_name}}")
WITHHELD = (
    " Who suggested you write is left out on purpose: {reason}. Pick a template that does not "
    "name them, or write the sentence yourself."
)


def _why_unfilled(finding: Finding, contact: Contact) -> Finding:
    """The unfilled-field finding says why who suggested you write was not filled in."""
    if finding.rule != "unfilled-field" or not set(REFERRER_FIELDS) & set(finding.words):
        return finding
    reason = referrer_withheld(contact)
    if not reason:
        return finding
    return replace(finding, message=finding.message + WITHHELD.format(reason=reason))


ASK_FOR_ADVICE = (
    "ask for information and advice rather than a job, and leave your questions for the "
    "conversation itself."
)


def request_guidance(contact: Contact) -> str:
    """The line above a request: a stranger needs to hear who you are and how you got their
    name; a friend, a relative or a former colleague knows both."""
    if contact.how_known in WARM_TIES:
        return f"No need to introduce yourself: {ASK_FOR_ADVICE}"
    return f"Introduce yourself, say how you got their name, {ASK_FOR_ADVICE}"


def by_email(template: MessageTemplate | None, to: Contact) -> bool:
    """Whether the mail actions (send, send later, open in a mail app, .eml) belong on the
    page: the template is written as an email and the person has an address."""
    channel = template.channel if template is not None else Channel.EMAIL
    return channel == Channel.EMAIL and bool(to.email)


def tip(purpose: Purpose, rules: RuleSet, situation: Situation | None = None) -> str:
    """The one-line reminder under the findings, in the user's rule set's terms. Following
    advice is close-the-loop's to mention; a keeping-in-touch update has its own."""
    if purpose == Purpose.UPDATE and situation != Situation.UPDATE:
        return KEEP_IN_TOUCH_TIP
    as_question = ", as a question ending in “?”" if rules.require_question else ""
    return TIPS[purpose].format(limit=rules.word_limit, as_question=as_question)


def message_check(
    *, contact: Contact, template: MessageTemplate | None, subject: str, body: str,
    purpose: str, channel: str, profile: Profile,
) -> dict[str, object]:  # fmt: skip
    """What the page shows beside the draft about `contact` (sent to `recipient()`)."""
    to = recipient(contact, template)
    purpose = Purpose(purpose) if purpose in Purpose.values else Purpose.REQUEST
    unfilled = unfilled_fields(f"{subject}\n{body}")
    limit = linkedin_limit(channel, purpose, reader_tie(contact, template))
    characters = character_count(body)
    found = findings(
        contact=contact, template=template, subject=subject, body=body, purpose=purpose,
        channel=channel, profile=profile,
    )  # fmt: skip
    problems = sum(finding.severity == Severity.PROBLEM for finding in found)
    return {
        "words": word_count(body),
        "characters": characters,
        "linkedin": limit is not None,
        "character_limit": f"{limit:,}" if limit else "",
        "linkedin_kind": "connection notes" if limit == LINKEDIN_NOTE_LIMIT else "messages",
        "over_characters": limit is not None and characters > limit,
        "findings": found,
        "problems": problems,
        "suggestions": len(found) - problems,
        "tip": tip(
            purpose,
            RULE_SETS[profile.message_rules],
            template.situation_enum if template is not None else None,
        ),
        "from_profile": [PROFILE_FIELDS[name] for name in unfilled if name in PROFILE_FIELDS],
        # Only a message written as an email, to someone with an address, opens in a mail app.
        "mailto": Draft(subject, body).mailto(to.email) if by_email(template, to) else "",
        "email": to.email,
    }
