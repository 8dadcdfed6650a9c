"""What each line of the Contacts list shows and links to, read without model instances."""

from __future__ import annotations

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import factories as make
from coffeechat.network.people.models import HowKnown


def line_of(page: str, pk: int) -> str:
    start = page.index(f'name="contact" value="{pk}"')
    return page[start : page.index("</tr>", start)]


def test_a_line_links_the_person_their_organization_and_who_introduced_them(alice_client, alice):
    acme = make.organization(alice, "Acme & Co")
    sam = make.contact(alice, "Sam Lee")
    priya = make.contact(
        alice,
        "Priya Shah",
        org=acme,
        role="Analyst",
        how_known=HowKnown.REFERRAL,
        introduced_by=sam,
    )

    line = line_of(alice_client.get(reverse("people:contacts")).content.decode(), priya.pk)

    assert f'<a href="{reverse("people:contact", args=[priya.pk])}">Priya Shah</a>' in line
    assert f'<a href="{reverse("research:organization", args=[acme.pk])}">Acme &amp; Co</a>' in line
    assert f'<a href="{reverse("people:contact", args=[sam.pk])}">Sam Lee</a>' in line
    assert "<td>Analyst</td>" in line
    assert "<td>Referral</td>" in line
    assert '<span class="badge stage">Identified</span>' in line


def test_a_line_without_organization_or_introducer_leaves_those_cells_empty(alice_client, alice):
    kim = make.contact(alice, "Kim", how_known=HowKnown.COLD)

    line = line_of(alice_client.get(reverse("people:contacts")).content.decode(), kim.pk)

    assert line.count("<a href") == 1  # only their own name
    assert "<td>Cold (no connection yet)</td>" in line
    assert "badge speed-" not in line


def test_reply_speed_and_stage_are_judged_for_the_line(alice_client, alice):
    priya = make.contact(alice, "Priya Shah")
    asked = timezone.localdate(timezone=alice.profile.tz()) - timedelta(days=30)
    make.request_sent(priya, on=asked)
    make.reply(priya, on=asked + timedelta(days=1), outcome="agreed")

    line = line_of(alice_client.get(reverse("people:contacts")).content.decode(), priya.pk)

    assert '<span class="badge stage">Replied</span>' in line
    assert '<span class="badge speed-quick">Quick to help</span>' in line


def test_the_list_runs_the_same_queries_for_3_or_40_people_with_organizations_and_introducers(
    alice_client, alice
):
    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert alice_client.get(reverse("people:contacts")).status_code == 200
        return len(captured)

    def add(n: int, start: int) -> None:
        introducer = make.contact(alice, f"Intro Ducer{start}")
        for i in range(start, start + n):
            person = make.contact(
                alice, f"Person Number{i}", org=f"Org {i}", introduced_by=introducer
            )
            make.request_sent(person)

    add(3, 0)
    few = count()
    add(37, 100)

    assert count() == few
