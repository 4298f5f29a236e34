"""Shared fixtures for the whole suite (the only place fixtures live).

Sections are kept apart per stage so that each can change without touching the others.
"""

from __future__ import annotations

import os
import threading
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from graph.config import Settings

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DATA = Path(__file__).resolve().parent / "data"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--network",
        action="store_true",
        default=False,
        help="run tests that need the internet",
    )


def pytest_collection_modifyitems(
    config: pytest.Config, items: list[pytest.Item]
) -> None:
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
        pytest.fail(
            f"{SHARED} is missing: CI and developers have it beside the project"
        )
    return SHARED


@pytest.fixture(scope="session")
def seed_path(shared_dir: Path) -> Path:
    return next((shared_dir / "seed").glob("*.txt"))


# --- store / ingest / build / pipeline ----------------------------------------------


def offline_settings(home: Path) -> Settings:
    """Settings for a test: store and caches under ``home``, no Wikidata."""
    return Settings.from_env().with_overrides(
        home=home, store=home / "store", cache_dir=home / "cache", enrich=False
    )


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Per-test settings with a fresh store folder and Wikidata switched off."""
    return offline_settings(tmp_path)


@pytest.fixture(scope="session")
def seed_ingested(tmp_path_factory: pytest.TempPathFactory, seed_path: Path):  # type: ignore[no-untyped-def]
    """The seed review ingested (no Wikidata) into a store: ``(store, settings, report)``."""
    from graph.pipeline import ingest_paths
    from graph.store import GraphStore

    home = tmp_path_factory.mktemp("seed")
    cfg = offline_settings(home)
    store = GraphStore.open(cfg.store)
    report = ingest_paths([seed_path], store=store, settings=cfg)
    yield store, cfg, report
    store.close()


@pytest.fixture(scope="session")
def samples_ingested(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The packaged sample reviews ingested (no Wikidata): ``(store, settings, report)``."""
    from graph.config import SAMPLES_DIR
    from graph.pipeline import ingest_paths
    from graph.store import GraphStore

    home = tmp_path_factory.mktemp("samples")
    cfg = offline_settings(home)
    store = GraphStore.open(cfg.store)
    report = ingest_paths(sorted(SAMPLES_DIR.glob("*.txt")), store=store, settings=cfg)
    yield store, cfg, report
    store.close()


# --- extract ------------------------------------------------------------------------


@pytest.fixture(scope="session")
def blank_nlp():  # type: ignore[no-untyped-def]
    """A blank English spaCy pipeline with a sentencizer: the rule tests run the
    film-domain rules on it, without a statistical model."""
    import spacy  # a core dependency: a missing install must fail, not skip

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


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
        self.thread = threading.Thread(
            target=self.server.serve_forever, args=(0.05,), daemon=True
        )

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
def wikidata_mirror(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``../shared/wikidata/*.nt.gz`` bulk-loaded once per session into a mirror."""
    from graph.mirror import load_mirror

    files = sorted((shared_dir / "wikidata").glob("*.nt.gz"))
    if not files:
        pytest.fail(f"no *.nt.gz in {shared_dir / 'wikidata'}")
    path = tmp_path_factory.mktemp("wikidata-mirror")
    load_mirror(files, mirror=path)
    return path


# --- query / serve ------------------------------------------------------------------

QUERY_FIXTURE_TRIG = """
@prefix rg: <https://w3id.org/reelgraph/ontology#> .
@prefix schema: <https://schema.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix wd: <http://www.wikidata.org/entity/> .
@prefix wdt: <http://www.wikidata.org/prop/direct/> .
@prefix id: <https://w3id.org/reelgraph/id/> .
@prefix g: <https://w3id.org/reelgraph/graph/> .

g:review\\/r1 {
  id:review\\/r1 a schema:Review ; schema:author id:person\\/ann-critic ;
    schema:publisher id:organization\\/film-weekly ; schema:datePublished "2023-12-01"^^xsd:date ;
    schema:headline "Small victories in Brittany" ; rg:verdict rg:positive ;
    schema:itemReviewed id:film\\/les-petites-victoires-2023 .
  id:person\\/ann-critic a schema:Person ; schema:name "Ann Critic" .
  id:organization\\/film-weekly a schema:Organization ; schema:name "Film Weekly" .
  id:film\\/les-petites-victoires-2023 a schema:Movie ; schema:name "Les Petites Victoires" ;
    rg:year "2023"^^xsd:gYear ; schema:director id:person\\/melanie-auffret ;
    schema:actor id:person\\/julia-piaton, id:person\\/michel-blanc ;
    rg:castRole id:role\\/lpv-piaton, id:role\\/lpv-blanc ;
    rg:theme id:theme\\/rural-life ; rg:narrativeLocation id:place\\/brittany .
  id:role\\/lpv-piaton a schema:PerformanceRole ; schema:actor id:person\\/julia-piaton ;
    schema:characterName "Alice" .
  id:role\\/lpv-blanc a schema:PerformanceRole ; schema:actor id:person\\/michel-blanc ;
    schema:characterName "Émile" .
  id:person\\/melanie-auffret a schema:Person ; schema:name "Mélanie Auffret" .
  id:person\\/julia-piaton a schema:Person ; schema:name "Julia Piaton" .
  id:person\\/michel-blanc a schema:Person ; schema:name "Michel Blanc" .
  id:theme\\/rural-life a skos:Concept ; skos:prefLabel "rural life"@en .
  id:place\\/brittany a schema:Place ; schema:name "Brittany" ;
    schema:containedInPlace id:place\\/france .
  id:place\\/france a schema:Place ; schema:name "France" .
  id:evidence\\/e1 a rg:Evidence ; rdf:subject id:film\\/les-petites-victoires-2023 ;
    rdf:predicate schema:director ; rdf:object id:person\\/melanie-auffret ;
    prov:wasDerivedFrom id:review\\/r1 ;
    rg:sentence "Les Petites Victoires, directed by Mélanie Auffret, is a delight." ;
    rg:startOffset 40 ; rg:endOffset 55 ; rg:extractor "director.by@1" ;
    rg:confidence 0.9 .
  id:evidence\\/e2 a rg:Evidence ; rdf:subject id:role\\/lpv-piaton ;
    rdf:predicate schema:characterName ; rdf:object "Alice" ;
    prov:wasDerivedFrom id:review\\/r1 ;
    rg:sentence "Julia Piaton (Alice) runs the village school." ;
    rg:startOffset 100 ; rg:endOffset 112 ; rg:extractor "cast.paren@1" ;
    rg:confidence 0.95 .
}

g:review\\/r2 {
  id:review\\/r2 a schema:Review ; schema:author id:person\\/bob-critic ;
    schema:publisher id:organization\\/cine-daily ; schema:datePublished "2023-05-28"^^xsd:date ;
    rg:verdict rg:mixed ;
    schema:itemReviewed id:film\\/Q900002 ; schema:mentions id:film\\/les-petites-victoires-2023 .
  id:person\\/bob-critic a schema:Person ; schema:name "Bob Critic" .
  id:organization\\/cine-daily a schema:Organization ; schema:name "Cine Daily" .
  id:film\\/Q900002 a schema:Movie ; schema:name "Anatomy of a Fall" ;
    owl:sameAs wd:Q900002 ;
    rg:year "2023"^^xsd:gYear ; schema:director id:person\\/Q900010 ;
    schema:actor id:person\\/Q900020, id:person\\/swann-arlaud ;
    rg:castRole id:role\\/aotf-hueller, id:role\\/aotf-arlaud ;
    rg:theme id:theme\\/marriage ; rg:narrativeLocation id:place\\/grenoble .
  id:role\\/aotf-hueller a schema:PerformanceRole ; schema:actor id:person\\/Q900020 ;
    schema:characterName "Sandra Voyter" .
  id:role\\/aotf-arlaud a schema:PerformanceRole ; schema:actor id:person\\/swann-arlaud ;
    schema:characterName "Vincent" .
  id:person\\/Q900010 a schema:Person ; schema:name "Justine Triet" ; owl:sameAs wd:Q900010 .
  id:person\\/Q900020 a schema:Person ; schema:name "Sandra Hüller" ; owl:sameAs wd:Q900020 .
  id:person\\/swann-arlaud a schema:Person ; schema:name "Swann Arlaud" .
  id:theme\\/marriage a skos:Concept ; skos:prefLabel "marriage"@en .
  id:place\\/grenoble a schema:Place ; schema:name "Grenoble" ;
    schema:containedInPlace id:place\\/france .
  id:place\\/france a schema:Place ; schema:name "France" .
  id:festival\\/Q900030 a rg:Festival ; schema:name "Cannes Film Festival" ;
    owl:sameAs wd:Q900030 .
  id:edition\\/cannes-2023 a rg:FestivalEdition ; schema:superEvent id:festival\\/Q900030 ;
    rg:year "2023"^^xsd:gYear ; rg:ordinal 76 ; schema:name "Cannes Film Festival 2023" .
  id:selection\\/aotf-cannes-2023 a rg:Selection ; rg:selectedFilm id:film\\/Q900002 ;
    rg:atFestival id:festival\\/Q900030 ; rg:atEdition id:edition\\/cannes-2023 ;
    rg:section "competition" ; rg:award "Palme d'Or" .
  id:evidence\\/e3 a rg:Evidence ; rdf:subject id:film\\/Q900002 ;
    rdf:predicate schema:director ; rdf:object id:person\\/Q900010 ;
    prov:wasDerivedFrom id:review\\/r2 ;
    rg:sentence "The Palme d'Or went to Anatomy of a Fall, the fourth feature by Justine Triet." ;
    rg:startOffset 210 ; rg:endOffset 223 ; rg:extractor "director.feature-by@1" ;
    rg:confidence 0.85 .
  id:evidence\\/e4 a rg:Evidence ; rdf:subject id:person\\/Q900010 ;
    rdf:predicate owl:sameAs ; rdf:object wd:Q900010 ; prov:wasDerivedFrom id:review\\/r2 ;
    rg:extractor "link@1" ; rg:confidence 0.97 ; rg:reason "label-exact", "occupation-film" .
}

g:review\\/r3 {
  id:review\\/r3 a schema:Review ; schema:author id:person\\/ann-critic ;
    schema:publisher id:organization\\/film-weekly ; rg:verdict rg:positive ;
    schema:itemReviewed id:film\\/Q900002, id:film\\/Q900003 .
  id:person\\/ann-critic a schema:Person ; schema:name "Ann Critic" .
  id:organization\\/film-weekly a schema:Organization ; schema:name "Film Weekly" .
  id:film\\/Q900002 a schema:Movie ; schema:name "Anatomy of a Fall" ; owl:sameAs wd:Q900002 .
  id:film\\/Q900003 a schema:Movie ; schema:name "Toni Erdmann" ; owl:sameAs wd:Q900003 ;
    rg:year "2016"^^xsd:gYear ; schema:director id:person\\/Q900011 ;
    schema:actor id:person\\/Q900020, id:person\\/peter-simonischek ;
    rg:castRole id:role\\/te-hueller ; rg:theme id:theme\\/father-and-daughter ;
    rg:narrativeLocation id:place\\/bucharest .
  id:role\\/te-hueller a schema:PerformanceRole ; schema:actor id:person\\/Q900020 ;
    schema:characterName "Ines Conradi" .
  id:person\\/Q900011 a schema:Person ; schema:name "Maren Ade" ; owl:sameAs wd:Q900011 .
  id:person\\/Q900020 a schema:Person ; schema:name "Sandra Hüller" ; owl:sameAs wd:Q900020 .
  id:person\\/peter-simonischek a schema:Person ; schema:name "Peter Simonischek" .
  id:theme\\/father-and-daughter a skos:Concept ; skos:prefLabel "father and daughter"@en .
  id:place\\/bucharest a schema:Place ; schema:name "Bucharest" .
  id:festival\\/Q900030 a rg:Festival ; schema:name "Cannes Film Festival" .
  id:edition\\/cannes-2016 a rg:FestivalEdition ; schema:superEvent id:festival\\/Q900030 ;
    rg:year "2016"^^xsd:gYear ; rg:ordinal 69 ; schema:name "Cannes Film Festival 2016" .
  id:selection\\/te-cannes-2016 a rg:Selection ; rg:selectedFilm id:film\\/Q900003 ;
    rg:atFestival id:festival\\/Q900030 ; rg:atEdition id:edition\\/cannes-2016 ;
    rg:section "competition" ; rg:award "FIPRESCI Prize" .
}

g:wikidata {
  wd:Q900002 rdfs:label "Anatomy of a Fall"@en ; wdt:P57 wd:Q900010 ;
    wdt:P577 "2023-05-21T00:00:00Z"^^xsd:dateTime, "2023-08-23T00:00:00Z"^^xsd:dateTime ;
    wdt:P161 wd:Q900020, wd:Q900021 .
  wd:Q900003 rdfs:label "Toni Erdmann"@en ; wdt:P57 wd:Q900099 ;
    wdt:P577 "2015-05-14T00:00:00Z"^^xsd:dateTime ; wdt:P161 wd:Q900020, wd:Q900022 .
  wd:Q900010 rdfs:label "Justine Triet"@en .
  wd:Q900020 rdfs:label "Sandra Hüller"@en .
  wd:Q900021 rdfs:label "Milo Machado Graner"@en .
  wd:Q900022 rdfs:label "Peter Simonischek"@en .
  wd:Q900099 rdfs:label "Someone Else"@en .
}
"""
"""A tiny graph in reelgraph's data model: three reviews, Wikidata facts beside."""


@pytest.fixture(scope="session")
def query_fixture_trig() -> str:
    """The TriG text of the query fixture store (for other engines in tests)."""
    return QUERY_FIXTURE_TRIG


@pytest.fixture(scope="session")
def query_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An on-disk Oxigraph store holding :data:`QUERY_FIXTURE_TRIG` (closed again)."""
    from rdflib import Dataset

    from graph.store import GraphStore

    dataset = Dataset()
    dataset.parse(data=QUERY_FIXTURE_TRIG, format="trig")
    path = tmp_path_factory.mktemp("query") / "store"
    with GraphStore.open(path) as store:
        for graph in dataset.graphs():
            if len(graph):
                store.replace_graph(str(graph.identifier), graph)
    return path


@pytest.fixture(scope="session")
def query_store(query_store_path: Path):  # type: ignore[no-untyped-def]
    """The fixture store opened read-only (other processes may open it too)."""
    from graph.store import GraphStore

    store = GraphStore.open(query_store_path, read_only=True)
    yield store
    store.close()


@pytest.fixture(scope="session")
def query_server(query_store_path: Path):  # type: ignore[no-untyped-def]
    """A running ``reelgraph serve`` on the fixture store (free port, in a thread).

    Yields the server; its base URL is ``server.url``. Limits are small so that the
    timeout and truncation rules show: 4 s per query, 50 results.
    """
    import threading

    from graph.config import Settings
    from graph.serve import ServeOptions, start_server, stop_server

    settings = Settings.from_env().with_overrides(store=query_store_path)
    options = ServeOptions(port=0, timeout=4.0, max_results=50, workers=2)
    server = start_server(settings, options)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    stop_server(server)


# --- visualise ----------------------------------------------------------------------

VIZ_EVIL_TITLE = '<script>alert(1)</script> & <a href="https://evil.example/">x</a>'


def _viz_fixture_graphs() -> dict[str, object]:
    """Review graphs shaped like graph/build.py output: films, cast, festivals, themes.

    Film "evil" has a title with markup and a director whose name holds a control
    character, to test escaping and XML export.
    """
    from rdflib import RDF, XSD, Graph, Literal, Namespace, URIRef
    from rdflib.namespace import OWL, PROV, SDO, SKOS

    rg = Namespace("https://w3id.org/reelgraph/ontology#")
    base = "https://w3id.org/reelgraph/"

    def iri(kind: str, key: str) -> URIRef:
        return URIRef(f"{base}id/{kind}/{key}")

    films = {
        "anatomy": ("Q116232425", "Anatomy of a Fall", "2023", "Justine Triet",
                    [("Sandra Hüller", "Sandra"), ("Swann Arlaud", "Vincent"),
                     ("Milo Machado Graner", "Daniel")], ["grief", "marriage"]),
        "perfect": (None, "Perfect Days", "2023", "Wim Wenders",
                    [("Koji Yakusho", "Hirayama")], ["routine"]),
        "erdmann": (None, "Toni Erdmann", "2016", "Maren Ade",
                    [("Sandra Hüller", "Ines"), ("Peter Simonischek", "Winfried")],
                    ["grief"]),
        "evil": (None, VIZ_EVIL_TITLE, "2020", "Bad\x07Director",
                 [("Justine Triet", None)], []),
    }  # fmt: skip
    graphs: dict[str, object] = {}
    for key, (qid, title, year, director, cast, themes) in films.items():
        g = Graph()
        review = iri("review", key)
        film = iri("film", qid or key)
        g.add((film, RDF.type, SDO.Movie))
        g.add((film, SDO.name, Literal(title, lang="en")))
        g.add((film, rg.year, Literal(year, datatype=XSD.gYear)))
        if qid:
            g.add((film, OWL.sameAs, URIRef(f"http://www.wikidata.org/entity/{qid}")))
        g.add((review, RDF.type, SDO.Review))
        g.add((review, SDO.itemReviewed, film))
        g.add((review, SDO.headline, Literal(f"Review of {title}")))
        d = iri("person", director.lower().replace(" ", "-").replace("\x07", ""))
        g.add((d, RDF.type, SDO.Person))
        g.add((d, SDO.name, Literal(director)))
        g.add((film, SDO.director, d))
        ev = iri("evidence", f"{key}-director")
        g.add((ev, RDF.type, rg.Evidence))
        g.add((ev, RDF.subject, film))
        g.add((ev, RDF.predicate, SDO.director))
        g.add((ev, RDF.object, d))
        g.add((ev, PROV.wasDerivedFrom, review))
        g.add((ev, rg.sentence, Literal(f"{title} is directed by {director}.")))
        g.add((ev, rg.extractor, Literal("director.by@1")))
        g.add((ev, rg.confidence, Literal("0.9", datatype=XSD.decimal)))
        for actor, character in cast:
            a = iri("person", actor.lower().replace(" ", "-"))
            g.add((a, RDF.type, SDO.Person))
            g.add((a, SDO.name, Literal(actor)))
            g.add((film, SDO.actor, a))
            role = iri("role", f"{key}-{actor.lower().replace(' ', '-')}")
            g.add((film, rg.castRole, role))
            g.add((role, RDF.type, SDO.PerformanceRole))
            g.add((role, SDO.actor, a))
            if character:
                g.add((role, SDO.characterName, Literal(character)))
        for theme in themes:
            t = iri("theme", theme)
            g.add((t, RDF.type, SKOS.Concept))
            g.add((t, SKOS.prefLabel, Literal(theme, lang="en")))
            g.add((film, rg.theme, t))
        graphs[f"{base}graph/review/{key}"] = g
    # festivals: Cannes 2023 (edition) shows anatomy (Palme d'Or) and perfect days,
    # Cannes 2016 shows Toni Erdmann, the Berlinale (no edition) shows "evil".
    g = graphs[f"{base}graph/review/anatomy"]
    cannes = iri("festival", "Q42369")
    g.add((cannes, RDF.type, rg.Festival))
    g.add((cannes, SDO.name, Literal("Cannes Film Festival")))
    for year, ordinal in (("2023", 76), ("2016", 69)):
        edition = iri("edition", f"cannes-{year}")
        g.add((edition, RDF.type, rg.FestivalEdition))
        g.add((edition, SDO.name, Literal(f"Cannes Film Festival {year}")))
        g.add((edition, SDO.superEvent, cannes))
        g.add((edition, rg.year, Literal(year, datatype=XSD.gYear)))
        g.add((edition, rg.ordinal, Literal(ordinal)))
    berlin = iri("festival", "berlinale")
    g.add((berlin, RDF.type, rg.Festival))
    g.add((berlin, SDO.name, Literal("Berlin International Film Festival")))
    selections = (
        ("anatomy", "Q116232425", "cannes-2023", "competition", "Palme d'Or"),
        ("perfect", "perfect", "cannes-2023", "competition", None),
        ("erdmann", "erdmann", "cannes-2016", "competition", None),
        ("evil", "evil", None, None, None),
    )
    for key, film_key, edition_key, section, award in selections:
        sel = iri("selection", key)
        g.add((sel, RDF.type, rg.Selection))
        g.add((sel, rg.selectedFilm, iri("film", film_key)))
        g.add((sel, rg.atFestival, berlin if edition_key is None else cannes))
        if edition_key:
            g.add((sel, rg.atEdition, iri("edition", edition_key)))
        if section:
            g.add((sel, rg.section, Literal(section)))
        if award:
            g.add((sel, rg.award, Literal(award)))
    grenoble = iri("place", "grenoble")
    g.add((grenoble, RDF.type, SDO.Place))
    g.add((grenoble, SDO.name, Literal("Grenoble")))
    g.add((iri("film", "Q116232425"), rg.narrativeLocation, grenoble))
    return graphs


@pytest.fixture(scope="session")
def viz_store(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """An on-disk store holding the visualisation fixture graphs (read them only)."""
    from graph.store import GraphStore

    store = GraphStore.open(tmp_path_factory.mktemp("viz") / "store")
    for graph_iri, triples in _viz_fixture_graphs().items():
        store.replace_graph(graph_iri, triples)  # type: ignore[arg-type]
    yield store
    store.close()


@pytest.fixture(scope="session")
def viz_evil_title() -> str:
    """The film title with markup that every output must show as text."""
    return VIZ_EVIL_TITLE


@pytest.fixture(scope="session")
def viz_film_network():  # type: ignore[no-untyped-def]
    """A factory of synthetic films-people graphs: ``make(films, seed=1)``.

    Each film has a director and 4 actors drawn from a pool, so people recur across
    films the way real casts do.
    """
    import random

    import networkx as nx

    def make(films: int, *, seed: int = 1) -> nx.Graph:
        rng = random.Random(seed)
        pool = max(films, 10)
        graph = nx.Graph()
        for f in range(films):
            film = f"https://w3id.org/reelgraph/id/film/f{f}"
            graph.add_node(film, label=f"Film {f}", kind="film", iri=film)
            director = (
                f"https://w3id.org/reelgraph/id/person/d{rng.randrange(pool // 3)}"
            )
            graph.add_node(director, label=f"Director {director[-4:]}", kind="director")
            graph.add_edge(director, film, relation="directed", label="directed")
            for a in rng.sample(range(pool), 4):
                actor = f"https://w3id.org/reelgraph/id/person/a{a}"
                graph.add_node(actor, label=f"Actor {a}", kind="actor")
                graph.add_edge(
                    actor, film, relation="acted in", label=f"acted in (as Role {a})"
                )
        return graph

    return make


CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def chromium_browser():  # type: ignore[no-untyped-def]
    """Debian's headless Chromium driven by Playwright, one for the whole session.

    The flags keep Chromium from calling home (no background networking), which the
    browser tests check: pages may ask nothing of any host but 127.0.0.1.
    """
    from playwright.sync_api import sync_playwright

    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        pytest.fail("/usr/bin/chromium is missing: apt-get install chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(chromium), args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


# --- export / validate / remote -----------------------------------------------------


@dataclass(frozen=True)
class SparqlServer:
    """A real SPARQL 1.1 server started for the tests, on 127.0.0.1 only."""

    name: str
    query_url: str
    update_url: str
    log: Path


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for_sparql(url: str, proc: object, log: Path, *, seconds: float) -> None:
    """Poll ``url`` with an ASK query until the server answers (or give up)."""
    import subprocess
    import time
    import urllib.error
    import urllib.request

    assert isinstance(proc, subprocess.Popen)
    deadline = time.monotonic() + seconds
    probe = url + "?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"})
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(
                f"server exited with {proc.returncode}: {log.read_text()[-2000:]}"
            )
        try:
            with urllib.request.urlopen(probe, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    proc.kill()
    pytest.fail(
        f"server at {url} did not answer in {seconds} s: {log.read_text()[-2000:]}"
    )


def _stop(proc: object) -> None:
    import subprocess

    assert isinstance(proc, subprocess.Popen)
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


def oxigraph_command() -> str:
    """The ``oxigraph`` server command: on PATH, or beside this Python (a venv's bin/)."""
    import shutil
    import sys

    exe = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(exe).exists():
        pytest.fail("the oxigraph server is missing: pip install oxigraph")
    return exe


@pytest.fixture(scope="session")
def oxigraph_exe() -> str:
    """Path of the ``oxigraph`` command (fails the test when it is not installed)."""
    return oxigraph_command()


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SparqlServer]:
    """``oxigraph serve`` on a free loopback port, with its own on-disk store.

    The default graph is the union of the named graphs, as in the embedded store.
    """
    import subprocess

    exe = oxigraph_command()
    folder = tmp_path_factory.mktemp("oxigraph-server")
    port = _free_port()
    log = folder / "server.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [
                exe,
                "serve",
                "--location",
                str(folder / "data"),
                "--bind",
                f"127.0.0.1:{port}",
                "--union-default-graph",
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    _wait_for_sparql(f"{base}/query", proc, log, seconds=30)
    yield SparqlServer("oxigraph", f"{base}/query", f"{base}/update", log)
    _stop(proc)


VIRTUOSO = Path("/usr/bin/virtuoso-t")
_VIRTUOSO_INI = """[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
CheckpointInterval = 60
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
MaxQueryMem = 200M
ThreadsPerQuery = 2
DirsAllowed = ., {d}
CaseMode = 2

[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {d}
ServerThreads = 4
MaxClientConnections = 4
EnabledDavVSP = 0
HTTPProxyEnabled = 0
Charset = UTF-8

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryCostEstimationTime = 0
MaxQueryExecutionTime = 120
"""


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SparqlServer]:
    """Virtuoso 7 (Debian ``virtuoso-opensource``) with its own database and ini.

    Skipped where Virtuoso is not installed. Anonymous SPARQL updates are granted on
    this throw-away database only.
    """
    import subprocess

    if not VIRTUOSO.exists():
        message = "Virtuoso is not installed (apt-get install virtuoso-opensource)"
        if os.environ.get("CI"):
            pytest.fail(message + "; .ci/run installs it")  # never a silent skip in CI
        pytest.skip(message)
    folder = tmp_path_factory.mktemp("virtuoso")
    sql, http = _free_port(), _free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(_VIRTUOSO_INI.format(d=folder, sql=sql, http=http))
    log = folder / "virtuoso.log"
    with (folder / "stdout.log").open("wb") as out:
        proc = subprocess.Popen(
            [str(VIRTUOSO), "+foreground", "+configfile", str(ini)],
            cwd=folder,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{http}"
    _wait_for_sparql(f"{base}/sparql", proc, folder / "stdout.log", seconds=120)
    grant = subprocess.run(
        [
            "isql-vt",
            f"127.0.0.1:{sql}",
            "dba",
            "dba",
            'exec=GRANT SPARQL_UPDATE TO "SPARQL"; '
            "DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    if grant.returncode != 0:
        _stop(proc)
        pytest.fail(f"granting SPARQL_UPDATE failed: {grant.stdout} {grant.stderr}")
    yield SparqlServer("virtuoso", f"{base}/sparql", f"{base}/sparql", log)
    _stop(proc)


def _export_sample_extractions() -> list[object]:
    """Two reviews sharing a film and a director; every field the build writes."""
    from graph.models import (
        CastMember,
        Evidence,
        Extraction,
        FestivalMention,
        FilmMention,
        Link,
        Person,
        Place,
        ReleaseDate,
        Review,
        ReviewMeta,
        Theme,
    )

    text = "Anatomy of a Fall (Justine Triet) won the Palme d'Or. Sandra Hüller plays Sandra."
    ev = (Evidence(text, 0, 17, "test.rule@1", 0.875),)
    film = FilmMention(
        title="Anatomy of a Fall",
        original_title="Anatomie d'une chute",
        year=2023,
        wikidata="Q116905995",
        link=Link("Q116905995", 0.93, ("label-exact", "director-of-film")),
        directors=(Person("Justine Triet", wikidata="Q3189954", evidence=ev),),
        cast=(
            CastMember("Sandra Hüller", "Sandra", wikidata="Q94882", evidence=ev),
            CastMember("Milo Machado Graner", "Daniel", evidence=ev),
        ),
        festivals=(
            FestivalMention(
                "Cannes Film Festival",
                2023,
                76,
                "competition",
                "Palme d'Or",
                wikidata="Q42369",
                evidence=ev,
            ),
        ),
        release_date=ReleaseDate("2023-08-23", ev),
        themes=(Theme("grief", wikidata="Q176773", evidence=ev),),
        places=(Place("Grenoble", within="France", wikidata="Q1289", evidence=ev),),
        evidence=ev,
    )
    first = Extraction(
        Review(
            id="anatomy-guardian",
            text=text,
            source="anatomy.txt",
            content_hash="a" * 64,
            language="en",
            url="https://example.org/reviews/anatomy",
        ),
        ReviewMeta(
            critic="Ann Critic",
            publication="The Daily",
            date="2023-08-20",
            language="en",
            verdict="positive",
            verdict_evidence=ev,
        ),
        (film, FilmMention(title="Toni Erdmann", role="mentioned", evidence=ev)),
        extractor_version="test@1",
    )
    second = Extraction(
        Review(
            id='anatomy-blog "quoted"',
            text=text,
            source="blog.txt",
            content_hash="b" * 64,
            language="fr",
        ),
        ReviewMeta(critic="Bo Blogger", verdict="mixed", verdict_evidence=ev),
        (
            FilmMention(
                title="Anatomie d'une chute",
                year=2023,
                wikidata="Q116905995",
                directors=(Person("Justine Triet", wikidata="Q3189954"),),
                themes=(Theme("justice", evidence=ev),),
                evidence=ev,
            ),
        ),
        extractor_version="test@1",
    )
    return [first, second]


@pytest.fixture(scope="session")
def sample_graphs() -> list[tuple[str, object]]:
    """``(graph IRI, rdflib.Graph)`` of each sample review, from the real build."""
    from graph.build import build_review_graph, review_graph_iri

    return [
        (review_graph_iri(x.review.id), build_review_graph(x))
        for x in _export_sample_extractions()
    ]


@pytest.fixture(scope="session")
def sample_wikidata_graph() -> object:
    """A tiny Wikidata graph: it already knows the film's director, nothing else."""
    from rdflib import Graph, Literal
    from rdflib.namespace import RDFS

    from graph.namespaces import WD, WDT

    g = Graph()
    g.add((WD.Q116905995, WDT.P57, WD.Q3189954))
    g.add((WD.Q116905995, RDFS.label, Literal("Anatomy of a Fall", lang="en")))
    return g


@pytest.fixture(scope="session")
def load_sample(
    sample_graphs: list[tuple[str, object]], sample_wikidata_graph: object
) -> object:
    """A function writing the sample reviews and Wikidata graph into a store."""
    from graph.build import wikidata_graph_iri

    def load(store: object) -> object:
        for iri, g in sample_graphs:
            store.replace_graph(iri, g)  # type: ignore[attr-defined]
        store.replace_graph(wikidata_graph_iri(), sample_wikidata_graph)  # type: ignore[attr-defined]
        return store

    return load


@pytest.fixture
def sample_store(load_sample: object) -> object:
    """An in-memory embedded store holding the sample reviews and Wikidata graph."""
    from graph.store import GraphStore

    return load_sample(GraphStore.open(None))  # type: ignore[operator]
