"""The request a signed-in view receives, as the type checker should see it."""

from __future__ import annotations

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails

from coffeechat.foundation.accounts.models import User


class AuthedRequest(HttpRequest):
    """What a `@login_required` view (and the helpers it hands its request to) gets: a
    signed-in `User`, never an anonymous one, and the `htmx` details that django-htmx's
    middleware attaches. Only an annotation: Django builds the real request, an `HttpRequest`.
    """

    user: User
    htmx: HtmxDetails
