"""The upload cap reaches the web server: waitress refuses a huge upload as soon as it says how
big it is, instead of spooling up to its default of 1 GiB before Django sees the form."""

from __future__ import annotations

import socket
import threading

import pytest
import waitress

from coffeechat.edges import server


def test_the_server_is_started_with_the_upload_cap_plus_room_for_the_form(settings, monkeypatch):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 25 * 1024 * 1024
    settings.COFFEECHAT_DIGEST_SCHEDULER = False
    started: dict = {}
    monkeypatch.setattr(server, "call_command", lambda *args, **kwargs: None)
    monkeypatch.setattr(server, "announce", lambda host, port: None)

    class Stopped(Exception):
        pass

    def create_server(app, **options):
        started.update(options)
        raise Stopped  # the options are what this test is about

    monkeypatch.setattr("waitress.server.create_server", create_server)
    with pytest.raises(Stopped):
        server.serve(host="127.0.0.1", port=8123, threads=2)

    assert started["max_request_body_size"] == 26 * 1024 * 1024
    assert (started["host"], started["port"], started["threads"]) == ("127.0.0.1", 8123, 2)


@pytest.fixture
def waitress_at_the_cap(settings):
    """A real waitress server with Coffeechat's limit, answering every request it reads."""
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
    bodies: list[int] = []

    def app(environ, start_response):
        bodies.append(len(environ["wsgi.input"].read()))
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"read"]

    sockets: dict = {}
    running = waitress.create_server(
        app, map=sockets, host="127.0.0.1", port=0,
        max_request_body_size=server.request_body_limit(),
    )  # fmt: skip
    channel = server._refusing_uploads_politely(server.upload_too_big_page())
    for listening in sockets.values():
        listening.channel_class = channel
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    yield running.effective_port, bodies
    running.task_dispatcher.shutdown()
    running.close()
    thread.join(5)


def post(port: int, length: int, body: bytes = b"") -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(
            f"POST /network/import/ HTTP/1.1\r\nHost: x\r\nContent-Length: {length}\r\n"
            "Connection: close\r\n\r\n".encode()
            + body
        )
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    return answer


def test_an_upload_over_the_cap_is_refused_before_its_body_is_sent(waitress_at_the_cap):
    port, bodies = waitress_at_the_cap

    # Only the headers go out: the answer comes without waiting for the 50 MB they announce
    # (well under waitress's own default limit of 1 GiB).
    answer = post(port, 50 * 1024 * 1024)

    assert answer.startswith(b"HTTP/1.1 413 Request Entity Too Large")
    assert bodies == []
    # The app's own words, not waitress's bare text.
    head, _, page = answer.partition(b"\r\n\r\n")
    assert b"Content-Type: text/html; charset=utf-8" in head
    assert b"That file is too big" in page
    assert b"The largest file Coffeechat takes is 1 MB" in page


def test_a_file_at_the_cap_with_its_form_gets_through(waitress_at_the_cap):
    port, bodies = waitress_at_the_cap
    size = 1024 * 1024 + 100_000  # the largest file, plus the form around it

    answer = post(port, size, b"x" * size)

    assert answer.startswith(b"HTTP/1.1 200 OK")
    assert bodies == [size]


def test_coffeechat_serve_answers_an_oversized_upload_with_its_own_page(tmp_path):
    import os
    import subprocess
    import sys
    import time

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COFFEECHAT_", "DJANGO_"))}
    env.pop("DATABASE_URL", None)
    env.update(COFFEECHAT_HOME=str(tmp_path / "home"), COFFEECHAT_MAX_UPLOAD_MB="1",
               COFFEECHAT_DIGEST_SCHEDULER="0")  # fmt: skip
    serving = subprocess.Popen(
        [sys.executable, "-m", "coffeechat", "serve", "--port", str(port)], env=env,
        cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), 0.5).close()
                break
            except OSError:
                time.sleep(0.1)
        answer = post(port, 5 * 1024 * 1024)
    finally:
        serving.terminate()
        serving.wait(10)
    assert answer.startswith(b"HTTP/1.1 413 Request Entity Too Large")
    assert b"The largest file Coffeechat takes is 1 MB" in answer
