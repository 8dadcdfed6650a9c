"""`coffeechat serve`."""

from __future__ import annotations

from typing import Any

from django.core.management.base import CommandParser

from coffeechat.edges import server
from coffeechat.edges.commands.base import CoffeechatCommand


class Command(CoffeechatCommand):
    help = "Serve the web app (waitress, static files included)."
    example = "coffeechat serve --port 8000"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)"
        )
        parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
        parser.add_argument("--threads", type=int, default=8, help="worker threads (default 8)")

    def handle(self, *args: Any, host: str, port: int, threads: int, **options: Any) -> None:
        server.serve(host=host, port=port, threads=threads)
