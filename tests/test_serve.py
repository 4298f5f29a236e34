"""graph/serve.py: the SPARQL 1.1 Protocol endpoint, its limits, UI assets, entities.

A real server runs on a free 127.0.0.1 port (``query_server`` in conftest) with real
worker processes; clients are urllib, SPARQLWrapper and rdflib's SPARQLStore.
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef

from graph.serve import QueryRefused, check_query, query_keywords
from graph.serve_pages import negotiate

pytestmark = pytest.mark.server

FILM = "https://w3id.org/reelgraph/id/film/Q900002"
SELECT_FILMS = "SELECT DISTINCT ?t WHERE { ?f a <https://schema.org/Movie> ; <https://schema.org/name> ?t } ORDER BY ?t"  # noqa: E501


def request(
    server: Any,
    path: str,
    *,
    data: bytes | None = None,
    headers: dict[str, str] | None = None,
    method: str | None = None,
) -> tuple[int, dict[str, str], bytes]:
    """(status, headers, body) of one request; HTTP errors are answers too."""
    req = urllib.request.Request(
        server.url.rstrip("/") + path, data=data, headers=headers or {}, method=method
    )
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def query_path(query: str, **extra: str) -> str:
    return "/sparql?" + urllib.parse.urlencode({"query": query, **extra})


# --- the lexical guard ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "status"),
    [
        pytest.param(
            "SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }", 400, id="service"
        ),
        pytest.param(
            "select * where { service <http://x/> {} }", 400, id="service-lower"
        ),
        pytest.param("SELECT * FROM <file:///etc/passwd> { ?s ?p ?o }", 400, id="from"),
        pytest.param(
            "SELECT * FROM NAMED <http://x/> { ?s ?p ?o }", 400, id="from-named"
        ),
        pytest.param("LOAD <http://x/data.ttl>", 400, id="load"),
        pytest.param("INSERT DATA { <a:b> <a:b> <a:b> }", 403, id="insert"),
        pytest.param("DROP ALL", 403, id="drop"),
        pytest.param("# c\nDELETE WHERE { ?s ?p ?o }", 403, id="delete"),
    ],
)
def test_guard_refuses(text: str, status: int) -> None:
    with pytest.raises(QueryRefused) as info:
        check_query(text)
    assert info.value.status == status


@pytest.mark.parametrize(
    "text",
    [
        pytest.param('SELECT * { ?s ?p "SERVICE FROM LOAD" }', id="in-string"),
        pytest.param("SELECT * { ?s <http://x/LOAD/FROM> ?o }", id="in-iri"),
        pytest.param("SELECT ?from ?service { ?from ?p ?service }", id="variables"),
        pytest.param(
            "PREFIX load: <http://x/>\nSELECT * { ?s load:from ?o }", id="pnames"
        ),
        pytest.param("SELECT * { ?s ?p ?o } # SERVICE in a comment", id="comment"),
        pytest.param("ASK { FILTER NOT EXISTS { ?s ?p ?o } }", id="not-exists"),
    ],
)
def test_guard_lets_harmless_queries_through(text: str) -> None:
    check_query(text)
    assert "SERVICE" not in query_keywords(text)


@pytest.mark.parametrize(
    ("accept", "kind", "expected"),
    [
        pytest.param("application/sparql-results+json", "select", "json", id="json"),
        pytest.param("application/sparql-results+xml", "select", "xml", id="xml"),
        pytest.param(
            "text/csv;q=0.9, text/tab-separated-values", "select", "tsv", id="q"
        ),
        pytest.param("text/turtle", "graph", "turtle", id="turtle"),
        pytest.param("application/ld+json", "graph", "jsonld", id="jsonld"),
        pytest.param("application/n-triples", "graph", "ntriples", id="nt"),
        pytest.param("image/png", "select", "json", id="fallback"),
        pytest.param(
            "text/html,application/xhtml+xml,*/*;q=0.8", "page", "html", id="browser"
        ),
        pytest.param(
            "text/turtle;q=1, text/html;q=0.5", "page", "turtle", id="rdf-client"
        ),
    ],
)
def test_negotiate(accept: str, kind: str, expected: str) -> None:
    assert negotiate(accept, kind) == expected


# --- protocol over HTTP -----------------------------------------------------------------


def test_get_select_json(query_server: Any) -> None:
    status, headers, body = request(
        query_server,
        query_path(SELECT_FILMS),
        headers={"Accept": "application/sparql-results+json"},
    )
    assert status == 200
    assert headers["Content-Type"].startswith("application/sparql-results+json")
    titles = [b["t"]["value"] for b in json.loads(body)["results"]["bindings"]]
    assert titles == ["Anatomy of a Fall", "Les Petites Victoires", "Toni Erdmann"]


@pytest.mark.parametrize(
    ("accept", "media", "fmt"),
    [
        pytest.param("application/sparql-results+xml", "application/sparql-results+xml",
                     ox.QueryResultsFormat.XML, id="xml"),
        pytest.param("text/csv", "text/csv", ox.QueryResultsFormat.CSV, id="csv"),
        pytest.param("text/tab-separated-values", "text/tab-separated-values",
                     ox.QueryResultsFormat.TSV, id="tsv"),
    ],
)  # fmt: skip
def test_post_form_select_formats(
    query_server: Any, accept: str, media: str, fmt: Any
) -> None:
    data = urllib.parse.urlencode({"query": SELECT_FILMS}).encode()
    status, headers, body = request(
        query_server,
        "/sparql",
        data=data,
        headers={
            "Accept": accept,
            "Content-Type": "application/x-www-form-urlencoded",
        },
    )
    assert status == 200 and headers["Content-Type"].startswith(media)
    if fmt == ox.QueryResultsFormat.CSV:  # lossy by design: plain values
        import csv
        import io

        rows = [r["t"] for r in csv.DictReader(io.StringIO(body.decode()))]
    else:
        rows = [s["t"].value for s in ox.parse_query_results(body, format=fmt)]
    assert rows == ["Anatomy of a Fall", "Les Petites Victoires", "Toni Erdmann"]


@pytest.mark.parametrize(
    ("accept", "rdflib_format"),
    [
        pytest.param("text/turtle", "turtle", id="turtle"),
        pytest.param("application/n-triples", "nt", id="ntriples"),
        pytest.param("application/ld+json", "json-ld", id="jsonld"),
        pytest.param("application/rdf+xml", "xml", id="rdfxml"),
    ],
)
def test_post_sparql_query_construct_formats(
    query_server: Any, accept: str, rdflib_format: str
) -> None:
    query = f"CONSTRUCT {{ <{FILM}> ?p ?o }} WHERE {{ <{FILM}> ?p ?o }}"
    status, headers, body = request(
        query_server,
        "/sparql",
        data=query.encode(),
        headers={"Accept": accept, "Content-Type": "application/sparql-query"},
    )
    assert status == 200 and headers["Content-Type"].startswith(accept)
    graph = Graph().parse(data=body, format=rdflib_format)
    names = set(graph.objects(URIRef(FILM), URIRef("https://schema.org/name")))
    assert {str(n) for n in names} == {"Anatomy of a Fall"}


def test_dollar_parameters_bind_through_the_engine(query_server: Any) -> None:
    text = (
        "SELECT ?t ?film WHERE { ?f <https://schema.org/name> ?t "
        "FILTER(lcase(str(?t)) = lcase(str(?film))) }"
    )
    status, _, body = request(
        query_server,
        query_path(text, **{"$film": "toni erdmann"}),
        headers={"Accept": "application/sparql-results+json"},
    )
    assert status == 200
    rows = json.loads(body)["results"]["bindings"]
    assert [r["t"]["value"] for r in rows] == ["Toni Erdmann"]


@pytest.mark.parametrize(
    ("path", "data", "ctype", "status"),
    [
        pytest.param(query_path("INSERT DATA { <a:b> <a:b> <a:b> }"), None, None, 403,
                     id="get-insert"),
        pytest.param("/sparql?update=DROP%20ALL", None, None, 403, id="get-update-param"),
        pytest.param("/sparql", b"update=CLEAR%20ALL",
                     "application/x-www-form-urlencoded", 403, id="post-update-form"),
        pytest.param("/sparql", b"DROP ALL", "application/sparql-update", 403,
                     id="post-update-body"),
        pytest.param(query_path("SELECT * { SERVICE <http://127.0.0.1:1/> {} }"), None,
                     None, 400, id="service"),
        pytest.param(query_path("SELECT * FROM <file:///etc/passwd> {?s ?p ?o}"), None,
                     None, 400, id="from-file"),
        pytest.param(query_path("SELECT * {?s ?p ?o}", **{"default-graph-uri": "x:y"}),
                     None, None, 400, id="dataset-param"),
        pytest.param("/sparql", None, None, 400, id="no-query"),
        pytest.param(query_path("SELECT * WHERE {\n ?s ?p }"), None, None, 400,
                     id="syntax-error"),
        pytest.param("/sparql", b"x", "text/plain", 415, id="bad-media-type"),
    ],
)  # fmt: skip
def test_protocol_refusals(
    query_server: Any, path: str, data: bytes | None, ctype: str | None, status: int
) -> None:
    headers = {"Content-Type": ctype} if ctype else {}
    got, _, body = request(query_server, path, data=data, headers=headers)
    assert got == status, body
    assert body.strip()  # every refusal says why


def test_syntax_error_names_line_and_column(query_server: Any) -> None:
    _, _, body = request(query_server, query_path("SELECT * WHERE {\n ?s ?p }"))
    assert b"line 2, column" in body


def test_store_is_unchanged_after_refused_updates(query_server: Any) -> None:
    request(query_server, query_path("INSERT DATA { <a:b> <a:b> <a:b> }"))
    _, _, body = request(
        query_server,
        query_path("ASK { <a:b> ?p ?o }"),
        headers={"Accept": "application/sparql-results+json"},
    )
    assert json.loads(body)["boolean"] is False


def test_put_and_delete_are_not_allowed(query_server: Any) -> None:
    for method in ("PUT", "DELETE"):
        status, headers, _ = request(query_server, "/sparql", data=b"", method=method)
        assert status == 405 and "POST" in headers["Allow"]


def test_result_size_cap_truncates_and_says_so(query_server: Any) -> None:
    query = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
    status, headers, body = request(
        query_server, query_path(query), headers={"Accept": "application/json"}
    )
    assert status == 200
    assert len(json.loads(body)["results"]["bindings"]) == 50
    assert headers["Reelgraph-Truncated"] == "max-results=50"


def test_runaway_query_is_stopped_and_its_worker_killed(query_server: Any) -> None:
    pool = query_server.pool
    before = set(pool.pids())
    runaway = (
        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . "
        "?j ?k ?l . ?m ?n2 ?o . ?q ?r ?s }"
    )
    started = time.monotonic()
    status, _, body = request(query_server, query_path(runaway))
    elapsed = time.monotonic() - started
    assert status == 503 and b"time limit" in body
    assert elapsed < 30
    after = set(pool.pids())
    killed = before - after
    assert len(killed) == 1
    for pid in killed:  # the process is gone, not merely abandoned
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
    ok, _, _ = request(query_server, query_path("ASK {}"))
    assert ok == 200  # the replacement worker answers


def test_foreign_host_header_is_refused(query_server: Any) -> None:
    status, _, _ = request(query_server, "/", headers={"Host": "evil.example:80"})
    assert status == 403
    port = query_server.server_address[1]
    ok, _, _ = request(query_server, "/", headers={"Host": f"localhost:{port}"})
    assert ok == 200


def test_cors_is_off_by_default(query_server: Any) -> None:
    _, headers, _ = request(
        query_server, query_path("ASK {}"), headers={"Origin": "http://evil.example"}
    )
    assert "Access-Control-Allow-Origin" not in headers


def test_cors_allows_only_listed_origins(query_store_path: Any) -> None:
    import threading

    from graph.config import Settings
    from graph.serve import ServeOptions, start_server, stop_server

    settings = Settings.from_env().with_overrides(store=query_store_path)
    options = ServeOptions(port=0, workers=1, cors_origins=("http://good.example",))
    server = start_server(settings, options)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        _, good, _ = request(
            server, query_path("ASK {}"), headers={"Origin": "http://good.example"}
        )
        _, bad, _ = request(
            server, query_path("ASK {}"), headers={"Origin": "http://evil.example"}
        )
    finally:
        stop_server(server)
    assert good["Access-Control-Allow-Origin"] == "http://good.example"
    assert "Access-Control-Allow-Credentials" not in good
    assert "Access-Control-Allow-Origin" not in bad


# --- real clients -----------------------------------------------------------------------


def test_sparqlwrapper_select_and_construct(query_server: Any) -> None:
    from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper

    client = SPARQLWrapper(query_server.url + "sparql", agent="reelgraph-tests/1")
    client.setTimeout(30)
    client.setQuery(SELECT_FILMS)
    client.setReturnFormat(JSON)
    rows = client.queryAndConvert()["results"]["bindings"]  # type: ignore[index]
    assert [r["t"]["value"] for r in rows][0] == "Anatomy of a Fall"
    client.setMethod(POST)
    client.setQuery(f"CONSTRUCT WHERE {{ <{FILM}> ?p ?o }}")
    client.setReturnFormat(TURTLE)
    graph = Graph().parse(data=client.queryAndConvert(), format="turtle")
    assert (URIRef(FILM), URIRef("https://schema.org/name"), None) in graph


def test_sparqlwrapper_update_is_refused(query_server: Any) -> None:
    from SPARQLWrapper import POST, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

    client = SPARQLWrapper(query_server.url + "sparql", agent="reelgraph-tests/1")
    client.setMethod(POST)
    client.setQuery("INSERT DATA { <a:b> <a:b> <a:b> }")
    with pytest.raises((SPARQLWrapperException, urllib.error.HTTPError)) as info:
        client.query()
    assert "403" in str(info.value) or "Forbidden" in str(info.value)


def test_rdflib_sparqlstore_reads_the_endpoint(query_server: Any) -> None:
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    store = SPARQLStore(query_server.url + "sparql", returnFormat="xml")
    graph = Graph(store=store)
    rows = list(graph.query(SELECT_FILMS))
    assert [str(r[0]) for r in rows] == [
        "Anatomy of a Fall",
        "Les Petites Victoires",
        "Toni Erdmann",
    ]


# --- UI and entity pages ----------------------------------------------------------------


def test_ui_and_assets_are_local(query_server: Any) -> None:
    status, headers, body = request(query_server, "/")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    page = body.decode()
    assert not re.search(r'(src|href)="(https?:)?//', page)  # nothing from outside
    for asset in ("app.js", "graph.js", "style.css", "vis-network.min.js"):
        code, _, content = request(query_server, f"/assets/{asset}")
        assert code == 200 and content, asset
    assert request(query_server, "/assets/../serve.py")[0] == 404


def test_api_lists_named_queries(query_server: Any) -> None:
    _, _, body = request(query_server, "/api/queries")
    doc = json.loads(body)
    names = {q["name"] for q in doc["queries"]}
    assert {"film-cast", "festival-lineup", "entity-neighbourhood"} <= names
    assert doc["base"] == "https://w3id.org/reelgraph/"


def test_entity_page_html_for_browsers(query_server: Any) -> None:
    status, headers, body = request(
        query_server, "/id/film/Q900002", headers={"Accept": "text/html"}
    )
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    page = body.decode()
    assert '<h1 id="entity-label">Anatomy of a Fall</h1>' in page
    assert 'href="/id/person/Q900010"' in page  # local IRIs link to local pages
    assert "the fourth feature by Justine Triet" in page  # the evidence sentence


@pytest.mark.parametrize(
    ("accept", "rdflib_format"),
    [
        pytest.param("text/turtle", "turtle", id="turtle"),
        pytest.param("application/ld+json", "json-ld", id="jsonld"),
    ],
)
def test_entity_rdf_for_rdf_clients(
    query_server: Any, accept: str, rdflib_format: str
) -> None:
    status, headers, body = request(
        query_server, "/id/person/Q900020", headers={"Accept": accept}
    )
    assert status == 200 and headers["Content-Type"].startswith(accept)
    graph = Graph().parse(data=body, format=rdflib_format)
    person = URIRef("https://w3id.org/reelgraph/id/person/Q900020")
    assert (person, URIRef("https://schema.org/name"), None) in graph
    films = set(graph.subjects(URIRef("https://schema.org/actor"), person))
    assert URIRef(FILM) in films


def test_unknown_entity_is_404(query_server: Any) -> None:
    assert request(query_server, "/id/film/nothing-here")[0] == 404


def test_escapes_hostile_text_on_entity_pages() -> None:
    from graph.serve_pages import render_entity_page

    name = ox.NamedNode("https://schema.org/name")
    hostile = ox.Literal('<script>alert(1)</script> href="x"')
    page = render_entity_page(
        "https://w3id.org/reelgraph/id/film/x",
        [(name, hostile, None, None)],
        [],
        [],
        base_iri="https://w3id.org/reelgraph/",
        path="/id/film/x",
    )
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)" in page


# --- the command and a store that changes -------------------------------------------


def test_reelgraph_serve_command_serves_until_stopped(query_store_path: Any) -> None:
    import signal
    import subprocess

    proc = subprocess.Popen(
        [sys.executable, "-m", "graph", "serve", "--store", str(query_store_path),
         "--port", "0", "--workers", "1"],
        stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()
        assert line.startswith("Serving http://127.0.0.1:"), line
        url = line.split()[1]
        ask = urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"})
        with urllib.request.urlopen(f"{url}sparql?{ask}", timeout=60) as response:
            assert json.loads(response.read())["boolean"] is True
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=30)
    assert proc.returncode is not None


def test_commits_made_while_serving_become_visible(tmp_path: Any) -> None:
    import threading

    from rdflib import Graph as RdfGraph
    from rdflib import Literal

    from graph.config import Settings
    from graph.serve import ServeOptions, start_server, stop_server
    from graph.store import GraphStore

    path = tmp_path / "store"
    film = URIRef("https://w3id.org/reelgraph/id/film/x")
    name = URIRef("https://schema.org/name")
    first = RdfGraph()
    first.add((film, name, Literal("Before")))
    writer = GraphStore.open(path)
    writer.replace_graph("https://w3id.org/reelgraph/graph/review/x", first)
    writer.ox.flush()
    settings = Settings.from_env().with_overrides(store=path)
    server = start_server(settings, ServeOptions(port=0, workers=1))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    query = query_path(f"SELECT ?n WHERE {{ <{film}> <{name}> ?n }}")
    headers = {"Accept": "text/csv"}
    try:
        assert request(server, query, headers=headers)[2].split() == [b"n", b"Before"]
        second = RdfGraph()
        second.add((film, name, Literal("After")))
        writer.replace_graph("https://w3id.org/reelgraph/graph/review/x", second)
        writer.ox.flush()
        assert request(server, query, headers=headers)[2].split() == [b"n", b"After"]
    finally:
        stop_server(server)
        writer.close()
