"""What each line of the Research list shows: its place in LAMP order, the top-5 badge, its
scores and counts, and the button that makes it a target or not."""

from __future__ import annotations

from django.urls import reverse

import factories as make
from coffeechat.network.people.models import HowKnown
from coffeechat.pages.research.queries import top_targets


def line_of(page: str, pk: int) -> str:
    start = page.index(f'<tr data-organization="{pk}">')
    return page[start : page.index("</tr>", start)]


def first_cell(line: str) -> str:
    start = line.index("<td>") + len("<td>")
    return line[start : line.index("</td>", start)]


def test_targets_in_lamp_order_are_numbered_across_pages_and_the_top_5_marked(alice_client, alice):
    # 60 targets: motivation 3 for the first five by name, then fewer and fewer.
    orgs = [
        make.organization(alice, f"Org {n:02d}", motivation=3 if n < 5 else 1) for n in range(60)
    ]
    first = alice_client.get(reverse("research:organizations")).content.decode()
    second = alice_client.get(reverse("research:organizations"), {"page": 2}).content.decode()

    assert first_cell(line_of(first, orgs[0].pk)) == '1 <span class="badge top">top 5</span>'
    assert first_cell(line_of(first, orgs[4].pk)) == '5 <span class="badge top">top 5</span>'
    assert first_cell(line_of(first, orgs[5].pk)) == "6"
    # Page 2 goes on from 51 (ties by name, A to Z).
    assert first_cell(line_of(second, orgs[50].pk)) == "51"
    assert first_cell(line_of(second, orgs[59].pk)) == "60"


def test_sorted_by_name_lines_are_not_numbered_but_the_top_5_keeps_its_badge(alice_client, alice):
    top = make.organization(alice, "Zeta", motivation=3)
    page = alice_client.get(reverse("research:organizations"), {"sort": "name"}).content.decode()

    assert first_cell(line_of(page, top.pk)) == ' <span class="badge top">top 5</span>'


def test_a_line_shows_scores_advocacy_contacts_field_and_a_target_button(alice_client, alice):
    climate = make.field(alice, "Climate & finance")
    acme = make.organization(
        alice, "Acme", motivation=2, posting=3, field=climate, industry="Banking", location="Oslo"
    )
    make.contact(alice, "Kim", org=acme, how_known=HowKnown.FRIEND)
    make.contact(alice, "Cold Caller", org=acme, how_known=HowKnown.COLD)
    url = reverse("research:organizations") + "?sort=name"

    line = line_of(alice_client.get(url).content.decode(), acme.pk)

    link = reverse("research:organization", args=[acme.pk])
    assert f'<a href="{link}">Acme</a><br><small class="muted">Oslo</small>' in line
    cells = ["<td>2</td>", "<td>3</td>", "<td>yes</td>", "<td>2</td>"]
    assert "\n    ".join(cells) in line
    assert "<td>Climate &amp; finance · Banking</td>" in line
    assert f'action="{reverse("research:organization_target", args=[acme.pk])}"' in line
    assert 'name="next" value="/research/?sort=name"' in line
    assert "Not a target<span" in line


def test_a_known_employer_offers_to_become_a_target(alice_client, alice):
    known = make.organization(alice, "Known Co", is_target=False)
    page = alice_client.get(reverse("research:organizations"), {"show": "known"}).content.decode()

    line = line_of(page, known.pk)
    assert '<span class="badge known">known employer</span>' in line
    assert '<input type="hidden" name="target" value="1">' in line
    assert "badge top" not in line


def test_the_top_5_badges_are_the_top_targets_with_finished_ones_left_out(alice_client, alice):
    # The best-scored are finished: the top 5 are the next five still to work on, on the first
    # page and on any other view of the list.
    finished = [
        make.organization(alice, f"Done {n}", motivation=3, posting=3, finished_on="2026-01-05")
        for n in range(3)
    ]
    rest = [
        make.organization(alice, f"Org {n:02d}", motivation=2, posting=3 - n % 3) for n in range(9)
    ]
    expected = {org.pk for org in top_targets(alice)}
    assert not expected & {org.pk for org in finished}

    def badged(query: dict[str, str]) -> set[int]:
        page = alice_client.get(reverse("research:organizations"), query).content.decode()
        ids = {org.pk for org in [*finished, *rest] if f'<tr data-organization="{org.pk}">' in page}
        return {pk for pk in ids if "badge top" in line_of(page, pk)}

    assert badged({}) == expected
    assert badged({"sort": "name"}) == expected
    assert badged({"show": "all"}) == expected


def test_a_narrowed_list_marks_only_the_real_top_5(alice_client, alice):
    best = [make.organization(alice, f"Best {n}", motivation=3) for n in range(5)]
    others = [make.organization(alice, f"Other {n}", motivation=1) for n in range(3)]
    narrowed = {"motivation": "1"}

    page = alice_client.get(reverse("research:organizations"), narrowed).content.decode()
    everyone = alice_client.get(reverse("research:organizations")).content.decode()

    assert not any("badge top" in line_of(page, org.pk) for org in others)
    assert all("badge top" in line_of(everyone, org.pk) for org in best)
