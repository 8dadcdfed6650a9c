"""The Insights page shows exactly the figures of a known data set (see conftest.py)."""

from __future__ import annotations

import re
from html import unescape

import pytest
from django.urls import reverse

URL = reverse("insights:insights")


def text(html: str) -> str:
    """The page as a reader sees it: tags dropped, whitespace collapsed."""
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def row(html: str, attribute: str, value: str) -> str:
    match = re.search(rf'<tr {attribute}="{re.escape(value)}">(.*?)</tr>', html, re.S)
    assert match, f"no row {attribute}={value!r}"
    return text(match.group(1))


def section(html: str, section_id: str) -> str:
    match = re.search(rf'<section[^>]* id="{section_id}".*?</section>', html, re.S)
    assert match, f"no section {section_id}"
    return match.group(0)


@pytest.fixture
def page(alice_client, known_data) -> str:
    response = alice_client.get(URL)
    assert response.status_code == 200
    return response.content.decode()


def test_the_funnel_counts_each_contact_up_to_the_furthest_step(page):
    funnel = section(page, "funnel")
    assert row(funnel, "data-step", "Identified") == "Identified 9 100%"
    assert row(funnel, "data-step", "Contacted") == "Contacted 7 78% 78% of identified"
    assert row(funnel, "data-step", "Replied") == "Replied 4 44% 57% of contacted"
    assert row(funnel, "data-step", "Met") == "Met 3 33% 75% of replied"
    assert row(funnel, "data-step", "Thanked") == "Thanked 1 11% 33% of met"
    assert row(funnel, "data-step", "Referred onwards") == "Referred onwards 2 22% 67% of met"


def test_the_funnel_chart_has_a_title_and_a_text_alternative(page):
    funnel = section(page, "funnel")
    assert 'role="img" aria-labelledby="funnel-title funnel-desc"' in funnel
    assert '<title id="funnel-title">Funnel: contacts at each step</title>' in funnel
    assert (
        "Identified: 9; Contacted: 7; Replied: 4; Met: 3; Thanked: 1; Referred onwards: 2."
        in text(funnel)
    )


def test_reply_rates_by_template_credit_the_last_request_or_follow_up_before_the_reply(page):
    replies = section(page, "replies")
    rows = re.findall(r'<tr data-row="([^"]+)">', replies)
    assert rows[:4] == ["Cold email", "Alumni note", "No template", "Polite nudge"]
    # Ben answered the nudge after the cold email: the nudge takes the credit.
    assert row(replies, "data-row", "Cold email") == "Cold email 3 0 0%"
    assert row(replies, "data-row", "Polite nudge") == "Polite nudge 1 1 100%"
    assert row(replies, "data-row", "Alumni note") == "Alumni note 2 2 100%"
    assert row(replies, "data-row", "No template") == "No template 1 0 0%"
    assert "Cold email: 0 of 3 requests and follow-ups replied, 0%" in text(replies)
    assert "Template Sent Replied Reply rate" in text(replies)


def test_reply_rates_by_channel_count_requests_and_follow_ups(page):
    replies = section(page, "replies")
    assert row(replies, "data-row", "Email") == "Email 5 2 40%"
    assert row(replies, "data-row", "LinkedIn") == "LinkedIn 2 1 50%"
    assert "1 of 2 (50%)" in replies  # the figure beside the bar


def test_the_median_counts_calendar_days_from_first_request_to_first_reply(page):
    # Ana 2 days, Ben 5 (over a weekend), Dev 0: the median is 2.
    assert (
        "Median time to reply: 2 days (calendar days from the first request to the first reply, "
        "over the 3 contacts who replied)" in text(section(page, "replies"))
    )


def test_the_weekly_chart_counts_held_conversations_in_the_last_twelve_weeks(page):
    weekly = section(page, "weekly")
    assert (
        row(weekly, "data-week", "2026-03-09") == "Mon 9 Mar to Sun 15 Mar 2026 (this week) 2 yes"
    )
    assert row(weekly, "data-week", "2026-03-02") == "Mon 2 Mar to Sun 8 Mar 2026 0 no"
    assert row(weekly, "data-week", "2026-02-09") == "Mon 9 Feb to Sun 15 Feb 2026 1 no"
    assert row(weekly, "data-week", "2025-12-22") == "Mon 22 Dec to Sun 28 Dec 2025 0 no"
    assert 'data-week="2025-12-15"' not in weekly  # twelve weeks, no more
    assert len(re.findall(r"<tr data-week=", weekly)) == 12
    assert "3 conversations in these 12 weeks; the goal was met in 1 of them." in text(weekly)


def test_the_weekly_chart_draws_the_goal_line_and_names_the_goal(page):
    weekly = section(page, "weekly")
    assert "against your goal of 2 a week" in text(weekly)
    assert "Goal: 2 a week" in text(weekly)
    assert '<line class="chart-goal"' in weekly
    assert "Week of 9 Mar 2026: 2." in text(weekly)
    assert "Conversations held per week against a goal of 2" in weekly


def test_referrals_per_conversation_count_only_held_conversations(page):
    referrals = text(section(page, "referrals"))
    assert "0.5 referrals per conversation" in referrals
    assert "2 referrals from 4 held conversations" in referrals


def test_the_chains_show_who_led_to_whom_ending_at_target_organizations(page):
    chains = [text(item) for item in re.findall(r'<li class="chain">(.*?)</li>', page, re.S)]
    assert chains == [
        "Ana Lopez → Ben Okafor (Northwind) → Chloe Park (Greenbank)",
        "Fay Ito → Dev Rao (Greenbank)",
        "Ana Lopez → Ben Okafor (Northwind)",
    ]


def test_another_users_data_stays_out_of_the_figures(page):
    assert "Bob" not in page
    assert "Zed" not in page


def test_bob_sees_only_his_own_figures(client, bob, known_data):
    client.force_login(
        bob, backend="coffeechat.foundation.accounts.backends.UsernameOrEmailBackend"
    )
    page = client.get(URL).content.decode()
    assert row(page, "data-step", "Identified") == "Identified 2 100%"
    assert row(page, "data-step", "Referred onwards") == "Referred onwards 1 50% 100% of met"
    assert row(page, "data-row", "LinkedIn") == "LinkedIn 1 1 100%"
    assert row(page, "data-week", "2026-03-09") == "Mon 9 Mar to Sun 15 Mar 2026 (this week) 1 no"
    assert "Ana" not in page


def test_the_page_needs_a_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_the_page_links_from_the_main_navigation(page):
    assert re.search(rf'<a href="{URL}" aria-current="page">Insights</a>', page)


def test_the_page_has_no_inline_script_or_style(page):
    assert "<script>" not in page
    assert not re.search(r"<script(?![^>]*\bsrc=)", page)
    assert " style=" not in page
