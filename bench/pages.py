"""How fast Coffeechat's pages answer on a heavy account, over HTTP, beside a minimal Django page.

    .venv/bin/python bench/pages.py                      # 500, 5,000 and 20,000 contacts
    .venv/bin/python bench/pages.py --contacts 5000      # one size
    .venv/bin/python bench/pages.py --contacts 500 --contacts 5000 --seconds 10
    .venv/bin/python bench/pages.py --contacts 20000 --page Contacts --page Today
    make bench-pages

For each size, on a fresh SQLite database in a temporary COFFEECHAT_HOME:

- builds a heavy account (bench/heavy.py: per 5,000 contacts about 50,000 events and 100,000
  notes, 18 months ending today, deterministic by --seed);
- starts the real `coffeechat serve` (waitress, 8 threads) on loopback with
  DJANGO_SETTINGS_MODULE=bench_settings and bench/server/ on PYTHONPATH (bench_settings.py:
  coffeechat.settings plus a query-counting middleware and the baseline page, so neither
  ships in the product);
- logs in over HTTP as a person would (the login form, its CSRF token, the session cookie);
- for each page: one warm-up request, then requests one at a time for --seconds (at least
  three): median and p95 time, response bytes (uncompressed, as sent), SQL queries (the
  X-Bench-Queries header); then --clients clients at once for --seconds: requests per second;
  and the server's peak resident memory so far (VmHWM of its process);
- the pages: Today, Contacts, Research, Outreach, Conversations, Follow-ups, Insights, the
  calendar feed, one contact, and search for two words of the notes (a version without
  /search/ shows "not in this version" there); --page picks some of them;
- the baseline: /bench/baseline/, a plain ListView of the user's contacts, 50 rows, a bare
  template, served by the same process from the same database. "x baseline" is a page's
  requests per second at --clients clients divided by the baseline's.

Prints a Markdown table per size and keeps them in bench/results/pages-latest.md (not
versioned). The client runs on the same machine as the server, so on a small machine both
compete for the cores: compare figures from the same machine only.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import os
import platform
import re
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from heavy import build_heavy_account, events
from run import DEFAULT_SEED, PASSWORD, fresh_database, migrated_template, new_user, set_up_django

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "pages-latest.md"
SERVER = HERE / "server"
SIZES = [500, 5000, 20000]
START_TIMEOUT = 120
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass
class Page:
    """One page measured: its timings one at a time, its throughput, what it sent."""

    label: str
    path: str
    seconds: list[float] = field(default_factory=list)
    size: int = 0
    queries: set[int] = field(default_factory=set)
    rate: float = 0.0
    failures: int = 0
    peak_rss: int = 0
    optional: bool = False  # a page this version may not have yet (404: shown, not measured)
    missing: bool = False

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def p95(self) -> float:
        if len(self.seconds) < 2:
            return self.seconds[0]
        return statistics.quantiles(self.seconds, n=20, method="inclusive")[18]


# The client ---------------------------------------------------------------------------------


class Client:
    """One keep-alive connection with the session's cookies (one per concurrent client)."""

    def __init__(self, port: int, timeout: float, cookies: dict[str, str] | None = None) -> None:
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        self.cookies = dict(cookies or {})

    def request(
        self, method: str, path: str, body: str | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        content = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, dict(response.headers), content

    def post(self, path: str, body: str, headers: dict[str, str]) -> int:
        """A form post with extra headers (HTMX's, the CSRF token); returns the status."""
        all_headers = {
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
            "Content-Type": "application/x-www-form-urlencoded",
            **headers,
        }
        self.connection.request("POST", path, body=body, headers=all_headers)
        response = self.connection.getresponse()
        response.read()
        return response.status

    def log_in(self, username: str, password: str) -> None:
        from urllib.parse import urlencode

        status, _headers, content = self.request("GET", "/login/")
        token = CSRF_INPUT.search(content.decode())
        if status != 200 or token is None:
            raise RuntimeError(f"no login form at /login/ (status {status})")
        form = {"csrfmiddlewaretoken": token[1], "username": username, "password": password}
        status, headers, _content = self.request("POST", "/login/", urlencode(form))
        if status != 302 or "sessionid" not in self.cookies:
            raise RuntimeError(
                f"the login was refused (status {status}, {headers.get('Location')})"
            )

    def close(self) -> None:
        self.connection.close()


def measure_one_at_a_time(client: Client, page: Page, seconds: float, least: int) -> None:
    status, _headers, _content = client.request("GET", page.path)  # warm-up: templates, caches
    if status == 404 and page.optional:
        page.missing = True
        return
    until = time.perf_counter() + seconds
    while len(page.seconds) < least or time.perf_counter() < until:
        started = time.perf_counter()
        status, headers, content = client.request("GET", page.path)
        page.seconds.append(time.perf_counter() - started)
        if status != 200:
            raise RuntimeError(f"{page.label} ({page.path}) answered {status}")
        page.size = len(content)
        if "X-Bench-Queries" in headers:
            page.queries.add(int(headers["X-Bench-Queries"]))


def measure_throughput(
    port: int, cookies: dict[str, str], page: Page, clients: int, seconds: float, timeout: float
) -> None:
    """`clients` clients request the page back to back for `seconds`; requests that were in
    flight then are waited for and counted, over the whole time they took."""
    done = Counter[str]()
    lock = threading.Lock()
    started = time.perf_counter()
    until = started + seconds

    def work() -> None:
        client = Client(port, timeout, cookies)
        try:
            while time.perf_counter() < until:
                try:
                    status, _headers, _content = client.request("GET", page.path)
                except (TimeoutError, OSError, http.client.HTTPException):
                    with lock:
                        done["failed"] += 1
                    return
                with lock:
                    done["ok" if status == 200 else "failed"] += 1
        finally:
            client.close()

    workers = [threading.Thread(target=work) for _ in range(clients)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    page.rate = done["ok"] / (time.perf_counter() - started)
    page.failures = done["failed"]


# The server ---------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def peak_rss(pid: int) -> int:
    """The process's peak resident memory in bytes (Linux's VmHWM; 0 where there is none)."""
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return 0


@contextlib.contextmanager
def serving(home: Path, threads: int, log: Path) -> Iterator[tuple[int, int]]:
    """`coffeechat serve` with the bench settings over `home`; yields its port and pid."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COFFEECHAT_", "DJANGO_"))}
    env.pop("DATABASE_URL", None)
    env.update(
        COFFEECHAT_HOME=str(home),
        DJANGO_SETTINGS_MODULE="bench_settings",
        # Only bench/server/: the settings, the baseline page, its template; nothing to shadow.
        PYTHONPATH=os.pathsep.join(filter(None, [str(SERVER), env.get("PYTHONPATH", "")])),
        COFFEECHAT_DIGEST_SCHEDULER="false",  # no mail thread waking up during the timings
    )
    command = [sys.executable, "-m", "coffeechat", "serve", "--port", str(port)]
    with log.open("w") as output:
        process = subprocess.Popen(
            [*command, "--threads", str(threads)], env=env, cwd=home,
            stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            deadline = time.monotonic() + START_TIMEOUT
            while True:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the server did not start:\n{log.read_text()[-3000:]}")
                with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port)):
                    break
                time.sleep(0.1)
            yield port, process.pid
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def reset_peak(pid: int) -> int:
    """Start the peak over (Linux: "5" into clear_refs) so that it covers the pages, not the
    start-up's collectstatic; returns the resident memory now, in bytes."""
    with contextlib.suppress(OSError):
        Path(f"/proc/{pid}/clear_refs").write_text("5")
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


# One size -----------------------------------------------------------------------------------


@dataclass
class Run:
    contacts: int
    counts: Counter[str]
    pages: list[Page]
    build_seconds: float
    start_rss: int
    peak_rss: int


def prepare(template: Path, contacts: int, seed: int) -> tuple[Counter[str], str, int]:
    """A fresh database with the heavy account; returns its counts, feed token and a contact."""
    from django.db import connection

    from coffeechat.network.people.models import Contact
    from coffeechat.pages.calendar.services import regenerate

    fresh_database(template)
    user = new_user("maya")
    counts = build_heavy_account(user, contacts=contacts, seed=seed, today=date.today())
    feed = regenerate(user)  # the token is on the instance that made it (only its hash is kept)
    busiest = Contact.objects.filter(owner=user).order_by("pk").values_list("pk", flat=True)[0]
    connection.close()
    return counts, feed.token, busiest


def pages_for(token: str, contact: int) -> list[Page]:
    return [
        Page("Baseline: 50-row ListView", "/bench/baseline/"),
        Page("Today", "/"),
        Page("Contacts", "/contacts/"),
        Page("Research", "/research/"),
        Page("Outreach (messages)", "/outreach/"),
        Page("Conversations", "/conversations/"),
        Page("Follow-ups", "/followups/"),
        Page("Insights", "/insights/"),
        Page("Calendar feed", f"/calendar/feed/{token}.ics"),
        Page("One contact", f"/contacts/{contact}/"),
        # Words the heavy account's notes hold; the second typed without its accents (résumé).
        Page("Search: nursing", "/search/?q=nursing", optional=True),
        Page("Search: resume advice", "/search/?q=resume+advice", optional=True),
    ]


def chosen(pages: list[Page], names: list[str] | None) -> list[Page]:
    """The baseline and the pages whose label starts with one of `names` (any case)."""
    if not names:
        return pages
    wanted = [name.casefold() for name in names]
    rest = [p for p in pages[1:] if any(p.label.casefold().startswith(w) for w in wanted)]
    return [pages[0], *rest]


def run_size(args: argparse.Namespace, template: Path, home: Path, contacts: int) -> Run:
    print(f"{contacts:,} contacts: building the account...", file=sys.stderr, flush=True)
    started = time.perf_counter()
    counts, token, contact = prepare(template, contacts, args.seed)
    build_seconds = time.perf_counter() - started
    pages = chosen(pages_for(token, contact), args.page)
    with serving(home, args.threads, home / "server.log") as (port, pid):
        client = Client(port, args.timeout)
        client.log_in("maya", PASSWORD)
        at_start = reset_peak(pid)
        for page in pages:
            print(f"  {page.label}...", file=sys.stderr, flush=True)
            measure_one_at_a_time(client, page, args.seconds, args.least)
            if page.missing:
                continue
            measure_throughput(port, client.cookies, page, args.clients, args.seconds, args.timeout)
            page.peak_rss = peak_rss(pid)
        client.close()
        peak = peak_rss(pid)
    return Run(contacts, counts, pages, build_seconds, at_start, peak)


# The report ---------------------------------------------------------------------------------


def _bytes(size: int) -> str:
    if size >= 1_000_000:
        return f"{size / 1e6:.1f} MB"
    return f"{size / 1e3:.1f} KB" if size >= 1000 else f"{size} B"


def _time(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def _queries(values: set[int]) -> str:
    if not values:
        return "?"
    low, high = min(values), max(values)
    return str(low) if low == high else f"{low}-{high}"


def table(run: Run, args: argparse.Namespace) -> str:
    counts = run.counts
    baseline = run.pages[0].rate
    lines = [
        f"### {run.contacts:,} contacts",
        "",
        f"{counts['Organization']:,} organizations, {events(counts):,} events "
        f"({counts['Message']:,} messages, {counts['Reply']:,} replies, "
        f"{counts['Conversation']:,} conversations, {counts['FollowUp']:,} follow-ups, "
        f"{counts['Takeaway']:,} takeaways, {counts['Referral']:,} referrals), "
        f"{counts['notes']:,} notes; built in {run.build_seconds:.0f} s (seed {args.seed}). "
        f"Server memory: {run.start_rss / 1e6:.0f} MB once started and logged in, "
        f"**{run.peak_rss / 1e6:.0f} MB** at its peak over the pages.",
        "",
        f"| page | bytes | median | p95 | req/s ({args.clients} clients) | x baseline "
        "| queries | server peak RSS |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for page in run.pages:
        if page.missing:
            lines.append(f"| {page.label} | not in this version (404) | | | | | | |")
            continue
        rate = f"{page.rate:.1f}" + (f" ({page.failures} failed)" if page.failures else "")
        ratio = f"{page.rate / baseline:.3f}x" if baseline else "?"
        lines.append(
            f"| {page.label} | {_bytes(page.size)} | {_time(page.median)} | {_time(page.p95)} "
            f"| {rate} | {ratio} | {_queries(page.queries)} | {page.peak_rss / 1e6:.0f} MB |"
        )
    return "\n".join(lines) + "\n"


def report(runs: list[Run], args: argparse.Namespace) -> str:
    head = [
        "## Coffeechat pages over HTTP, beside a minimal Django list page",
        "",
        f"`coffeechat serve` ({args.threads} threads) on loopback, SQLite, logged in; each page "
        f"one at a time for {args.seconds:g} s (at least {args.least} requests) after a "
        f"warm-up, then {args.clients} clients at once for {args.seconds:g} s. Python "
        f"{platform.python_version()}, SQLite {sqlite3.sqlite_version}, {platform.machine()}, "
        f"{os.cpu_count()} cores, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC.",
        "",
    ]
    return "\n".join(head) + "\n".join(table(run, args) for run in runs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--contacts", type=int, action="append", help="account size, repeatable (500 5000 20000)"
    )
    parser.add_argument(
        "--page", action="append", help="only pages whose name starts so, repeatable (all)"
    )
    parser.add_argument("--seconds", type=float, default=5.0, help="per page and phase (5)")
    parser.add_argument("--least", type=int, default=3, help="fewest timed requests (3)")
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients (8)")
    parser.add_argument("--threads", type=int, default=8, help="server threads (8)")
    parser.add_argument("--timeout", type=float, default=120.0, help="per request, s (120)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="data seed (42)")
    parser.add_argument("--out", type=Path, default=RESULTS, help=f"the table ({RESULTS})")
    args = parser.parse_args(argv)
    sizes = args.contacts or SIZES
    if min(sizes) < 1 or args.seconds <= 0 or args.clients < 1 or args.least < 1:
        parser.error("sizes, --seconds, --clients and --least must be positive")

    with tempfile.TemporaryDirectory(prefix="coffeechat-pages-") as temporary:
        home = Path(temporary) / "home"
        set_up_django(home)
        template = migrated_template(home)
        runs = [run_size(args, template, home, contacts) for contacts in sizes]
    text = report(runs, args)
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
