"""Settings for the server the pages benchmark starts (bench/pages.py), never for the product.

    DJANGO_SETTINGS_MODULE=bench_settings PYTHONPATH=bench/server coffeechat serve

Everything of coffeechat.settings, plus two things that do not ship: the baseline page (a
plain 50-row ListView of the user's contacts, in bench_urls) and a middleware that counts the
SQL queries of each request into an `X-Bench-Queries` response header.
"""

from __future__ import annotations

from pathlib import Path

from coffeechat.settings import *  # noqa: F403
from coffeechat.settings import MIDDLEWARE, TEMPLATES

ROOT_URLCONF = "bench_urls"
# First, so that it counts the session and user look-ups of every other middleware too.
MIDDLEWARE = ["bench_urls.CountQueries", *MIDDLEWARE]
TEMPLATES[0]["DIRS"] = [Path(__file__).resolve().parent / "templates"]
