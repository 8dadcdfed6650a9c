"""How fast the search box answers on a big account: p50 and p95 of whole searches.

    .venv/bin/python bench/search.py                          # SQLite: 100,000 notes, one user
    scripts/with-postgres .venv/bin/python bench/search.py --users 200 --contacts 1000

SQLite (no DATABASE_URL): one user with --notes notes, most of them under conversation
questions (the costliest kind: their owner is found through the conversation), the rest in
contacts' notes. PostgreSQL (DATABASE_URL set, e.g. by scripts/with-postgres): --users users
with --contacts contacts each, every contact with notes; one user's searches are timed.

Each search is what the page does: the grouped query, the snippets and the records it links to
(coffeechat.pages.search.queries.grouped), timed over a mix of typed prefixes, names without
their accents, phrases and exclusions. The aim: p95 under 20 ms on SQLite, 50 ms on PostgreSQL.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

SEED = 12
WORDS = [
    "nursing",
    "clinic",
    "patient",
    "rounds",
    "charting",
    "shift",
    "hospital",
    "residency",
    "mentor",
    "association",
    "finance",
    "climate",
    "bonds",
    "audit",
    "analyst",
    "consulting",
    "supply",
    "chain",
    "logistics",
    "pricing",
    "product",
    "design",
    "research",
    "interview",
    "referral",
    "network",
    "alumni",
    "chapter",
    "conference",
    "salary",
    "hiring",
    "manager",
    "team",
    "culture",
    "remote",
    "office",
    "training",
    "certificate",
    "license",
    "community",
    "health",
    "policy",
    "data",
    "python",
    "spreadsheet",
    "budget",
    "grant",
    "nonprofit",
    "school",
    "teacher",
    "curriculum",
    "startup",
]
NAMES = [
    ("Zoë", "Hernández"), ("José", "Álvarez"), ("Ségolène", "Dupré"), ("Priya", "Shah"),
    ("Łukasz", "Nowak"), ("Chloé", "Müller"), ("Sam", "Lee"), ("Inés", "Peña"),
    ("Björn", "Åström"), ("Amara", "Okafor"),
]  # fmt: skip
QUERIES = [
    "zo", "zoe", "hern", "hernandez", "jose alvarez", "segolene", "nurs", "nursing",
    "nursing rounds", '"supply chain"', "climate -audit", "mentor chapter", "pa", "pat",
    "patient", "lukasz", "muller", "astrom", "grant nonprofit", "python data",
    '"hiring manager"', "residency -hospital", "uic", "montreal", "co", "con", "conf",
    "conference", "salary", "okafor amara",
]  # fmt: skip


COMMON = [
    "the",
    "and",
    "to",
    "of",
    "a",
    "in",
    "for",
    "with",
    "is",
    "on",
    "at",
    "they",
    "that",
    "it",
    "was",
    "about",
]
SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "nu",
    "pe",
    "ra",
    "si",
    "to",
    "vu",
    "ze",
    "bar",
    "den",
    "fil",
    "gor",
    "han",
    "jus",
    "kel",
    "mon",
    "pri",
    "sta",
]


def vocabulary(rng: random.Random, size: int = 20_000) -> tuple[list[str], list[float]]:
    """Words as notes use them: a few everywhere, a long tail of rare ones (Zipf's law)."""
    made = {"".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(size)}
    words = COMMON + WORDS + sorted(made)
    weights = [1.0 / rank for rank in range(1, len(words) + 1)]
    cumulative = list(itertools.accumulate(weights))
    return words, cumulative


def sentence(rng: random.Random, words: int, vocab: tuple[list[str], list[float]]) -> str:
    picked = rng.choices(vocab[0], cum_weights=vocab[1], k=words)
    if rng.random() < 0.02:
        picked.append(rng.choice(["Montréal", "UIC", "Zoë"]))
    return " ".join(picked).capitalize() + "."


def set_up_django() -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "coffeechat.settings"
    if not os.environ.get("COFFEECHAT_HOME"):
        os.environ["COFFEECHAT_HOME"] = tempfile.mkdtemp(prefix="coffeechat-bench-search-")
    import django  # after the environment is set: settings read it once

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build_sqlite(notes: int) -> int:
    from coffeechat.foundation.accounts.services import create_user
    from coffeechat.network.people.models import Contact
    from coffeechat.pipeline.conversations.models import Conversation, ConversationQuestion

    rng = random.Random(SEED)
    vocab = vocabulary(rng)
    owner = create_user(username="maya", password="a long bench passphrase 42")
    contacts = max(1, notes // 10)
    Contact.objects.bulk_create(
        [
            Contact(
                owner=owner,
                first_name=NAMES[n % len(NAMES)][0],
                last_name=f"{NAMES[n % len(NAMES)][1]} {n}",
                notes=sentence(rng, 25, vocab),
            )
            for n in range(contacts)
        ],
        batch_size=2000,
    )
    people = list(Contact.objects.filter(owner=owner).values_list("pk", flat=True))
    at = datetime(2026, 11, 18, 10, tzinfo=UTC)
    chats = Conversation.objects.bulk_create(
        [
            Conversation(owner=owner, contact_id=rng.choice(people), scheduled_at=at)
            for _ in range(max(1, (notes - contacts) // 20))
        ],
        batch_size=2000,
    )
    questions = notes - contacts
    ConversationQuestion.objects.bulk_create(
        [
            ConversationQuestion(
                conversation=chats[n % len(chats)],
                text=f"Question {n % 40}: what is {rng.choice(WORDS)} like?",
                notes=sentence(rng, 30, vocab),
            )
            for n in range(questions)
        ],
        batch_size=2000,
    )
    return int(owner.pk)


def build_postgres(users: int, contacts: int) -> int:
    from coffeechat.foundation.accounts.services import create_user
    from coffeechat.network.people.models import Contact

    rng = random.Random(SEED)
    vocab = vocabulary(rng)
    for u in range(users):
        owner = create_user(username=f"user{u}", password="a long bench passphrase 42")
        Contact.objects.bulk_create(
            [
                Contact(
                    owner=owner,
                    first_name=NAMES[n % len(NAMES)][0],
                    last_name=f"{NAMES[n % len(NAMES)][1]} {n}",
                    role=rng.choice(WORDS),
                    notes=sentence(rng, 25, vocab),
                )
                for n in range(contacts)
            ],
            batch_size=2000,
        )
        if u % 20 == 19:
            print(f"  {u + 1} users", file=sys.stderr)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return user_pk(users // 2)


def user_pk(index: int) -> int:
    """A user in the middle of the crowd, not the first created."""
    from coffeechat.foundation.accounts.models import User

    return int(User.objects.get(username=f"user{index}").pk)


def measure(owner_id: int, rounds: int) -> list[float]:
    from coffeechat.foundation.accounts.models import User
    from coffeechat.method.search_query import parse
    from coffeechat.pages.search.queries import grouped

    owner = User.objects.get(pk=owner_id)
    for text in QUERIES:  # warm the caches once
        grouped(owner, parse(text), 10)
    times = []
    by_query: dict[str, list[float]] = {}
    for _ in range(rounds):
        for text in QUERIES:
            start = time.perf_counter()
            grouped(owner, parse(text), 10)
            took = (time.perf_counter() - start) * 1000
            times.append(took)
            by_query.setdefault(text, []).append(took)
    if os.environ.get("BENCH_VERBOSE"):
        for text, took in sorted(by_query.items(), key=lambda item: -max(item[1])):
            print(f"  {max(took):7.1f} ms  {text}")
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--notes", type=int, default=100_000, help="SQLite: notes of one user")
    parser.add_argument("--users", type=int, default=200, help="PostgreSQL: users")
    parser.add_argument("--contacts", type=int, default=1000, help="PostgreSQL: contacts each")
    parser.add_argument("--rounds", type=int, default=5, help="times each query is run")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    set_up_django()
    from django.db import connection

    started = time.perf_counter()
    if connection.vendor == "postgresql":
        owner_id = build_postgres(args.users, args.contacts)
        what = f"PostgreSQL, one user among {args.users} x {args.contacts:,} contacts"
        aim = 50.0
    else:
        owner_id = build_sqlite(args.notes)
        what = f"SQLite, {args.notes:,} notes of one user"
        aim = 20.0
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM search_index")
        indexed = cursor.fetchone()[0]
    print(f"built in {time.perf_counter() - started:.0f} s; {indexed:,} rows indexed")
    times = measure(owner_id, args.rounds)
    p50 = statistics.median(times)
    p95 = statistics.quantiles(times, n=20)[18]
    verdict = "within" if p95 < aim else "OVER"
    print(
        f"{what}: {len(times)} searches, p50 {p50:.1f} ms, p95 {p95:.1f} ms, "
        f"max {max(times):.1f} ms ({verdict} the {aim:.0f} ms aim)"
    )
    return 0 if p95 < aim else 1


if __name__ == "__main__":
    raise SystemExit(main())
