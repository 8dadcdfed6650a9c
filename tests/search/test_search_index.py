"""The search index: kept current by every write path, case- and accent-insensitive, prefixes,
phrases and exclusions, scoped to its owner. Runs on SQLite (FTS5) and on PostgreSQL
(tsvector + unaccent) alike: `make test-postgres` runs these same queries there."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import connection

from coffeechat.method.search_query import parse
from coffeechat.network.people.models import Contact, OtherAddress
from coffeechat.network.research.models import Organization
from coffeechat.pages.search import index
from coffeechat.pages.search.queries import grouped
from coffeechat.pipeline.conversations.models import ConversationQuestion
from factories import contact, held, referral, sent, takeaway


def found(owner, text: str) -> set[tuple[str, str]]:
    """(kind, label) of everything the search finds."""
    return {
        (group.info.slug, result.label)
        for group in grouped(owner, parse(text), per_kind=50)
        for result in group.results
    }


@pytest.fixture
def zoe(alice):
    return contact(
        alice,
        first_name="Zoë",
        last_name="Hernández",
        role="Nurse educator",
        notes="Trained in nursing at UIC; mentors new grads.",
        org="Rush Medical",
    )


def test_it_finds_names_without_their_accents_and_in_any_case(alice, zoe):
    assert ("people", "Zoë Hernández") in found(alice, "zoe")
    assert ("people", "Zoë Hernández") in found(alice, "HERNANDEZ")
    assert ("people", "Zoë Hernández") in found(alice, "Zoë hernández")


def test_it_searches_contact_notes_and_matches_words_as_prefixes(alice, zoe):
    assert ("people", "Zoë Hernández") in found(alice, "nursing")
    assert ("people", "Zoë Hernández") in found(alice, "UIC")
    assert ("people", "Zoë Hernández") in found(alice, "nurs")
    assert ("people", "Zoë Hernández") in found(alice, "hern")


def test_phrases_must_match_in_order_and_exclusions_leave_records_out(alice, zoe):
    contact(alice, "Ada Nursing", notes="grads mentors new")
    assert {label for _, label in found(alice, '"mentors new grads"')} == {"Zoë Hernández"}
    assert {label for _, label in found(alice, "mentors -uic")} == {"Ada Nursing"}
    assert found(alice, "-uic") == set()


@pytest.mark.parametrize(
    "text",
    [
        '"',
        '"unclosed',
        "AND OR NOT",
        "(",
        "*",
        "zoe*",
        "NEAR(a b)",
        "-",
        "' OR 1=1 --",
        "^x",
        "{a b}: c",
        "\x00",
    ],
)
def test_query_syntax_never_fails(alice, zoe, text):
    found(alice, text)  # no exception


def test_another_users_records_never_show(alice, bob, zoe):
    theirs = contact(bob, first_name="Zoë", last_name="Bobsdottir", notes="nursing")
    chat = held(theirs, notes="zoe nursing")
    ConversationQuestion.objects.create(conversation=chat, text="Day?", notes="nursing zoe")
    takeaway(chat, "zoe nursing advice")
    assert {kind for kind, _ in found(bob, "zoe nursing")} == {
        "people",
        "conversations",
        "questions",
        "advice",
    }
    assert found(alice, "zoe nursing") == {("people", "Zoë Hernández")}


def test_an_edit_a_rename_and_a_delete_show_at_once(alice, zoe):
    zoe.notes = "Now in oncology"
    zoe.save()
    assert found(alice, "uic") == set()
    assert ("people", "Zoë Hernández") in found(alice, "oncology")
    Contact.objects.filter(pk=zoe.pk).update(last_name="Quintero")  # a queryset update too
    assert found(alice, "hernandez") == set()
    zoe.delete()
    assert found(alice, "quintero") == set()


def test_bulk_created_records_are_indexed(alice):
    Organization.objects.bulk_create(
        [Organization(owner=alice, name=f"Société {n}", notes="logistics") for n in range(3)]
    )
    assert {label for _, label in found(alice, "societe")} == {f"Société {n}" for n in range(3)}


def test_other_addresses_find_the_contact(alice, zoe):
    OtherAddress.objects.create(owner=alice, contact=zoe, kind="email", address="zh@rush.example")
    assert found(alice, "rush.example") == {("addresses", "Zoë Hernández")}
    OtherAddress.objects.filter(contact=zoe).delete()
    assert found(alice, "rush.example") == set()


def test_conversation_records_are_found_with_a_link_to_the_exact_place(alice, zoe):
    chat = held(zoe, notes="Talked about night shifts")
    question = ConversationQuestion.objects.create(
        conversation=chat, text="What is a typical day like?", notes="Rounds at 7, charting, café"
    )
    takeaway(chat, "Join the Illinois Nurses Association")
    takeaway(chat, "Read Ségolène's handbook", kind="resource")
    referral(chat, "Marisol Peña")
    sent(zoe, subject="Merci beaucoup", body="Thank you for the café chat")
    groups = {g.info.slug: g for g in grouped(alice, parse("cafe"), per_kind=10)}
    assert groups["questions"].results[0].url == f"/conversations/{chat.pk}/#question-{question.pk}"
    assert "<mark>café</mark>" in groups["questions"].results[0].snippet
    assert "messages" in groups
    assert (
        "conversations",
        f"Conversation with Zoë Hernández on {chat.local_start():%-d %B %Y}",
    ) in found(alice, "night shifts")
    assert ("advice", "Join the Illinois Nurses Association") in found(alice, "illinois")
    assert ("resources", "Read Ségolène's handbook") in found(alice, "segolene")
    [people] = grouped(alice, parse("pena"), per_kind=5)
    assert people.results[0].context == "introduced by Zoë Hernández"


def test_highlights_are_escaped(alice):
    contact(alice, first_name="<b>Bold</b>", notes="pay < 50k & hours > 40 in nursing")
    [group] = grouped(alice, parse("nursing"), per_kind=5)
    [result] = group.results
    assert str(result.title) == "&lt;b&gt;Bold&lt;/b&gt;"
    assert "hours &gt; 40 in <mark>nursing</mark>" in result.snippet
    assert "<mark>nursing</mark>" in result.snippet


def test_a_rebuild_restores_a_damaged_index(alice, zoe):
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {index.TABLE}")
    assert found(alice, "zoe") == set()
    index.rebuild(connection)
    assert ("people", "Zoë Hernández") in found(alice, "zoe")


def test_migrate_indexes_records_written_while_the_index_was_missing(alice):
    index.uninstall(connection)
    contact(alice, first_name="Zoë", last_name="Hernández")
    call_command("migrate", verbosity=0)
    assert index.is_current(connection)
    assert ("people", "Zoë Hernández") in found(alice, "zoe")
