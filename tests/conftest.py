"""Shared fixtures for the whole suite (the only place fixtures live).

Sections are kept apart per stage so that each can change without touching the others.
"""

from __future__ import annotations

import threading
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DATA = Path(__file__).resolve().parent / "data"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--network", action="store_true", default=False, help="run tests that need the internet"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--network"):
        return
    skip = pytest.mark.skip(reason="needs --network")
    for item in items:
        if "network" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` beside the project (seed review, Wikidata extract, RT reviews)."""
    if not SHARED.is_dir():
        pytest.fail(f"{SHARED} is missing: CI and developers have it beside the project")
    return SHARED


@pytest.fixture(scope="session")
def seed_path(shared_dir: Path) -> Path:
    return next((shared_dir / "seed").glob("*.txt"))


# --- store / ingest / build / pipeline ----------------------------------------------


# --- extract ------------------------------------------------------------------------


# --- wikidata / link / enrich -------------------------------------------------------


@dataclass
class FakeReply:
    """One scripted answer of the fake query service."""

    status: int = 200
    body: bytes = b'{"head": {"vars": []}, "results": {"bindings": []}}'
    content_type: str = "application/sparql-results+json"
    headers: dict[str, str] = field(default_factory=dict)
    hang: float = 0.0


@dataclass
class FakeRequest:
    """One request the fake query service received."""

    method: str
    path: str
    headers: dict[str, str]
    query: str


class FakeWdqs:
    """A fake Wikidata query service on 127.0.0.1: scripted replies, recorded requests.

    Replies are taken from ``script`` in order; when it is empty, ``default`` answers.
    """

    def __init__(self) -> None:
        self.requests: list[FakeRequest] = []
        self.script: list[FakeReply] = []
        self.default = FakeReply()
        self.stop = threading.Event()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:
                return

            def _answer(self, method: str, raw: str) -> None:
                params = urllib.parse.parse_qs(raw)
                fake.requests.append(
                    FakeRequest(
                        method=method,
                        path=self.path,
                        headers={k.lower(): v for k, v in self.headers.items()},
                        query=(params.get("query") or [""])[0],
                    )
                )
                reply = fake.script.pop(0) if fake.script else fake.default
                if reply.hang:
                    fake.stop.wait(reply.hang)
                    return
                self.send_response(reply.status)
                self.send_header("Content-Type", reply.content_type)
                self.send_header("Content-Length", str(len(reply.body)))
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(reply.body)

            def do_GET(self) -> None:
                self._answer("GET", urllib.parse.urlsplit(self.path).query)

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                self._answer("POST", self.rfile.read(length).decode("utf-8"))

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/sparql"
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)

    def reply(self, *replies: FakeReply) -> None:
        """Queue replies for the next requests."""
        self.script.extend(replies)

    def close(self) -> None:
        self.stop.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def fake_wdqs() -> Iterator[FakeWdqs]:
    """A fresh fake query service (127.0.0.1, random port) for one test."""
    fake = FakeWdqs()
    fake.thread.start()
    try:
        yield fake
    finally:
        fake.close()


@pytest.fixture
def fake_reply() -> type[FakeReply]:
    """The reply record class of :class:`FakeWdqs` (tests cannot import conftest)."""
    return FakeReply


@pytest.fixture(scope="session")
def wikidata_mirror(
    shared_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """``../shared/wikidata/*.nt.gz`` bulk-loaded once per session into a mirror."""
    from graph.mirror import load_mirror

    files = sorted((shared_dir / "wikidata").glob("*.nt.gz"))
    if not files:
        pytest.fail(f"no *.nt.gz in {shared_dir / 'wikidata'}")
    path = tmp_path_factory.mktemp("wikidata-mirror")
    load_mirror(files, mirror=path)
    return path


# --- query / serve ------------------------------------------------------------------


# --- visualise ----------------------------------------------------------------------


# --- export / validate / remote -----------------------------------------------------
