"""Ontology consistency: every term the code writes is declared, labelled and mapped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from graph.build import build_review_graph
from graph.config import ONTOLOGY_DIR
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
from graph.namespaces import ONTOLOGY_IRI, RG

EV = (Evidence("A sentence.", 0, 11, "test@1", 0.9),)


def full_extraction() -> Extraction:
    """An extraction with every field filled, so the build writes every term."""
    review = Review(
        id="full",
        text="A sentence.",
        source="full.txt",
        content_hash="h",
        language="en",
        headline="Headline",
        critic="Ann Critic",
        publication="The Daily",
        date="2023-05-20",
        url="https://example.org/r",
    )
    film = FilmMention(
        title="The Taste of Things",
        original_title="La Passion de Dodin Bouffant",
        year=2023,
        wikidata="Q1",
        link=Link("Q1", 0.97, ("label-exact", "director-of-film")),
        directors=(Person("Tran Anh Hung", evidence=EV),),
        cast=(CastMember("Juliette Binoche", "Eugénie", evidence=EV),),
        festivals=(
            FestivalMention(
                "Cannes Film Festival",
                2023,
                76,
                "competition",
                "best director",
                evidence=EV,
            ),
        ),
        release_date=ReleaseDate("2023-11-08", EV),
        themes=(Theme("gastronomy", evidence=EV),),
        places=(Place("Anjou", within="France", evidence=EV),),
        evidence=EV,
    )
    mentioned = FilmMention(title="Norwegian Wood", role="mentioned", evidence=EV)
    meta = ReviewMeta(verdict="positive", verdict_evidence=EV, language="en")
    return Extraction(review, meta, (film, mentioned), extractor_version="test")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "reelgraph.ttl")


@pytest.fixture(scope="module")
def written_terms() -> set[URIRef]:
    g = build_review_graph(full_extraction())
    terms = {p for p in g.predicates()}
    terms |= {o for o in g.objects(None, RDF.type) if isinstance(o, URIRef)}
    return terms - {RDF.type}


def test_every_written_term_is_declared(
    ontology: Graph, written_terms: set[URIRef]
) -> None:
    declared = set(ontology.subjects(RDFS.label, None))
    assert written_terms - declared == set()


def test_every_declared_term_has_label_and_comment(ontology: Graph) -> None:
    missing = [
        s
        for s in set(ontology.subjects(RDF.type, None))
        if isinstance(s, URIRef)
        and (
            ontology.value(s, RDFS.label) is None
            or ontology.value(s, RDFS.comment) is None
        )
    ]
    assert missing == []


def test_namespace_class_and_ontology_agree(ontology: Graph) -> None:
    in_code = {URIRef(ONTOLOGY_IRI + name) for name in RG.__annotations__}
    in_ttl = {
        s
        for s in ontology.subjects(RDFS.label, None)
        if isinstance(s, URIRef) and str(s).startswith(ONTOLOGY_IRI)
    }
    assert in_code == in_ttl


def test_ontology_is_owl_with_alignments(ontology: Graph) -> None:
    assert (URIRef(ONTOLOGY_IRI.rstrip("#")), RDF.type, OWL.Ontology) in ontology
    aligned = set(ontology.subjects(RDFS.seeAlso, None))
    assert RG.Festival in aligned and RG.narrativeLocation in aligned


def _context_iris(path: Path) -> set[str]:
    context = json.loads(path.read_text(encoding="utf-8"))["@context"]
    prefixes = {
        k: v for k, v in context.items() if isinstance(v, str) and v[-1] in "#/"
    }

    def expand(value: str) -> str:
        head, _, tail = value.partition(":")
        return (
            prefixes[head] + tail
            if head in prefixes and not tail.startswith("//")
            else value
        )

    iris: set[str] = set()
    for key, value in context.items():
        if key.startswith("@"):
            continue
        target = value.get("@id", key) if isinstance(value, dict) else value
        if isinstance(target, str):
            iris.add(expand(target))
    return iris


def test_every_written_term_is_mapped_in_context(written_terms: set[URIRef]) -> None:
    mapped = _context_iris(ONTOLOGY_DIR / "context.jsonld")
    assert {str(t) for t in written_terms} - mapped == set()
