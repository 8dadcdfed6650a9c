"""Realistic, seeded data for the benchmarks: a LinkedIn Connections.csv and a rich account.

The same seed always gives the same data, so two runs (or two machines) measure the same work.

    .venv/bin/python bench/generate.py --rows 30000 --seed 42 > Connections.csv
    .venv/bin/python bench/generate.py --rows 200 --out /tmp/Connections.csv

The CSV has what LinkedIn's export has: a "Notes:" preamble, then First Name, Last Name, URL,
Email Address, Company, Position, Connected On ("18 Jun 2025"). Names come from several
cultures (accents, Cyrillic, Han, Arabic, Hangul...), companies follow a long tail (a few large
employers, thousands of small ones), about 10% of rows have an e-mail and about 2% no name.

`build_account(user, seed=..., contacts=...)` fills an account with organizations, contacts,
messages, replies, conversations (questions, takeaways, referrals) and follow-ups, for timing
export and restore; it needs Django set up, the CSV part does not.
The heavier account the pages benchmark (bench/pages.py) serves is bench/heavy.py's
`build_heavy_account`, built from the same names and companies.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import sys
import unicodedata
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from itertools import accumulate
from pathlib import Path

DEFAULT_SEED = 42


def words(text: str) -> list[str]:
    return text.split()


HEADER = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]
PREAMBLE = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses are '
    "missing. You will only see email addresses for connections who have allowed their "
    "connections to see or download their email address using this setting "
    "https://www.linkedin.com/psettings/privacy/email. You can learn more here "
    'https://www.linkedin.com/help/linkedin/answer/261"\n'
    "\n"
)
EMAIL_SHARE = 0.10
NAMELESS_SHARE = 0.02
NO_COMPANY_SHARE = 0.07
NO_POSITION_SHARE = 0.05
COMPANY_COUNT = 4000
FIRST_CONNECTION = date(2012, 1, 1)
LAST_CONNECTION = date(2025, 12, 31)

# (weight, first names, last names): who a student's or graduate's network is made of.
CULTURES: list[tuple[int, list[str], list[str]]] = [
    (
        30,
        words(
            "James Olivia Liam Emma Noah Amelia Oliver Sophie Harry Grace Jack Chloe George Ella "
            "Thomas Lucy Daniel Hannah Samuel Megan Ryan Laura Matthew Jessica Andrew Rachel"
        ),
        words(
            "Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson "
            "Evans Walker White Roberts Green Hall Wood Jackson Clarke O'Brien McCarthy Murphy"
        ),
    ),
    (
        10,
        words(
            "José María Lucía Sofía Martín Andrés Camila Valentina Joaquín Inés Álvaro Mónica "
            "Iñaki Ramón Begoña Sebastián"
        ),
        words(
            "García Fernández González Rodríguez López Martínez Sánchez Pérez Gómez Díaz Muñoz "
            "Álvarez Romero Jiménez Peña Ibáñez"
        ),
    ),
    (
        6,
        words("Zoé Léa Chloé Hélène Amélie Jérôme François Loïc Benoît Clément Mathéo Gaëlle"),
        words("Dubois Lefèvre Moreau Girard Bonnet Faure Rousseau Chevalier Lemaître Bézier"),
    ),
    (
        6,
        words("Jürgen Jörg Björn Günther Lena Mareike Sören Anneliese Uwe Käthe Maximilian"),
        words("Müller Schröder Schäfer Köhler Groß Weiß Fischer Becker Hoffmann Krüger"),
    ),
    (
        12,
        words(
            "Priya Aarav Ananya Rohan Diya Arjun Kavya Vikram Sneha Rahul Aditi Siddharth Neha "
            "Karthik Meera Ishaan"
        ),
        words("Shah Patel Sharma Iyer Reddy Gupta Nair Menon Kapoor Banerjee Chatterjee Rao Desai"),
    ),
    (
        8,
        words("Wei Jing Li Hao Xiaoming Yan Jun Mei Lei Ying Zhi Hui"),
        words("Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun"),
    ),
    (3, words("伟 芳 娜 秀英 敏 静 丽 强 磊 军"), words("王 李 张 刘 陈 杨 黄 赵 吴 周")),
    (
        4,
        words("Haruto Yui Sota Aoi Ren Hina Yuto Sakura Kenji Yūki"),
        words("Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Katō"),
    ),
    (2, words("太郎 花子 翔 陽菜 蓮"), words("佐藤 鈴木 高橋 田中 伊藤")),
    (3, words("Minjun Seoyeon Jiwoo Hayoon Doyun"), words("Kim Lee Park Choi Jung Kang")),
    (1, words("민준 서연 지우 하윤"), words("김 이 박 최")),
    (
        5,
        words("Mohammed Fatima Omar Layla Youssef Nour Karim Amira Hassan Zainab"),
        words("Al-Sayed Haddad Khalil Mansour Nasser El-Amin Saleh Farouk"),
    ),
    (1, words("محمد فاطمة عمر ليلى"), words("حداد خليل منصور")),
    (
        5,
        words("Chinedu Ngozi Oluwaseun Adaeze Tunde Funmilayo Emeka Chiamaka Kwame Ama"),
        words("Okafor Adeyemi Okonkwo Balogun Eze Mensah Boateng Nwosu Adebayo"),
    ),
    (
        3,
        words("Łukasz Zofia Wojciech Małgorzata Paweł Agnieszka Michał"),
        words("Nowak Kowalski Wiśniewski Wójcik Kamińska Zieliński Dąbrowski"),
    ),
    (
        2,
        words("Дмитрий Анна Сергей Мария Алексей Ольга"),
        words("Иванов Смирнова Кузнецов Попова Соколов"),
    ),
    (
        3,
        words("Nguyễn Thảo Minh Phương Quốc Hương Đức"),
        words("Nguyễn Trần Lê Phạm Hoàng Vũ Đặng"),
    ),
    (2, words("Νίκος Ελένη Γιώργος Μαρία"), words("Παπαδόπουλος Γεωργίου Νικολάου")),
    (
        4,
        words("Søren Åsa Bjørn Ingrid Mikkel Sigrid Lars Frida"),
        words("Jørgensen Andersson Nielsen Hansen Lindqvist Håkansson"),
    ),
]

COMPANY_WORDS = words(
    "Green North Blue River Summit Harbor Oak Silver Bright Atlas Meridian Pioneer Cedar "
    "Nimbus Vertex Coral Granite Beacon Evergreen Horizon Lumen Orbit Quartz Sterling Willow "
    "Crescent Falcon Juniper Keystone Lighthouse Maple Nova Orchid Redwood Sapphire Tidal "
    "Union Vista Zenith Alder Birch Copper Delta Ember Fjord Glacier Helix Iris Kestrel"
)
COMPANY_KINDS = words(
    "Bank Capital Partners Analytics Labs Consulting Energy Health Foods Logistics Media "
    "Systems Software Robotics Insurance Ventures Foundation Studio Group Holdings Pharma "
    "Retail Mobility Climate Solutions Advisory Networks Security Learning"
)
COMPANY_FORMS = ["", "", "", " Ltd", " Inc.", " GmbH", " S.A.", " LLP", " plc", " & Co."]
UNIVERSITIES = [
    "University of Leeds",
    "Universidad de Sevilla",
    "Université de Lyon",
    "TU München",
    "IIT Bombay",
    "Tsinghua University",
    "University of Lagos",
    "Uniwersytet Jagielloński",
]
SENIORITY = ["", "", "", "Junior ", "Senior ", "Lead ", "Principal ", "Associate "]
FUNCTIONS = [
    "Software Engineer",
    "Data Analyst",
    "Product Manager",
    "Research Analyst",
    "Sustainability Consultant",
    "Credit Analyst",
    "Marketing Manager",
    "UX Designer",
    "Recruiter",
    "Operations Manager",
    "Policy Advisor",
    "Investment Associate",
    "Data Scientist",
    "Account Executive",
    "Project Manager",
    "Finance Manager",
    "Climate Risk Analyst",
    "Teaching Fellow",
    "Nurse",
    "Solicitor",
]
OTHER_POSITIONS = [
    "Founder",
    "Co-founder & CEO",
    "Student",
    "PhD Candidate",
    "Intern",
    "Freelance Translator",
    "Director, Strategy & Operations",
    "Chief of Staff",
]
EMAIL_DOMAINS = ["gmail.com", "outlook.com", "yahoo.com", "proton.me", "icloud.com"]
# Letters that do not decompose into a Latin letter and an accent.
TRANSLITERATE = str.maketrans(
    {
        "ß": "ss",
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "æ": "ae",
        "Æ": "AE",
    }
)
MONTHS = words("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec")


def ascii_slug(text: str) -> str:
    """'José García' -> 'jose-garcia'; non-Latin names give '' (LinkedIn then uses an id)."""
    plain = unicodedata.normalize("NFKD", text.translate(TRANSLITERATE))
    plain = plain.encode("ascii", "ignore").decode()
    parts = "".join(char if char.isalnum() else " " for char in plain.lower()).split()
    return "-".join(parts)


def companies(rng: random.Random, count: int = COMPANY_COUNT) -> list[str]:
    """Distinct company names; a few well known by their bare name, most with a suffix."""
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < count:
        name = f"{rng.choice(COMPANY_WORDS)} {rng.choice(COMPANY_KINDS)}"
        name += rng.choice(COMPANY_FORMS) if len(names) > 40 else ""
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names + UNIVERSITIES


def _long_tail_weights(count: int) -> list[float]:
    # Zipf-like: the largest employer has a few hundred connections, most have one or two.
    return [1 / (rank + 10) for rank in range(1, count + 1)]


def _name(rng: random.Random, cultures: list, weights: list[int]) -> tuple[str, str]:
    _weight, firsts, lasts = rng.choices(cultures, weights)[0]
    first = rng.choice(firsts)
    if rng.random() < 0.04:  # a double first name or a middle initial
        first = f"{first} {rng.choice(firsts) if rng.random() < 0.5 else rng.choice('ABCDJMS')}."
    return first, rng.choice(lasts)


def _position(rng: random.Random) -> str:
    if rng.random() < NO_POSITION_SHARE:
        return ""
    if rng.random() < 0.08:
        return rng.choice(OTHER_POSITIONS)
    return f"{rng.choice(SENIORITY)}{rng.choice(FUNCTIONS)}".strip()


def _connected_on(rng: random.Random) -> str:
    day = FIRST_CONNECTION + timedelta(
        days=rng.randrange((LAST_CONNECTION - FIRST_CONNECTION).days + 1)
    )
    return f"{day.day:02d} {MONTHS[day.month - 1]} {day.year}"


def connection_rows(rows: int, seed: int = DEFAULT_SEED) -> Iterator[list[str]]:
    """The data rows of a Connections.csv, without preamble or header."""
    rng = random.Random(seed)
    employers = companies(rng)
    cum_weights = list(accumulate(_long_tail_weights(len(employers))))
    cultures = CULTURES
    culture_weights = [weight for weight, _firsts, _lasts in cultures]
    used_slugs: set[str] = set()
    for _ in range(rows):
        if rng.random() < NAMELESS_SHARE:  # a member who left LinkedIn or hides their name
            yield ["", "", "", "", "", "", _connected_on(rng)]
            continue
        first, last = _name(rng, cultures, culture_weights)
        slug = ascii_slug(f"{first} {last}") or "profile"
        slug = f"{slug}-{rng.getrandbits(32):08x}"
        while slug in used_slugs:
            slug = f"{slug}{rng.randrange(10)}"
        used_slugs.add(slug)
        email = ""
        if rng.random() < EMAIL_SHARE:
            local = ascii_slug(f"{first} {last}").replace("-", ".") or f"user{rng.randrange(10**6)}"
            email = f"{local}{rng.randrange(100)}@{rng.choice(EMAIL_DOMAINS)}"
        company = (
            ""
            if rng.random() < NO_COMPANY_SHARE
            else rng.choices(employers, cum_weights=cum_weights)[0]
        )
        yield [
            first,
            last,
            f"https://www.linkedin.com/in/{slug}",
            email,
            company,
            _position(rng),
            _connected_on(rng),
        ]


def connections_csv(rows: int, seed: int = DEFAULT_SEED) -> str:
    """A whole Connections.csv as LinkedIn exports it (the preamble, the header, the rows)."""
    out = io.StringIO()
    out.write(PREAMBLE)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(connection_rows(rows, seed))
    return out.getvalue()


# A rich account, for export and restore ---------------------------------------------------

START = datetime(2025, 1, 6, 9, 0, tzinfo=UTC)


def build_account(user: object, *, seed: int = DEFAULT_SEED, contacts: int = 2000) -> int:
    """Fill an (empty) account with a year of networking; returns how many records it made.

    Per contact, on average: 3 messages, 0.8 replies, 0.4 conversations (each with 5 chosen
    questions, 3 takeaways and sometimes a referral) and 1.5 follow-ups.
    """
    from coffeechat.network.people.models import Contact, HowKnown
    from coffeechat.network.research.models import Field, Organization
    from coffeechat.pipeline.conversations.models import (
        Conversation,
        ConversationQuestion,
        Referral,
        Status,
        Takeaway,
    )
    from coffeechat.pipeline.followups.models import FollowUp
    from coffeechat.pipeline.outreach.models import Message, Purpose, Reply

    rng = random.Random(seed)
    made = 0

    def create(model: type, objects: list) -> list:
        nonlocal made
        made += len(objects)
        return model.objects.bulk_create(objects, batch_size=1000)

    fields = create(
        Field,
        [
            Field(owner=user, name=name, notes="Why it matters to me.")
            for name in ("Climate finance", "Public health", "Data for good")
        ],
    )
    orgs = create(
        Organization,
        [
            Organization(
                owner=user,
                name=name,
                field=rng.choice(fields),
                industry=rng.choice(COMPANY_KINDS),
                location=rng.choice(["London", "Leeds", "Madrid", "Lagos", "Berlin", "Remote"]),
                motivation=rng.randrange(4),
                posting=rng.randrange(1, 4),
                notes=f"Research notes on **{name}**.",
            )
            for name in companies(rng, max(10, contacts // 10))
        ],
    )
    cultures, culture_weights = CULTURES, [weight for weight, _f, _l in CULTURES]
    people = []
    for _ in range(contacts):
        first, last = _name(rng, cultures, culture_weights)
        slug = ascii_slug(f"{first} {last}") or "profile"
        people.append(
            Contact(
                owner=user,
                first_name=first,
                last_name=last,
                organization=rng.choice(orgs),
                email=f"{slug.replace('-', '.') or 'someone'}{rng.randrange(1000)}@example.org",
                linkedin_url=f"https://www.linkedin.com/in/{slug}-{rng.getrandbits(32):08x}",
                role=_position(rng),
                location=rng.choice(["London", "Leeds", "Remote", ""]),
                how_known=rng.choice(HowKnown.values),
                notes="Met at the careers fair; ask about the path in.",
            )
        )
    people = create(Contact, people)
    messages, replies, conversations, followups = [], [], [], []
    for index, person in enumerate(people):
        sent = START + timedelta(days=index % 300, minutes=rng.randrange(600))
        for number in range(rng.choice([1, 2, 3, 3, 4, 5])):
            messages.append(
                Message(
                    owner=user,
                    contact=person,
                    purpose=rng.choice(Purpose.values),
                    subject=f"Your advice on {rng.choice(FUNCTIONS).lower()}",
                    body=f"Dear {person.first_name},\n\nI found you through the alumni network. "
                    "Would you have 15-20 minutes for a call?\n\nThank you",
                    sent_at=sent + timedelta(days=7 * number),
                )
            )
        if rng.random() < 0.8:
            replies.append(
                Reply(
                    owner=user,
                    contact=person,
                    received_on=(sent + timedelta(days=2)).date(),
                    note="Happy to talk next week.",
                )
            )
        if rng.random() < 0.4:
            conversations.append(
                Conversation(
                    owner=user,
                    contact=person,
                    scheduled_at=sent + timedelta(days=10),
                    time_zone="Europe/London",
                    status=rng.choice(Status.values),
                    goal="Learn how they moved into the field.",
                    notes="Notes from the call.",
                    learned="Networking beats applying cold.",
                    next_steps="Write to the referral.",
                )
            )
        for number in range(rng.choice([0, 1, 2, 3])):
            followups.append(
                FollowUp(
                    owner=user,
                    contact=person,
                    kind=rng.choice(["no_reply", "nudge", "follow_up"]),
                    due_on=(sent + timedelta(days=3 + 4 * number)).date(),
                    note="Check in.",
                )
            )
    create(Message, messages)
    create(Reply, replies)
    conversations = create(Conversation, conversations)
    create(FollowUp, followups)
    questions, takeaways, referrals = [], [], []
    referable = iter(rng.sample(people, len(people)))
    for conversation in conversations:
        questions += [
            ConversationQuestion(
                conversation=conversation,
                text=f"Question {n + 1}?",
                category="path",
                position=n,
                notes="Their answer.",
            )
            for n in range(5)
        ]
        takeaways += [
            Takeaway(
                conversation=conversation,
                kind=rng.choice(["advice", "resource"]),
                text="Read the annual report before applying.",
            )
            for _ in range(3)
        ]
        if rng.random() < 0.3:
            referred = next(referable, None)
            if referred is not None and referred.pk != conversation.contact_id:
                referrals.append(
                    Referral(
                        conversation=conversation, contact=referred, may_use_name=rng.random() < 0.5
                    )
                )
    create(ConversationQuestion, questions)
    create(Takeaway, takeaways)
    create(Referral, referrals)
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=30_000, help="connections (default 30000)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="default 42")
    parser.add_argument("--out", type=Path, help="write here instead of standard output")
    args = parser.parse_args(argv)
    text = connections_csv(args.rows, args.seed)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
