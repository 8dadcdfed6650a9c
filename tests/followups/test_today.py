import json
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import factories as make
from coffeechat.edges.cli import main
from coffeechat.pages.today.queries import today_items
from coffeechat.pipeline.conversations.models import Conversation
from coffeechat.pipeline.followups.models import FollowUp
from coffeechat.pipeline.followups.services import complete
from coffeechat.pipeline.services import conversation_changes, correspondence

NOW = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)  # a Friday


@pytest.fixture
def journey(alice):
    """Alice wrote to Sam a week ago, met Jo yesterday, and has a talk with Lee next Thursday."""
    org = make.organization(alice, "Acme")
    sam = make.contact(alice, "Sam Lee", org=org)
    jo = make.contact(alice, "Jo Park", org=org)
    lee = make.contact(alice, "Lee Wong")
    with time_machine.travel(NOW - timedelta(days=7), tick=False):
        correspondence.record_message(
            contact=sam, purpose="request", channel="email", subject="Hi", body="Hello",
            sent_at=NOW - timedelta(days=7),
        )  # fmt: skip
    met = Conversation.objects.create(owner=alice, contact=jo, scheduled_at=NOW - timedelta(days=1))
    conversation_changes.add_referral(
        met, first_name="Priya", last_name="Shah", organization="Green"
    )
    conversation_changes.end(
        met, learned="a lot", still_unknown="", next_steps="", now=NOW - timedelta(hours=20)
    )
    Conversation.objects.create(owner=alice, contact=lee, scheduled_at=NOW + timedelta(days=6))
    return {"sam": sam, "jo": jo, "lee": lee}


@time_machine.travel(NOW, tick=False)
def test_today_lists_overdue_then_today_then_coming_up(alice_client, journey):
    page = alice_client.get(reverse("followups:today")).content.decode()
    titles = [
        "No reply from Sam Lee (Acme)",
        "Thank Jo Park (Acme)",
        "Contact referral Priya Shah (Green)",
        "Conversation with Lee Wong",
    ]
    positions = [page.index(title) for title in titles]
    assert positions == sorted(positions)
    assert page.index("Overdue") < positions[0]
    assert page.index("Today") < positions[1]
    assert page.index("Coming up") < positions[2]


@time_machine.travel(NOW, tick=False)
def test_the_command_line_prints_the_same_items_in_the_same_order(alice, journey, capsys):
    expected = [item.title for item in today_items(alice)]
    assert main(["today", "--user", "alice", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    # After what is due come the next moves for target organizations (section "next").
    assert [row["title"] for row in printed if row["section"] != "next"] == expected
    assert printed[0]["section"] == "overdue"
    assert main(["today"]) == 0  # one user: --user may be left out
    text = capsys.readouterr().out
    assert text.index("No reply from Sam Lee") < text.index("Conversation with Lee Wong")


@time_machine.travel(NOW, tick=False)
def test_marking_a_follow_up_done_takes_it_off_today(alice_client, journey):
    followup = FollowUp.objects.get(kind="no_reply")
    alice_client.post(reverse("followups:done", args=[followup.pk]))
    assert (
        "No reply from Sam Lee" not in alice_client.get(reverse("followups:today")).content.decode()
    )
    alice_client.post(reverse("followups:reopen", args=[followup.pk]))
    assert "No reply from Sam Lee" in alice_client.get(reverse("followups:today")).content.decode()


@time_machine.travel(NOW, tick=False)
def test_another_users_follow_up_cannot_be_touched(bob_client, journey):
    followup = FollowUp.objects.get(kind="no_reply")
    assert bob_client.post(reverse("followups:done", args=[followup.pk])).status_code == 404
    followup.refresh_from_db()
    assert followup.done_at is None
    assert "Sam Lee" not in bob_client.get(reverse("followups:today")).content.decode()


@time_machine.travel(NOW, tick=False)
def test_a_conversation_whose_time_has_passed_asks_for_the_record(alice_client, alice):
    kim = make.contact(alice, "Kim")
    Conversation.objects.create(owner=alice, contact=kim, scheduled_at=NOW - timedelta(hours=2))
    items = today_items(alice)
    assert items[0].action == "Record how it went"


@time_machine.travel(NOW, tick=False)
def test_the_today_page_runs_the_same_queries_for_few_or_many_items(alice_client, alice):
    def add(n: int) -> None:
        for i in range(n):
            org = make.organization(alice, f"Org {n}-{i}")
            person = make.contact(alice, f"P{n}-{i}", org=org)
            FollowUp.objects.create(
                owner=alice, contact=person, kind="no_reply", due_on=date(2026, 11, 19)
            )
            Conversation.objects.create(
                owner=alice, contact=person, scheduled_at=NOW + timedelta(days=1)
            )

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            alice_client.get(reverse("followups:today"))
        return len(queries)

    add(2)
    few = count()
    add(20)
    assert count() == few
    assert "P20-19" in alice_client.get(reverse("followups:today")).content.decode()


def test_the_empty_today_page_says_what_to_do_next(alice_client):
    page = alice_client.get(reverse("followups:today")).content.decode()
    assert "Nothing is due." in page
    assert "Research a target organization" in page


def test_today_requires_login(client, db):
    response = client.get(reverse("followups:today"))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


@time_machine.travel(NOW, tick=False)
def test_people_quick_to_help_come_first_on_the_page_and_in_the_command_line(
    alice_client, alice, capsys
):
    zoe = make.contact(alice, "Zoe Quick")
    abe = make.contact(alice, "Abe Unknown")
    correspondence.record_message(
        contact=zoe, purpose="request", channel="email", subject="Hi", body="Hello",
        sent_at=datetime(2026, 11, 2, 10, tzinfo=UTC),
    )  # fmt: skip
    correspondence.record_reply(contact=zoe, received_on=date(2026, 11, 3), outcome="replied")
    complete(zoe.followups.get(kind="schedule"))  # answered her: "Nothing more to do"
    # Abe's item has waited a week, Zoe's a day: Zoe answered within a day, so she comes first.
    FollowUp.objects.create(owner=alice, contact=abe, kind="no_reply", due_on=date(2026, 11, 13))
    FollowUp.objects.create(owner=alice, contact=zoe, kind="follow_up", due_on=date(2026, 11, 19))
    expected = ["Follow up with Zoe Quick", "No reply from Abe Unknown"]
    assert [item.title for item in today_items(alice)] == expected
    page = alice_client.get(reverse("followups:today")).content.decode()
    assert page.index(expected[0]) < page.index(expected[1])
    assert main(["today", "--user", "alice", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert [row["title"] for row in printed if row["section"] != "next"] == expected


def test_the_navigation_marks_only_the_page_you_are_on(alice_client):
    today = alice_client.get(reverse("followups:today")).content.decode()
    followups = alice_client.get(reverse("followups:list")).content.decode()
    assert today.count('aria-current="page"') == 1
    assert f'<a href="{reverse("followups:today")}" aria-current="page">Today</a>' in today
    assert followups.count('aria-current="page"') == 1
    assert 'aria-current="page"><span class="num">6</span> Follow-ups</a>' in followups
