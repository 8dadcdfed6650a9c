"""Browser tests: Debian's chromium, driven by Playwright, against the real `coffeechat serve`.

Every test in this folder is marked `browser`. Each test gets its own server (own
COFFEECHAT_HOME, and its own database on the PostgreSQL run), so the first-run setup link is
fresh every time. Playwright keeps an asyncio loop running while the browser is open, and Django
refuses database calls from such a thread: talk to the app through the browser, not the ORM. The
browser is closed once this folder's tests are done, so later tests are unaffected.
"""

from __future__ import annotations

import contextlib
import os
import random
import re
import secrets
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from browser.helpers import CoffeechatServer, Mailbox

HERE = Path(__file__).resolve().parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# server.py prints the one-time link indented on a line of its own.
SETUP_LINK = re.compile(r"^\s+(http://127\.0\.0\.1:\d+/setup/[^/\s]+/)\s*$")
START_TIMEOUT = 60
# A server whose clock stands at a chosen moment: the test runs it under time-machine in its own
# process (the app has no clock seam), and restarts it to move the clock forward.
TRAVEL = (
    "import sys, time_machine\n"
    "from datetime import datetime\n"
    "time_machine.travel(datetime.fromisoformat(sys.argv.pop(1)), tick=True).start()\n"
    "from coffeechat.edges.cli import main\n"
    "raise SystemExit(main(sys.argv[1:]))\n"
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


def _test_failed(node: pytest.Item) -> bool:
    return any(
        getattr(node, f"rep_{when}", None) is not None and getattr(node, f"rep_{when}").failed
        for when in ("setup", "call")
    )


def _truthy(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() not in ("", "0", "false", "no", "off")


def _free_port() -> int:
    """A free port below Linux's ephemeral range (32768 up), in a band of its own for each
    pytest-xdist worker: between this check and the server's bind, no outgoing connection and
    no other worker picks the same port."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
    low = 12000 + (int(worker) if worker.isdigit() else 0) % 4 * 5000
    for port in random.SystemRandom().sample(range(low, low + 5000), 50):
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port from {low} to {low + 4999}")


def _server_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COFFEECHAT_", "DJANGO_"))}
    env.update(COFFEECHAT_HOME=str(home), PYTHONUNBUFFERED="1")
    env["COFFEECHAT_TESTS_HASH_PASSWORDS_FAST"] = "1"  # as in the test process: see settings.py
    return env


def _postgres_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else ""


@contextlib.contextmanager
def _own_database(env: dict[str, str], template: str = "") -> Iterator[str]:
    """On the PostgreSQL run, a fresh database on the same server (a copy of `template` when
    given), dropped afterwards; yields its name."""
    url = _postgres_url()
    if not url:
        env.pop("DATABASE_URL", None)  # the server keeps its own SQLite file in its home
        yield ""
        return
    import psycopg
    from psycopg import sql

    name = f"cc_browser_{secrets.token_hex(6)}"
    create = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
    if template:
        create += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(create)
    env["DATABASE_URL"] = urlsplit(url)._replace(path=f"/{name}").geturl()
    try:
        yield name
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


@pytest.fixture(scope="session")
def _migrated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """`coffeechat migrate` run once (per xdist worker): every test's server starts from a copy
    of what it made, the same as running it again, without its few seconds per test. Yields
    the migrated home (SQLite) and the migrated database's name (PostgreSQL)."""
    root = tmp_path_factory.mktemp("migrated")
    env = _server_env(root / "home")
    with _own_database(env) as database:
        migrate = subprocess.run(
            [sys.executable, "-m", "coffeechat", "migrate"], env=env, cwd=root,
            capture_output=True, text=True, timeout=START_TIMEOUT, stdin=subprocess.DEVNULL,
        )  # fmt: skip
        if migrate.returncode != 0:
            pytest.fail(
                f"`coffeechat migrate` exited with {migrate.returncode}:\n"
                f"{migrate.stdout}{migrate.stderr}",
                pytrace=False,
            )
        yield root / "home", database


def _copy_migrated(migrated_home: Path, home: Path) -> None:
    """The migrated SQLite file (with its write-ahead log, if one is left) into a new home."""
    home.mkdir(parents=True)
    for path in migrated_home.glob("coffeechat.sqlite3*"):
        shutil.copy2(path, home / path.name)


def _wait_for_port(port: int, process: subprocess.Popen, deadline: float) -> bool:
    while time.monotonic() < deadline and process.poll() is None:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def coffeechat_server(
    request: pytest.FixtureRequest, tmp_path: Path, _migrated: tuple[Path, str]
) -> Iterator[CoffeechatServer]:
    """`coffeechat serve` on a free port over a just-migrated database, as a user would run it."""
    migrated_home, template = _migrated
    env = _server_env(tmp_path / "home")
    if request.node.get_closest_marker("server_mail"):
        # The server's own outgoing mail (password resets) through the test's SMTP server.
        _mailbox, smtp_port = request.getfixturevalue("smtp_server")
        env.update(
            COFFEECHAT_SMTP_HOST="127.0.0.1", COFFEECHAT_SMTP_PORT=str(smtp_port),
            COFFEECHAT_SMTP_TLS="false", COFFEECHAT_SMTP_FROM="coffeechat@example.org",
        )  # fmt: skip
    command = [sys.executable, "-m", "coffeechat"]
    with _own_database(env, template):
        if not template:
            _copy_migrated(migrated_home, tmp_path / "home")
        port = _free_port()
        output: list[str] = []
        links: list[str] = []
        announced = threading.Event()
        readers: list[threading.Thread] = []

        def read_output(process: subprocess.Popen) -> None:  # drains the pipe for its life
            for line in process.stdout:
                output.append(line)
                if not links and (match := SETUP_LINK.match(line)):
                    links.append(match.group(1))
                    announced.set()
            announced.set()

        def launch(at: str | None) -> subprocess.Popen:
            serve = ["serve", "--port", str(port)]
            argv = [*command, *serve] if at is None else [sys.executable, "-c", TRAVEL, at, *serve]
            started = subprocess.Popen(
                argv, env=env, cwd=tmp_path, text=True,
                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            )  # fmt: skip
            reader = threading.Thread(target=read_output, args=(started,), daemon=True)
            reader.start()
            readers.append(reader)
            return started

        marker = request.node.get_closest_marker("server_time")
        process = launch(marker.args[0] if marker else None)
        server = CoffeechatServer(url=f"http://127.0.0.1:{port}", setup_url="", output=output)

        def restart(at: str) -> None:
            """Stop the server and start it again with its clock at `at` (same data)."""
            nonlocal process
            _stop(process)
            output.append(f"--- restarted at {at} ---\n")
            process = launch(at)
            if not _wait_for_port(port, process, time.monotonic() + START_TIMEOUT):
                pytest.fail(f"the restarted server did not come up:\n{server.log}", pytrace=False)

        server.restart = restart
        died_early = None
        try:
            deadline = time.monotonic() + START_TIMEOUT
            announced.wait(START_TIMEOUT)
            if not links:
                pytest.fail(
                    "`coffeechat serve` printed no setup link "
                    f"(exit status {process.poll()}):\n{server.log}",
                    pytrace=False,
                )
            server.setup_url = links[0]
            if not server.setup_url.startswith(f"{server.url}/setup/"):
                pytest.fail(f"setup link for the wrong address: {server.setup_url}", pytrace=False)
            if not _wait_for_port(port, process, deadline):
                pytest.fail(
                    f"`coffeechat serve` is not accepting connections on port {port} "
                    f"(exit status {process.poll()}):\n{server.log}",
                    pytrace=False,
                )
            yield server
            died_early = process.poll()
        finally:
            _stop(process)
            for reader in readers:
                reader.join(timeout=5)
        if _test_failed(request.node):
            print(f"--- coffeechat serve output ---\n{server.log}")  # shown with the failure
        if died_early is not None:
            pytest.fail(
                f"`coffeechat serve` exited with {died_early} during the test:\n{server.log}",
                pytrace=False,
            )


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def _chromium_or_skip() -> None:
    if CHROMIUM.exists():
        return
    reason = (
        f"{CHROMIUM} is missing: install Debian's chromium (scripts/ensure-system-deps does it)"
    )
    if os.environ.get("COFFEECHAT_REQUIRE_BROWSER") == "1" or _truthy("CI"):
        pytest.fail(f"browser tests are required here, but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="package")
def browser():
    """One headless chromium for this folder's tests, closed when they are done."""
    _chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, request: pytest.FixtureRequest):
    """A fresh browser context per test; a screenshot in test-artifacts/ when the test fails."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    new_page = context.new_page()
    try:
        yield new_page
        if _test_failed(request.node):
            artifacts = request.config.rootpath / "test-artifacts"
            artifacts.mkdir(exist_ok=True)
            name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)
            with contextlib.suppress(Exception):
                new_page.screenshot(path=str(artifacts / f"{name}.png"), full_page=True)
    finally:
        context.close()


@pytest.fixture
def console_messages(page) -> list[str]:
    """Everything the page logs to the console and every uncaught error, as "type: text"."""
    messages: list[str] = []
    page.on("console", lambda message: messages.append(f"{message.type}: {message.text}"))
    page.on("pageerror", lambda error: messages.append(f"pageerror: {error}"))
    return messages


@pytest.fixture
def smtp_server() -> Iterator[tuple[Mailbox, int]]:
    """A real SMTP server on loopback for the app to send through: (its mailbox, its port)."""
    from aiosmtpd.controller import Controller

    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    yield mailbox, controller.port
    controller.stop()
