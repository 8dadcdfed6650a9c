"""A load test: many clients at once reading pages and autosaving edits, against the real
`coffeechat serve` on loopback, counting what went wrong.

    .venv/bin/python bench/load.py                          # 16 clients, 60 s, 5,000 contacts
    .venv/bin/python bench/load.py --clients 16 --seconds 20 --contacts 500

It builds the heavy account of bench/heavy.py on a fresh SQLite database, starts the server
(8 threads, as `coffeechat serve` does by default), logs in once per client through the login
form, and then each client, for --seconds, repeats a mix of what a person does:

- reads (8 in 10): Today, a page of Contacts, one contact, a search, Follow-ups;
- autosaves (2 in 10): the contact edit form posted as the page's HTMX autosave posts it,
  every field as it is with the notes changed, several clients editing the same people.

It reports the requests made, server errors (5xx), "database is locked" errors in the server's
log, and p50 / p99 per kind, and exits 1 if there was any error (0 errors is the bar).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode

from pages import Client, prepare, serving
from run import DEFAULT_SEED, PASSWORD, migrated_template, set_up_django

LOCK_ERRORS = ("database is locked", "database table is locked", "deadlock detected")


class FormFields(HTMLParser):
    """The values a browser would send for the first <form> with a hx-post: inputs, checked
    boxes, the selected option of each select, textareas."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: dict[str, str] = {}
        self.in_form = self.done = False
        self.select: str | None = None
        self.textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and "hx-post" in a and not self.done:
            self.in_form = True
        if not self.in_form:
            return
        if tag == "input" and a.get("name"):
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if kind not in ("submit", "button", "file"):
                self.fields[a["name"]] = a.get("value", "on" if kind == "checkbox" else "")
        elif tag == "select":
            self.select = a.get("name")
        elif (
            tag == "option" and self.select and ("selected" in a or self.select not in self.fields)
        ):
            self.fields[self.select] = a.get("value", "")
        elif tag == "textarea":
            self.textarea = a.get("name")
            self.fields[self.textarea or ""] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "form" and self.in_form:
            self.in_form, self.done = False, True
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data: str) -> None:
        if self.textarea:
            self.fields[self.textarea] += data


@dataclass
class Tally:
    times: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: list[str] = field(default_factory=list)
    lock = threading.Lock()

    def add(self, kind: str, seconds: float, status: int, path: str) -> None:
        with self.lock:
            self.times[kind].append(seconds)
            if status >= 500 or status == 0:
                self.errors.append(f"{status} {path}")


def worker(port: int, contacts: list[int], tally: Tally, until: float, seed: int) -> None:
    rng = random.Random(seed)
    client = Client(port, 60)
    client.log_in("maya", PASSWORD)
    reads = [
        ("Today", lambda: "/"),
        ("Contacts", lambda: f"/contacts/?page={rng.randint(1, 20)}"),
        ("One contact", lambda: f"/contacts/{rng.choice(contacts)}/"),
        ("Search", lambda: f"/search/?q={rng.choice(['nursing', 'resume', 'climate', 'ana'])}"),
        ("Follow-ups", lambda: "/followups/"),
    ]
    while time.monotonic() < until:
        if rng.random() < 0.8:
            kind, path = rng.choice(reads)
            started = time.perf_counter()
            try:
                status, _headers, _body = client.request("GET", path())
            except OSError:
                status = 0
            tally.add(kind, time.perf_counter() - started, status, path())
            continue
        contact = rng.choice(contacts[:20])  # a few people, so edits collide
        edit = f"/contacts/{contact}/edit/"
        status, _headers, body = client.request("GET", edit)
        form = FormFields()
        form.feed(body.decode())
        form.fields["notes"] = f"{form.fields.get('notes', '')[:200]} edited {rng.random():.6f}"
        headers = {"HX-Request": "true", "X-CSRFToken": client.cookies.get("csrftoken", "")}
        started = time.perf_counter()
        status = client.post(edit, urlencode(form.fields), headers)
        tally.add("Autosave", time.perf_counter() - started, status, edit)
    client.close()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=16, help="clients at once (16)")
    parser.add_argument("--seconds", type=float, default=60.0, help="how long (60)")
    parser.add_argument("--contacts", type=int, default=5000, help="account size (5000)")
    parser.add_argument("--threads", type=int, default=8, help="server threads (8)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="data seed (42)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="coffeechat-load-") as temporary:
        home = Path(temporary) / "home"
        set_up_django(home)
        template = migrated_template(home)
        print(f"Building {args.contacts:,} contacts...", file=sys.stderr, flush=True)
        _counts, _token, _first = prepare(template, args.contacts, args.seed)
        from coffeechat.network.people.models import Contact

        contacts = list(Contact.objects.order_by("pk").values_list("pk", flat=True)[:2000])
        from django.db import connection

        connection.close()
        log = home / "server.log"
        tally = Tally()
        with serving(home, args.threads, log) as (port, _pid):
            until = time.monotonic() + args.seconds
            threads = [
                threading.Thread(target=worker, args=(port, contacts, tally, until, n))
                for n in range(args.clients)
            ]
            started = time.monotonic()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            elapsed = time.monotonic() - started
        server_log = log.read_text(errors="replace")
        # The autosaves must have saved (a refused form would answer 200 too).
        saved = Contact.objects.filter(notes__contains=" edited ").count()
        connection.close()
    locks = sum(server_log.count(text) for text in LOCK_ERRORS)
    total = sum(len(times) for times in tally.times.values())
    print(
        f"{args.clients} clients for {args.seconds:g} s on {args.contacts:,} contacts: "
        f"{total:,} requests ({total / elapsed:.1f}/s), {len(tally.errors)} server errors, "
        f"{locks} lock errors; {saved} people's notes changed by autosaves\n"
    )
    print("| kind | requests | p50 | p99 |\n|---|---:|---:|---:|")
    everything = [t for times in tally.times.values() for t in times]
    for kind, times in [*sorted(tally.times.items()), ("All", everything)]:
        p50, p99 = statistics.median(times), percentile(times, 0.99)
        print(f"| {kind} | {len(times):,} | {p50 * 1000:.0f} ms | {p99 * 1000:.0f} ms |")
    for error in tally.errors[:20]:
        print(f"error: {error}")
    if tally.times.get("Autosave") and not saved:
        print("error: no autosave was saved")
        return 1
    return 1 if tally.errors or locks else 0


if __name__ == "__main__":
    raise SystemExit(main())
