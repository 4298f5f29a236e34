"""Tests of graph.enrich: Wikidata facts about linked items, and `reelgraph enrich`."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, RDFS, XSD

from graph.config import Settings
from graph.enrich import enrich_items, enrich_store, pending_items
from graph.mirror import load_mirror
from graph.namespaces import RG, WD, WDT
from graph.store import GraphStore
from graph.wikidata import WikidataClient

FIXTURE = """\
@prefix wd: <http://www.wikidata.org/entity/> .
@prefix wdt: <http://www.wikidata.org/prop/direct/> .
@prefix p: <http://www.wikidata.org/prop/> .
@prefix ps: <http://www.wikidata.org/prop/statement/> .
@prefix pq: <http://www.wikidata.org/prop/qualifier/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
wd:Q1 rdfs:label "A Film"@en, "Un film"@fr, "Ein Film"@de ; wdt:P31 wd:Q11424 ;
    wdt:P57 wd:Q2 ; wdt:P161 wd:Q3 ; wdt:P577 "2023-03-01T00:00:00Z"^^xsd:dateTime ;
    wdt:P345 "tt0000001" ; wdt:P2142 "1000"^^xsd:decimal ;
    p:P161 <http://www.wikidata.org/entity/statement/S1> .
<http://www.wikidata.org/entity/statement/S1> ps:P161 wd:Q3 ; pq:P453 wd:Q4 .
wd:Q2 rdfs:label "Some Director"@en ; wdt:P569 "1950-01-01T00:00:00Z"^^xsd:dateTime .
wd:Q3 rdfs:label "Some Actor"@en .
wd:Q4 rdfs:label "Alice"@en .
wd:Q10 rdfs:label "Some Film Festival"@en ; wdt:P31 wd:Q220505 .
wd:Q11 rdfs:label "2023 Some Film Festival"@en ; wdt:P31 wd:Q27787439 ;
    wdt:P179 wd:Q10 ; wdt:P393 "12" ; wdt:P585 "2023-01-01T00:00:00Z"^^xsd:dateTime .
"""


@pytest.fixture(scope="module")
def mirror(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("enrich-mirror")
    (root / "fixture.ttl").write_text(FIXTURE, encoding="utf-8")
    load_mirror([root / "fixture.ttl"], mirror=root / "mirror")
    return root / "mirror"


@pytest.fixture
def settings(tmp_path: Path, mirror: Path) -> Settings:
    return Settings(
        home=tmp_path,
        store=tmp_path / "store",
        cache_dir=tmp_path / "cache",
        wikidata_endpoint=str(mirror),
    )


def client_for(settings: Settings, **kw: object) -> WikidataClient:
    return WikidataClient(
        settings.wikidata_endpoint, cache_dir=settings.cache_dir, **kw
    )  # type: ignore[arg-type]


def test_film_facts_labels_and_provenance(settings: Settings) -> None:
    g = enrich_items(["Q1"], client=client_for(settings), settings=settings)
    assert (WD.Q1, WDT.P57, WD.Q2) in g
    assert (WD.Q1, WDT.P345, Literal("tt0000001")) in g
    assert (WD.Q2, RDFS.label, Literal("Some Director", lang="en")) in g
    assert (WD.Q1, RDFS.label, Literal("Un film", lang="fr")) in g
    assert (WD.Q1, RDFS.label, Literal("Ein Film", lang="de")) not in g
    assert (WD.Q1, WDT.P2142, None) not in g  # not in the property list
    node = URIRef(settings.base_iri + "graph/wikidata")
    assert (node, PROV.wasDerivedFrom, URIRef(str(WD))) in g
    assert (node, PROV.hadMember, WD.Q1) in g
    assert (WD.Q2, WDT.P569, None) not in g  # depth 1 stops at the film


def test_depth_two_adds_people_facts(settings: Settings) -> None:
    g = enrich_items(["Q1"], client=client_for(settings), settings=settings, depth=2)
    birth = Literal("1950-01-01T00:00:00Z", datatype=XSD.dateTime)
    assert (WD.Q2, WDT.P569, birth) in g


def test_property_list_is_configurable(settings: Settings) -> None:
    g = enrich_items(
        ["Q1"], client=client_for(settings), settings=settings, properties=["P577"]
    )
    assert set(g.predicates(WD.Q1, None)) == {WDT.P577, RDFS.label}


def test_property_list_and_depth_from_settings(settings: Settings) -> None:
    configured = settings.with_overrides(
        extra={"wikidata_properties": "P57, P569", "wikidata_depth": "2"}
    )
    g = enrich_items(["Q1"], client=client_for(settings), settings=configured)
    assert set(g.predicates(WD.Q1, None)) == {WDT.P57, RDFS.label}
    assert (WD.Q2, WDT.P569, None) in g


def test_cast_character_roles_from_statements(settings: Settings) -> None:
    g = enrich_items(["Q1"], client=client_for(settings), settings=settings)
    statement = URIRef("http://www.wikidata.org/entity/statement/S1")
    assert (WD.Q1, URIRef("http://www.wikidata.org/prop/P161"), statement) in g
    assert (
        statement,
        URIRef("http://www.wikidata.org/prop/qualifier/P453"),
        WD.Q4,
    ) in g
    assert (WD.Q4, RDFS.label, Literal("Alice", lang="en")) in g


def test_festival_editions(settings: Settings) -> None:
    g = enrich_items(["Q10"], client=client_for(settings), settings=settings)
    assert (WD.Q11, WDT.P179, WD.Q10) in g
    assert (WD.Q11, WDT.P393, Literal("12")) in g


def test_warm_cache_and_offline_send_nothing(settings: Settings) -> None:
    first = client_for(settings)
    g1 = enrich_items(["Q1", "Q10"], client=first, settings=settings)
    assert first.stats.requests > 0
    offline = client_for(settings, offline=True)
    g2 = enrich_items(["Q1", "Q10"], client=offline, settings=settings)
    assert offline.stats.requests == 0
    assert set(g1) == set(g2)


def _store_with_link(path: Path, settings: Settings) -> GraphStore:
    review = Graph()
    film = URIRef(settings.base_iri + "id/film/Q1")
    review.add((film, OWL.sameAs, WD.Q1))
    review.add((film, RG.year, Literal("2022", datatype=XSD.gYear)))
    store = GraphStore.open(path)
    store.replace_graph(settings.base_iri + "graph/review/r1", review)
    return store


def test_enrich_store_finishes_pending_once(tmp_path: Path, settings: Settings) -> None:
    with _store_with_link(tmp_path / "kg", settings) as store:
        assert pending_items(store, settings=settings) == ["Q1"]
        report = enrich_store(store, client=client_for(settings), settings=settings)
        assert (report.pending, report.enriched, report.problem) == (0, ["Q1"], None)
        assert report.triples > 5
        again = enrich_store(store, client=client_for(settings), settings=settings)
        assert again.pending == 0
        rows = list(
            store.query(
                "PREFIX owl: <http://www.w3.org/2002/07/owl#>\n"
                "PREFIX rg: <https://w3id.org/reelgraph/ontology#>\n"
                "PREFIX wdt: <http://www.wikidata.org/prop/direct/>\n"
                "SELECT ?y ?d WHERE { ?f owl:sameAs ?q ; rg:year ?y . ?q wdt:P577 ?d "
                "FILTER(YEAR(?d) != xsd:integer(STR(?y))) }".replace(
                    "SELECT", "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\nSELECT"
                )
            )
        )
        assert [(r["y"].value, r["d"].value[:4]) for r in rows] == [("2022", "2023")]


@pytest.mark.server
def test_enrich_store_failure_keeps_items_pending(
    tmp_path: Path, settings: Settings, fake_wdqs, fake_reply
) -> None:
    fake_wdqs.default = fake_reply(status=503, body=b"down")
    client = WikidataClient(
        fake_wdqs.url,
        cache_dir=tmp_path / "c",
        max_attempts=2,
        sleep=lambda s: None,
        rng=random.Random(0),
    )
    with _store_with_link(tmp_path / "kg", settings) as store:
        report = enrich_store(store, client=client, settings=settings)
        assert report.problem is not None and "503" in report.problem
        assert report.enriched == []
        assert pending_items(store, settings=settings) == ["Q1"]
        assert len(fake_wdqs.requests) == 2


def _unlinked_review_store(path: Path, settings: Settings) -> GraphStore:
    from graph.build import build_review_graph, review_graph_iri
    from graph.models import (
        Extraction,
        FestivalMention,
        FilmMention,
        Person,
        Review,
        ReviewMeta,
    )

    film = FilmMention(
        "A Film",
        year=2023,
        directors=(Person("Some Director"),),
        festivals=(FestivalMention("Some Film Festival", year=2023),),
    )
    review = Review(id="late", text="A review.", source="test", content_hash="h")
    extraction = Extraction(review=review, meta=ReviewMeta(), films=(film,))
    store = GraphStore.open(path)
    store.replace_graph(
        review_graph_iri("late", base_iri=settings.base_iri),
        build_review_graph(extraction, base_iri=settings.base_iri),
    )
    return store


def test_enrich_store_links_what_ingest_left_unlinked(
    tmp_path: Path, settings: Settings
) -> None:
    from graph.link_explain import explain_entity

    with _unlinked_review_store(tmp_path / "kg", settings) as store:
        report = enrich_store(store, client=client_for(settings), settings=settings)
        assert report.problem is None
        assert sorted(report.linked.values()) == ["Q1", "Q10", "Q2"]
        film = URIRef(settings.base_iri + "id/film/a-film")
        assert report.linked[str(film)] == "Q1"
        assert "Q1" in report.enriched
        explained = explain_entity(store, str(film))
        assert explained[0].qid == "Q1"
        assert {"late-link", "director-of-film", "year-match"} <= set(
            explained[0].reasons
        )
        warm = client_for(settings)
        again = enrich_store(store, client=warm, settings=settings)
        assert (again.linked, again.pending, warm.stats.requests) == ({}, 0, 0)


@pytest.mark.server
def test_late_linking_failure_writes_nothing(
    tmp_path: Path, settings: Settings, fake_wdqs, fake_reply
) -> None:
    fake_wdqs.default = fake_reply(status=500, body=b"java.lang.Exception")
    client = WikidataClient(
        fake_wdqs.url, cache_dir=tmp_path / "c", max_attempts=1, sleep=lambda s: None
    )
    with _unlinked_review_store(tmp_path / "kg", settings) as store:
        before = len(store)
        report = enrich_store(store, client=client, settings=settings)
        assert report.problem is not None and "stay unlinked" in report.problem
        assert len(store) == before
