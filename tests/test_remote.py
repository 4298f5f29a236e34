"""Remote store: real SPARQL servers on 127.0.0.1 behave like the embedded store.

Oxigraph server always runs; Virtuoso 7 runs where Debian's package is installed.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import Any

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from graph.build import review_graph_iri
from graph.cli import cli
from graph.errors import QueryError, StoreError
from graph.export import export_store
from graph.remote import STAGING_SUFFIX, RemoteStore, bind_values
from graph.store import GraphStore

SERVERS = [
    pytest.param("oxigraph", marks=pytest.mark.server, id="oxigraph"),
    pytest.param("virtuoso", marks=pytest.mark.server, id="virtuoso"),
]
PREFIX = "https://w3id.org/reelgraph/graph/"


def wipe(store: RemoteStore) -> None:
    """Drop every reelgraph graph, staging ones included."""
    rows = store.query(
        "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } "
        f'FILTER(STRSTARTS(STR(?g), "{PREFIX}")) }}'
    )
    for row in list(rows):
        store.update(f"DROP SILENT GRAPH <{row['g'].value}>")


@pytest.fixture(params=SERVERS)
def server(request: pytest.FixtureRequest) -> Any:
    return request.getfixturevalue(f"{request.param}_server")


@pytest.fixture
def remote(server: Any) -> Iterator[RemoteStore]:
    store = RemoteStore(server.query_url, server.update_url, timeout=30)
    wipe(store)
    yield store
    wipe(store)


def small_graph(n: int, tag: str = "") -> Graph:
    g = Graph()
    for i in range(n):
        s = URIRef(f"https://w3id.org/reelgraph/id/film/f{i}")
        g.add((s, URIRef("https://schema.org/name"), Literal(f'Film {i}{tag} «é» "q"')))
    return g


def test_same_data_gives_byte_identical_exports(
    remote: RemoteStore, sample_store: GraphStore, load_sample: Any
) -> None:
    load_sample(remote)
    assert remote.named_graphs() == sample_store.named_graphs()
    for fmt in ("nquads", "turtle", "jsonld", "rdfxml", "wikidata-qs"):
        embedded = export_store(sample_store, None, fmt=fmt).data
        served = export_store(remote, None, fmt=fmt).data
        assert served == embedded, fmt


def test_query_results_have_the_embedded_shape(
    remote: RemoteStore, sample_store: GraphStore, load_sample: Any
) -> None:
    load_sample(remote)
    select = (
        "SELECT ?film ?name ?year WHERE { GRAPH ?g { ?film <https://schema.org/name> ?name ;"
        " <https://w3id.org/reelgraph/ontology#year> ?year } } ORDER BY ?film ?name"
    )
    bindings = {
        "year": Literal(
            "2023", datatype=URIRef("http://www.w3.org/2001/XMLSchema#gYear")
        )
    }
    got = [(r["film"], r["name"]) for r in remote.query(select, bindings=bindings)]
    want = [
        (r["film"], r["name"]) for r in sample_store.query(select, bindings=bindings)
    ]
    assert got == want and got
    assert all(isinstance(film, ox.NamedNode) for film, _ in got)
    ask = "ASK { GRAPH ?g { ?s <https://schema.org/characterName> ?c } }"
    assert bool(remote.query(ask, bindings={"c": Literal("Sandra")})) is True
    assert bool(remote.query(ask, bindings={"c": Literal("Nobody")})) is False
    construct = (
        "CONSTRUCT { ?s <http://ex.org/title> ?o } WHERE { GRAPH ?g "
        "{ ?s <https://schema.org/name> ?o } }"
    )
    assert set(remote.query(construct)) == set(sample_store.query(construct))


def test_replace_graph_is_retry_safe_and_never_duplicates(remote: RemoteStore) -> None:
    iri = PREFIX + "review/batch"
    old, new = small_graph(12, " old"), small_graph(30, " new")
    remote.batch_size = 7  # force the staging path: several INSERT DATA requests
    assert remote.replace_graph(iri, old) == 12

    class Failing(RemoteStore):
        calls = 0

        def update(self, sparql_update: str) -> None:
            Failing.calls += 1
            if Failing.calls == 3:
                raise StoreError("connection reset (injected)")
            super().update(sparql_update)

    failing = Failing(remote.query_endpoint, remote.update_endpoint, batch_size=7)
    with pytest.raises(StoreError, match="injected"):
        failing.replace_graph(iri, new)
    # Readers still see the whole old graph, not half of the new one.
    assert isomorphic(remote.graph_triples(iri), old)
    for _ in range(2):  # the retry, and a repeat, leave exactly the new graph
        assert remote.replace_graph(iri, new) == 30
        assert isomorphic(remote.graph_triples(iri), new)
        assert len(list(remote.quads(iri))) == 30
    assert remote.named_graphs() == [iri]
    assert not remote.query(f"ASK {{ GRAPH <{iri}{STAGING_SUFFIX}> {{ ?s ?p ?o }} }}")


def test_single_request_replacement_and_removal(remote: RemoteStore) -> None:
    iri = review_graph_iri("one")
    remote.replace_graph(iri, small_graph(3))
    remote.replace_graph(iri, small_graph(2))
    assert isomorphic(remote.graph_triples(iri), small_graph(2))
    assert len(remote) == 2
    assert remote.remove_graph(iri) is True
    assert remote.remove_graph(iri) is False
    assert remote.named_graphs() == []


def test_bad_query_is_a_query_error(remote: RemoteStore) -> None:
    with pytest.raises(QueryError):
        remote.query("SELECT ?s WHERE { ?s ?p }")


def test_unreachable_server_is_a_store_error_naming_it() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    store = RemoteStore(f"http://127.0.0.1:{port}/query", None, timeout=2, retries=2)
    with pytest.raises(StoreError, match=f"127.0.0.1:{port}.*2 attempts"):
        store.named_graphs()
    with pytest.raises(StoreError, match="no update endpoint"):
        store.replace_graph(PREFIX + "x", small_graph(1))


def test_endpoint_must_be_http() -> None:
    with pytest.raises(StoreError, match="not an http"):
        RemoteStore("ftp://example.org/sparql")


def test_cli_exports_and_validates_through_the_endpoint(
    remote: RemoteStore, sample_store: GraphStore, load_sample: Any
) -> None:
    load_sample(remote)
    runner = CliRunner()
    where = [
        "--endpoint",
        remote.query_endpoint,
        "--update-endpoint",
        str(remote.update_endpoint),
    ]
    result = runner.invoke(cli, ["export", "--format", "nquads", *where])
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == export_store(sample_store, None, fmt="nquads").data
    checked = runner.invoke(cli, ["validate", *where])
    assert checked.exit_code == 0, checked.output


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        pytest.param(
            "SELECT ?f WHERE { ?f ?p ?t }",
            'SELECT ?f WHERE { VALUES (?t) { ("x") } ?f ?p ?t }',
            id="select",
        ),
        pytest.param(
            'CONSTRUCT { ?f <http://e/p> "{" } WHERE { ?f ?p ?t }',
            'CONSTRUCT { ?f <http://e/p> "{" } WHERE { VALUES (?t) { ("x") } ?f ?p ?t }',
            id="construct-template-first",
        ),
        pytest.param(
            "# where {\nASK { ?f ?p ?t }",
            '# where {\nASK { VALUES (?t) { ("x") } ?f ?p ?t }',
            id="ask-after-comment",
        ),
    ],
)
def test_bind_values_goes_into_the_where_group(query: str, expected: str) -> None:
    assert bind_values(query, {"t": Literal("x")}) == expected


@pytest.mark.slow
@pytest.mark.parametrize("name", SERVERS)
def test_same_ingest_embedded_and_remote_exports_match(
    request: pytest.FixtureRequest, name: str, tmp_path: Any
) -> None:
    from graph.config import Settings
    from graph.demo import sample_paths
    from graph.pipeline import ingest_paths

    server = request.getfixturevalue(f"{name}_server")
    settings = Settings.from_env().with_overrides(
        store=tmp_path / "kg", cache_dir=tmp_path / "cache", enrich=False
    )
    paths = sample_paths()
    remote = RemoteStore(server.query_url, server.update_url, timeout=60)
    wipe(remote)
    with GraphStore.open(settings.store) as embedded:
        first = ingest_paths(paths, store=embedded, settings=settings)
        second = ingest_paths(paths, store=remote, settings=settings)
        assert first.stored == second.stored and first.stored
        again = ingest_paths(paths, store=remote, settings=settings)
        assert again.stored == [] and len(again.unchanged) == len(first.stored)
        for fmt in ("nquads", "trig", "jsonld"):
            assert (
                export_store(remote, None, fmt=fmt).data
                == export_store(embedded, None, fmt=fmt).data
            ), fmt
    wipe(remote)


def test_removing_reviews_matches_the_embedded_store(
    remote: RemoteStore, sample_store: GraphStore, load_sample: Any
) -> None:
    from graph.config import Settings
    from graph.pipeline import remove_review

    settings = Settings.from_env()
    load_sample(remote)
    for review in ("anatomy-guardian", 'anatomy-blog "quoted"'):
        assert remove_review(remote, review, settings=settings) is True
        assert remove_review(sample_store, review, settings=settings) is True
        non_empty = [
            g for g in sample_store.named_graphs() if any(sample_store.quads(g))
        ]
        assert remote.named_graphs() == non_empty
        assert (
            export_store(remote, None, fmt="nquads").data
            == export_store(sample_store, None, fmt="nquads").data
        )
    assert remove_review(remote, "anatomy-guardian", settings=settings) is False
    assert remote.named_graphs() == []  # no review links the film: enrichment gone


CRASHING_WRITER = """
import sys
from rdflib import Graph, Literal, URIRef
from graph.remote import RemoteStore

query, update, iri = sys.argv[1:4]
g = Graph()
for i in range(3000):
    g.add((URIRef(f"https://w3id.org/reelgraph/id/film/f{i}"),
           URIRef("https://schema.org/name"), Literal(f"Film {i} new")))
RemoteStore(query, update, batch_size=10).replace_graph(iri, g)
"""


@pytest.mark.parametrize("name", [pytest.param("oxigraph", marks=pytest.mark.server)])
def test_killed_writer_leaves_the_old_graph_and_a_rerun_completes(
    request: pytest.FixtureRequest, name: str
) -> None:
    import subprocess
    import sys

    server = request.getfixturevalue(f"{name}_server")
    store = RemoteStore(server.query_url, server.update_url, timeout=30)
    wipe(store)
    iri = PREFIX + "review/crash"
    old = small_graph(5, " old")
    store.replace_graph(iri, old)
    staging = f"ASK {{ GRAPH <{iri}{STAGING_SUFFIX}> {{ ?s ?p ?o }} }}"
    writer = subprocess.Popen(
        [
            sys.executable,
            "-c",
            CRASHING_WRITER,
            server.query_url,
            server.update_url,
            iri,
        ]
    )
    # Kill -9 the writer as soon as its batches are landing (or once it is done).
    while writer.poll() is None and not bool(store.query(staging)):
        pass
    writer.kill()
    writer.wait(timeout=30)
    seen = store.graph_triples(iri)
    assert len(seen) in (5, 3000)  # the whole old graph or the whole new one
    new = Graph()
    for i in range(3000):
        new.add(
            (
                URIRef(f"https://w3id.org/reelgraph/id/film/f{i}"),
                URIRef("https://schema.org/name"),
                Literal(f"Film {i} new"),
            )
        )
    if len(seen) == 5:
        assert isomorphic(seen, old)
    store.batch_size = 500
    assert store.replace_graph(iri, new) == 3000  # the re-run completes it
    assert isomorphic(store.graph_triples(iri), new)
    assert store.named_graphs() == [iri]
    wipe(store)
