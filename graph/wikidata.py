"""Wikidata client: the only module that talks to a SPARQL service.

Contract: :class:`WikidataClient.select` takes the exact SPARQL text and returns the
solutions as SPARQL JSON bindings (``{"var": {"type": "uri", "value": ...}}``). The
endpoint is an http(s) URL (queried through SPARQLWrapper with reelgraph's
User-Agent, a timeout, one request at a time, POST for long queries) or the folder of a
local mirror (:mod:`graph.mirror`, queried in-process with the same text). Every good
answer is cached on disk, keyed by endpoint and exact query; ``offline`` answers from
the cache only. Rate limits (429 + ``Retry-After``) are waited out and 5xx, resets and
hangs are retried with bounded exponential backoff and jitter; 400/401/403/404/414 are
not retried.
A 200 answer that is HTML, truncated JSON or JSON of the wrong shape raises
:class:`~graph.errors.WikidataError` and is never cached.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import logging
import os
import random
import socket
import threading
import time
import urllib.error
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from graph.config import Settings, user_agent
from graph.errors import OfflineCacheMiss, WikidataError
from graph.mirror import Mirror, is_mirror

log = logging.getLogger(__name__)

Binding = dict[str, dict[str, str]]
"""One solution: variable name -> SPARQL JSON term (``type``, ``value``, ...)."""

DEFAULT_RETRY_AFTER = 60.0
MAX_RETRY_AFTER = 900.0
POST_THRESHOLD = 1500
_NO_RETRY = frozenset({400, 401, 403, 404, 405, 414})


@dataclass
class ClientStats:
    """Counters of one client: what was sent, answered from cache, skipped."""

    requests: int = 0
    cache_hits: int = 0
    retries: int = 0
    slept: float = 0.0
    skipped: list[str] = field(default_factory=list)

    @property
    def queries(self) -> int:
        """Queries answered (sent or from cache)."""
        return self.requests + self.cache_hits


class WikidataClient:
    """A polite, cached SPARQL client for Wikidata, a compatible endpoint or a mirror.

    Example:
        >>> from graph.config import Settings
        >>> s = Settings.from_env().with_overrides(offline=True)
        >>> client = client_from_settings(s)
        >>> client.stats.requests
        0
    """

    def __init__(
        self,
        endpoint: str,
        *,
        cache_dir: str | Path | None,
        offline: bool = False,
        timeout: float = 65.0,
        agent: str | None = None,
        max_attempts: int = 5,
        backoff: float = 1.0,
        max_backoff: float = 60.0,
        max_retry_after: float = MAX_RETRY_AFTER,
        batch_size: int = 50,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
    ) -> None:
        """Configure the client (nothing is opened or sent until the first query).

        Args:
            endpoint: http(s) SPARQL URL, or the folder of a mirror.
            cache_dir: folder of the answer cache; ``None`` disables caching.
            offline: answer from the cache only.
            timeout: seconds per HTTP request (just above the server's 60 s).
            agent: User-Agent (default :func:`graph.config.user_agent`).
            max_attempts: attempts per query for retryable failures.
            backoff: first backoff in seconds, doubled per attempt, plus jitter.
            max_backoff: cap of one backoff.
            max_retry_after: a ``Retry-After`` longer than this fails at once.
            batch_size: how many ids callers should put into one ``VALUES``.
            sleep: the sleep function (tests inject a recorder).
            rng: jitter source (tests inject a seeded one).
        """
        self.is_http = endpoint.startswith(("http://", "https://"))
        if not self.is_http:
            endpoint = str(Path(endpoint).expanduser().resolve())
        self.endpoint = endpoint
        self.cache_dir = Path(cache_dir) if cache_dir is not None else None
        self.offline = offline
        self.timeout = timeout
        self.agent = agent or user_agent()
        self.max_attempts = max(1, max_attempts)
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.max_retry_after = max_retry_after
        self.batch_size = max(1, batch_size)
        self.stats = ClientStats()
        self._sleep = sleep
        self._rng = rng or random.Random()
        self._lock = threading.Lock()
        self._mirror: Mirror | None = None

    # -- public -----------------------------------------------------------------------

    @property
    def mirror(self) -> Mirror | None:
        """The opened mirror when the endpoint is a mirror folder and we may use it."""
        if self.is_http or self.offline:
            return None
        if self._mirror is None:
            self._mirror = Mirror(self.endpoint)
        return self._mirror

    def lookup_labels(self, keys: set[str]) -> dict[str, list[str]]:
        """Exact labels for normalised keys, when the endpoint has a label index.

        Only mirrors have one; for HTTP endpoints (and offline) the answer is empty and
        callers fall back to spelling variants.
        """
        mirror = None if self.is_http else self._mirror_for_labels()
        return mirror.lookup_labels(keys) if mirror is not None else {}

    def select(self, query: str) -> list[Binding]:
        """Run a SELECT query (cache first) and return its bindings.

        Raises:
            OfflineCacheMiss: offline and the answer is not cached.
            WikidataError: the service failed, refused, or answered garbage.
        """
        cached = self._cache_read(query)
        if cached is not None:
            self.stats.cache_hits += 1
            return cached
        if self.offline:
            summary = _summarise(query)
            self.stats.skipped.append(summary)
            raise OfflineCacheMiss(
                f"Offline and not cached: {summary} ({len(self.stats.skipped)} skipped "
                f"so far). Run once without --offline to fill {self.cache_dir}."
            )
        with self._lock:
            body, content_type = self._fetch(query)
        bindings = parse_results(
            body, content_type=content_type, endpoint=self.endpoint
        )
        self._cache_write(query, bindings)
        return bindings

    # -- transport --------------------------------------------------------------------

    def _mirror_for_labels(self) -> Mirror | None:
        if self._mirror is None and is_mirror(self.endpoint):
            self._mirror = Mirror(self.endpoint)
        return self._mirror

    def _fetch(self, query: str) -> tuple[bytes, str]:
        if not self.is_http:
            mirror = self.mirror
            assert mirror is not None
            self.stats.requests += 1
            return mirror.select_json(query), "application/sparql-results+json"
        attempt = 0
        while True:
            attempt += 1
            self.stats.requests += 1
            try:
                return self._http_once(query)
            except WikidataError as exc:
                wait = self._retry_wait(exc, attempt)
                if wait is None:
                    raise
                # A long wait (a 429's Retry-After) is worth telling; short backoffs
                # that usually succeed stay in the -v log.
                level = logging.WARNING if wait >= 10 else logging.INFO
                log.log(level, "%s; retrying in %.1f s", exc, wait)
                self.stats.retries += 1
                self.stats.slept += wait
                self._sleep(wait)

    def _retry_wait(self, exc: WikidataError, attempt: int) -> float | None:
        """Seconds to wait before the next attempt, or ``None`` to give up."""
        if attempt >= self.max_attempts or not exc.retryable:
            return None
        if exc.status == 429:
            wait = (
                exc.retry_after if exc.retry_after is not None else DEFAULT_RETRY_AFTER
            )
            if wait > self.max_retry_after:
                return None
            return wait
        if exc.status is not None and exc.status in _NO_RETRY:
            return None
        base = float(min(self.max_backoff, self.backoff * 2 ** (attempt - 1)))
        return base + float(self._rng.uniform(0, base / 2))

    def _http_once(self, query: str) -> tuple[bytes, str]:
        from SPARQLWrapper import JSON, POST, URLENCODED, SPARQLWrapper
        from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

        client = SPARQLWrapper(self.endpoint, agent=self.agent, returnFormat=JSON)
        client.setQuery(query)
        client.setTimeout(int(max(1, round(self.timeout))))
        if len(query.encode("utf-8")) > POST_THRESHOLD:
            client.setMethod(POST)
            client.setRequestMethod(URLENCODED)
        where = f"{self.endpoint} ({_summarise(query)})"
        try:
            response = client.query().response
            body: bytes = response.read()
            content_type = response.headers.get("Content-Type", "") or ""
        except urllib.error.HTTPError as exc:
            retry_after = parse_retry_after(exc.headers.get("Retry-After"))
            error = WikidataError(
                f"{where}: HTTP {exc.code} {exc.reason}",
                status=exc.code,
                retry_after=retry_after,
            )
            raise error from exc
        except SPARQLWrapperException as exc:
            status = _status_of(exc)
            error = WikidataError(
                f"{where}: HTTP {status}: {str(exc).splitlines()[0]}", status=status
            )
            raise error from exc
        except (
            urllib.error.URLError,
            http.client.HTTPException,
            ConnectionError,
            TimeoutError,
        ) as exc:
            unresolved = isinstance(getattr(exc, "reason", None), socket.gaierror)
            raise WikidataError(
                f"{where}: no answer ({type(exc).__name__}: {exc}). Check the endpoint "
                f"or try again later.",
                retryable=not unresolved,
            ) from exc
        return body, content_type

    # -- cache ------------------------------------------------------------------------

    def cache_path(self, query: str) -> Path | None:
        """Where the answer to ``query`` is (or would be) cached."""
        if self.cache_dir is None:
            return None
        key = hashlib.sha256(f"{self.endpoint}\n{query}".encode()).hexdigest()
        return self.cache_dir / "wikidata" / key[:2] / f"{key}.json"

    def _cache_read(self, query: str) -> list[Binding] | None:
        path = self.cache_path(query)
        if path is None or not path.is_file():
            return None
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            log.warning("Ignoring unreadable cache entry %s", path)
            return None
        if entry.get("query") != query or entry.get("endpoint") != self.endpoint:
            return None
        bindings: list[Binding] = entry["bindings"]
        return bindings

    def _cache_write(self, query: str, bindings: list[Binding]) -> None:
        path = self.cache_path(query)
        if path is None:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        entry = {
            "endpoint": self.endpoint,
            "query": query,
            "retrieved": datetime.now(UTC).isoformat(timespec="seconds"),
            "bindings": bindings,
        }
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)


def client_from_settings(settings: Settings, **options: Any) -> WikidataClient:
    """The client configured by ``settings`` (endpoint, cache, offline, timeout).

    Extra keyword ``options`` go to :class:`WikidataClient` (tests pass ``sleep``).
    """
    return WikidataClient(
        settings.wikidata_endpoint,
        cache_dir=settings.cache_dir,
        offline=settings.offline,
        timeout=settings.wikidata_timeout,
        batch_size=settings.wikidata_batch_size,
        **options,
    )


def parse_results(
    body: bytes, *, content_type: str = "", endpoint: str = ""
) -> list[Binding]:
    """Validate a SPARQL JSON results body and return its bindings.

    Raises:
        WikidataError: the body is HTML, truncated or not SPARQL JSON results.
    """
    head = body.lstrip()[:200].lower()
    if "html" in content_type.lower() or head.startswith(
        (b"<!doctype", b"<html", b"<")
    ):
        raise WikidataError(
            f"{endpoint} answered an HTML page instead of SPARQL results "
            f"({body[:120]!r}...). A blocked User-Agent or a proxy page; not cached."
        )
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        tail = body.decode("utf-8", "replace")[-160:].strip().splitlines()
        hint = tail[-1] if tail else ""
        raise WikidataError(
            f"{endpoint} answered truncated or invalid JSON ({exc}; ends with "
            f"{hint!r}), usually a server-side timeout. Split the query; not cached."
        ) from exc
    bindings = (
        data.get("results", {}).get("bindings") if isinstance(data, dict) else None
    )
    if (
        not isinstance(data.get("head") if isinstance(data, dict) else None, dict)
        or not isinstance(bindings, list)
        or not all(_is_binding(b) for b in bindings)
    ):
        raise WikidataError(
            f"{endpoint} answered JSON that is not SPARQL SELECT results "
            f"({body[:120]!r}...); not cached."
        )
    return bindings


def _is_binding(row: object) -> bool:
    return isinstance(row, dict) and all(
        isinstance(v, dict) and "type" in v and "value" in v for v in row.values()
    )


def parse_retry_after(
    value: str | None, *, now: datetime | None = None
) -> float | None:
    """Seconds from a ``Retry-After`` header (delta seconds or an HTTP date).

    Example:
        >>> parse_retry_after("7")
        7.0
        >>> parse_retry_after(None) is None
        True
    """
    if value is None or not value.strip():
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def _status_of(exc: Exception) -> int | None:
    from SPARQLWrapper import SPARQLExceptions as E

    mapping: dict[type[Exception], int] = {
        E.QueryBadFormed: 400,
        E.Unauthorized: 401,
        E.EndPointNotFound: 404,
        E.URITooLong: 414,
        E.EndPointInternalError: 500,
    }
    for cls, status in mapping.items():
        if isinstance(exc, cls):
            return status
    return None


def _summarise(query: str) -> str:
    lines = [ln.strip() for ln in query.splitlines() if ln.strip()]
    body = [ln for ln in lines if not ln.upper().startswith("PREFIX")]
    text = " ".join(body)
    return (text[:90] + "...") if len(text) > 90 else text
