"""Today's "Next moves": the top 5 targets nobody has been approached at yet."""

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import factories as make
from coffeechat.network.people.models import HowKnown
from coffeechat.pages.research.queries import next_moves_for
from coffeechat.pipeline.services import correspondence


def today(client) -> str:
    return client.get(reverse("followups:today")).content.decode()


@pytest.fixture
def green(alice):
    return make.organization(alice, "Green Bank", motivation=3, posting=3)


def test_a_top_target_with_nobody_there_asks_you_to_find_someone(alice_client, green):
    page = today(alice_client)
    assert "Find someone at Green Bank" in page
    assert reverse("research:organization", args=[green.pk]) in page


def test_a_contact_there_turns_it_into_a_request_to_the_warmest_one(alice_client, alice, green):
    make.contact(alice, "Cal", org=green, how_known="cold")
    priya = make.contact(alice, "Priya Shah", org=green, how_known="alumni")
    page = today(alice_client)
    assert "Find someone at Green Bank" not in page
    assert "Write to Priya Shah at Green Bank" in page
    assert reverse("outreach:compose", args=[priya.pk]) in page


def test_once_someone_there_is_written_to_the_move_gives_way_to_the_follow_ups(
    alice_client, alice, green
):
    priya = make.contact(alice, "Priya", org=green)
    correspondence.record_message(
        contact=priya,
        purpose="request",
        channel="email",
        subject="Hello",
        body="Hi",
        sent_at=datetime(2026, 11, 24, 14, 0, tzinfo=UTC),
    )
    assert "Write to Priya" not in today(alice_client)
    assert next_moves_for(alice) == []


def test_only_the_top_five_targets_get_a_move(alice_client, alice):
    for n, motivation in enumerate([3, 3, 2, 2, 1, 0, 0]):
        make.organization(alice, f"Org {n}", motivation=motivation)
    moves = next_moves_for(alice)
    assert [m.organization for m in moves] == ["Org 0", "Org 1", "Org 2", "Org 3", "Org 4"]


def test_another_users_targets_never_show(bob_client, green):
    assert "Green Bank" not in today(bob_client)


def test_next_moves_cost_the_same_queries_however_many_contacts(alice, green):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            next_moves_for(alice)
        return len(queries)

    kim = make.contact(alice, "Kim", how_known=HowKnown.FRIEND)
    make.contact(alice, "A", org=green, introduced_by=kim)
    few = count()
    for n in range(5):
        org = make.organization(alice, f"Org {n}", motivation=3)
        for m in range(4):
            make.contact(alice, f"P{n}{m}", org=org, introduced_by=kim, how_known="linkedin")
    assert count() == few


@pytest.fixture
def lena(alice):
    return make.contact(alice, "Lena Ortiz", email="lena@x.example", how_known=HowKnown.FRIEND)


@pytest.fixture
def weak_sam(alice, green, lena):
    return make.contact(
        alice, "Sam Lee", org=green, how_known=HowKnown.LINKEDIN, introduced_by=lena
    )


def test_a_weak_tie_links_to_asking_the_introducer_with_the_introduction_template(
    alice_client, alice, weak_sam
):
    ask = reverse("outreach:compose", args=[weak_sam.pk]) + "?situation=ask_introduction"
    page = today(alice_client)
    assert f'<a class="button" href="{ask}">Ask Lena Ortiz to introduce you</a>' in page
    compose = alice_client.get(ask)
    assert compose.context["template"].situation == "ask_introduction"
    assert compose.context["to"].first_name == "Lena"
    text = compose.content.decode()
    assert "<h1>Ask Lena Ortiz to introduce you to Sam Lee</h1>" in text
    assert "Hi Lena," in text and "Would you introduce me to Sam Lee?" in text


def test_once_the_introducer_is_asked_the_move_gives_way(alice, green, lena, weak_sam):
    correspondence.record_message(
        contact=lena, purpose="introduction", channel="email", subject="Intro?", body="Hi Lena",
        sent_at=datetime(2026, 11, 24, 14, 0, tzinfo=UTC), introduction_to=weak_sam,
    )  # fmt: skip
    assert next_moves_for(alice) == []


def test_being_asked_for_an_introduction_does_not_put_the_introducers_organization_in_play(
    alice, green, lena, weak_sam
):
    # Lena works at another top target; asking her for an introduction is not approaching it.
    blue = make.organization(alice, "Blue Fund", motivation=3)
    lena.organization = blue
    lena.save()
    correspondence.record_message(
        contact=lena, purpose="introduction", channel="email", subject="Intro?", body="Hi Lena",
        sent_at=datetime(2026, 11, 24, 14, 0, tzinfo=UTC), introduction_to=weak_sam,
    )  # fmt: skip
    assert [move.title for move in next_moves_for(alice)] == ["Write to Lena Ortiz at Blue Fund"]
