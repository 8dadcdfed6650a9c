"""Targets and known employers: the Research list, Make a target / Not a target, next moves."""

from __future__ import annotations

from django.urls import reverse

import factories as make
from coffeechat.network.research.models import Organization
from coffeechat.pages.research.queries import next_moves_for


def _names(page: str, *candidates: str) -> list[str]:
    return [name for name in candidates if f">{name}<" in page]


def test_research_shows_targets_and_keeps_known_employers_a_filter_away(alice_client, alice):
    make.organization(alice, "Dream Co", motivation=3)
    make.organization(alice, "Employer Co", is_target=False)
    url = reverse("research:organizations")
    assert _names(alice_client.get(url).content.decode(), "Dream Co", "Employer Co") == ["Dream Co"]
    known = alice_client.get(url + "?show=known").content.decode()
    assert _names(known, "Dream Co", "Employer Co") == ["Employer Co"]
    assert "known employer" in known
    everything = alice_client.get(url + "?show=all").content.decode()
    assert _names(everything, "Dream Co", "Employer Co") == ["Dream Co", "Employer Co"]


def test_research_filters_by_status_and_lamp_scores_kept_in_the_url(alice_client, alice):
    make.organization(alice, "Keen Posting", motivation=2, posting=3)
    make.organization(alice, "Keen Quiet", motivation=2, posting=1)
    make.organization(alice, "Dream", motivation=3, posting=3)
    done = make.organization(alice, "Done", motivation=2, posting=3)
    done.finished_on = done.created_at.date()
    done.save()
    make.contact(alice, "Kim Lee", org="Keen Quiet", how_known="friend")
    url = reverse("research:organizations")
    page = alice_client.get(url + "?motivation=2&posting=3").content.decode()
    assert _names(page, "Keen Posting", "Keen Quiet", "Dream", "Done") == ["Keen Posting", "Done"]
    page = alice_client.get(url + "?motivation=2&posting=3&status=active").content.decode()
    assert _names(page, "Keen Posting", "Done") == ["Keen Posting"]
    page = alice_client.get(url + "?advocacy=yes").content.decode()
    assert _names(page, "Keen Posting", "Keen Quiet", "Dream", "Done") == ["Keen Quiet"]
    # Sorting keeps the filters: the heading links carry them.
    page = alice_client.get(url + "?motivation=2").content.decode()
    assert "?motivation=2&amp;sort=name" in page


def test_research_sorts_by_a_column_asked_for(alice_client, alice):
    make.organization(alice, "Beta", motivation=3)
    make.organization(alice, "Alpha", motivation=1)
    page = alice_client.get(reverse("research:organizations") + "?sort=name").content.decode()
    assert page.index(">Alpha<") < page.index(">Beta<")
    page = alice_client.get(reverse("research:organizations")).content.decode()
    assert page.index(">Beta<") < page.index(">Alpha<")


def test_make_a_target_and_not_a_target_come_back_to_the_page_they_were_on(alice_client, alice):
    employer = make.organization(alice, "Employer Co", is_target=False)
    url = reverse("research:organization_target", args=[employer.pk])
    back = reverse("research:organizations") + "?show=known"
    response = alice_client.post(url, {"target": "1", "next": back})
    assert response["Location"] == back
    employer.refresh_from_db()
    assert employer.is_target is True
    response = alice_client.post(url, {"target": "", "next": "https://evil.example/"})
    assert response["Location"] == employer.get_absolute_url()
    employer.refresh_from_db()
    assert employer.is_target is False


def test_another_users_organization_cannot_be_made_a_target(alice_client, bob):
    bobs = make.organization(bob, "Bob Co", is_target=False)
    url = reverse("research:organization_target", args=[bobs.pk])
    assert alice_client.post(url, {"target": "1"}).status_code == 404
    bobs.refresh_from_db()
    assert bobs.is_target is False


def test_an_organization_page_says_it_is_a_known_employer_and_offers_to_make_it_a_target(
    alice_client, alice
):
    employer = make.organization(alice, "Employer Co", is_target=False)
    page = alice_client.get(employer.get_absolute_url()).content.decode()
    assert "A known employer" in page
    assert "Make a target" in page


def test_next_moves_only_come_from_targets(alice, alice_client):
    make.organization(alice, "Abbott", is_target=False)
    make.organization(alice, "Zeta Dream", motivation=3)
    assert [move.organization for move in next_moves_for(alice)] == ["Zeta Dream"]


def test_with_no_targets_today_says_how_to_pick_them(alice_client, alice):
    make.organization(alice, "Abbott", is_target=False)
    page = alice_client.get(reverse("followups:today")).content.decode()
    assert "You have not picked any target organizations yet" in page
    assert "Find someone at Abbott" not in page


def test_hand_entry_refuses_an_organization_the_user_already_has(alice_client, alice):
    make.organization(alice, "McKinsey & Company")
    response = alice_client.post(
        reverse("research:organization_new"),
        {"name": "McKinsey & Company, Inc.", "motivation": 0, "posting": 1},
    )
    page = response.content.decode()
    assert "McKinsey &amp; Company</a>: open it rather than adding it twice." in page
    assert Organization.objects.filter(owner=alice).count() == 1


def test_an_organization_added_by_hand_is_a_target(alice_client, alice):
    alice_client.post(
        reverse("research:organization_new"), {"name": "Green Bank", "motivation": 2, "posting": 1}
    )
    assert Organization.objects.get(owner=alice, name="Green Bank").is_target is True


def test_upgrading_makes_untouched_imported_employers_known_and_keeps_the_rest(alice):
    """The migration's rule: created in the same instant as imported contacts and never
    researched means the import made it; anything else the user chose."""
    import importlib

    from django.apps import apps
    from django.utils import timezone

    from coffeechat.network.people.models import Contact

    migration = importlib.import_module(
        "coffeechat.network.research.migrations.0003_organization_is_target"
    )
    now = timezone.now()
    imported = make.organization(alice, "Abbott")
    researched = make.organization(alice, "Accenture", motivation=2)
    by_hand = make.organization(alice, "Dream Co")
    Organization.objects.filter(pk__in=[imported.pk, researched.pk]).update(created_at=now)
    for org in (imported, researched):
        make.contact(alice, f"Someone {org.name}", org=org)
    Contact.objects.filter(owner=alice).update(imported_at=now)
    make.contact(alice, "Typed In", org=by_hand)
    migration.known_employers_from_imports(apps, None)
    targets = dict(Organization.objects.filter(owner=alice).values_list("name", "is_target"))
    assert targets == {"Abbott": False, "Accenture": True, "Dream Co": True}
