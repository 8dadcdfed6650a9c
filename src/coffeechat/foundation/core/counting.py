"""Counting related rows per row in one SQL statement, as a subquery annotation."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, IntegerField, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce


def count_per_row(related: QuerySet[Any], *, grouped_by: str) -> Coalesce:
    """How many `related` rows each outer row has, 0 when none.

    `related` is already filtered on OuterRef("pk"); `grouped_by` names the field it matched on.
    A subquery instead of Count() through a join, so several counts on one queryset stay exact.
    """
    counted = related.order_by().values(grouped_by).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))
