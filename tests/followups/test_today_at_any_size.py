"""Today, the Follow-ups list and the digest stay the same size and cost at 20,000 follow-ups."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse

import factories as make
from coffeechat.edges.cli import main
from coffeechat.pages.reminders import digest
from coffeechat.pages.today.queries import DUE_NOW_CAP, today_list
from coffeechat.pipeline.followups.models import FollowUp

NOW = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)  # a Friday
TODAY = date(2026, 11, 20)


def _pile(owner, count: int, *, first_due: date, people: int = 40) -> None:
    """`count` open follow-ups spread over a few people, one a day back from `first_due`."""
    contacts = [make.contact(owner, f"Person{n} Pile", org=f"Org {n % 7}") for n in range(people)]
    FollowUp.objects.bulk_create(
        FollowUp(
            owner=owner,
            contact=contacts[n % people],
            kind=["follow_up", "contact_referral", "keep_in_touch"][n % 3],
            due_on=first_due - timedelta(days=n % 2000),
        )
        for n in range(count)
    )


@time_machine.travel(NOW, tick=False)
def test_today_shows_the_overdue_cap_and_counts_the_rest(alice_client, alice):
    _pile(alice, 45, first_due=TODAY)  # one due today, 44 overdue
    listed = today_list(alice)
    assert listed.due_now == 45
    assert listed.shown_due_now == DUE_NOW_CAP + 1
    page = alice_client.get(reverse("followups:today")).content.decode()
    assert page.count('" id="followup-') == DUE_NOW_CAP + 1
    assert f"Showing {DUE_NOW_CAP} of 44 overdue follow-ups" in page
    assert f'href="{reverse("followups:list")}?due=overdue">Show all 44 overdue</a>' in page


@time_machine.travel(NOW, tick=False)
def test_a_small_today_has_no_show_all_line(alice_client, alice):
    _pile(alice, 5, first_due=TODAY)
    page = alice_client.get(reverse("followups:today")).content.decode()
    assert page.count('" id="followup-') == 5
    assert "Show all" not in page


@time_machine.travel(NOW, tick=False)
def test_today_at_20000_follow_ups_runs_a_fixed_number_of_queries_and_stays_small(
    alice_client, alice, django_assert_max_num_queries
):
    _pile(alice, 300, first_due=TODAY)
    small = alice_client.get(reverse("followups:today")).content
    _pile(alice, 20_000, first_due=TODAY - timedelta(days=1))
    with django_assert_max_num_queries(20):
        response = alice_client.get(reverse("followups:today"))
    page = response.content.decode()
    assert "Show all 20299 overdue" in page
    assert len(response.content) < len(small) * 1.2


@time_machine.travel(NOW, tick=False)
def test_the_follow_ups_list_at_20000_rows_is_one_page(
    alice_client, alice, django_assert_max_num_queries
):
    _pile(alice, 20_000, first_due=TODAY)
    with django_assert_max_num_queries(10):
        response = alice_client.get(reverse("followups:list"), {"due": "now", "page": 7})
    page = response.content.decode()
    assert page.count('<tr id="followup-') == 50
    assert "301&ndash;350 of 20000 follow-ups" in page
    assert len(response.content) < 120_000


@time_machine.travel(NOW, tick=False)
def test_the_digest_at_20000_follow_ups_lists_the_cap_and_counts_all(
    alice, django_assert_max_num_queries
):
    _pile(alice, 20_000, first_due=TODAY)
    with django_assert_max_num_queries(20):
        mail = digest.compose(alice, NOW, base="https://cc.example")
    assert mail is not None
    assert mail.count == 20_000
    assert (
        mail.subject == "Coffeechat: 20000 things due today (19990 overdue)"
    )  # one in 2000 is due today
    assert mail.body.count("\n- ") == DUE_NOW_CAP + 10  # every one due today is listed
    assert "And 19960 more overdue, oldest first: https://cc.example/followups/?due=overdue" in (
        mail.body
    )
    assert len(mail.body) < 20_000


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"due": "overdue"}, ["Old Overdue"]),
        ({"due": "today"}, ["Due Today"]),
        ({"due": "week"}, ["Next Week"]),
        ({"due": "later"}, ["Far Later"]),
        ({"kind": "thank_you"}, ["Due Today"]),
        ({"status": "done"}, ["Done Already"]),
    ],
)
def test_the_follow_ups_list_filters_from_the_url(alice_client, alice, query, expected):
    rows = {
        "Old Overdue": (TODAY - timedelta(days=30), "follow_up", None),
        "Due Today": (TODAY, "thank_you", None),
        "Next Week": (TODAY + timedelta(days=3), "follow_up", None),
        "Far Later": (TODAY + timedelta(days=60), "keep_in_touch", None),
        "Done Already": (TODAY - timedelta(days=2), "follow_up", NOW),
    }
    for name, (due_on, kind, done_at) in rows.items():
        FollowUp.objects.create(
            owner=alice,
            contact=make.contact(alice, name),
            kind=kind,
            due_on=due_on,
            done_at=done_at,
        )
    page = alice_client.get(reverse("followups:list"), query).content.decode()
    table = page.split('id="followup-list"', 1)[1].split("</table>", 1)[0]
    assert [name for name in rows if name in table] == expected


@time_machine.travel(NOW, tick=False)
def test_the_follow_ups_list_sorts_by_who_and_keeps_the_filter(alice_client, alice):
    for name, days in (("Cleo", 1), ("Abe", 2), ("Bea", 3)):
        FollowUp.objects.create(
            owner=alice,
            contact=make.contact(alice, name),
            kind="follow_up",
            due_on=TODAY - timedelta(days=days),
        )
    page = alice_client.get(reverse("followups:list"), {"due": "now", "sort": "who"})
    text = page.content.decode()
    assert text.index("Abe") < text.index("Bea") < text.index("Cleo")
    assert "?due=now&amp;sort=-who" in text  # the heading reverses, the filter stays
    by_due = alice_client.get(reverse("followups:list"), {"due": "now"}).content.decode()
    assert by_due.index("Abe") < by_due.index("Cleo")  # oldest first by default


@time_machine.travel(NOW, tick=False)
def test_another_users_follow_ups_never_show_on_the_list(bob_client, alice):
    FollowUp.objects.create(
        owner=alice, contact=make.contact(alice, "Secret Person"), kind="follow_up", due_on=TODAY
    )
    page = bob_client.get(reverse("followups:list"), {"due": "now"}).content.decode()
    assert "Secret Person" not in page
    assert "Nothing open that matches." in page


@time_machine.travel(NOW, tick=False)
def test_the_command_line_says_how_many_more_than_it_prints(alice, capsys):
    _pile(alice, 45, first_due=TODAY)
    assert main(["today", "--user", "alice"]) == 0
    printed = capsys.readouterr().out
    assert "... and 14 more overdue: the Follow-ups page (/followups/?due=overdue)" in printed
    assert printed.count("OVERDUE") == DUE_NOW_CAP
    assert printed.count("TODAY ") == 1
