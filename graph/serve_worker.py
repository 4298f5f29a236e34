"""Serve stage, query workers: run each query where it can be stopped.

Neither Oxigraph nor rdflib can interrupt a running query, so the endpoint never runs
one in its own process. A :class:`WorkerPool` keeps a few worker processes (started
with ``spawn``, safe beside the server's threads); each opens the store read-only
through :func:`graph.store.open_store` (Oxigraph allows that while another process
holds the write lock) and answers one :class:`Job` at a time. When a job overruns its
time limit the pool kills that worker and starts a fresh one, so a runaway query stops
using CPU at once. Answers travel back already serialised, as a :class:`Reply`.
"""

from __future__ import annotations

import logging
import multiprocessing
import queue
import threading
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from graph.config import Settings
from graph.errors import GraphError, QueryError

log = logging.getLogger(__name__)

__all__ = ["Job", "Reply", "WorkerPool", "answer_job", "open_read_only"]

_STARTUP = (
    60.0  # seconds a fresh worker may take to import (not part of a query's time)
)


@dataclass(frozen=True)
class Job:
    """One request for a worker.

    Attributes:
        kind: ``query`` (SPARQL text) or ``entity`` (an entity page for ``iri``).
        text: the SPARQL query for ``query`` jobs.
        bindings: parameter name -> value, bound through the engine.
        accept: the request's Accept header, for content negotiation.
        fmt: an explicit format name (``json``, ``turtle``...) overriding Accept.
        iri: the entity IRI for ``entity`` jobs.
        max_results: cap on rows or triples.
    """

    kind: str
    text: str = ""
    bindings: dict[str, str] = field(default_factory=dict)
    accept: str = ""
    fmt: str | None = None
    iri: str = ""
    max_results: int = 10000
    path: str = "/"


@dataclass(frozen=True)
class Reply:
    """A worker's serialised answer: HTTP status, media type, body, truncation."""

    status: int
    content_type: str
    body: bytes
    truncated: bool = False


def answer_job(store: Any, job: Job, settings: Settings) -> Reply:
    """Answer one job against an open store (runs inside a worker process)."""
    from graph.serve_pages import answer_entity, answer_query

    try:
        if job.kind == "entity":
            return answer_entity(store, job, settings)
        return answer_query(store, job)
    except QueryError as exc:
        return Reply(400, "text/plain; charset=utf-8", f"{exc}\n".encode())
    except GraphError as exc:
        return Reply(500, "text/plain; charset=utf-8", f"{exc}\n".encode())


def _store_stamp(settings: Settings) -> int | None:
    if settings.remote_query_endpoint:
        return None
    try:
        return Path(settings.store).stat().st_mtime_ns
    except OSError:
        return None


def open_read_only(settings: Settings) -> Any:
    """Open the store read-only (``open_store`` retries while a writer compacts)."""
    from graph.store import open_store

    return open_store(settings, read_only=True)


def _worker_main(settings: Settings, conn: Connection) -> None:
    """Worker loop: open the store read-only, answer jobs until the pipe closes."""
    import graph.serve_pages  # noqa: F401  (import before saying ready)

    store: Any = None
    stamp: int | None = None
    conn.send("ready")
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            break
        try:
            current = _store_stamp(settings)
            if store is None or current != stamp:
                # A writer added files since we opened: reopen to see its commits.
                if store is not None:
                    store.close()
                store = open_read_only(settings)
                stamp = current
            reply = answer_job(store, job, settings)
        except GraphError as exc:
            reply = Reply(503, "text/plain; charset=utf-8", f"{exc}\n".encode())
        conn.send(reply)


class _Worker:
    def __init__(self, settings: Settings) -> None:
        ctx = multiprocessing.get_context("spawn")
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(
            target=_worker_main, args=(settings, child), daemon=True
        )
        self.process.start()
        child.close()
        self.ready = False

    def wait_ready(self, timeout: float) -> bool:
        """Wait for the worker's start-up message (imports take a moment)."""
        if not self.ready and self.conn.poll(timeout):
            self.ready = self.conn.recv() == "ready"
        return self.ready

    def stop(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class WorkerPool:
    """A fixed number of worker processes; a job that overruns kills its worker.

    Example:
        >>> pool = WorkerPool(Settings.from_env(), size=1)  # doctest: +SKIP
        >>> pool.run(Job("query", text="ASK {}"), timeout=5).status  # doctest: +SKIP
        200
    """

    def __init__(self, settings: Settings, *, size: int = 2) -> None:
        if size < 1:
            raise ValueError("a worker pool needs at least one worker")
        self.settings = settings
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._lock = threading.Lock()
        self._all: list[_Worker] = []
        for _ in range(size):
            self._add()

    def _add(self) -> None:
        worker = _Worker(self.settings)
        with self._lock:
            self._all.append(worker)
        self._idle.put(worker)

    def _replace(self, worker: _Worker) -> None:
        worker.stop()
        with self._lock:
            if worker in self._all:
                self._all.remove(worker)
        self._add()

    def run(self, job: Job, *, timeout: float) -> Reply:
        """Run ``job`` on an idle worker; 503 when none frees up or time runs out."""
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            return _plain(503, "All query workers are busy: try again shortly.")
        try:
            if not worker.wait_ready(_STARTUP):
                self._replace(worker)
                return _plain(503, "A query worker did not start; try again.")
            worker.conn.send(job)
            if worker.conn.poll(timeout):
                reply: Reply = worker.conn.recv()
                self._idle.put(worker)
                return reply
        except (EOFError, OSError, BrokenPipeError) as exc:
            log.warning("query worker %s failed: %s", worker.process.pid, exc)
            self._replace(worker)
            return _plain(500, "The query worker stopped unexpectedly; try again.")
        log.info("query over %.1fs: killing worker %s", timeout, worker.process.pid)
        self._replace(worker)
        return _plain(
            503,
            f"Query stopped after the {timeout:g} s time limit. Add a LIMIT, make "
            "the pattern more selective, or start the server with a larger --timeout.",
        )

    def close(self) -> None:
        """Stop every worker."""
        with self._lock:
            workers, self._all = self._all, []
        for worker in workers:
            worker.stop()

    def pids(self) -> list[int]:
        """Process ids of the live workers (for tests and logs)."""
        with self._lock:
            return [w.process.pid for w in self._all if w.process.pid is not None]


def _plain(status: int, message: str) -> Reply:
    return Reply(status, "text/plain; charset=utf-8", f"{message}\n".encode())
