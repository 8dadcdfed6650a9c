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
    monkeypatch.setattr(waitress, "serve", lambda app, **options: started.update(options))

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

    running = waitress.create_server(
        app, host="127.0.0.1", port=0, max_request_body_size=server.request_body_limit()
    )
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


def test_a_file_at_the_cap_with_its_form_gets_through(waitress_at_the_cap):
    port, bodies = waitress_at_the_cap
    size = 1024 * 1024 + 100_000  # the largest file, plus the form around it

    answer = post(port, size, b"x" * size)

    assert answer.startswith(b"HTTP/1.1 200 OK")
    assert bodies == [size]
