"""A reply logged by mistake can be corrected or deleted, and everything derived follows."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from coffeechat.method.stages import Stage
from coffeechat.pages.outreach.queries import templates_with_stats
from coffeechat.pages.people.queries import contact_row
from coffeechat.pages.today.queries import today_items
from coffeechat.pipeline.outreach.models import Outcome, Reply
from coffeechat.pipeline.services import correspondence
from corrections.conftest import open_followups, text


@pytest.fixture
def declined(priya, request_to_priya) -> Reply:
    """Logged as a no on Wednesday; Priya had in fact agreed."""
    return correspondence.record_reply(
        contact=priya, received_on=date(2026, 11, 18), outcome="declined", note="Too busy"
    )


def edit_url(reply: Reply) -> str:
    return reverse("outreach:reply_edit", args=[reply.pk])


def delete_url(reply: Reply) -> str:
    return reverse("outreach:reply_delete", args=[reply.pk])


def corrected(**changes: str) -> dict[str, str]:
    return {"received_on": "2026-11-18", "outcome": "declined", "note": "Too busy", **changes}


def test_the_form_shows_the_reply_as_logged(alice_client, declined):
    page = alice_client.get(edit_url(declined)).content.decode()

    assert "Correct the reply from Priya Shah" in text(page)
    assert 'name="received_on" value="2026-11-18"' in page
    assert '<option value="declined" selected>' in page
    assert "Too busy" in page


def test_a_decline_corrected_to_agreed_moves_the_stage(alice_client, declined, priya):
    assert contact_row(priya.owner, priya).stage is Stage.DECLINED

    response = alice_client.post(
        edit_url(declined), corrected(outcome="agreed", note="Happy to talk")
    )

    assert response.url == priya.get_absolute_url() + "#timeline"
    declined.refresh_from_db()
    assert (declined.outcome, declined.note) == (Outcome.AGREED, "Happy to talk")
    assert contact_row(priya.owner, priya).stage is Stage.REPLIED
    page = text(alice_client.get(priya.get_absolute_url()).content.decode())
    assert "Reply received: Agreed to talk (2 business days after your request)" in page


@pytest.mark.parametrize(
    ("day", "error"),
    [
        ("2026-11-21", "The reply date cannot be in the future"),
        ("2026-11-13", "Your first request went out on Mon 16 Nov 2026"),
    ],
    ids=["future", "before the request"],
)
def test_an_impossible_date_is_refused(alice_client, declined, day, error):
    response = alice_client.post(edit_url(declined), corrected(received_on=day))

    assert error in text(response.content.decode())
    declined.refresh_from_db()
    assert declined.received_on == date(2026, 11, 18)


def test_deleting_asks_first_and_says_what_follows(alice_client, declined):
    page = text(alice_client.get(delete_url(declined)).content.decode())

    assert "Delete reply “Reply from Priya Shah on 2026-11-18”?" in page
    assert "Declined, Wed 18 Nov 2026." in page
    assert Reply.objects.filter(pk=declined.pk).exists()


def test_deleting_a_reply_puts_the_contact_back_to_waiting(alice_client, declined, priya):
    alice_client.post(delete_url(declined))

    assert not Reply.objects.filter(pk=declined.pk).exists()
    assert contact_row(priya.owner, priya).stage is Stage.CONTACTED


def test_deleting_a_reply_takes_it_out_of_the_reply_rate(alice, alice_client, declined):
    cold = next(t for t in templates_with_stats(alice) if t.name == "Cold email")
    assert cold.reply_rate == 100

    alice_client.post(delete_url(declined))

    cold = next(t for t in templates_with_stats(alice) if t.name == "Cold email")
    assert (cold.sent, cold.replied, cold.reply_rate) == (1, 0, 0)


def test_deleting_an_agreed_reply_brings_back_the_waiting_routine(
    alice, alice_client, priya, request_to_priya
):
    agreed = correspondence.record_reply(
        contact=priya, received_on=date(2026, 11, 18), outcome="agreed"
    )
    assert open_followups(priya) == {"schedule": date(2026, 11, 18)}  # the routine is over

    alice_client.post(delete_url(agreed))

    assert open_followups(priya) == {
        "no_reply": date(2026, 11, 19),
        "nudge": date(2026, 11, 25),
        "move_on": date(2026, 11, 30),
    }
    assert "No reply from Priya Shah (Acme Climate)" in [i.title for i in today_items(alice)]


def test_each_reply_on_the_timeline_can_be_corrected(alice_client, declined, priya):
    timeline = alice_client.get(priya.get_absolute_url()).content.decode()

    assert f'href="{edit_url(declined)}"' in timeline
    assert f'href="{delete_url(declined)}"' in timeline


@pytest.mark.parametrize("url", [edit_url, delete_url], ids=["edit", "delete"])
def test_another_users_reply_is_not_found(bob_client, declined, url):
    assert bob_client.get(url(declined)).status_code == 404
    assert bob_client.post(url(declined), corrected(outcome="agreed")).status_code == 404

    declined.refresh_from_db()
    assert declined.outcome == Outcome.DECLINED
