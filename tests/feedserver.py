"""A real HTTP server on 127.0.0.1 for the feed tests and benchmark (importable as ``feedserver``).

It serves the files of ``tests/data/feeds/`` (or any directory, or generated documents)
with ETag and Last-Modified, answers 304 to a matching ``If-None-Match`` or
``If-Modified-Since``, and misbehaves on demand, by path:

=====================  ==============================================================
``/feeds/NAME``        the file NAME, as ``application/rss+xml`` (or what ``?type=`` says)
``/hang``              accepts the connection and never answers
``/drip``              sends headers, then one byte a second
``/huge``              50 MB of text, no Content-Length
``/huge-declared``     a Content-Length of 50 MB, then the bytes
``/gzip-bomb``         ~100 KB of gzip that inflates to 100 MB
``/redirect-loop``     a redirect to itself, for ever
``/redirect/N/NAME``   N redirects, then ``/feeds/NAME``
``/redirect-to?url=U`` a redirect to U (``file:``, ``ftp:``…)
``/status/CODE``       that status; ``?retry-after=V`` adds the header
=====================  ==============================================================

Every request's path and headers are kept in ``server.requests``.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import threading
import time
from collections.abc import Callable
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

DATA = Path(__file__).resolve().parent / "data" / "feeds"
FIFTY_MB = 50 * 1000 * 1000
_BOMB: bytes | None = None
_BOMB_LOCK = threading.Lock()


def gzip_bomb() -> bytes:
    """100 MB of zeros, gzipped once per process (about 100 KB)."""
    global _BOMB
    with _BOMB_LOCK:
        if _BOMB is None:
            _BOMB = gzip.compress(b"\0" * (100 * 1000 * 1000), compresslevel=9)
        return _BOMB


class FeedServer:
    """Start with :meth:`start`, stop with :meth:`stop`; ``url(path)`` builds addresses."""

    def __init__(self, directory: Path = DATA, *, documents: dict[str, bytes] | None = None) -> None:
        self.directory = directory
        self.documents: dict[str, bytes] = dict(documents or {})
        """Extra files by name, served like those of ``directory`` (they win)."""
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.stopping = threading.Event()
        self.mtime = time.time() - 3600
        self._lock = threading.Lock()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self._thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), name="feedserver", daemon=True)

    def start(self) -> FeedServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self._thread.join(timeout=5)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path.lstrip('/')}"

    def paths(self) -> list[str]:
        with self._lock:
            return [path for path, _ in self.requests]

    def document(self, name: str) -> bytes | None:
        if name in self.documents:
            return self.documents[name]
        path = (self.directory / name).resolve()
        if path.parent != self.directory.resolve() or not path.is_file():
            return None
        return path.read_bytes()

    def _handler(self) -> Callable[..., BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:  # quiet
                return

            def do_GET(self) -> None:
                with server._lock:
                    server.requests.append((self.path, dict(self.headers.items())))
                parts = urlsplit(self.path)
                query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
                path = parts.path
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.route(path, query)

            def route(self, path: str, query: dict[str, str]) -> None:
                if path.startswith("/feeds/"):
                    self.serve_document(path.removeprefix("/feeds/"), query)
                elif path == "/hang":
                    server.stopping.wait(120)
                elif path == "/drip":
                    self.send_response(200)
                    self.send_header("Content-Type", "application/rss+xml")
                    self.send_header("Content-Length", "1000")
                    self.end_headers()
                    for _ in range(1000):
                        if server.stopping.wait(1.0):
                            return
                        self.wfile.write(b" ")
                        self.wfile.flush()
                elif path in ("/huge", "/huge-declared"):
                    self.send_response(200)
                    self.send_header("Content-Type", "application/rss+xml")
                    if path == "/huge-declared":
                        self.send_header("Content-Length", str(FIFTY_MB))
                    else:
                        self.send_header("Connection", "close")
                    self.end_headers()
                    block = b"x" * 65536
                    sent = 0
                    while sent < FIFTY_MB and not server.stopping.is_set():
                        self.wfile.write(block)
                        sent += len(block)
                    self.close_connection = True
                elif path == "/gzip-bomb":
                    body = gzip_bomb()
                    self.send_response(200)
                    self.send_header("Content-Type", "application/rss+xml")
                    self.send_header("Content-Encoding", "gzip")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                elif path == "/redirect-loop":
                    self.redirect("/redirect-loop")
                elif path.startswith("/redirect/"):
                    _, _, count, name = path.split("/", 3)
                    remaining = int(count)
                    self.redirect(f"/redirect/{remaining - 1}/{name}" if remaining > 1 else f"/feeds/{name}")
                elif path == "/redirect-to":
                    self.redirect(query.get("url", "/"))
                elif path.startswith("/status/"):
                    code = int(path.removeprefix("/status/"))
                    self.send_response(code)
                    if "retry-after" in query:
                        self.send_header("Retry-After", query["retry-after"])
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                else:
                    self.send_error(404)

            def redirect(self, location: str) -> None:
                self.send_response(302)
                self.send_header("Location", location)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def serve_document(self, name: str, query: dict[str, str]) -> None:
                body = server.document(name)
                if body is None:
                    self.send_error(404)
                    return
                etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
                modified = formatdate(server.mtime, usegmt=True)
                if self.headers.get("If-None-Match") == etag or self._unmodified_since(server.mtime):
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                kind = query.get("type") or _content_type(name)
                if "gzip" in query:
                    body = gzip.compress(body)
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("ETag", etag)
                self.send_header("Last-Modified", modified)
                if "gzip" in query:
                    self.send_header("Content-Encoding", "gzip")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _unmodified_since(self, mtime: float) -> bool:
                value = self.headers.get("If-Modified-Since")
                if not value or self.headers.get("If-None-Match"):
                    return False
                try:
                    return parsedate_to_datetime(value).timestamp() >= int(mtime)
                except (TypeError, ValueError):
                    return False

        return Handler


def _content_type(name: str) -> str:
    if name.endswith(".json"):
        return "application/feed+json"
    if name.endswith(".opml"):
        return "text/x-opml"
    if name.endswith((".html", ".htm")):
        return "text/html; charset=utf-8"
    return "application/rss+xml"
