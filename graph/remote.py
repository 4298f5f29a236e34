"""Store stage, remote backend: any SPARQL 1.1 server used like the embedded store.

Contract: :class:`RemoteStore` offers the methods of :class:`graph.store.GraphStore`
(``query``, ``quads``, ``graph_triples``, ``named_graphs``, ``replace_graph``,
``add_to_graph``, ``remove_graph``, ``update``, ``close``) over the SPARQL 1.1 Protocol:

- Reads go through SPARQLWrapper (a User-Agent naming reelgraph, a timeout, POST). The
  answers are parsed by pyoxigraph, so callers get the same objects as from the
  embedded store: ``QuerySolutions`` (``row["var"]`` gives pyoxigraph terms) for
  SELECT, ``QueryBoolean`` for ASK, and a list of ``pyoxigraph.Triple`` for
  CONSTRUCT/DESCRIBE. ``bindings`` are sent as a ``VALUES`` block placed at the start
  of the query's WHERE group, the portable equivalent of the engine's substitution.
- Writes are SPARQL 1.1 Update, one review graph at a time. A graph that fits in one
  batch is replaced by one request (``DROP SILENT GRAPH; INSERT DATA``), which servers
  run as one transaction; a bigger one is written to a staging graph in batches and
  then moved over the target with ``MOVE``, so readers never see half a graph. Every
  replacement starts by dropping what it writes to, so retrying a failed one (which
  this class does a bounded number of times, with backoff) never duplicates triples.
- Only graphs whose IRI starts with ``graph_prefix`` are listed or read as "the store",
  which keeps a shared server's other data (and Virtuoso's system graphs) out.

Queries without ``GRAPH`` see the server's default graph: make it the union of the
named graphs (``oxigraph serve --union-default-graph``, Fuseki
``tdb2:unionDefaultGraph true``; GraphDB and Virtuoso do so already) so that named
queries answer as they do on the embedded store.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterator, Mapping
from types import TracebackType
from typing import Any

import pyoxigraph as ox
from rdflib import Graph as RdfGraph
from rdflib.term import Node

from graph.config import DEFAULT_BASE_IRI, user_agent
from graph.errors import QueryError, StoreError

log = logging.getLogger(__name__)

__all__ = ["RemoteStore", "bind_values"]

STAGING_SUFFIX = "#reelgraph-staging"
_READ_KINDS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}
# Strings, IRIs and comments, which may contain braces or keywords that do not count.
_OPAQUE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r"|<[^<>\"{}|^`\\\s]*>"
    r"|#[^\n]*",
    re.S,
)


def _masked(sparql: str) -> str:
    """``sparql`` with strings, IRIs and comments blanked out (same length)."""
    return _OPAQUE.sub(lambda m: " " * len(m.group(0)), sparql)


def _term(value: Any) -> str:
    """The SPARQL (N-Triples) form of an rdflib or pyoxigraph term."""
    if isinstance(value, Node):
        from graph.store import to_ox

        value = to_ox(value)
    if isinstance(value, ox.NamedNode | ox.BlankNode | ox.Literal):
        return str(value)
    raise TypeError(f"cannot bind {value!r}: pass an rdflib or pyoxigraph term")


def bind_values(sparql: str, bindings: Mapping[str, Any] | None) -> str:
    """Pre-bind variables by adding a one-row ``VALUES`` block to the WHERE group.

    Example:
        >>> from rdflib import Literal
        >>> bind_values("SELECT ?f WHERE { ?f ?p ?t }", {"t": Literal("Roxanne")})
        'SELECT ?f WHERE { VALUES (?t) { ("Roxanne") } ?f ?p ?t }'

    Raises:
        QueryError: the query has no group to put the bindings in.
    """
    if not bindings:
        return sparql
    names = " ".join(f"?{name.lstrip('?$')}" for name in bindings)
    row = " ".join(_term(value) for value in bindings.values())
    masked = _masked(sparql)
    where = re.search(r"\bWHERE\s*\{", masked, re.I)
    brace = where.end() if where else None
    if brace is None and re.search(r"\b(SELECT|ASK)\b", masked, re.I):
        first = masked.find("{")
        brace = first + 1 if first >= 0 else None
    if brace is None:
        raise QueryError(
            "Cannot bind parameters: the query has no WHERE { ... } group."
        )
    return f"{sparql[:brace]} VALUES ({names}) {{ ({row}) }}{sparql[brace:]}"


def _query_kind(sparql: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE (the first such keyword outside strings)."""
    masked = _masked(sparql)
    match = re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", masked, re.I)
    if not match:
        raise QueryError("Not a SPARQL query (no SELECT, ASK, CONSTRUCT or DESCRIBE).")
    return match.group(1).upper()


class RemoteStore:
    """A SPARQL 1.1 server behind the embedded store's methods.

    Args:
        query_endpoint: the SPARQL query URL (``http://host:7878/query``).
        update_endpoint: the SPARQL Update URL; ``None`` makes the store read-only.
        timeout: seconds per HTTP request.
        graph_prefix: only graphs under this IRI are the store's.
        batch_size: triples per INSERT DATA request.
        retries: attempts per request on connection errors and 5xx answers.
    """

    def __init__(
        self,
        query_endpoint: str,
        update_endpoint: str | None = None,
        *,
        timeout: float = 60.0,
        graph_prefix: str | None = DEFAULT_BASE_IRI + "graph/",
        batch_size: int = 5000,
        retries: int = 3,
    ) -> None:
        if not re.match(r"^https?://", query_endpoint):
            raise StoreError(
                f"The remote query endpoint {query_endpoint!r} is not an http(s) URL: "
                "pass e.g. --endpoint http://127.0.0.1:7878/query."
            )
        self.query_endpoint = query_endpoint
        self.update_endpoint = update_endpoint
        self.timeout = timeout
        self.graph_prefix = graph_prefix
        self.batch_size = max(1, batch_size)
        self.retries = max(1, retries)
        self.read_only = update_endpoint is None
        self.path = None
        self.requests = 0

    def __repr__(self) -> str:
        return f"RemoteStore({self.query_endpoint!r}, {self.update_endpoint!r})"

    def __enter__(self) -> RemoteStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Nothing to release: every request opens and closes its own connection."""

    # --- HTTP ---------------------------------------------------------------------

    def _client(self, endpoint: str, accept: str) -> Any:
        from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper

        client = SPARQLWrapper(endpoint, updateEndpoint=self.update_endpoint)
        # SPARQLWrapper also sends format=/output= parameters from the return format;
        # they must agree with Accept or Virtuoso answers 406.
        client.setReturnFormat(TURTLE if "turtle" in accept else JSON)
        client.agent = user_agent()
        client.setTimeout(int(max(1, self.timeout)))
        client.setMethod(POST)
        client.addCustomHttpHeader("Accept", accept)
        return client

    def _send(self, text: str, *, update: bool, accept: str) -> bytes:
        """POST a query or update; retry resets and 5xx; map failures to our errors."""
        import urllib.error

        from SPARQLWrapper import POSTDIRECTLY, URLENCODED
        from SPARQLWrapper.SPARQLExceptions import (
            EndPointInternalError,
            EndPointNotFound,
            QueryBadFormed,
            SPARQLWrapperException,
            Unauthorized,
        )

        endpoint = self.update_endpoint if update else self.query_endpoint
        if endpoint is None:
            raise StoreError(
                f"The remote store at {self.query_endpoint} has no update endpoint: "
                "pass --update-endpoint to write to it."
            )
        what = "update" if update else "query"
        for attempt in range(1, self.retries + 1):
            client = self._client(endpoint, accept)
            client.setRequestMethod(POSTDIRECTLY if update else URLENCODED)
            client.setQuery(text)
            self.requests += 1
            try:
                return bytes(client.query().response.read())
            except QueryBadFormed as exc:
                raise QueryError(
                    f"The server at {endpoint} rejected the {what}: {_first_line(exc)}"
                ) from exc
            except (Unauthorized, EndPointNotFound) as exc:
                raise StoreError(
                    f"The server at {endpoint} refused the {what} "
                    f"({_first_line(exc)}): "
                    "check the endpoint URL and that it allows SPARQL "
                    f"{'Update' if update else 'queries'} for this client."
                ) from exc
            except (
                EndPointInternalError,
                urllib.error.URLError,
                OSError,
                SPARQLWrapperException,
            ) as exc:
                if attempt == self.retries:
                    raise StoreError(
                        f"The {what} to {endpoint} failed after {attempt} attempts: "
                        f"{_first_line(exc)}. Is the server running?"
                    ) from exc
                log.info("%s to %s failed (%s); retrying", what, endpoint, exc)
                time.sleep(0.5 * 2 ** (attempt - 1))
        raise AssertionError("unreachable")

    # --- reading ------------------------------------------------------------------

    def query(
        self,
        sparql: str,
        *,
        bindings: Mapping[str, Any] | None = None,
        union: bool = True,
    ) -> Any:
        """Run a SPARQL query on the server; the result is shaped like pyoxigraph's.

        ``union`` is accepted for compatibility: the server's own configuration
        decides what the default graph is.

        Raises:
            QueryError: the server rejected the query or answered garbage.
            StoreError: the server cannot be reached.
        """
        text = bind_values(sparql, bindings)
        kind = _query_kind(text)
        if kind in ("SELECT", "ASK"):
            raw = self._send(
                text, update=False, accept="application/sparql-results+json"
            )
            try:
                return ox.parse_query_results(raw, ox.QueryResultsFormat.JSON)
            except (SyntaxError, ValueError) as exc:
                raise QueryError(
                    f"The server at {self.query_endpoint} sent a "
                    f"result that is not SPARQL JSON: {exc}"
                ) from exc
        raw = self._send(
            text, update=False, accept="application/n-triples, text/turtle;q=0.9"
        )
        try:
            return [q.triple for q in ox.parse(raw, format=ox.RdfFormat.TURTLE)]
        except (SyntaxError, ValueError) as exc:
            raise QueryError(
                f"The server at {self.query_endpoint} sent RDF that "
                f"does not parse: {exc}"
            ) from exc

    def _scope(self, var: str) -> str:
        if not self.graph_prefix:
            return f"FILTER(!STRENDS(STR(?{var}), {ox.Literal(STAGING_SUFFIX)}))"
        return (
            f"FILTER(STRSTARTS(STR(?{var}), {ox.Literal(self.graph_prefix)}) && "
            f"!STRENDS(STR(?{var}), {ox.Literal(STAGING_SUFFIX)}))"
        )

    def named_graphs(self) -> list[str]:
        """IRIs of the store's non-empty named graphs, sorted."""
        rows = self.query(
            f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {self._scope('g')} }}"
        )
        return sorted(
            row["g"].value for row in rows if isinstance(row["g"], ox.NamedNode)
        )

    def quads(self, graph_iri: str | None = None) -> Iterator[ox.Quad]:
        """Every quad of the store's graphs, or of one graph.

        Raises:
            StoreError: the server returned fewer rows than it holds (a result-size
                cap such as Virtuoso's ``ResultSetMaxRows``).
        """
        if graph_iri is not None:
            graph = ox.NamedNode(graph_iri)
            pattern = f"GRAPH {graph} {{ ?s ?p ?o }}"
            select = f"SELECT ?s ?p ?o WHERE {{ {pattern} }}"
        else:
            pattern = f"GRAPH ?g {{ ?s ?p ?o }} {self._scope('g')}"
            select = f"SELECT ?g ?s ?p ?o WHERE {{ {pattern} }}"
        rows = list(self.query(select))
        expected = list(self.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}"))
        total = int(expected[0]["n"].value) if expected and expected[0]["n"] else 0
        if len(rows) < total:
            raise StoreError(
                f"The server at {self.query_endpoint} returned {len(rows)} of {total} "
                "statements: raise its result-size limit (Virtuoso: [SPARQL] "
                "ResultSetMaxRows) or export one graph at a time with --graph."
            )
        for row in rows:
            g = graph if graph_iri is not None else row["g"]
            yield ox.Quad(row["s"], row["p"], row["o"], g)

    def graph_triples(self, graph_iri: str) -> RdfGraph:
        """One named graph as an rdflib Graph."""
        from graph.store import from_ox

        out = RdfGraph()
        for quad in self.quads(graph_iri):
            out.add(
                (from_ox(quad.subject), from_ox(quad.predicate), from_ox(quad.object))
            )
        return out

    def __len__(self) -> int:
        rows = list(
            self.query(
                f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g "
                f"{{ ?s ?p ?o }} {self._scope('g')} }}"
            )
        )
        return int(rows[0]["n"].value) if rows and rows[0]["n"] else 0

    # --- writing ------------------------------------------------------------------

    def _check_writable(self) -> None:
        if self.update_endpoint is None:
            raise StoreError(
                f"The remote store at {self.query_endpoint} has no update endpoint: "
                "pass --update-endpoint to write to it."
            )

    def update(self, sparql_update: str) -> None:
        """Run a SPARQL 1.1 Update on the server (internal use, never user input)."""
        self._send(sparql_update, update=True, accept="*/*")

    def replace_graph(self, graph_iri: str, triples: RdfGraph) -> int:
        """Replace one named graph with ``triples``; safe to retry (no duplicates).

        Returns the number of triples written.
        """
        from graph.store import to_ox

        self._check_writable()
        graph = ox.NamedNode(graph_iri)
        lines = sorted({f"{to_ox(s)} {to_ox(p)} {to_ox(o)} ." for s, p, o in triples})
        has_bnodes = any("_:" in line for line in lines)
        if len(lines) <= self.batch_size or has_bnodes:
            # Blank nodes cannot span requests: such a graph goes in one request.
            body = f" ;\nINSERT DATA {{ GRAPH {graph} {{\n" + "\n".join(lines) + "\n} }"
            self.update(f"DROP SILENT GRAPH {graph}" + (body if lines else ""))
            return len(lines)
        staging = ox.NamedNode(graph_iri + STAGING_SUFFIX)
        self.update(f"DROP SILENT GRAPH {staging}")
        for start in range(0, len(lines), self.batch_size):
            chunk = "\n".join(lines[start : start + self.batch_size])
            self.update(f"INSERT DATA {{ GRAPH {staging} {{\n{chunk}\n}} }}")
        self.update(
            f"DROP SILENT GRAPH {graph} ;\nMOVE SILENT GRAPH {staging} TO GRAPH {graph}"
        )
        return len(lines)

    def add_to_graph(self, graph_iri: str, triples: RdfGraph) -> int:
        """Add ``triples`` to a named graph, in batches (adding twice is harmless)."""
        from graph.store import to_ox

        graph = ox.NamedNode(graph_iri)
        lines = sorted({f"{to_ox(s)} {to_ox(p)} {to_ox(o)} ." for s, p, o in triples})
        for start in range(0, len(lines), self.batch_size):
            chunk = "\n".join(lines[start : start + self.batch_size])
            self.update(f"INSERT DATA {{ GRAPH {graph} {{\n{chunk}\n}} }}")
        return len(lines)

    def remove_graph(self, graph_iri: str) -> bool:
        """Delete one named graph; ``False`` when it held nothing."""
        self._check_writable()
        graph = ox.NamedNode(graph_iri)
        existed = bool(self.query(f"ASK {{ GRAPH {graph} {{ ?s ?p ?o }} }}"))
        if existed:
            self.update(f"DROP SILENT GRAPH {graph}")
        return existed


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
