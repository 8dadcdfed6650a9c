"""/search/ and the header's box: grouped results without JavaScript, the live fragment for
HTMX, one kind page by page, only the owner's records, a bounded page at 20,000 rows."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from coffeechat.edges import cli
from coffeechat.network.people.models import Contact
from coffeechat.pipeline.conversations.models import ConversationQuestion
from factories import contact, held

URL = reverse("search:search")


@pytest.fixture
def zoe(alice):
    return contact(alice, first_name="Zoë", last_name="Hernández", notes="nursing at UIC")


def test_the_header_box_is_on_every_page_with_its_shortcut_script(alice_client):
    page = alice_client.get(reverse("followups:today")).content.decode()
    assert 'role="search"' in page
    assert f'action="{URL}"' in page
    assert 'id="site-search"' in page
    assert "search/search.js" in page


def test_the_page_groups_results_with_highlights_and_links_without_javascript(alice_client, zoe):
    chat = held(zoe)
    question = ConversationQuestion.objects.create(
        conversation=chat, text="How did you start?", notes="A nursing residency in Chicago"
    )
    page = alice_client.get(URL, {"q": "nurs"}).content.decode()
    assert "People" in page and "Notes under questions" in page
    assert f'href="/contacts/{zoe.pk}/"' in page
    assert f'href="/conversations/{chat.pk}/#question-{question.pk}"' in page
    assert "<mark>nursing</mark>" in page
    assert "<html" in page  # a whole page, not a fragment


def test_an_htmx_request_gets_the_live_fragment(alice_client, zoe):
    page = alice_client.get(URL, {"q": "zoe"}, headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in page
    assert "Zoë Hernández" not in page  # the title is highlighted...
    assert "<mark>Zoë</mark> Hernández" in page  # ...where the match is
    assert "All results for" in page


def test_a_bad_query_is_no_error(alice_client, zoe):
    for text in ['"', "AND (", "-", "*", "a" * 5000]:
        assert alice_client.get(URL, {"q": text}).status_code == 200


def test_another_users_records_never_show(bob_client, zoe):
    page = bob_client.get(URL, {"q": "zoe"}).content.decode()
    assert "Hernández" not in page
    assert f"/contacts/{zoe.pk}/" not in page
    assert "Nothing matches" in page


def test_it_needs_a_login(client):
    assert client.get(URL, {"q": "zoe"}).status_code == 302


def test_more_of_one_kind_pages_through_them_all(alice_client, alice):
    Contact.objects.bulk_create(
        [Contact(owner=alice, first_name="Nurse", last_name=f"N{n:03}") for n in range(60)]
    )
    page = alice_client.get(URL, {"q": "nurse"}).content.decode()
    assert "50 more people" in page
    page = alice_client.get(URL, {"q": "nurse", "kind": "people", "page": 3}).content.decode()
    assert "51&ndash;60 of 60 people" in page
    assert page.count('class="search-result"') == 10


@pytest.mark.parametrize("live", [False, True])
def test_twenty_thousand_notes_cost_a_fixed_number_of_queries_and_a_bounded_page(
    alice, alice_client, django_assert_max_num_queries, live
):
    Contact.objects.bulk_create(
        [
            Contact(owner=alice, first_name=f"P{n}", notes=f"met at the nursing fair {n}")
            for n in range(20_000)
        ]
    )
    headers = {"HX-Request": "true"} if live else {}
    with django_assert_max_num_queries(8):
        response = alice_client.get(URL, {"q": "nursing fair"}, headers=headers)
    page = response.content.decode()
    assert len(response.content) < 40_000
    assert "More people" in page  # only the best few are on the page, a link to the rest
    assert '<span class="badge">500+</span>' in page  # counted up to the ranked candidates


def test_the_command_prints_the_same_results_and_json(alice, zoe, capsys, monkeypatch):
    monkeypatch.setattr(cli, "_setup_django", lambda: None)
    assert cli.main(["search", "hernandez", "--user", "alice"]) == 0
    out = capsys.readouterr().out
    assert "People (1)" in out
    assert "[Zoë] Hernández" not in out and "Zoë [Hernández]" in out
    assert cli.main(["search", "uic", "--user", "alice", "--json"]) == 0
    [group] = json.loads(capsys.readouterr().out)
    assert group["kind"] == "people"
    assert group["results"][0]["url"] == f"/contacts/{zoe.pk}/"
    assert "[UIC]" in group["results"][0]["snippet"]


def test_the_rebuild_command_repairs_the_index(alice, zoe, capsys, monkeypatch):
    monkeypatch.setattr(cli, "_setup_django", lambda: None)
    assert cli.main(["rebuild-search-index"]) == 0
    assert "records indexed" in capsys.readouterr().out
    assert cli.main(["search", "zoe", "--user", "alice"]) == 0
    assert "Zoë" in capsys.readouterr().out


def test_someone_not_there_yet_can_be_added_from_the_search(alice_client, zoe):
    quick_add = reverse("people:quick_add")
    for live in (False, True):
        headers = {"HX-Request": "true"} if live else {}
        page = alice_client.get(URL, {"q": "Ana López"}, headers=headers).content.decode()
        assert f'href="{quick_add}?name=Ana%20L%C3%B3pez"' in page
        assert "Add “Ana López” as a person" in page
    # A phrase, an exclusion or a long sentence is a search, not a name.
    for text in ['"Ana López"', "nursing -uic", "how did you start in nursing at all"]:
        assert "as a person" not in alice_client.get(URL, {"q": text}).content.decode()
    form = alice_client.get(quick_add, {"name": "Ana López"}).content.decode()
    assert 'value="Ana López"' in form


def test_an_organization_found_by_name_leads_to_the_people_there(alice_client, alice):
    from factories import organization

    northwestern = organization(alice, "Northwestern Medicine")
    for name in ("Pat Doe", "Dana Roe"):
        contact(alice, name, organization=northwestern)
    page = alice_client.get(URL, {"q": "northwestern"}).content.decode()
    assert '<a href="/contacts/?org=Northwestern+Medicine">2 people there</a>' in page
    contacts = alice_client.get("/contacts/?org=Northwestern+Medicine").content.decode()
    assert "Pat Doe" in contacts and "Dana Roe" in contacts
