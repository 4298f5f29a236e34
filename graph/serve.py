"""Serve stage: a read-only SPARQL 1.1 Protocol endpoint, a web UI and entity pages.

Contract:

- ``/sparql`` answers GET and POST (form-encoded, or ``application/sparql-query``)
  with content negotiation (SPARQL JSON/XML, CSV, TSV; Turtle, N-Triples, JSON-LD,
  RDF/XML). Parameters named ``$name`` bind ``?name`` through the engine.
- Read-only: any update (``update=``, ``application/sparql-update``, or update
  keywords in a query) gets 403. ``SERVICE``, ``LOAD``, ``FROM``/``FROM NAMED`` and
  dataset parameters are refused with 400 before anything runs.
- Every query runs in a worker process killed at ``timeout`` (``serve_worker.py``);
  answers hold at most ``max_results`` rows or triples (header
  ``Reelgraph-Truncated`` says when they were cut).
- Requests whose ``Host`` is not the bound address are refused (DNS rebinding); CORS
  headers go only to origins listed with ``--cors-origin``, never with credentials.
- ``/`` is the query UI (``graph/web/``), ``/id/...`` dereferences the local IRI
  ``{base_iri}id/...``: HTML for browsers, RDF when ``Accept`` asks for it. All assets
  are served from this process; pages set a Content-Security-Policy of ``'self'``.
"""

from __future__ import annotations

import json
import logging
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.util import find_spec
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from graph.config import PACKAGE_DIR, Settings
from graph.serve_worker import Job, Reply, WorkerPool

log = logging.getLogger(__name__)

__all__ = ["QueryRefused", "ServeOptions", "Server", "check_query", "run_server"]

WEB_DIR = PACKAGE_DIR / "web"
MAX_BODY = 1_000_000
CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)
_ASSET_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
}
_TOKEN = re.compile(
    r"'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\""
    r"|<[^<>\"{}|^`\\\x00-\x20]*>"
    r"|#[^\n]*"
    r"|[?$][A-Za-z0-9_\u00b7-\uffff]+"
    r"|@[A-Za-z]+(?:-[A-Za-z0-9]+)*"
    r"|[A-Za-z_][\w.\-]*:[\w.\-:%]*|:[\w.\-:%]*"
    r"|([A-Za-z_]\w*)",
    re.S,
)
_UPDATES = {"INSERT", "DELETE", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD"}
_UPDATES |= {"WITH"}  # WITH <g> only starts updates


class QueryRefused(Exception):
    """A request the endpoint will not run; carries the HTTP status."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def query_keywords(text: str) -> set[str]:
    """Bare keywords of a SPARQL text, outside strings, IRIs, comments and names.

    Example:
        >>> sorted(query_keywords('SELECT * { ?s ?p "SERVICE" } # LOAD'))
        ['SELECT']
    """
    return {m.group(1).upper() for m in _TOKEN.finditer(text) if m.group(1)}


def check_query(text: str) -> None:
    """Refuse what a read-only public endpoint must not run, before running it.

    Raises:
        QueryRefused: 403 for updates; 400 for SERVICE, LOAD and FROM (NAMED).
    """
    words = query_keywords(text)
    if "LOAD" in words:
        raise QueryRefused(
            400, "LOAD is not allowed: this endpoint only reads its store."
        )
    if words & _UPDATES:
        raise QueryRefused(403, "This endpoint is read-only: updates are refused.")
    if "SERVICE" in words:
        raise QueryRefused(
            400, "SERVICE is not allowed: queries run on the local store only."
        )
    if "FROM" in words:
        raise QueryRefused(
            400,
            "FROM and FROM NAMED are not allowed: the default graph is the union of "
            "the store's graphs; use GRAPH ?g { ... } to pick graphs.",
        )


@dataclass(frozen=True)
class ServeOptions:
    """How to serve: address, limits and CORS."""

    host: str = "127.0.0.1"
    port: int = 7878
    timeout: float = 30.0
    max_results: int = 10000
    cors_origins: tuple[str, ...] = ()
    workers: int = 2


def vis_network_dir() -> Path | None:
    """The folder of the vis-network build that the installed pyvis ships."""
    spec = find_spec("pyvis")
    if spec is None or spec.origin is None:
        return None
    builds = sorted(Path(spec.origin).parent.glob("templates/lib/vis-*/"))
    return builds[-1] if builds else None


class Server(ThreadingHTTPServer):
    """The HTTP server: options, settings and the worker pool for its handlers."""

    daemon_threads = True

    def __init__(
        self, settings: Settings, options: ServeOptions, pool: WorkerPool
    ) -> None:
        self.settings = settings
        self.options = options
        self.pool = pool
        super().__init__((options.host, options.port), _Handler)
        port = self.server_address[1]
        self.allowed_hosts = _allowed_hosts(options.host, int(port))

    @property
    def url(self) -> str:
        host, port = str(self.server_address[0]), int(self.server_address[1])
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{port}/"


def _allowed_hosts(host: str, port: int) -> set[str]:
    names = {host, f"[{host}]"} if ":" in host else {host}
    if host in {"127.0.0.1", "::1", "localhost"}:
        names |= {"localhost", "127.0.0.1", "[::1]"}
    allowed = {f"{name}:{port}" for name in names}
    if port == 80:
        allowed |= names
    return {a.lower() for a in allowed}


class _Handler(BaseHTTPRequestHandler):
    server: Server
    protocol_version = "HTTP/1.1"
    server_version = "reelgraph"

    # --- plumbing -----------------------------------------------------------------

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        log.info("%s %s", self.address_string(), format % args)

    def _send(
        self,
        status: int,
        body: bytes,
        content_type: str,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        if content_type.startswith("text/html"):
            self.send_header("Content-Security-Policy", CSP)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self._cors_headers()
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _text(self, status: int, message: str, **headers: str) -> None:
        body = f"{message}\n".encode()
        self._send(status, body, "text/plain; charset=utf-8", headers)

    def _cors_headers(self) -> None:
        origin = self.headers.get("Origin")
        allowed = self.server.options.cors_origins
        if not origin or not allowed:
            return
        if origin in allowed:
            self.send_header("Access-Control-Allow-Origin", origin)
            self.send_header("Vary", "Origin")
        elif "*" in allowed:
            self.send_header("Access-Control-Allow-Origin", "*")

    def _host_ok(self) -> bool:
        host = (self.headers.get("Host") or "").strip().lower()
        if host in self.server.allowed_hosts:
            return True
        self._text(403, f"Host {host!r} is not served here.")
        return False

    def _read_body(self) -> bytes | None:
        length = self.headers.get("Content-Length")
        if length is None:
            self._text(411, "POST needs a Content-Length.")
            return None
        try:
            size = int(length)
        except ValueError:
            self._text(400, "Bad Content-Length.")
            return None
        if size > MAX_BODY:
            self._text(413, f"Request body over {MAX_BODY} bytes.")
            return None
        return self.rfile.read(size)

    # --- verbs --------------------------------------------------------------------

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        if not self._host_ok():
            return
        url = urlsplit(self.path)
        params = parse_qsl(url.query, keep_blank_values=True)
        route = url.path
        if route == "/sparql":
            self._sparql(params)
        elif route in {"/", "/index.html"}:
            self._asset("index.html")
        elif route.startswith("/assets/"):
            self._asset(route[len("/assets/") :])
        elif route == "/api/queries":
            self._queries()
        elif route.startswith("/id/"):
            self._entity(route, params)
        else:
            self._text(404, f"No page at {route}. The query UI is at /.")

    def do_POST(self) -> None:
        if not self._host_ok():
            return
        url = urlsplit(self.path)
        if url.path != "/sparql":
            self._text(404, "POST goes to /sparql.")
            return
        body = self._read_body()
        if body is None:
            return
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = parse_qsl(url.query, keep_blank_values=True)
        if media == "application/sparql-update":
            self._text(403, "This endpoint is read-only: updates are refused.")
        elif media == "application/sparql-query":
            self._sparql([*params, ("query", body.decode("utf-8", "replace"))])
        elif media in {"application/x-www-form-urlencoded", ""}:
            form = parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True)
            self._sparql([*params, *form])
        else:
            self._text(415, f"Unsupported Content-Type {media!r} for /sparql.")

    def do_OPTIONS(self) -> None:
        if not self._host_ok():
            return
        headers = {"Allow": "GET, HEAD, POST, OPTIONS"}
        if self.server.options.cors_origins:
            headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
            headers["Access-Control-Allow-Headers"] = "Accept, Content-Type"
            headers["Access-Control-Max-Age"] = "600"
        self._send(204, b"", "text/plain", headers)

    def _refuse_write(self) -> None:
        if self._host_ok():
            self._text(405, "Read-only endpoint.", Allow="GET, HEAD, POST, OPTIONS")

    do_PUT = do_DELETE = do_PATCH = _refuse_write

    # --- routes -------------------------------------------------------------------

    def _sparql(self, params: list[tuple[str, str]]) -> None:
        names = {k for k, _ in params}
        if "update" in names:
            self._text(403, "This endpoint is read-only: updates are refused.")
            return
        if names & {"default-graph-uri", "named-graph-uri"}:
            self._text(400, "default-graph-uri and named-graph-uri are not allowed.")
            return
        queries = [v for k, v in params if k == "query"]
        if len(queries) != 1:
            self._text(400, "Give exactly one 'query' parameter (SPARQL 1.1 Protocol).")
            return
        try:
            check_query(queries[0])
        except QueryRefused as exc:
            self._text(exc.status, str(exc))
            return
        bindings = {k[1:]: v for k, v in params if k.startswith("$") and len(k) > 1}
        fmt = next((v for k, v in params if k == "format" and v), None)
        job = Job(
            "query",
            text=queries[0],
            bindings=bindings,
            accept=self.headers.get("Accept") or "",
            fmt=fmt,
            max_results=self.server.options.max_results,
        )
        self._reply(self.server.pool.run(job, timeout=self.server.options.timeout))

    def _reply(self, reply: Reply) -> None:
        headers = {"Cache-Control": "no-store"}
        if reply.truncated:
            headers["Reelgraph-Truncated"] = (
                f"max-results={self.server.options.max_results}"
            )
        if reply.content_type.startswith("text/html"):
            headers["Vary"] = "Accept"
        self._send(reply.status, reply.body, reply.content_type, headers)

    def _entity(self, route: str, params: list[tuple[str, str]]) -> None:
        iri = self.server.settings.base_iri + route.lstrip("/")
        fmt = next((v for k, v in params if k == "format" and v), None)
        job = Job(
            "entity",
            iri=iri,
            accept=self.headers.get("Accept") or "",
            fmt=fmt,
            path=route,
            max_results=self.server.options.max_results,
        )
        self._reply(self.server.pool.run(job, timeout=self.server.options.timeout))

    def _queries(self) -> None:
        from graph.namespaces import PREFIXES
        from graph.query import list_queries

        doc = {
            "base": self.server.settings.base_iri,
            "prefixes": PREFIXES,
            "queries": [
                {
                    "name": q.name,
                    "title": q.title,
                    "description": q.description,
                    "params": list(q.params),
                    "required": list(q.required),
                    "text": q.text,
                }
                for q in list_queries()
            ],
        }
        body = json.dumps(doc, ensure_ascii=False).encode("utf-8")
        self._send(200, body, "application/json; charset=utf-8")

    def _asset(self, name: str) -> None:
        if name.startswith("vis-network"):
            folder = vis_network_dir()
            if folder is None:
                self._text(404, "pyvis is not installed: no vis-network to serve.")
                return
        else:
            folder = WEB_DIR
        path = (folder / name).resolve()
        if folder.resolve() not in path.parents or not path.is_file():
            self._text(404, f"No asset {name!r}.")
            return
        kind = _ASSET_TYPES.get(path.suffix, "application/octet-stream")
        self._send(
            200, path.read_bytes(), kind, {"Cache-Control": "public, max-age=300"}
        )


def start_server(settings: Settings, options: ServeOptions) -> Server:
    """Start workers and bind the server (``port=0`` picks a free port).

    The caller runs ``serve_forever()`` and, at the end, :func:`stop_server`.
    """
    from graph.serve_worker import open_read_only

    open_read_only(settings).close()  # fail now, not on every request
    pool = WorkerPool(settings, size=options.workers)
    try:
        return Server(settings, options, pool)
    except OSError:
        pool.close()
        raise


def stop_server(server: Server) -> None:
    """Stop serving and kill the workers."""
    server.shutdown()
    server.server_close()
    server.pool.close()


def run_server(
    settings: Settings,
    options: ServeOptions,
    *,
    ready: Callable[[str], None] | None = None,
) -> None:
    """Serve until interrupted (Ctrl-C); ``ready`` gets the URL once bound."""
    from graph.errors import GraphError

    try:
        server = start_server(settings, options)
    except OSError as exc:
        raise GraphError(
            f"Cannot listen on {options.host}:{options.port}: {exc}. "
            "Pick another --port or stop the process using it."
        ) from exc
    if ready is not None:
        ready(server.url)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        thread.join()
    except KeyboardInterrupt:
        pass
    finally:
        stop_server(server)
