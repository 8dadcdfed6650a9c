"""Today's per-item controls: one primary action, Mark done on one shared form, and "They
replied" standing for one reply bar (a dialog, or a small page without a script)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import time_machine
from django.urls import reverse

import factories as make
from coffeechat.pipeline.followups.models import FollowUp

NOW = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)  # a Friday
TODAY = date(2026, 11, 20)


def _waiting(owner, count: int) -> list:
    """`count` people written to a week ago, each with a "No reply" follow-up due today."""
    people = []
    for n in range(count):
        person = make.contact(owner, f"Person{n} Waiting", org=f"Org {n}")
        make.request_sent(person, on=NOW - timedelta(days=7))
        FollowUp.objects.create(owner=owner, contact=person, kind="no_reply", due_on=TODAY)
        people.append(person)
    return people


@time_machine.travel(NOW, tick=False)
def test_today_carries_each_form_once_however_many_items(alice_client, alice):
    people = _waiting(alice, 12)
    page = alice_client.get(reverse("followups:today")).content.decode()
    assert page.count('class="today-item"') >= 12
    # One form for every Mark done, one reply bar in its dialog, and the header's log out.
    assert page.count('name="csrfmiddlewaretoken"') == 3
    assert page.count('name="received_on"') == 1
    assert page.count('<dialog id="quick-reply-dialog"') == 1
    for person in people:
        replied = reverse("followups:quick_reply", args=[person.pk])
        more = reverse("outreach:reply", args=[person.pk])
        assert f'href="{replied}" data-quick-reply data-more="{more}">They replied</a>' in page


@time_machine.travel(NOW, tick=False)
def test_each_mark_done_submits_the_shared_form_to_its_own_item(alice_client, alice):
    _waiting(alice, 3)
    page = alice_client.get(reverse("followups:today")).content.decode()
    for followup in FollowUp.objects.filter(owner=alice, kind="no_reply"):
        done = reverse("followups:done", args=[followup.pk])
        assert (
            f'<button type="submit" form="today-done" formaction="{done}" hx-post="{done}"'
        ) in page
    assert re.search(r'<form id="today-done" method="post" action="/" hidden>', page)
    # Submitted without a script, the shared form marks that one item done and comes back.
    followup = FollowUp.objects.filter(owner=alice, kind="no_reply").first()
    response = alice_client.post(reverse("followups:done", args=[followup.pk]))
    assert response.status_code == 302
    assert response["Location"] == f"/?done={followup.pk}"
    followup.refresh_from_db()
    assert followup.done_at is not None


@time_machine.travel(NOW, tick=False)
def test_a_page_with_nobody_awaited_has_no_reply_dialog(alice_client, alice):
    person = make.contact(alice, "Jo Park")
    FollowUp.objects.create(owner=alice, contact=person, kind="keep_in_touch", due_on=TODAY)
    page = alice_client.get(reverse("followups:today")).content.decode()
    assert "Keep in touch with Jo Park" in page
    assert "quick-reply-dialog" not in page
    assert "They replied" not in page


@time_machine.travel(NOW, tick=False)
def test_names_and_notes_are_escaped_in_the_items_built_in_python(alice_client, alice):
    person = make.contact(alice, '<script>alert("x")</script> Eve', org='"Quoted" & Co')
    FollowUp.objects.create(
        owner=alice, contact=person, kind="follow_up", due_on=TODAY, note="<b>note</b>"
    )
    page = alice_client.get(reverse("followups:today")).content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Eve" in page
    assert "&quot;Quoted&quot; &amp; Co" in page
    assert "&lt;b&gt;note&lt;/b&gt;" in page


@time_machine.travel(NOW, tick=False)
def test_the_small_reply_page_goes_back_only_within_the_site(alice_client, alice):
    (person,) = _waiting(alice, 1)
    replied = reverse("followups:quick_reply", args=[person.pk])
    page = alice_client.get(replied, {"next": "https://evil.example/"}).content.decode()
    assert 'name="next" value="/"' in page
    page = alice_client.get(replied, {"next": "/followups/"}).content.decode()
    assert 'name="next" value="/followups/"' in page
    assert f'href="{reverse("outreach:reply", args=[person.pk])}"' in page


def test_another_users_contact_has_no_reply_page(bob_client, alice):
    person = make.contact(alice, "Priya Shah")
    response = bob_client.get(reverse("followups:quick_reply", args=[person.pk]))
    assert response.status_code == 404
