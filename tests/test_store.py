"""Store: per-review graph replacement, bindings, the lock message, read-only use."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic

from graph.errors import QueryError, StoreError, StoreLockedError
from graph.store import GraphStore, from_ox, to_ox

EX = "http://example.org/"


def _graph(*objects: str) -> Graph:
    g = Graph()
    for o in objects:
        g.add((URIRef(EX + "film"), URIRef(EX + "p"), Literal(o)))
    return g


def test_replace_graph_replaces_only_that_graph(tmp_path: Path) -> None:
    with GraphStore.open(tmp_path / "s") as store:
        store.replace_graph(EX + "g1", _graph("a", "b"))
        store.replace_graph(EX + "g2", _graph("c"))
        store.replace_graph(EX + "g1", _graph("z"))
        got = store.graph_triples(EX + "g1")
        assert isomorphic(got, _graph("z")), graph_diff(got, _graph("z"))
        assert isomorphic(store.graph_triples(EX + "g2"), _graph("c"))
        assert store.named_graphs() == [EX + "g1", EX + "g2"]


def test_replace_with_empty_graph_drops_it(tmp_path: Path) -> None:
    with GraphStore.open(tmp_path / "s") as store:
        store.replace_graph(EX + "g1", _graph("a"))
        assert store.replace_graph(EX + "g1", Graph()) == 0
        assert store.named_graphs() == []


def test_store_persists_across_opens(tmp_path: Path) -> None:
    with GraphStore.open(tmp_path / "s") as store:
        store.replace_graph(EX + "g", _graph("kept"))
    with GraphStore.open(tmp_path / "s", read_only=True) as store:
        assert [r["o"].value for r in store.query("SELECT ?o { ?s ?p ?o }")] == ["kept"]


def test_query_sees_union_of_graphs_and_binds_through_engine(tmp_path: Path) -> None:
    with GraphStore.open(None) as store:
        store.replace_graph(EX + "g1", _graph("a"))
        store.replace_graph(EX + "g2", _graph("b"))
        rows = store.query("SELECT ?o { ?s ?p ?o } ORDER BY ?o")
        assert [r["o"].value for r in rows] == ["a", "b"]
        # A value with quote characters cannot break out of the query.
        hostile = 'b" } UNION { ?s ?p ?o'
        query = "SELECT ?s ?o { ?s ?p ?o }"
        rows = store.query(query, bindings={"o": Literal(hostile)})
        assert list(rows) == []
        rows = store.query(query, bindings={"o": Literal("a")})
        assert [r["s"].value for r in rows] == [EX + "film"]


def test_syntax_error_names_line_and_column() -> None:
    with GraphStore.open(None) as store, pytest.raises(QueryError) as info:
        store.query("SELECT ?s\nWHERE { ?s ?p }")
    assert "2:" in str(info.value) or "line 2" in str(info.value)


def test_second_writer_gets_clear_message(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    with GraphStore.open(folder):
        code = (
            "import sys\n"
            "from graph.store import GraphStore\n"
            "from graph.errors import StoreLockedError\n"
            f"try:\n    GraphStore.open({str(folder)!r})\n"
            "except StoreLockedError as e:\n    print(e); sys.exit(3)\n"
        )
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True
        )
    assert done.returncode == 3, done.stderr
    assert "in use by another process" in done.stdout
    assert "RocksDB" not in done.stdout and "LOCK" not in done.stdout


def test_read_only_missing_store_and_writes_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="No store at"):
        GraphStore.open(tmp_path / "none", read_only=True)
    GraphStore.open(tmp_path / "s").close()
    with (
        GraphStore.open(tmp_path / "s", read_only=True) as store,
        pytest.raises(StoreError, match="read-only"),
    ):
        store.replace_graph(EX + "g", _graph("x"))


def test_lock_error_is_a_store_error() -> None:
    assert issubclass(StoreLockedError, StoreError)


@pytest.mark.parametrize(
    "term",
    [
        pytest.param(URIRef(EX + "é"), id="iri"),
        pytest.param(Literal("x", lang="fr"), id="lang"),
        pytest.param(
            Literal("2023", datatype=URIRef("http://www.w3.org/2001/XMLSchema#gYear")),
            id="typed",
        ),
        pytest.param(Literal("plain"), id="plain"),
    ],
)
def test_term_conversion_round_trips(term: URIRef | Literal) -> None:
    assert from_ox(to_ox(term)) == term
