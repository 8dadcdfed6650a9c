"""`coffeechat serve`: a production WSGI server (waitress) with static files (WhiteNoise)."""

from __future__ import annotations

import logging
import sys

from django.conf import settings
from django.core.management import call_command

from coffeechat.foundation.accounts.services import issue_setup_token, needs_setup
from coffeechat.pages.reminders import scheduler

log = logging.getLogger("coffeechat.edges.server")
# Room for the rest of an import form around its file: the kind, the CSRF token, the
# multipart boundaries and headers.
FORM_MARGIN = 1024 * 1024


def request_body_limit() -> int:
    """The largest request body waitress accepts: the upload cap (COFFEECHAT_MAX_UPLOAD_MB)
    plus the rest of the form. A bigger upload is answered 413 as soon as its size is known,
    before waitress spools it to disk (its own default limit is 1 GiB)."""
    return settings.DATA_UPLOAD_MAX_MEMORY_SIZE + FORM_MARGIN


def local_url(host: str, port: int) -> str:
    shown_host = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
    return f"http://{shown_host}:{port}"


def announce(host: str, port: int) -> None:
    base = local_url(host, port)
    where = settings.DATABASES["default"]["NAME"]
    print(f"Coffeechat is serving on {base}/ (data: {where})", flush=True)
    if needs_setup():
        token = issue_setup_token()
        print(
            f"No account yet. Open this one-time link to create yours:\n    {base}/setup/{token}/",
            flush=True,
        )


def serve(*, host: str, port: int, threads: int) -> None:
    import waitress  # only the serve command needs it

    # The database is already up to date: cli.main brings it there before any command.
    # Hashed, compressed copies for WhiteNoise; quick and idempotent on every start. This must
    # come before the WSGI app loads: WhiteNoise indexes STATIC_ROOT once, when it is created.
    call_command("collectstatic", interactive=False, verbosity=0)
    from coffeechat.wsgi import application  # only now: WhiteNoise indexes files on creation

    announce(host, port)
    sys.stdout.flush()
    if settings.COFFEECHAT_DIGEST_SCHEDULER:
        scheduler.start(base=settings.COFFEECHAT_BASE_URL or local_url(host, port))
    waitress.serve(
        application,
        host=host,
        port=port,
        threads=threads,
        ident="coffeechat",
        max_request_body_size=request_body_limit(),
        # Behind a proxy, the X-Forwarded-* headers reach coffeechat.edges.proxy, which keeps
        # them from the trusted proxies only (waitress trusts a single address at most, and
        # otherwise removes them all, so HTTPS behind a proxy redirected to itself forever).
        clear_untrusted_proxy_headers=not settings.COFFEECHAT_BEHIND_PROXY,
    )
