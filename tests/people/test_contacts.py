import re
from datetime import UTC, datetime
from html.parser import HTMLParser

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import factories as make
from coffeechat.network.people.models import Contact, HowKnown
from coffeechat.pipeline.services import correspondence


@pytest.fixture
def priya(alice, acme):
    return make.contact(
        alice,
        "Priya Shah",
        email="priya@acme.example",
        phone="+44 20 7946 0000",
        linkedin_url="https://www.linkedin.com/in/priya-shah",
        org=acme,
        role="Senior analyst",
        how_known=HowKnown.ALUMNI,
    )


def contact_data(**overrides: object) -> dict[str, object]:
    return {"first_name": "Sam", "last_name": "Lee", "how_known": "friend", **overrides}


@pytest.mark.parametrize("name", ["contact", "contact_edit", "contact_delete"])
def test_another_users_contact_is_a_404(bob_client, priya, name):
    url = reverse(f"people:{name}", args=[priya.pk])
    assert bob_client.get(url).status_code == 404
    assert bob_client.post(url, contact_data()).status_code == 404
    priya.refresh_from_db()
    assert priya.first_name == "Priya"


def test_the_list_shows_only_your_own_contacts(bob_client, priya):
    assert "Priya" not in bob_client.get(reverse("people:contacts")).content.decode()


def test_another_users_organization_cannot_be_chosen(alice_client, bob):
    bobs = make.organization(bob, "Bob Corp")
    response = alice_client.post(reverse("people:contact_new"), contact_data(organization=bobs.pk))
    page = response.content.decode()
    assert "Select a valid choice" in page
    assert "Bob Corp" not in page
    assert not Contact.objects.filter(first_name="Sam").exists()


def test_another_users_contact_cannot_be_the_introducer(alice_client, bob):
    bobs = make.contact(bob, "Mallory")
    response = alice_client.post(reverse("people:contact_new"), contact_data(introduced_by=bobs.pk))
    assert "Select a valid choice" in response.content.decode()
    assert not Contact.objects.filter(first_name="Sam").exists()


def test_adding_a_contact_opens_their_page(alice_client, alice, acme):
    response = alice_client.post(
        reverse("people:contact_new"),
        contact_data(organization=acme.pk, role="Analyst", email="sam@acme.example"),
        follow=True,
    )
    page = response.content.decode()
    assert "Added Sam Lee to your network." in page
    assert "<h1>Sam Lee" in page
    assert 'href="mailto:sam@acme.example"' in page
    assert Contact.objects.get(first_name="Sam").owner == alice


def test_an_invalid_email_is_shown_on_the_field(alice_client):
    response = alice_client.post(reverse("people:contact_new"), contact_data(email="not-an-email"))
    page = response.content.decode()
    assert '<p class="error" id="id_email_error">Enter a valid email address.</p>' in page
    assert not Contact.objects.filter(first_name="Sam").exists()


def test_a_contact_needs_at_least_a_first_name(alice_client):
    response = alice_client.post(reverse("people:contact_new"), contact_data(first_name="  "))
    assert "Enter at least a first name." in response.content.decode()
    assert not Contact.objects.exists()


def test_a_linkedin_url_must_point_at_linkedin(alice_client):
    response = alice_client.post(
        reverse("people:contact_new"), contact_data(linkedin_url="https://evil.example/in/sam")
    )
    assert "That is not a LinkedIn address." in response.content.decode()
    assert not Contact.objects.exists()
    alice_client.post(
        reverse("people:contact_new"), contact_data(linkedin_url="uk.linkedin.com/in/sam-lee")
    )
    assert Contact.objects.get().linkedin_url == "https://uk.linkedin.com/in/sam-lee"


def test_a_contact_cannot_introduce_themselves(alice_client, priya):
    url = reverse("people:contact_edit", args=[priya.pk])
    response = alice_client.post(url, contact_data(introduced_by=priya.pk))
    assert "A contact cannot introduce themselves." in response.content.decode()
    priya.refresh_from_db()
    assert priya.introduced_by is None


def test_the_new_contact_form_preselects_organization_and_introducer(alice_client, priya, acme):
    url = reverse("people:contact_new")
    page = alice_client.get(f"{url}?organization={acme.pk}&introduced_by={priya.pk}")
    html = page.content.decode()
    assert f'<option value="{acme.pk}" selected>Acme Climate</option>' in html
    assert (
        f'<option value="{priya.pk}" selected>Priya Shah (Acme Climate, Senior analyst)</option>'
        in html
    )
    assert '<option value="referral" selected>Referral</option>' in html


def test_preselecting_another_users_organization_is_ignored(alice_client, bob):
    bobs = make.organization(bob, "Bob Corp")
    page = alice_client.get(f"{reverse('people:contact_new')}?organization={bobs.pk}")
    html = page.content.decode()
    organization_select = html.split('id="id_organization"')[1].split("</select>")[0]
    assert "Bob Corp" not in html
    assert f'value="{bobs.pk}"' not in organization_select
    assert '<option value="" selected>---------</option>' in organization_select


def test_autosave_saves_a_valid_edit_and_reports_errors_without_saving(alice_client, priya):
    url = reverse("people:contact_edit", args=[priya.pk])
    data = contact_data(
        first_name="Priya", last_name="Shah-Patel", email="priya@acme.example", how_known="alumni"
    )
    response = alice_client.post(url, data, HTTP_HX_REQUEST="true")
    assert "Saved" in response.content.decode()
    priya.refresh_from_db()
    assert priya.last_name == "Shah-Patel"
    response = alice_client.post(url, {**data, "email": "nope"}, HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert "Not saved" in page
    assert "Enter a valid email address." in page
    priya.refresh_from_db()
    assert priya.email == "priya@acme.example"


def test_the_edit_page_autosaves_through_htmx(alice_client, priya):
    page = alice_client.get(reverse("people:contact_edit", args=[priya.pk])).content.decode()
    assert f'hx-post="{reverse("people:contact_edit", args=[priya.pk])}"' in page
    assert "Changes save as you type." in page


def test_deleting_asks_for_confirmation_first(alice_client, priya):
    correspondence.record_reply(
        contact=priya, received_on=priya.created_at.date(), outcome="agreed"
    )
    url = reverse("people:contact_delete", args=[priya.pk])
    page = alice_client.get(url).content.decode()
    assert "Delete contact “Priya Shah”?" in page
    assert "Their messages, replies, conversations and follow-ups are deleted too." in page
    assert Contact.objects.filter(pk=priya.pk).exists()
    response = alice_client.post(url, follow=True)
    assert "Deleted contact “Priya Shah”." in response.content.decode()
    assert not Contact.objects.filter(pk=priya.pk).exists()
    assert not priya.replies.exists()


def test_the_contact_page_shows_details_and_who_they_introduced(alice_client, alice, priya):
    sam = make.contact(alice, "Sam", introduced_by=priya)
    page = alice_client.get(priya.get_absolute_url()).content.decode()
    assert 'href="mailto:priya@acme.example"' in page
    assert 'href="tel:+442079460000"' in page
    assert 'href="https://www.linkedin.com/in/priya-shah"' in page
    assert f'href="{sam.get_absolute_url()}">Sam</a>' in page
    assert "Identified" in page
    for label in ("Write a request", "Log a reply", "Schedule a conversation", "Edit", "Delete"):
        assert f">{label}</a>" in page
    assert reverse("conversations:new", args=[priya.pk]) in page
    sam_page = alice_client.get(sam.get_absolute_url()).content.decode()
    assert f'<dt>Introduced by</dt><dd><a href="{priya.get_absolute_url()}">Priya Shah</a>' in (
        sam_page
    )


class _Tags(HTMLParser):
    """Every tag and attribute in a fragment of HTML, to check that nothing in it can run."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def test_notes_are_markdown_and_nothing_in_them_runs(alice_client, priya):
    priya.notes = (
        "**Met at** the alumni fair\n\n<script>alert(1)</script>\n\n"
        "<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))"
    )
    priya.save()
    page = alice_client.get(priya.get_absolute_url()).content.decode()
    notes = re.search(r'<div class="note">(.*?)</div>', page, re.S).group(1)
    assert "<strong>Met at</strong>" in notes
    assert "<script" not in notes
    assert "<img" not in notes
    assert "&lt;img src=x onerror=alert(1)&gt;" in notes  # shown as text, not an element
    parser = _Tags()
    parser.feed(notes)
    for _tag, attrs in parser.tags:
        for name, value in attrs:
            assert not name.startswith("on")
            assert "javascript:" not in (value or "")
    # The page's only scripts are our own static files.
    assert re.findall(r"<script(?![^>]*\bsrc=)", page) == []


def test_the_list_searches_names_roles_and_organizations(alice_client, alice, priya):
    make.contact(alice, "Sam Lee", role="Engineer")
    url = reverse("people:contacts")
    for search in ("priya shah", "senior", "acme", "priya@acme"):
        page = alice_client.get(url, {"q": search}).content.decode()
        assert "Priya Shah" in page
        assert "Sam Lee" not in page
    page = alice_client.get(url, {"q": "nobody"}).content.decode()
    assert "No contact matches “nobody”." in page


def test_the_list_filters_by_stage(alice_client, alice, priya):
    make.contact(alice, "Sam Lee")
    correspondence.record_reply(
        contact=priya, received_on=priya.created_at.date(), outcome="replied"
    )
    url = reverse("people:contacts")
    page = alice_client.get(url, {"stage": "replied"}).content.decode()
    assert "Priya Shah" in page
    assert "Sam Lee" not in page
    assert '<option value="replied" selected>Replied</option>' in page
    page = alice_client.get(url, {"stage": "identified"}).content.decode()
    assert "Sam Lee" in page
    assert "Priya Shah" not in page


def test_the_list_shows_each_contacts_row(alice_client, alice, priya):
    make.contact(alice, "Sam", introduced_by=priya, how_known="referral")
    page = alice_client.get(reverse("people:contacts")).content.decode()
    assert "Senior analyst" in page
    assert f'<a href="{priya.organization.get_absolute_url()}">Acme Climate</a>' in page
    assert "Alumni" in page
    assert f'<a href="{priya.get_absolute_url()}">Priya Shah</a></td>\n    <td><span' in page
    assert '<span class="badge stage">Identified</span>' in page


def test_an_empty_list_says_whom_to_look_for(alice_client):
    page = alice_client.get(reverse("people:contacts")).content.decode()
    assert "No contacts yet." in page
    assert "one or two levels above your target role" in page


def test_the_contact_list_runs_the_same_queries_for_3_or_15_contacts(alice_client, alice):
    def add(n: int) -> None:
        introducer = Contact.objects.owned_by(alice).last()
        for i in range(n):
            org = make.organization(alice, f"Org {n}-{i}")
            introducer = make.contact(alice, f"P{n}-{i}", org=org, introduced_by=introducer)
            correspondence.record_reply(
                contact=introducer, received_on=introducer.created_at.date(), outcome="agreed"
            )

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            page = alice_client.get(reverse("people:contacts")).content.decode()
        assert "P" in page
        return len(queries)

    add(3)
    few = count()
    add(12)
    assert Contact.objects.count() == 15
    assert count() == few
    assert "P12-11" in alice_client.get(reverse("people:contacts")).content.decode()


def open_followups_on_page(client, contact) -> str:
    page = client.get(contact.get_absolute_url()).content.decode()
    return page.split("<h2>Open follow-ups</h2>")[1].split('id="timeline"')[0]


def test_the_contact_page_stops_asking_for_the_follow_up_never_sent_once_it_is_time_to_move_on(
    alice_client, priya
):
    # Request on Monday 2 November: one polite follow-up after 7 business days (11 November),
    # move on after 10 (16 November).
    correspondence.record_message(
        contact=priya, purpose="request", channel="email", subject="Hello", body="Hi",
        sent_at=datetime(2026, 11, 2, 14, tzinfo=UTC),
    )  # fmt: skip
    with time_machine.travel(datetime(2026, 11, 13, 12, tzinfo=UTC), tick=False):
        before = open_followups_on_page(alice_client, priya)
    with time_machine.travel(datetime(2026, 11, 16, 12, tzinfo=UTC), tick=False):
        after = open_followups_on_page(alice_client, priya)

    assert "Send one polite follow-up: due Wed 11 Nov 2026" in before
    assert "Send one polite follow-up" not in after
    assert "Move on: due Mon 16 Nov 2026" in after


def test_the_reply_form_defaults_to_the_users_own_today_not_the_servers(alice_client, alice, priya):
    alice.profile.time_zone = "Pacific/Auckland"
    alice.profile.save()
    correspondence.record_message(
        contact=priya, purpose="request", channel="email", subject="Hello", body="Hi",
        sent_at=datetime(2026, 11, 26, 20, 0, tzinfo=UTC),
    )  # fmt: skip
    # 20:00 on Sunday in UTC is already 09:00 on Monday in Auckland.
    with time_machine.travel(datetime(2026, 11, 29, 20, 0, tzinfo=UTC), tick=False):
        page = alice_client.get(priya.get_absolute_url()).content.decode()
    assert 'name="received_on" value="2026-11-30"' in page


def test_once_met_the_page_offers_an_update_and_the_thank_you_deadline(alice_client, alice, priya):

    held = datetime(2026, 11, 27, 15, 0, tzinfo=UTC)  # Friday 15:00 in London
    make.held(priya, at=held, learned="A lot")
    with time_machine.travel(datetime(2026, 11, 27, 16, 0, tzinfo=UTC), tick=False):
        page = alice_client.get(priya.get_absolute_url()).content.decode()
    compose = reverse("outreach:compose", args=[priya.pk])
    assert f'href="{compose}?purpose=update">Write an update</a>' in page
    assert ">Write a request</a>" not in page
    # The thank-you is owed by the 24-hour deadline, not merely "on Friday".
    assert "Send a thank-you: due by Sat 28 Nov 2026, 15:00" in page
