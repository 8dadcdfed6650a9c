"""Long lists: one page at a time, sorted by a column the user picked, filters kept in the URL.

Every list of the user's records grows (a LinkedIn export alone is thousands of people), so a
list page never renders everything: it takes a sorted queryset, counts it once and fetches one
page. The sort and the page live in the query string next to the page's own filters, so a view
can be bookmarked and every link (page, sort) keeps the rest of the query.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from django.core.paginator import Page, Paginator
from django.db.models import F, QuerySet
from django.db.models.expressions import OrderBy
from django.http import QueryDict

PER_PAGE = 50
T = TypeVar("T")


@dataclass(frozen=True)
class Column:
    """A sortable column: the key in the URL (?sort=key, ?sort=-key), its heading, and the
    fields it orders by (ties broken by the later ones)."""

    key: str
    label: str
    fields: tuple[str, ...]

    def order_by(self, descending: bool) -> list[OrderBy]:
        # Empty values go last either way: a list sorted by organization starts with people
        # who have one. A field written "-name" runs against the column's direction (a
        # priority sorted highest first, ties by name A-Z).
        orders = []
        for name in self.fields:
            down = descending != name.startswith("-")
            field = F(name.lstrip("-"))
            orders.append(field.desc(nulls_last=True) if down else field.asc(nulls_last=True))
        return orders


@dataclass(frozen=True)
class Sort:
    column: Column
    descending: bool

    @property
    def param(self) -> str:
        return f"-{self.column.key}" if self.descending else self.column.key


def chosen_sort(query: QueryDict, columns: Sequence[Column], default: str) -> Sort:
    """The sort asked for in ?sort=, or the default one when it names no column."""
    wanted = query.get("sort", "") or default
    descending = wanted.startswith("-")
    by_key = {column.key: column for column in columns}
    column = by_key.get(wanted.lstrip("-"))
    if column is None:
        descending = default.startswith("-")
        column = by_key[default.lstrip("-")]
    return Sort(column, descending)


def query_string(query: QueryDict, **changes: object) -> str:
    """The current query string with some parameters changed (None or "" removes one), for
    links that keep the page's filters."""
    updated = query.copy()
    for key, value in changes.items():
        if value is None or value == "":
            updated.pop(key, None)
        else:
            updated[key] = str(value)
    encoded = updated.urlencode()
    return f"?{encoded}" if encoded else "?"


@dataclass
class Listing(Generic[T]):
    """One page of a sorted, filtered list, with what its template needs for the pager and the
    sortable headings."""

    page: Page[T]
    sort: Sort
    columns: Sequence[Column]
    query: QueryDict
    rows: list[Any] = field(default_factory=list)

    @property
    def total(self) -> int:
        return int(self.page.paginator.count)

    def page_link(self, number: int) -> str:
        return query_string(self.query, page=number if number > 1 else None)

    def headings(self) -> list[dict[str, str]]:
        """Each column with the link that sorts by it (a second click reverses the order) and
        its aria-sort state."""
        headings = []
        for column in self.columns:
            active = column.key == self.sort.column.key
            descending_next = active and not self.sort.descending
            param = f"-{column.key}" if descending_next else column.key
            state = ("descending" if self.sort.descending else "ascending") if active else ""
            headings.append(
                {
                    "key": column.key,
                    "label": column.label,
                    "url": query_string(self.query, sort=param, page=None),
                    "aria_sort": state,
                }
            )
        return headings

    def nearby_pages(self) -> list[int | None]:
        """Page numbers around the current one, with the first and last; None marks a gap."""
        last = self.page.paginator.num_pages
        current = self.page.number
        wanted = sorted({1, last, *range(max(1, current - 2), min(last, current + 2) + 1)})
        shown: list[int | None] = []
        for number in wanted:
            previous = shown[-1] if shown else None
            if previous is not None and number - previous > 1:
                shown.append(None)
            shown.append(number)
        return shown


def paginate(
    query: QueryDict,
    items: QuerySet[Any] | Sequence[T],
    *,
    columns: Sequence[Column] = (),
    default_sort: str = "",
    per_page: int = PER_PAGE,
) -> Listing[T]:
    """Sort `items` by ?sort= (querysets only), then take page ?page= of it.

    A page number past the end shows the last page and a bad one the first, rather than a 404:
    the list shrank since the link was made, which is not the user's mistake.
    """
    sort = chosen_sort(query, columns, default_sort) if columns else None
    if sort is not None and isinstance(items, QuerySet):
        # The primary key last makes the order total, so no row shows on two pages.
        items = items.order_by(*sort.column.order_by(sort.descending), "pk")
    paginator: Paginator[T] = Paginator(items, per_page)
    page = paginator.get_page(query.get("page"))
    if sort is None:
        sort = Sort(Column("", "", ()), False)
    return Listing(page=page, sort=sort, columns=columns, query=query, rows=list(page.object_list))
