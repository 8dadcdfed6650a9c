"""`coffeechat serve`: a production WSGI server (waitress) with static files (WhiteNoise)."""

from __future__ import annotations

import logging
import sys
from typing import Any, cast

from django.conf import settings
from django.core.management import call_command
from django.template.loader import render_to_string

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


def upload_too_big_page() -> bytes:
    """The page for an upload over the cap, as the app words it (rendered once at start: the
    cap does not change while the server runs)."""
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE / (1024 * 1024)
    html = render_to_string("core/upload_too_big.html", {"limit_mb": f"{limit:g}"})
    return html.encode()


def _refusing_uploads_politely(page: bytes) -> type:
    """A waitress channel whose 413 is our page. Waitress refuses a body over its limit as soon
    as the headers announce it, before reading it (so nothing huge is spooled to disk), with a
    bare text of its own; every other error keeps waitress's answer."""
    from waitress.channel import HTTPChannel  # only the serve command needs waitress
    from waitress.task import ErrorTask  # the same: waitress loads only to serve

    class UploadTooBigTask(ErrorTask):
        def execute(self) -> None:
            if getattr(getattr(self.request, "error", None), "code", None) != 413:
                super().execute()
                return
            self.status = "413 Request Entity Too Large"
            headers = cast(list[tuple[str, str]], self.response_headers)
            headers += [("Content-Type", "text/html; charset=utf-8"), ("Connection", "close")]
            self.set_close_on_finish()
            self.content_length = len(page)
            self.write(page)

    class Channel(HTTPChannel):
        error_task_class = UploadTooBigTask

    return Channel


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
    from waitress.server import create_server  # only the serve command needs it

    # The database is already up to date: cli.main brings it there before any command.
    # Hashed, compressed copies for WhiteNoise; quick and idempotent on every start. This must
    # come before the WSGI app loads: WhiteNoise indexes STATIC_ROOT once, when it is created.
    call_command("collectstatic", interactive=False, verbosity=0)
    from coffeechat.wsgi import application  # only now: WhiteNoise indexes files on creation

    announce(host, port)
    sys.stdout.flush()
    if settings.COFFEECHAT_DIGEST_SCHEDULER:
        scheduler.start(base=settings.COFFEECHAT_BASE_URL or local_url(host, port))
    sockets: dict[int, Any] = {}
    running = create_server(
        application,
        map=sockets,
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
    channel = _refusing_uploads_politely(upload_too_big_page())
    for listening in sockets.values():  # one per address listened on
        listening.channel_class = channel
    running.print_listen("Serving on http://{}:{}")
    running.run()
