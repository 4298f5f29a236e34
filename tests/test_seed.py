"""The seed review through the whole pipeline: every fact right, nothing extra.

``tests/data/expected/seed.ttl`` states the facts of the Alpe d'Huez 2023 review of
*Les Petites Victoires* as a graph; the stored graph (less evidence nodes, bookkeeping
and themes) must be isomorphic to it. Themes are checked as "at least these".
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import RDF, SKOS

from graph.build import mint_iri
from graph.namespaces import RG, SCHEMA

pytestmark = pytest.mark.slow

EXPECTED = Path(__file__).parent / "data" / "expected" / "seed.ttl"
BOOKKEEPING = {RG.source, RG.contentHash, RG.extractorVersion}


def _union(store) -> Graph:  # type: ignore[no-untyped-def]
    g = Graph()
    for iri in store.named_graphs():
        g += store.graph_triples(iri)
    return g


def _facts(g: Graph) -> Graph:
    """The graph less evidence nodes, bookkeeping and theme statements."""
    evidence = set(g.subjects(RDF.type, RG.Evidence))
    themes = set(g.subjects(RDF.type, SKOS.Concept))
    out = Graph()
    for s, p, o in g:
        if s in evidence or s in themes or p in BOOKKEEPING or p == RG.theme:
            continue
        out.add((s, p, o))
    return out


def _diff(got: Graph, expected: Graph) -> str:
    _, only_got, only_expected = graph_diff(to_isomorphic(got), to_isomorphic(expected))
    lines = ["only in the store:"] + sorted(
        f"  {t.n3()} {p.n3()} {o.n3()}" for t, p, o in only_got
    )
    lines += ["only in the expected graph:"]
    lines += sorted(f"  {t.n3()} {p.n3()} {o.n3()}" for t, p, o in only_expected)
    return "\n".join(lines)


def test_seed_ingests_without_failures(seed_ingested) -> None:  # type: ignore[no-untyped-def]
    _, _, report = seed_ingested
    assert report.failures == []
    assert report.stored == ["les-petites-victoires-alpe-dhuez-2023"]


def test_seed_facts_are_exactly_the_expected_graph(seed_ingested) -> None:  # type: ignore[no-untyped-def]
    store, _, _ = seed_ingested
    got = _facts(_union(store))
    expected = Graph().parse(EXPECTED)
    assert isomorphic(got, expected), _diff(got, expected)


def test_seed_themes_include_the_stated_ones(seed_ingested) -> None:  # type: ignore[no-untyped-def]
    store, _, _ = seed_ingested
    g = _union(store)
    film = mint_iri("film", "Les Petites Victoires")
    labels = {
        str(g.value(t, SKOS.prefLabel)).lower() for t in g.objects(film, RG.theme)
    }
    assert {"rural desertification", "illiteracy"} <= labels
    assert any("school" in label and "clos" in label for label in labels), labels


def test_every_seed_fact_has_evidence_in_the_text(
    seed_ingested, seed_path: Path
) -> None:  # type: ignore[no-untyped-def]
    store, _, _ = seed_ingested
    g = _union(store)
    text = seed_path.read_text(encoding="utf-8").strip()
    film = mint_iri("film", "Les Petites Victoires")
    for person in g.objects(film, SCHEMA.actor):
        evidence = [
            ev
            for ev in g.subjects(RDF.subject, film)
            if g.value(ev, RDF.predicate) == SCHEMA.actor
            and g.value(ev, RDF.object) == person
        ]
        assert evidence, f"no evidence for {person}"
        for ev in evidence:
            sentence = str(g.value(ev, RG.sentence))
            start, end = (
                int(g.value(ev, RG.startOffset)),
                int(g.value(ev, RG.endOffset)),
            )  # type: ignore[arg-type]
            assert sentence in text
            assert 0 <= start < end <= len(text)


def test_seed_graph_conforms_to_shapes(seed_ingested) -> None:  # type: ignore[no-untyped-def]
    from graph.validate import validate_graph

    store, _, _ = seed_ingested
    report = validate_graph(_union(store))
    assert report.conforms, report.text()


def test_no_one_else_is_cast_or_crew(seed_ingested) -> None:  # type: ignore[no-untyped-def]
    store, _, _ = seed_ingested
    g = _union(store)
    people = {str(g.value(p, SCHEMA.name)) for p in g.subjects(RDF.type, SCHEMA.Person)}
    assert not people & {"Bourvil", "Cyrano", "British", "Roxanne", "Emile", "Alice"}
    assert Literal("Mélanie Auffret") in set(g.objects(None, SCHEMA.name))
