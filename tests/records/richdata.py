"""A rich, reproducible account for export tests: every field of every exported record filled,
Unicode and spreadsheet-hostile text, introductions in both directions, conversations in every
state, follow-ups open and done, and timestamps with microseconds.

`fill_account(user, contacts=n)` adds it all to an account, in bulk, so it is quick for a few
hundred contacts too.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

from coffeechat.edges.records.spec import SECTIONS
from coffeechat.foundation.accounts.models import Profile
from coffeechat.method.questions import Category
from coffeechat.network.duplicates.models import NotDuplicate
from coffeechat.network.people.models import Contact, HowKnown, OtherAddress, Source
from coffeechat.network.research.models import DifferentOrganizations, Field, Organization
from coffeechat.pipeline.conversations.models import (
    Conversation,
    ConversationQuestion,
    Mode,
    Question,
    Referral,
    Status,
    Takeaway,
)
from coffeechat.pipeline.followups.models import FollowUp
from coffeechat.pipeline.outreach.models import (
    Channel,
    Draft,
    EmailSettings,
    Message,
    MessageTemplate,
    Outcome,
    Purpose,
    Reply,
    ScheduledMessage,
    Security,
)

FIRST_NAMES = [
    "Zoë", "Søren", "李", "Nguyễn Thị", "عمر", "Ørjan", "José", "O'Brien", "Ana-María",
    "=HYPERLINK(\"http://evil.example\")", "+Plus", "-Minus", "@Handle", "'Quoted", "Ελένη",
    "Priya", "Ñandú", "Åsa", "Chloé ☕", "Dvořák",
]  # fmt: skip
AWKWARD = [
    "plain",
    "=1+2",
    "+44 20 7946 0000",
    "-3 dB",
    "@here",
    "\tindented",
    "\rcarriage",
    "'already quoted'",
    "''two quotes",
    'say "hi", then; leave',
    "line one\nline two\r\nline three",
    "café ☕ 東京 🚀",
    "  leading spaces",
    "\\backslash\\",
]
BASE = datetime(2024, 3, 10, 8, 30, tzinfo=UTC)


class Rich:
    def __init__(self, user: object, seed: int) -> None:
        self.user = user
        self.random = random.Random(seed)

    def text(self, label: str) -> str:
        return f"{label} {self.random.choice(AWKWARD)}"

    def moment(self) -> datetime:
        seconds = self.random.randint(0, 400 * 24 * 3600)
        return BASE + timedelta(seconds=seconds, microseconds=self.random.randint(1, 999_999))

    def day(self) -> date:
        return self.moment().date()

    def choice(self, values: list) -> object:
        return self.random.choice(values)


def _profile_and_settings(rich: Rich) -> None:
    Profile.objects.filter(user=rich.user).update(
        full_name="Zoë Ørsted-李",
        headline="a final-year économie student at Leeds",
        school="Université de Genève",
        fields_of_interest="climate finance, 気候",
        elevator_pitch="=SUM(A1:A9) is not my pitch.\nI study energy markets.",
        background_summary="- two internships\n- one **thesis**",
        time_zone="Europe/London",
        country="GB",
        region="ENG",
        message_rules="strict",
        digest_enabled=False,
        digest_hour=6,
        weekly_conversation_goal=3,
    )
    EmailSettings.objects.update_or_create(
        user=rich.user,
        defaults={
            "host": "smtp.example.org",
            "port": 465,
            "username": "zoë@example.org",
            "password_encrypted": "gAAAAA-not-for-export",
            "security": Security.SSL,
            "from_address": "zoe@example.org",
        },
    )
    rich.user.first_name = "Zoë"
    rich.user.last_name = "Ørsted"
    rich.user.save()


def _research(rich: Rich, organizations: int) -> list[Organization]:
    fields = Field.objects.bulk_create(
        Field(owner=rich.user, name=f"Field {n} {rich.text('ƒ')}", notes=rich.text("notes"))
        for n in range(max(2, organizations // 3))
    )
    return Organization.objects.bulk_create(
        Organization(
            owner=rich.user,
            name=f"Org {n} {rich.choice(FIRST_NAMES)}",
            website=f"https://org{n}.example/é",
            field=None if n % 4 == 0 else rich.choice(fields),
            industry=rich.text("industry"),
            location=rich.text("city"),
            motivation=n % 4,
            posting=1 + n % 3,
            notes=rich.text("research"),
            finished_on=rich.day() if n % 5 == 4 else None,
            is_target=n % 3 != 2,
        )
        for n in range(organizations)
    )


def _contacts(rich: Rich, count: int, organizations: list[Organization]) -> list[Contact]:
    contacts = Contact.objects.bulk_create(
        Contact(
            owner=rich.user,
            first_name=FIRST_NAMES[n % len(FIRST_NAMES)],
            last_name=f"{rich.choice(AWKWARD)[:60]} {n}",
            # Every part of a name, for some: the round trip must carry each one. Not drawn
            # from rich.random: the other values stay what they were.
            honorific=["", "Dr.", "", "Prof.", "", "Ms."][n % 6],
            middle_name=AWKWARD[n % len(AWKWARD)][:90] if n % 3 == 0 else "",
            suffix=["", "III", "", "Jr.", "", "PhD"][n % 6],
            goes_by=["", "Johnny", "", "민준", "", "Zoë"][n % 6],
            email=f"person{n}@example.org",
            phone=rich.choice(["+44 20 7946 0000", "=0800", "(555) 010-0101"]),
            linkedin_url=f"https://www.linkedin.com/in/person-{n}",
            organization=None if n % 5 == 0 else rich.choice(organizations),
            role=rich.text("role"),
            location=rich.text("town"),
            education=rich.text("BSc"),
            how_known=rich.choice(HowKnown.values),
            notes=rich.text("note"),
            source=rich.choice(Source.values),
            imported_at=rich.moment() if n % 2 else None,
            keep_in_touch=rich.choice(["monthly", "twice_a_year", "never"]),
        )
        for n in range(count)
    )
    # Introductions point both ways in the list: to earlier and to later contacts.
    for n, contact in enumerate(contacts):
        if n % 3 == 1 and (n * 7 + 2) % count != n:  # nobody introduces themselves
            contact.introduced_by = contacts[(n * 7 + 2) % count]
    Contact.objects.bulk_update(contacts, ["introduced_by"])
    pairs = {
        tuple(sorted((a.pk, b.pk))) for a, b in zip(contacts[::4], contacts[1::4], strict=False)
    }
    NotDuplicate.objects.bulk_create(
        NotDuplicate(owner=rich.user, contact_a_id=a, contact_b_id=b) for a, b in sorted(pairs)
    )
    # Addresses kept by merges: an old profile written another way, e-mails in capitals.
    OtherAddress.objects.bulk_create(
        address
        for n, contact in enumerate(contacts[::3])
        for address in (
            OtherAddress(
                owner=rich.user,
                contact=contact,
                kind="linkedin",
                address=f"http://uk.linkedin.com/in/Zo%C3%AB-{n}/?trk=old",
            ),
            OtherAddress(
                owner=rich.user, contact=contact, kind="email", address=f"Ørjan.{n}@Old.example"
            ),
        )
    )
    return contacts


def _bank(rich: Rich) -> list[MessageTemplate]:
    Question.objects.bulk_create(
        Question(owner=rich.user, category=category.value, text=rich.text("Why"), built_in=False)
        for category in Category
    )
    custom = MessageTemplate.objects.bulk_create(
        MessageTemplate(
            owner=rich.user,
            name=f"My template {n} ☕",
            situation=rich.choice(["alumni", "follow_up", "thank_you"]),
            channel=rich.choice(["email", "linkedin"]),
            ties="friend family" if n == 0 else "",  # no draw: the rest of the data stays put
            subject=rich.text("Subject"),
            body=rich.text("Dear {first_name},"),
        )
        for n in range(3)
    )
    return [*MessageTemplate.objects.filter(owner=rich.user, built_in=True), *custom]


def _conversations(rich: Rich, contacts: list[Contact]) -> list[Conversation]:
    conversations = []
    for n, contact in enumerate(contacts[::2]):
        status = rich.choice(Status.values)
        held = status in (Status.HELD, Status.IN_PROGRESS)
        conversations.append(
            Conversation(
                owner=rich.user,
                contact=contact,
                scheduled_at=rich.moment(),
                time_zone=rich.choice(["Europe/London", "America/New_York", "Asia/Tokyo"]),
                duration_minutes=rich.choice([15, 25, 30]),
                mode=rich.choice(Mode.values),
                place=rich.text("Café"),
                video_link=f"https://meet.example/{n}",
                phone="+1 555 0100",
                goal=rich.text("goal"),
                person_research=rich.text("research"),
                status=status,
                started_at=rich.moment() if held else None,
                paused_seconds=n * 7 if held else 0,
                # Not drawn from rich.random: the other values stay what they were.
                paused_at=BASE + timedelta(days=n) if status == Status.IN_PROGRESS else None,
                ended_at=rich.moment() if status == Status.HELD else None,
                held_minutes=15 + n if status == Status.HELD else None,
                agenda_done=["thank", "purpose", "ask ☕"] if held else [],
                notes=rich.text("notes"),
                learned=rich.text("learned"),
                still_unknown=rich.text("unknown"),
                next_steps=rich.text("next"),
                sequence=n % 4,
            )
        )
    conversations = Conversation.objects.bulk_create(conversations)
    ConversationQuestion.objects.bulk_create(
        ConversationQuestion(
            conversation=conversation,
            text=rich.text("Question"),
            category=rich.choice(["advice", "their path", ""]),
            position=position,
            notes=rich.text("answer"),
        )
        for conversation in conversations
        for position in range(3)
    )
    Takeaway.objects.bulk_create(
        Takeaway(
            conversation=conversation,
            kind=kind,
            text=rich.text(kind),
            acted_on_at=rich.moment() if n % 2 else None,
        )
        for n, conversation in enumerate(conversations)
        for kind in (Takeaway.Kind.ADVICE, Takeaway.Kind.RESOURCE)
    )
    return conversations


def _referrals(rich: Rich, conversations: list[Conversation], contacts: list[Contact]) -> None:
    referred = contacts[1::2]
    Referral.objects.bulk_create(
        Referral(conversation=conversation, contact=contact, may_use_name=n % 2 == 0)
        for n, (conversation, contact) in enumerate(zip(conversations, referred, strict=False))
    )


def _outreach(
    rich: Rich,
    contacts: list[Contact],
    conversations: list[Conversation],
    templates: list[MessageTemplate],
) -> None:
    messages = Message.objects.bulk_create(
        Message(
            owner=rich.user,
            contact=contact,
            conversation=rich.choice(conversations) if n % 3 == 0 else None,
            purpose=rich.choice(Purpose.values),
            channel=rich.choice(Channel.values),
            subject=rich.text("Subject"),
            body=rich.text("Hello"),
            sent_at=rich.moment(),
            template=rich.choice(templates) if n % 2 else None,
            introduction_to=rich.choice(contacts) if n % 4 == 1 else None,
        )
        for n, contact in enumerate(contacts)
        for _ in range(2)
    )
    Draft.objects.bulk_create(
        Draft(
            owner=rich.user,
            contact=contact,
            purpose=Purpose.THANK_YOU if n % 3 == 0 else Purpose.REQUEST,
            template=rich.choice(templates) if n % 2 else None,
            conversation=rich.choice(conversations) if n % 3 == 0 else None,
            subject=rich.text("Draft subject"),
            body=rich.text("Unsent"),
        )
        for n, contact in enumerate(contacts[::4])
    )
    ScheduledMessage.objects.bulk_create(
        ScheduledMessage(
            owner=rich.user,
            contact=contact,
            purpose=Purpose.INTRODUCTION if n % 4 == 1 else Purpose.REQUEST,
            introduction_to=rich.choice(contacts) if n % 4 == 1 else None,
            conversation=rich.choice(conversations) if n % 3 == 0 else None,
            template=rich.choice(templates) if n % 2 else None,
            subject=rich.text("Later subject"),
            body=rich.text("To send later"),
            send_at=(at := rich.moment()),
            next_try_at=at,
            time_zone=rich.choice(["America/Chicago", "Europe/London", "Asia/Seoul"]),
            zone_note=rich.text("zone because"),
            state=rich.choice(["scheduled", "failed", "sent"]),
            attempts=n % 4,
            error=rich.text("refused") if n % 2 else "",
        )
        for n, contact in enumerate(contacts[1::5])
    )
    replies = Reply.objects.bulk_create(
        Reply(
            owner=rich.user,
            contact=contact,
            received_on=rich.day(),
            outcome=rich.choice(Outcome.values),
            note=rich.text("reply"),
        )
        for contact in contacts[::3]
    )
    FollowUp.objects.bulk_create(
        FollowUp(
            owner=rich.user,
            contact=contact,
            conversation=rich.choice(conversations) if n % 2 else None,
            kind=rich.choice([value for value, _label in FollowUp.KIND_CHOICES]),
            due_on=rich.day(),
            due_at=rich.moment() if n % 3 == 0 else None,
            note=rich.text("follow up"),
            done_at=rich.moment() if n % 2 == 0 else None,
            closed_by=rich.choice(["user", "action", "retired"]) if n % 2 == 0 else "",
            closed_reason=rich.text("closed because") if n % 4 == 0 else "",
            message=rich.choice(messages) if n % 3 == 1 else None,
            reply=rich.choice(replies) if n % 5 == 2 else None,
            sequence=n % 3,
        )
        for n, contact in enumerate(contacts)
    )


def _stamp(rich: Rich) -> None:
    """Every created_at/updated_at a distinct moment with microseconds, as years of use leave."""
    for section in SECTIONS:
        names = [
            field.attname
            for field in section.fields
            if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
        ]
        rows = list(section.rows(rich.user))
        for row in rows:
            for name in names:
                setattr(row, name, rich.moment())
        if rows and names:
            section.model.objects.bulk_update(rows, names)
    EmailSettings.objects.filter(user=rich.user).update(updated_at=rich.moment())


def fill_account(user: object, *, contacts: int = 40, seed: int = 2026) -> None:
    rich = Rich(user, seed)
    _profile_and_settings(rich)
    organizations = _research(rich, max(3, contacts // 4))
    DifferentOrganizations.objects.create(
        owner=rich.user,
        organization_a=organizations[0],
        organization_b=organizations[1],
    )
    people = _contacts(rich, contacts, organizations)
    templates = _bank(rich)
    conversations = _conversations(rich, people)
    _referrals(rich, conversations, people)
    _outreach(rich, people, conversations, templates)
    _stamp(rich)
