"""A heavy account for the pages benchmark: 18 months of networking, ending on a given day.

    build_heavy_account(user, contacts=5000, seed=42, today=date.today())

Per 5,000 contacts, about 50,000 events (messages, replies, conversations, follow-ups,
takeaways, referrals) and 100,000 notes (contacts' notes, each conversation's notes, what was
learned, still unknown and next steps, the notes under each question, takeaways, replies'
and follow-ups' notes). A few hundred organizations, several people at each (a long tail),
names with accents from bench/generate.py's cultures, some follow-ups overdue. The same seed
and day give the same account; everything is written with bulk_create (a minute or two for
20,000 contacts). Dates are relative to `today` because the server measured runs on the real
clock: what is overdue, due this week or coming up must be so on the day of the run.
"""

from __future__ import annotations

import random
from collections import Counter
from datetime import UTC, date, datetime, time, timedelta
from itertools import accumulate
from typing import Any

from generate import (
    COMPANY_KINDS,
    CULTURES,
    FUNCTIONS,
    _long_tail_weights,
    _name,
    _position,
    ascii_slug,
    companies,
)

SPAN_DAYS = 540  # 18 months of history
BATCH = 2000

TOPICS = [
    "climate risk",
    "credit analysis",
    "nursing",
    "public health policy",
    "data engineering",
    "UX research",
    "impact investing",
    "supply chains",
    "renewable energy",
    "clinical trials",
    "product strategy",
    "machine learning",
    "urban planning",
    "philanthropy",
    "café culture",
    "private equity",
    "résumé advice",
]
PLACES = ["London", "Leeds", "Madrid", "Lagos", "Berlin", "Zürich", "Montréal", "Remote", ""]
ANSWERS = [
    "They moved from {topic} after a secondment; start with the annual report.",
    "Hiring mostly happens through referrals; the {topic} team values curiosity.",
    "A typical day is half meetings, half analysis; {topic} is growing fast.",
    "Recommended the {topic} meet-up and two newsletters; follow up in a month.",
    "Said the résumé should lead with results; mention {topic} projects first.",
    "Surprised by how much writing the job involves; {topic} needs clear prose.",
]
CONTACT_NOTES = [
    "Met at the careers fair; ask about the path into {topic}.",
    "Alumna of my programme, now in {topic}. Très sympathique.",
    "Friend of a friend (José) working on {topic}; prefers e-mail.",
    "Spoke on a panel about {topic}; mention the question about naïve models.",
]


def _text(rng: random.Random, choices: list[str]) -> str:
    return rng.choice(choices).format(topic=rng.choice(TOPICS))


def _at(day: date, rng: random.Random) -> datetime:
    return datetime.combine(day, time(8 + rng.randrange(10), rng.randrange(60)), tzinfo=UTC)


class _Writer:
    """bulk_create with a count per model, so the caller can say what it made."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()

    def create(self, model: Any, objects: list[Any]) -> list[Any]:
        self.counts[model.__name__] += len(objects)
        return list(model.objects.bulk_create(objects, batch_size=BATCH))


def build_heavy_account(
    user: Any, *, contacts: int = 5000, seed: int = 42, today: date | None = None
) -> Counter[str]:
    """Fill an empty account; returns how many rows of each model it made (and the notes)."""
    from coffeechat.network.people.models import Contact, HowKnown, Source
    from coffeechat.network.research.models import Field, Organization

    today = today or date.today()
    rng = random.Random(seed)
    out = _Writer()
    fields = out.create(
        Field,
        [
            Field(owner=user, name=name, notes=f"Why **{name}** matters to me.")
            for name in ("Climate finance", "Public health", "Data for good", "Énergie")
        ],
    )
    names = companies(rng, max(10, contacts // 15))
    orgs = out.create(
        Organization,
        [
            Organization(
                owner=user,
                name=name,
                field=rng.choice(fields),
                industry=rng.choice(COMPANY_KINDS),
                location=rng.choice(PLACES),
                motivation=rng.randrange(4),
                posting=rng.randrange(1, 4),
                notes=f"Research notes on {name}: {_text(rng, ANSWERS)}",
            )
            for name in names
        ],
    )
    org_weights = list(accumulate(_long_tail_weights(len(orgs))))
    weights = [weight for weight, _f, _l in CULTURES]
    people = []
    for _ in range(contacts):
        first, last = _name(rng, CULTURES, weights)
        slug = ascii_slug(f"{first} {last}") or "profile"
        imported = rng.random() < 0.6
        people.append(
            Contact(
                owner=user,
                first_name=first,
                last_name=last,
                organization=rng.choices(orgs, cum_weights=org_weights)[0],
                email=f"{slug.replace('-', '.') or 'someone'}{rng.randrange(1000)}@example.org",
                linkedin_url=f"https://www.linkedin.com/in/{slug}-{rng.getrandbits(32):08x}",
                role=_position(rng),
                location=rng.choice(PLACES),
                how_known=rng.choice(HowKnown.values),
                source=Source.LINKEDIN if imported else Source.MANUAL,
                notes=_text(rng, CONTACT_NOTES),
            )
        )
    people = out.create(Contact, people)
    _history(user, people, rng, today, out)
    out.counts["notes"] = _count_notes(user)
    return out.counts


def _history(user: Any, people: list[Any], rng: random.Random, today: date, out: _Writer) -> None:
    from coffeechat.pipeline.conversations.models import Conversation, Status
    from coffeechat.pipeline.followups.models import FollowUp
    from coffeechat.pipeline.outreach.models import Message, Outcome, Purpose, Reply

    start = today - timedelta(days=SPAN_DAYS)
    messages, replies, conversations, followups = [], [], [], []
    for person in people:
        first = start + timedelta(days=rng.randrange(SPAN_DAYS))
        for number in range(rng.choice([2, 3, 4, 4, 5, 6])):
            sent = first + timedelta(days=9 * number + rng.randrange(3))
            if sent > today:
                break
            messages.append(
                Message(
                    owner=user,
                    contact=person,
                    purpose=Purpose.REQUEST if number == 0 else rng.choice(Purpose.values),
                    subject=f"Your advice on {rng.choice(FUNCTIONS).lower()}",
                    body=f"Dear {person.first_name},\n\nI found you through the alumni network "
                    f"and would value your view on {rng.choice(TOPICS)}. Would you have 15-20 "
                    "minutes for a call?\n\nThank you",
                    sent_at=_at(sent, rng),
                )
            )
        received = first + timedelta(days=1 + rng.randrange(9))
        if rng.random() < 0.8 and received <= today:
            replies.append(
                Reply(
                    owner=user,
                    contact=person,
                    received_on=received,
                    outcome=rng.choices(Outcome.values, [6, 2, 1])[0],
                    note=_text(rng, ANSWERS),
                )
            )
        for number in range(rng.choices([0, 1, 2], [35, 50, 15])[0]):
            on = first + timedelta(days=12 + 35 * number + rng.randrange(5))
            held = on < today and rng.random() < 0.85
            status = Status.HELD if held else Status.SCHEDULED if on >= today else Status.CANCELLED
            conversations.append(
                Conversation(
                    owner=user,
                    contact=person,
                    scheduled_at=_at(on, rng),
                    time_zone=rng.choice(["Europe/London", "Europe/Madrid", "America/Toronto"]),
                    status=status,
                    goal=f"Learn how they moved into {rng.choice(TOPICS)}.",
                    notes=_text(rng, ANSWERS) if held else "",
                    learned=_text(rng, ANSWERS) if held else "",
                    still_unknown=f"How {rng.choice(TOPICS)} teams hire." if held else "",
                    next_steps="Write to the referral; read the report." if held else "",
                )
            )
        for number in range(rng.choice([0, 1, 2, 2, 3, 4])):
            due = first + timedelta(days=3 + 5 * number + rng.randrange(4))
            # Most old ones were done; some were left (overdue), recent ones are still open.
            done = due < today - timedelta(days=10) and rng.random() < 0.9
            followups.append(
                FollowUp(
                    owner=user,
                    contact=person,
                    kind=rng.choice(["no_reply", "nudge", "follow_up", "keep_in_touch"]),
                    due_on=due,
                    note=f"Ask about {rng.choice(TOPICS)}." if rng.random() < 0.5 else "",
                    done_at=_at(due, rng) if done else None,
                    closed_by="user" if done else "",
                )
            )
    out.create(Message, messages)
    out.create(Reply, replies)
    out.create(FollowUp, followups)
    _conversations_yield(rng, people, out.create(Conversation, conversations), out)


def _conversations_yield(
    rng: random.Random, people: list[Any], conversations: list[Any], out: _Writer
) -> None:
    """The questions asked (with the notes under each), takeaways and referrals of each."""
    from coffeechat.pipeline.conversations.models import (
        ConversationQuestion,
        Referral,
        Status,
        Takeaway,
    )

    questions, takeaways, referrals = [], [], []
    referable = iter(rng.sample(people, len(people)))
    for conversation in conversations:
        held = conversation.status == Status.HELD
        questions += [
            ConversationQuestion(
                conversation=conversation,
                text=f"What is a typical day in {rng.choice(TOPICS)} like? ({n + 1})",
                category=rng.choice(["trends", "insights", "advice", "resources"]),
                position=n,
                notes=_text(rng, ANSWERS) if held else "",
            )
            for n in range(rng.randint(14, 24))
        ]
        if not held:
            continue
        takeaways += [
            Takeaway(
                conversation=conversation,
                kind=rng.choice(["advice", "resource"]),
                text=_text(rng, ANSWERS),
            )
            for _ in range(rng.randint(2, 4))
        ]
        if rng.random() < 0.3:
            referred = next(referable, None)
            if referred is not None and referred.pk != conversation.contact_id:
                referrals.append(
                    Referral(
                        conversation=conversation, contact=referred, may_use_name=rng.random() < 0.5
                    )
                )
    out.create(ConversationQuestion, questions)
    out.create(Takeaway, takeaways)
    out.create(Referral, referrals)


def _count_notes(user: Any) -> int:
    """Written notes, counted in the database: every non-empty notes-like text."""
    from coffeechat.network.people.models import Contact
    from coffeechat.pipeline.conversations.models import (
        Conversation,
        ConversationQuestion,
        Takeaway,
    )
    from coffeechat.pipeline.followups.models import FollowUp
    from coffeechat.pipeline.outreach.models import Reply

    total = Contact.objects.filter(owner=user).exclude(notes="").count()
    total += Reply.objects.filter(owner=user).exclude(note="").count()
    total += FollowUp.objects.filter(owner=user).exclude(note="").count()
    total += Takeaway.objects.filter(conversation__owner=user).count()
    total += ConversationQuestion.objects.filter(conversation__owner=user).exclude(notes="").count()
    for name in ("notes", "learned", "still_unknown", "next_steps"):
        total += Conversation.objects.filter(owner=user).exclude(**{name: ""}).count()
    return total


def events(counts: Counter[str]) -> int:
    """What the issue calls events: messages, replies, conversations, follow-ups, referrals
    and takeaways."""
    kinds = ("Message", "Reply", "Conversation", "FollowUp", "Referral", "Takeaway")
    return sum(counts[kind] for kind in kinds)
