"""Behind a real reverse proxy: nginx, started on loopback with a throwaway certificate,
terminates TLS in front of `coffeechat serve` (COFFEECHAT_HTTPS and COFFEECHAT_BEHIND_PROXY on).
Pages load over HTTPS with HSTS and secure cookies instead of redirecting to themselves; the
forwarded headers are believed from the proxy's address only; and the login lockout counts the
client's own address, however X-Forwarded-For is forged."""

from __future__ import annotations

import contextlib
import http.client
import os
import re
import socket
import ssl
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest

NGINX = Path("/usr/sbin/nginx")
PROXY_ADDRESS = "127.0.0.2"  # nginx connects from here: the only trusted proxy
PASSWORD = "maya's long passphrase 2026"
UNVERIFIED = ssl._create_unverified_context()  # the throwaway certificate


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, f"exited with {process.returncode}"
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
            return
        time.sleep(0.05)
    raise AssertionError(f"nothing listens on {port}")


@pytest.fixture(scope="module")
def proxied(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, int]]:
    """(nginx's HTTPS port, coffeechat's own port), both on loopback; one pair for the module
    (no test here depends on another: only the lockout test logs in, as the same client)."""
    tmp_path = tmp_path_factory.mktemp("proxied")
    if not NGINX.exists():
        pytest.fail("nginx is missing: `make test` installs it (scripts/ensure-system-deps)")
    home, app_port, tls_port = tmp_path / "home", free_port(), free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COFFEECHAT_", "DJANGO_"))}
    env.pop("DATABASE_URL", None)
    env.update(
        COFFEECHAT_HOME=str(home), COFFEECHAT_DIGEST_SCHEDULER="0", COFFEECHAT_HTTPS="true",
        COFFEECHAT_BEHIND_PROXY="true", COFFEECHAT_TRUSTED_PROXIES=PROXY_ADDRESS,
        COFFEECHAT_TESTS_HASH_PASSWORDS_FAST="1",
    )  # fmt: skip
    command = [sys.executable, "-m", "coffeechat"]
    created = subprocess.run(
        [*command, "createuser", "maya"], input=f"{PASSWORD}\n", env=env, cwd=tmp_path,
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert created.returncode == 0, created.stderr
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=127.0.0.1", "-keyout", str(tmp_path / "key.pem"),
         "-out", str(tmp_path / "cert.pem")],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    temp = tmp_path / "nginx"
    temp.mkdir()
    (tmp_path / "nginx.conf").write_text(
        f"""
daemon off;
pid {temp}/nginx.pid;
error_log {temp}/error.log;
events {{ }}
http {{
  access_log off;
  client_body_temp_path {temp}/body;
  proxy_temp_path {temp}/proxy;
  server {{
    listen 127.0.0.1:{tls_port} ssl;
    ssl_certificate {tmp_path}/cert.pem;
    ssl_certificate_key {tmp_path}/key.pem;
    location / {{
      proxy_pass http://127.0.0.1:{app_port};
      proxy_bind {PROXY_ADDRESS};
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Host $host:$server_port;
    }}
  }}
}}
"""
    )
    app = subprocess.Popen(
        [*command, "serve", "--port", str(app_port)], env=env, cwd=tmp_path,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    nginx = subprocess.Popen(
        [str(NGINX), "-p", str(temp), "-c", str(tmp_path / "nginx.conf"), "-e",
         str(temp / "error.log")],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        wait_for_port(app_port, app)
        wait_for_port(tls_port, nginx)
        yield tls_port, app_port
    finally:
        for process in (nginx, app):
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def https(port: int, method: str, path: str, body: str = "", **headers: str):
    connection = http.client.HTTPSConnection("127.0.0.1", port, context=UNVERIFIED, timeout=30)
    connection.request(method, path, body=body or None, headers=headers)
    response = connection.getresponse()
    response.body = response.read().decode()
    connection.close()
    return response


def test_pages_load_over_https_with_hsts_and_secure_cookies_instead_of_looping(proxied):
    tls_port, _app_port = proxied
    page = https(tls_port, "GET", "/login/")
    assert page.status == 200, (page.status, page.getheader("Location"))
    assert "Log in to Coffeechat" in page.body
    assert page.getheader("Strict-Transport-Security", "").startswith("max-age=31536000")
    assert "Secure" in page.getheader("Set-Cookie", "")


def test_forwarded_headers_from_anyone_but_the_proxy_are_ignored(proxied):
    _tls_port, app_port = proxied
    direct = http.client.HTTPConnection("127.0.0.1", app_port, timeout=30)
    direct.request("GET", "/login/", headers={"X-Forwarded-Proto": "https"})
    answer = direct.getresponse()
    # Not from the proxy: still plain HTTP, so sent to HTTPS instead of served as secure.
    assert answer.status == 301
    assert answer.getheader("Location", "").startswith("https://")


def log_in(port: int, password: str, forged_for: str) -> int:
    form = https(port, "GET", "/login/")
    cookie = re.search(r"csrftoken=([^;]+)", form.getheader("Set-Cookie", "")).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.body).group(1)
    answer = https(
        port, "POST", "/login/",
        urlencode({"username": "maya", "password": password, "csrfmiddlewaretoken": token}),
        **{"Content-Type": "application/x-www-form-urlencoded", "Cookie": f"csrftoken={cookie}",
           "Origin": f"https://127.0.0.1:{port}", "Referer": f"https://127.0.0.1:{port}/login/",
           "X-Forwarded-For": forged_for},
    )  # fmt: skip
    return answer.status


def test_the_lockout_counts_the_clients_own_address_whatever_it_forges(proxied):
    tls_port, _app_port = proxied
    # Five wrong passwords, each claiming another address: all come from this client.
    statuses = [log_in(tls_port, "wrong guess", f"203.0.113.{n}") for n in range(1, 6)]
    assert statuses[:4] == [200] * 4  # the form again, with the error
    assert statuses[4] == 429
    assert log_in(tls_port, PASSWORD, "198.51.100.9") == 429  # still locked out


@pytest.mark.parametrize(
    ("peer", "forwarded_for", "client"),
    [
        ("127.0.0.2", "198.51.100.7", "198.51.100.7"),
        ("127.0.0.2", "203.0.113.1, 198.51.100.7", "198.51.100.7"),  # the left one is forged
        ("127.0.0.2", "198.51.100.7, 127.0.0.2", "198.51.100.7"),  # a chain of our proxies
        ("127.0.0.2", "", "127.0.0.2"),
        ("127.0.0.2", "[2001:db8::1]", "[2001:db8::1]"),
    ],
)
def test_the_client_is_the_first_address_from_the_right_that_is_not_a_proxy(
    peer, forwarded_for, client
):
    from coffeechat.edges.proxy import client_address, trusted_networks

    assert client_address(peer, forwarded_for, trusted_networks(["127.0.0.2"])) == client


def test_a_trusted_proxy_that_is_not_an_address_stops_the_start():
    from coffeechat.edges.proxy import trusted_networks

    with pytest.raises(ValueError, match=r"'proxy\.local' is not an IP address or network"):
        trusted_networks(["10.0.0.0/8", "proxy.local"])
