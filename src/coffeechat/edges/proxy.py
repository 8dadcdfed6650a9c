"""Behind a reverse proxy (nginx, Caddy) that terminates TLS: the request as the client made it.

The proxy connects from its own address and says in X-Forwarded-Proto, -For and -Host what
the client asked for and where it came from. Those headers are believed only from the
addresses the administrator names (COFFEECHAT_TRUSTED_PROXIES, loopback by default) and
removed from any other request, so nobody can claim HTTPS or another client address by
sending them directly. Everything downstream (Django's HTTPS redirect and HSTS, the login
lockout keyed on the client address) then sees the real scheme, host and client.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable, Iterable
from typing import Any

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]
_FORWARDED = ("HTTP_X_FORWARDED_FOR", "HTTP_X_FORWARDED_PROTO", "HTTP_X_FORWARDED_HOST")


def trusted_networks(addresses: Iterable[str]) -> list[Network]:
    """The networks of COFFEECHAT_TRUSTED_PROXIES ("127.0.0.1", "10.0.0.0/8", "::1");
    ValueError naming a value that is neither an address nor a network."""
    networks = []
    for address in addresses:
        try:
            networks.append(ipaddress.ip_network(address.strip(), strict=False))
        except ValueError:
            raise ValueError(
                f"COFFEECHAT_TRUSTED_PROXIES: {address!r} is not an IP address or network "
                "(such as 127.0.0.1, ::1 or 10.0.0.0/8)"
            ) from None
    return networks


def _is_trusted(address: str, networks: list[Network]) -> bool:
    try:
        ip = ipaddress.ip_address(address.strip().removeprefix("[").split("]")[0])
    except ValueError:
        return False
    return any(ip in network for network in networks)


def client_address(peer: str, forwarded_for: str, networks: list[Network]) -> str:
    """The client's address: from the right of X-Forwarded-For, the first hop that is not one
    of our proxies (the leftmost entries are whatever the client chose to send)."""
    hops = [hop.strip() for hop in forwarded_for.split(",") if hop.strip()]
    for hop in reversed(hops):
        if not _is_trusted(hop, networks):
            return hop
    return hops[0] if hops else peer


def _last(value: str) -> str:
    return value.split(",")[-1].strip().lower()


class TrustedProxyMiddleware:
    """WSGI middleware: honours X-Forwarded-* from trusted proxies only."""

    def __init__(self, app: WSGIApp, networks: list[Network]) -> None:
        self.app = app
        self.networks = networks

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        peer = environ.get("REMOTE_ADDR", "")
        if not _is_trusted(peer, self.networks):
            for header in _FORWARDED:
                environ.pop(header, None)
            return self.app(environ, start_response)
        forwarded_for = environ.pop("HTTP_X_FORWARDED_FOR", "")
        if forwarded_for:
            environ["REMOTE_ADDR"] = client_address(peer, forwarded_for, self.networks)
        scheme = _last(environ.pop("HTTP_X_FORWARDED_PROTO", ""))
        if scheme in ("http", "https"):
            environ["wsgi.url_scheme"] = scheme
        host = environ.pop("HTTP_X_FORWARDED_HOST", "").split(",")[-1].strip()
        if host:
            environ["HTTP_HOST"] = host  # checked against ALLOWED_HOSTS by Django
        return self.app(environ, start_response)
