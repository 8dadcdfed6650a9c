"""The benchmark server's URLs: the product's, plus the baseline page at /bench/baseline/.

The baseline is what a minimal Django list costs on the same stack (waitress, the same
middleware, the same database): a ListView of the user's contacts, 50 rows, a bare template.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.urls import include, path
from django.views.generic import ListView

from coffeechat.network.people.models import Contact


class CountQueries:
    """Adds X-Bench-Queries: how many SQL statements the request ran."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        count = 0

        def counting(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counting):
            response = self.get_response(request)
        response["X-Bench-Queries"] = str(count)
        return response


class Baseline(LoginRequiredMixin, ListView):  # type: ignore[type-arg]
    template_name = "bench/baseline.html"
    paginate_by = 50

    def get_queryset(self) -> Any:
        return (
            Contact.objects.filter(owner=self.request.user)
            .select_related("organization")
            .order_by("first_name", "last_name", "id")
        )


urlpatterns = [
    path("bench/baseline/", Baseline.as_view(), name="bench-baseline"),
    path("", include("coffeechat.urls")),
]
