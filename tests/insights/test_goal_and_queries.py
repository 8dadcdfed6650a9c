"""Setting the weekly goal on the page, empty states, agreement with the templates page, and a
query count that stays flat as the network grows."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import factories as make
from coffeechat.pages.outreach.queries import template_rows
from coffeechat.pipeline.outreach.models import Channel, Outcome
from coffeechat.pipeline.services.correspondence import record_reply
from insights.conftest import held, request
from insights.test_page import URL, row, section, text

GOAL_URL = reverse("insights:goal")


def test_the_goal_is_set_on_the_page_and_drawn_on_the_chart(alice_client, alice, frozen_now):
    response = alice_client.post(GOAL_URL, {"weekly_conversation_goal": "5"})
    assert response.status_code == 302
    assert response["Location"] == URL + "#weekly"
    alice.profile.refresh_from_db()
    assert alice.profile.weekly_conversation_goal == 5
    page = alice_client.get(URL).content.decode()
    assert "Weekly goal set to 5." in page
    assert "Goal: 5 a week" in text(section(page, "weekly"))
    assert re.search(r'name="weekly_conversation_goal" value="5"', page)


def test_htmx_gets_the_redrawn_weekly_section(alice_client, alice, frozen_now):
    response = alice_client.post(
        GOAL_URL, {"weekly_conversation_goal": "0"}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<section class="card insight" id="weekly"')
    assert "Goal: 0 a week" in text(html)
    assert "Goal saved." in html
    assert "the goal was met in 12 of them" in text(html)  # 0 a week is always met


@pytest.mark.parametrize("value", ["51", "-1", "two", ""])
def test_a_goal_outside_0_to_50_is_refused_and_the_old_one_kept(alice_client, alice, value):
    response = alice_client.post(GOAL_URL, {"weekly_conversation_goal": value})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error"' in html
    assert "Goal: 2 a week" in text(section(html, "weekly"))
    alice.profile.refresh_from_db()
    assert alice.profile.weekly_conversation_goal == 2


def test_htmx_shows_the_error_beside_the_field(alice_client, alice):
    response = alice_client.post(
        GOAL_URL, {"weekly_conversation_goal": "99"}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert "Ensure this value is less than or equal to 50." in html
    assert "Goal: 2 a week" in text(html)


def test_setting_the_goal_needs_a_login_and_a_post(client, alice_client):
    assert alice_client.get(GOAL_URL).status_code == 405
    alice_client.logout()
    response = client.post(GOAL_URL, {"weekly_conversation_goal": "3"})
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_an_empty_account_gets_guidance_instead_of_charts(alice_client, frozen_now):
    page = alice_client.get(URL).content.decode()
    assert "No contacts yet." in page
    assert "Send your first request to see reply rates." in page
    assert "No conversations held yet." in page
    assert "No chains yet." in page
    weekly = section(page, "weekly")
    assert "No conversations held in these 12 weeks yet." in weekly
    assert row(weekly, "data-week", "2026-03-09") == "Mon 9 Mar to Sun 15 Mar 2026 (this week) 0 no"


def test_template_figures_agree_with_the_message_templates_page(alice, alice_client, known_data):
    insights = section(alice_client.get(URL).content.decode(), "replies")
    templates = alice_client.get(reverse("outreach:templates")).content.decode()
    shown = 0
    for stats in template_rows(alice):
        if not stats.sent:
            continue
        name = stats.template.name
        line = templates.split(f'data-template="{stats.template.pk}"')[1].split("</small>")[0]
        assert line.endswith(f"{stats.sent} sent · {stats.reply_rate}% replied")
        assert row(insights, "data-row", name) == (
            f"{name} {stats.sent} {stats.replied} {stats.reply_rate}%"
        )
        shown += 1
    assert shown == 3  # the alumni note, the cold email and the polite nudge
    # Ben answered the nudge, not the cold email before it: both pages say so.
    assert row(insights, "data-row", "Cold email") == "Cold email 3 0 0%"
    assert row(insights, "data-row", "Polite nudge") == "Polite nudge 1 1 100%"


def test_weeks_follow_the_users_time_zone(alice, alice_client):
    chloe = make.contact(alice, "Chloe")
    # Sunday 23:30 in London is already Monday 08:30 in Tokyo.
    held(chloe, datetime(2026, 3, 8, 23, 30, tzinfo=UTC))
    with time_machine.travel(datetime(2026, 3, 11, 12, 0, tzinfo=UTC), tick=False):
        london = section(alice_client.get(URL).content.decode(), "weekly")
        alice.profile.time_zone = "Asia/Tokyo"
        alice.profile.save()
        tokyo = section(alice_client.get(URL).content.decode(), "weekly")
    assert row(london, "data-week", "2026-03-02").endswith(" 1 no")
    assert row(london, "data-week", "2026-03-09").endswith(" 0 no")
    assert row(tokyo, "data-week", "2026-03-02").endswith(" 0 no")
    assert row(tokyo, "data-week", "2026-03-09").endswith(" 1 no")


def test_a_conversation_counts_in_the_week_it_took_place_not_when_it_was_ended(
    alice, alice_client, frozen_now
):
    chloe = make.contact(alice, "Chloe")
    held(chloe, datetime(2026, 3, 6, 10, tzinfo=UTC), ended=datetime(2026, 3, 10, 9, tzinfo=UTC))
    weekly = section(alice_client.get(URL).content.decode(), "weekly")
    assert row(weekly, "data-week", "2026-03-02").endswith(" 1 no")
    assert row(weekly, "data-week", "2026-03-09").endswith(" 0 no")


def test_requests_are_dated_in_the_users_time_zone(alice, alice_client, frozen_now):
    chloe = make.contact(alice, "Chloe")
    # 20:00 on Monday in London is 05:00 on Tuesday in Tokyo, after the reply logged for Monday.
    request(chloe, datetime(2026, 3, 2, 20, tzinfo=UTC), Channel.EMAIL)
    record_reply(contact=chloe, received_on=date(2026, 3, 2), outcome=Outcome.AGREED)
    london = section(alice_client.get(URL).content.decode(), "replies")
    alice.profile.time_zone = "Asia/Tokyo"
    alice.profile.save()
    tokyo = section(alice_client.get(URL).content.decode(), "replies")
    assert row(london, "data-row", "Email") == "Email 1 1 100%"
    assert "Median time to reply: 0 days" in text(london)
    assert row(tokyo, "data-row", "Email") == "Email 1 0 0%"
    assert "Median time to reply: no replies yet" in text(tokyo)


def add_network(alice, n: int) -> None:
    for index in range(n):
        introducer = make.contact(alice, f"Intro{index}")
        contact = make.contact(alice, f"P{index}", introduced_by=introducer)
        request(contact, datetime(2026, 3, 2, 10, tzinfo=UTC), Channel.EMAIL)
        held(contact, datetime(2026, 3, 9, 10, tzinfo=UTC))


def count_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL).status_code == 200
    return len(queries)


def test_the_query_count_stays_flat_as_the_network_grows(alice, alice_client, frozen_now):
    add_network(alice, 2)
    few = count_queries(alice_client)
    add_network(alice, 10)
    assert count_queries(alice_client) == few
    assert few <= 12, few
