"""Calendar apps poll the feed: it answers "not modified" until the data changes, holds a
bounded window (90 days back, a year ahead) and costs the same at 20,000 follow-ups."""

from __future__ import annotations

from datetime import date, timedelta

from calendar_helpers import NOW, fetch
from django.urls import reverse
from django.utils.http import http_date

import factories as make
from coffeechat.pages.calendar import services
from coffeechat.pipeline.followups.models import FollowUp


def _uids(body: bytes) -> set[str]:
    return {line.split(":", 1)[1] for line in body.decode().splitlines() if line.startswith("UID:")}


def test_an_unchanged_feed_answers_304_to_its_etag(client, thanks_owed, feed_url):
    first = client.get(feed_url)
    assert first.status_code == 200
    assert first["ETag"] and first["Last-Modified"]
    again = client.get(feed_url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    since = client.get(feed_url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304


def test_a_changed_follow_up_makes_a_new_version(client, thanks_owed, feed_url):
    first = client.get(feed_url)
    thanks_owed.note = "Mention the article she sent."
    thanks_owed.save()
    changed = client.get(feed_url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]
    assert b"Mention the article" in changed.content


def test_a_deleted_follow_up_makes_a_new_version_even_by_date(
    client, alice, thanks_owed, feed_url, time_machine
):
    other = FollowUp.objects.create(
        owner=alice, contact=thanks_owed.contact, kind="follow_up", due_on=date(2026, 11, 20)
    )
    first = client.get(feed_url)
    assert f"followup-{other.pk}@coffeechat" in _uids(first.content)
    time_machine.move_to(NOW + timedelta(minutes=5), tick=False)
    other.delete()
    # A client that only remembers the date: no newer row dates a deletion, yet it must see it.
    by_date = client.get(feed_url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert by_date.status_code == 200
    assert by_date["Last-Modified"] == http_date((NOW + timedelta(minutes=5)).timestamp())
    by_tag = client.get(feed_url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert by_tag.status_code == 200
    assert f"followup-{other.pk}@coffeechat" not in _uids(by_tag.content)


def test_a_renamed_contact_makes_a_new_version(client, thanks_owed, feed_url, time_machine):
    first = client.get(feed_url)
    time_machine.move_to(NOW + timedelta(seconds=1), tick=False)  # the clock stands still here
    contact = thanks_owed.contact
    contact.last_name = "Okafor-Reyes"
    contact.save()
    changed = client.get(feed_url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200
    assert b"Okafor-Reyes" in changed.content


def test_alices_etag_gets_bob_his_own_feed_not_a_304(client, bob, thanks_owed, feed_url):
    first = client.get(feed_url)
    bobs_url = reverse("calendar:feed", args=[services.feed_for(bob).token])
    bobs = client.get(bobs_url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert bobs.status_code == 200
    assert thanks_owed.contact.full_name.encode() not in bobs.content


def test_the_feed_holds_90_days_back_and_a_year_ahead(client, alice, thanks_owed, feed_url):
    contact = thanks_owed.contact
    today = NOW.date()
    made = {
        when: FollowUp.objects.create(
            owner=alice, contact=contact, kind="follow_up", due_on=today + timedelta(days=when)
        )
        for when in (-400, -91, -89, 300, 400)
    }
    shown = {str(e["UID"]) for e in fetch(client, feed_url).events}
    assert f"followup-{made[-89].pk}@coffeechat" in shown
    assert f"followup-{made[300].pk}@coffeechat" in shown
    for when in (-400, -91, 400):
        assert f"followup-{made[when].pk}@coffeechat" not in shown


def test_20000_old_follow_ups_cost_the_same_queries_and_bytes(
    client, alice, thanks_owed, feed_url, django_assert_max_num_queries
):
    small = client.get(feed_url).content
    contacts = [make.contact(alice, first_name=f"P{n}", last_name="X") for n in range(20)]
    FollowUp.objects.bulk_create(
        FollowUp(
            owner=alice,
            contact=contacts[n % 20],
            kind="follow_up",
            due_on=date(2024, 1, 1) + timedelta(days=n % 500),
        )
        for n in range(20_000)
    )
    with django_assert_max_num_queries(7):
        big = client.get(feed_url)
    assert big.status_code == 200
    assert len(big.content) < len(small) + 2_000
    with django_assert_max_num_queries(5):
        assert client.get(feed_url, HTTP_IF_NONE_MATCH=big["ETag"]).status_code == 304
