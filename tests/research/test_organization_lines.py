"""What each line of the Research list shows: its place in LAMP order, the top-5 badge, its
scores and counts, and the button that makes it a target or not."""

from __future__ import annotations

from django.urls import reverse

import factories as make
from coffeechat.network.people.models import HowKnown


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
