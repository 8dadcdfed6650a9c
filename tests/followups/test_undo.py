"""Mark done offers Undo in place, and Undo puts back exactly what was there before."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse

import factories as make
from coffeechat.network.people.models import Contact
from coffeechat.pipeline.followups import undo
from coffeechat.pipeline.followups.models import FollowUp
from coffeechat.pipeline.services import correspondence

SENT = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)  # a Monday
LATER = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)  # the whole no-reply routine is due


@pytest.fixture
def priya(alice):
    return make.contact(alice, "Priya Shah", org="Acme")


@pytest.fixture
def waiting(priya):
    """A request to Priya with no answer: no-reply, nudge and move-on are all open."""
    correspondence.record_message(
        contact=priya, purpose="request", channel="email", subject="Hi", body="Hello", sent_at=SENT
    )
    return {f.kind: f for f in FollowUp.objects.filter(contact=priya)}


def state(contact: Contact) -> list[tuple]:
    return list(
        FollowUp.objects.filter(contact=contact)
        .order_by("id")
        .values_list("id", "kind", "due_on", "note", "done_at")
    )


def htmx(client, url: str, data: dict | None = None):
    return client.post(url, data or {}, HTTP_HX_REQUEST="true")


@time_machine.travel(LATER, tick=False)
def test_through_htmx_the_item_becomes_done_with_an_undo(alice_client, waiting):
    no_reply = waiting["no_reply"]
    response = htmx(alice_client, reverse("followups:done", args=[no_reply.pk]))
    page = response.content.decode()
    assert page.startswith(f'<li id="followup-{no_reply.pk}"')
    assert "Done: no reply yet for Priya Shah." in page
    assert f'hx-post="{reverse("followups:undo", args=[no_reply.pk])}"' in page
    assert f'hx-select="#followup-{no_reply.pk}"' in page
    no_reply.refresh_from_db()
    assert no_reply.is_done


@time_machine.travel(LATER, tick=False)
def test_undo_puts_the_item_back_on_today_as_it_was(alice_client, priya, waiting):
    before = state(priya)
    no_reply = waiting["no_reply"]
    htmx(alice_client, reverse("followups:done", args=[no_reply.pk]))
    response = htmx(alice_client, reverse("followups:undo", args=[no_reply.pk]), {"next": "/"})
    assert response.status_code == 302 and response.url == "/"
    assert state(priya) == before
    page = alice_client.get("/").content.decode()
    assert f'id="followup-{no_reply.pk}"' in page
    assert "No reply from Priya Shah (Acme)" in page


@time_machine.travel(LATER, tick=False)
def test_without_javascript_today_shows_done_with_undo_at_the_top(alice_client, waiting):
    no_reply = waiting["no_reply"]
    response = alice_client.post(reverse("followups:done", args=[no_reply.pk]), follow=True)
    assert response.redirect_chain == [(f"/?done={no_reply.pk}", 302)]
    page = response.content.decode()
    assert page.count("Done: no reply yet for Priya Shah.") == 1
    assert f'action="{reverse("followups:undo", args=[no_reply.pk])}"' in page
    assert "No reply from Priya Shah" not in page

    response = alice_client.post(
        reverse("followups:undo", args=[no_reply.pk]), {"next": "/"}, follow=True
    )
    page = response.content.decode()
    assert "Undone: no reply yet for Priya Shah is open again." in page
    assert "No reply from Priya Shah (Acme)" in page


@time_machine.travel(LATER, tick=False)
def test_undoing_move_on_reopens_the_follow_up_it_closed(alice_client, priya, waiting):
    before = state(priya)
    move_on = waiting["move_on"]
    alice_client.post(reverse("followups:done", args=[move_on.pk]))
    assert FollowUp.objects.get(pk=waiting["nudge"].pk).is_done  # complete() settles it
    alice_client.post(reverse("followups:undo", args=[move_on.pk]))
    assert state(priya) == before


def test_undoing_move_on_leaves_a_follow_up_settled_earlier_settled(alice_client, priya, waiting):
    with time_machine.travel(LATER - timedelta(days=2), tick=False):
        alice_client.post(reverse("followups:done", args=[waiting["nudge"].pk]))
    with time_machine.travel(LATER, tick=False):
        alice_client.post(reverse("followups:done", args=[waiting["move_on"].pk]))
        alice_client.post(reverse("followups:undo", args=[waiting["move_on"].pk]))
    assert not FollowUp.objects.get(pk=waiting["move_on"].pk).is_done
    assert FollowUp.objects.get(pk=waiting["nudge"].pk).is_done


def test_undoing_keep_in_touch_leaves_exactly_the_update_that_was_planned(alice_client, priya):
    make.held(priya, at=SENT)
    keep = FollowUp.objects.get(contact=priya, kind="keep_in_touch", done_at__isnull=True)
    before = state(priya)
    with time_machine.travel(LATER + timedelta(days=10), tick=False):
        alice_client.post(reverse("followups:done", args=[keep.pk]))
        planned_next = FollowUp.objects.get(contact=priya, kind="keep_in_touch", done_at=None)
        assert planned_next.pk != keep.pk  # marking it done planned the next one
        alice_client.post(reverse("followups:undo", args=[keep.pk]))
    assert state(priya) == before


@time_machine.travel(LATER, tick=False)
def test_a_second_mark_done_keeps_the_first_done_time(alice_client, waiting):
    no_reply = waiting["no_reply"]
    alice_client.post(reverse("followups:done", args=[no_reply.pk]))
    first = FollowUp.objects.get(pk=no_reply.pk).done_at
    with time_machine.travel(LATER + timedelta(minutes=5), tick=False):
        alice_client.post(reverse("followups:done", args=[no_reply.pk]))
    assert FollowUp.objects.get(pk=no_reply.pk).done_at == first


@time_machine.travel(LATER, tick=False)
def test_another_users_follow_up_cannot_be_undone_or_shown(bob_client, waiting):
    no_reply = waiting["no_reply"]
    undo.mark_done(no_reply)
    assert bob_client.post(reverse("followups:undo", args=[no_reply.pk])).status_code == 404
    assert htmx(bob_client, reverse("followups:done", args=[no_reply.pk])).status_code == 404
    assert FollowUp.objects.get(pk=no_reply.pk).is_done
    page = bob_client.get(f"/?done={no_reply.pk}").content.decode()
    assert "Priya" not in page


@time_machine.travel(LATER, tick=False)
def test_the_follow_ups_page_offers_the_same_undo(alice_client, priya, waiting):
    before = state(priya)
    no_reply = waiting["no_reply"]
    listing = alice_client.get(reverse("followups:list")).content.decode()
    assert f'<tr id="followup-{no_reply.pk}">' in listing
    data = {"next": reverse("followups:list"), "shape": "row"}
    page = htmx(alice_client, reverse("followups:done", args=[no_reply.pk]), data).content.decode()
    assert page.startswith(f'<tr id="followup-{no_reply.pk}"')
    assert "Done: no reply yet for Priya Shah." in page
    assert 'hx-target="closest tr"' in page

    response = alice_client.post(reverse("followups:undo", args=[no_reply.pk]), data)
    assert response.url == reverse("followups:list")
    assert state(priya) == before

    response = alice_client.post(reverse("followups:done", args=[no_reply.pk]), data, follow=True)
    assert response.redirect_chain == [(f"/followups/?done={no_reply.pk}", 302)]
    assert "Done: no reply yet for Priya Shah." in response.content.decode()
