"""Store stage: open, read and write the RDF store.

The default is an embedded Oxigraph store on disk (``pyoxigraph.Store``): persistent,
transactional, with a fast SPARQL engine. Each review's facts live in one named graph
that is replaced as a whole, in one transaction, so a crash leaves whole reviews only.

Queries see the union of all named graphs as their default graph, so a query written
without ``GRAPH`` finds facts from every review; ``GRAPH ?g`` still names the source.

When the settings name a remote SPARQL 1.1 server, :func:`open_store` returns a store
with the same methods that talks to it instead (``graph/remote.py``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Protocol

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib import Graph as RdfGraph
from rdflib.term import Node

from graph.errors import StoreError, StoreLockedError
from graph.namespaces import PREFIXES

if TYPE_CHECKING:
    from graph.config import Settings

log = logging.getLogger(__name__)

__all__ = [
    "GraphStore",
    "Store",
    "from_ox",
    "open_store",
    "to_ox",
]


class Store(Protocol):
    """What every store offers, embedded or remote."""

    def query(
        self, sparql: str, *, bindings: Mapping[str, Any] | None = None
    ) -> Any: ...

    def replace_graph(self, graph_iri: str, triples: RdfGraph) -> int: ...

    def add_to_graph(self, graph_iri: str, triples: RdfGraph) -> int: ...

    def remove_graph(self, graph_iri: str) -> bool: ...

    def update(self, sparql_update: str) -> None: ...

    def named_graphs(self) -> list[str]: ...

    def quads(self, graph_iri: str | None = None) -> Iterator[ox.Quad]: ...

    def graph_triples(self, graph_iri: str) -> RdfGraph: ...

    def close(self) -> None: ...


def to_ox(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """Convert an rdflib term to its pyoxigraph equivalent.

    Example:
        >>> to_ox(URIRef("http://example.org/a"))
        <NamedNode value=http://example.org/a>
    """
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"cannot convert {term!r} to a pyoxigraph term")


def from_ox(term: Any) -> Node:
    """Convert a pyoxigraph term back to rdflib.

    Example:
        >>> from_ox(ox.Literal("2023", datatype=ox.NamedNode(
        ...     "http://www.w3.org/2001/XMLSchema#gYear"))).datatype.endswith("gYear")
        True
    """
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == "http://www.w3.org/2001/XMLSchema#string":
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    raise TypeError(f"cannot convert {term!r} to an rdflib term")


def _bindings(bindings: Mapping[str, Any] | None) -> dict[ox.Variable, Any] | None:
    if not bindings:
        return None
    out: dict[ox.Variable, Any] = {}
    for name, value in bindings.items():
        term = to_ox(value) if isinstance(value, Node) else value
        out[ox.Variable(name.lstrip("?$"))] = term
    return out


class GraphStore:
    """The embedded Oxigraph store on disk (or in memory when ``path`` is ``None``).

    Example:
        >>> store = GraphStore.open(None)
        >>> g = RdfGraph()
        >>> ex = "http://ex.org/"
        >>> _ = g.add((URIRef(ex + "f"), URIRef(ex + "p"), Literal("x")))
        >>> store.replace_graph("http://ex.org/g", g)
        1
        >>> [s["o"].value for s in store.query("SELECT ?o WHERE { ?s ?p ?o }")]
        ['x']
    """

    def __init__(
        self, ox_store: ox.Store, path: Path | None, *, read_only: bool
    ) -> None:
        self.ox = ox_store
        self.path = path
        self.read_only = read_only

    @classmethod
    def open(cls, path: str | Path | None, *, read_only: bool = False) -> GraphStore:
        """Open (creating when needed) the store at ``path``.

        Raises:
            StoreLockedError: another process has the store open for writing.
            StoreError: the folder cannot be used as a store.
        """
        if path is None:
            return cls(ox.Store(), None, read_only=False)
        folder = Path(path)
        try:
            if read_only:
                if not folder.is_dir():
                    raise StoreError(
                        f"No store at {folder}: run 'reelgraph ingest PATH --store "
                        f"{folder}' or 'reelgraph demo --store {folder}' first."
                    )
                return cls(_open_read_only(folder), folder, read_only=True)
            folder.mkdir(parents=True, exist_ok=True)
            return cls(ox.Store(str(folder)), folder, read_only=False)
        except (OSError, RuntimeError) as exc:
            text = str(exc)
            if "lock" in text.lower():
                raise StoreLockedError(
                    f"The store at {folder} is in use by another process. Wait for "
                    "that process to finish (or stop it), or use --store to pick "
                    "another folder."
                ) from exc
            raise StoreError(f"Cannot open the store at {folder}: {text}") from exc

    # --- context manager ----------------------------------------------------------

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Flush and release the store (the lock goes with the last reference)."""
        if not self.read_only and self.path is not None:
            try:
                self.ox.flush()
            except OSError as exc:  # flushing is best effort: data is already committed
                log.warning("flushing %s failed: %s", self.path, exc)
        # Dropping the handle releases the RocksDB lock; typing ``ox`` as optional
        # would force a None check on every call for a state only misuse reaches.
        self.ox = None  # type: ignore[assignment]

    # --- reading ------------------------------------------------------------------

    def query(
        self,
        sparql: str,
        *,
        bindings: Mapping[str, Any] | None = None,
        union: bool = True,
    ) -> Any:
        """Run a SPARQL query; ``bindings`` go through the engine (SEP-0007).

        The project's prefixes (``rg:``, ``schema:``, ``wd:``...) are predeclared, so
        ad-hoc queries may use them without PREFIX lines.

        Returns pyoxigraph's result: solutions, triples or a boolean.

        Raises:
            QueryError: the query does not parse (with line and column) or fails.
        """
        from graph.errors import QueryError

        try:
            return self.ox.query(
                sparql,
                use_default_graph_as_union=union,
                substitutions=_bindings(bindings),
                prefixes=PREFIXES,
            )
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}") from exc
        except OSError as exc:
            raise QueryError(
                f"Query failed on the store at {self.path}: {exc}"
            ) from exc

    def named_graphs(self) -> list[str]:
        """IRIs of every named graph that holds triples, sorted.

        A graph emptied by deletes (not dropped) is not listed, as on remote stores.
        """
        return sorted(
            g.value
            for g in self.ox.named_graphs()
            if isinstance(g, ox.NamedNode)
            and next(iter(self.ox.quads_for_pattern(None, None, None, g)), None)
        )

    def quads(self, graph_iri: str | None = None) -> Iterator[ox.Quad]:
        """Every quad, or those of one graph."""
        graph = ox.NamedNode(graph_iri) if graph_iri else None
        return iter(self.ox.quads_for_pattern(None, None, None, graph))

    def graph_triples(self, graph_iri: str) -> RdfGraph:
        """One named graph as an rdflib Graph (for small graphs: a review's)."""
        out = RdfGraph()
        for quad in self.quads(graph_iri):
            out.add(
                (from_ox(quad.subject), from_ox(quad.predicate), from_ox(quad.object))
            )
        return out

    def __len__(self) -> int:
        return len(self.ox)

    # --- writing ------------------------------------------------------------------

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"The store at {self.path} was opened read-only.")

    def replace_graph(self, graph_iri: str, triples: RdfGraph) -> int:
        """Replace one named graph with ``triples`` in a single transaction.

        The drop and the insert are one SPARQL update, which Oxigraph runs as one
        transaction: readers never see a half-written graph, and a crash leaves either
        the old graph or the new one. Returns the number of triples written.
        """
        self._check_writable()
        quads = _quads(triples, ox.NamedNode(graph_iri))
        update = f"DROP SILENT GRAPH <{graph_iri}>"
        if quads:
            update += " ;\n" + _insert_data(quads)
        self.ox.update(update)
        return len(quads)

    def add_to_graph(self, graph_iri: str, triples: RdfGraph) -> int:
        """Add ``triples`` to a named graph (for shared graphs: wikidata, entities)."""
        self._check_writable()
        quads = _quads(triples, ox.NamedNode(graph_iri))
        if quads:
            self.ox.extend(quads)
        return len(quads)

    def remove_graph(self, graph_iri: str) -> bool:
        """Delete one named graph; ``False`` when it did not exist."""
        self._check_writable()
        graph = ox.NamedNode(graph_iri)
        if not self.ox.contains_named_graph(graph):
            return False
        self.ox.remove_graph(graph)
        return True

    def update(self, sparql_update: str) -> None:
        """Run a SPARQL 1.1 Update (internal maintenance, never user input)."""
        self._check_writable()
        self.ox.update(sparql_update)

    def bulk_load(self, path: str | Path, *, fmt: ox.RdfFormat, graph_iri: str) -> None:
        """Fast, non-transactional load of a file into one graph (imports only)."""
        self._check_writable()
        self.ox.bulk_load(path=str(path), format=fmt, to_graph=ox.NamedNode(graph_iri))


def _open_read_only(folder: Path, *, attempts: int = 5) -> ox.Store:
    """Open read-only, retrying briefly: a writer compacting at that moment can delete
    a file the opener just listed, and RocksDB then reports corruption."""
    for attempt in range(attempts):
        try:
            return ox.Store.read_only(str(folder))
        except (OSError, RuntimeError):
            if attempt == attempts - 1:
                raise
            time.sleep(0.05 * (attempt + 1))
    raise AssertionError("unreachable")


def _quads(
    triples: Iterable[tuple[Node, Node, Node]], graph: ox.NamedNode
) -> list[ox.Quad]:
    return [_quad(s, p, o, graph) for s, p, o in triples]


def _quad(s: Node, p: Node, o: Node, graph: ox.NamedNode) -> ox.Quad:
    subject, predicate = to_ox(s), to_ox(p)
    if isinstance(subject, ox.Literal) or not isinstance(predicate, ox.NamedNode):
        raise TypeError(f"not an RDF triple: {s!r} {p!r} {o!r}")
    return ox.Quad(subject, predicate, to_ox(o), graph)


def _insert_data(quads: list[ox.Quad]) -> str:
    # str() of a pyoxigraph term is its N-Triples form, escaped, so this is safe SPARQL.
    graph = quads[0].graph_name
    body = " .\n".join(f"{q.subject} {q.predicate} {q.object}" for q in quads)
    return f"INSERT DATA {{ GRAPH {graph} {{\n{body} .\n}} }}"


def open_store(settings: Settings, *, read_only: bool = False) -> Store | GraphStore:
    """The store the settings point at: remote SPARQL server or embedded Oxigraph."""
    if settings.remote_query_endpoint:
        from graph.remote import RemoteStore  # optional backend, imported on demand

        return RemoteStore(
            settings.remote_query_endpoint,
            settings.remote_update_endpoint,
            timeout=settings.wikidata_timeout,
            graph_prefix=settings.base_iri + "graph/",
        )
    return GraphStore.open(settings.store, read_only=read_only)
