"""Validation: the sample build conforms; each broken rule is reported with its source."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, SH, XSD

from graph.build import review_graph_iri
from graph.cli import cli
from graph.config import ONTOLOGY_DIR
from graph.errors import ValidationError
from graph.namespaces import RG, SCHEMA
from graph.store import GraphStore
from graph.validate import ensure_valid, load_shapes, validate_graph, validate_store

ID = "https://w3id.org/reelgraph/id/"
FILM = URIRef(ID + "film/Q116905995")
REVIEW = URIRef(ID + "review/anatomy-guardian")
SENTENCE = "Anatomy of a Fall (Justine Triet) won the Palme d'Or."


@pytest.fixture
def review_graph(sample_graphs: list[tuple[str, Graph]]) -> Graph:
    """A fresh copy of the first sample review's graph, to break."""
    copy = Graph()
    for triple in sample_graphs[0][1]:
        copy.add(triple)
    return copy


def test_every_sample_review_graph_conforms(
    sample_graphs: list[tuple[str, Graph]],
) -> None:
    for iri, g in sample_graphs:
        report = validate_graph(g)
        assert report.conforms, f"{iri}\n{report.text()}"
        assert report.violations == ()


def _drop_name(g: Graph) -> None:
    g.remove((FILM, SCHEMA.name, None))


def _plain_year(g: Graph) -> None:
    g.remove((FILM, RG.year, None))
    g.add((FILM, RG.year, Literal("2023")))


def _bad_verdict(g: Graph) -> None:
    g.remove((REVIEW, RG.verdict, None))
    g.add((REVIEW, RG.verdict, RG.Festival))


def _dbpedia_same_as(g: Graph) -> None:
    g.add((FILM, OWL.sameAs, URIRef("http://dbpedia.org/resource/Anatomy_of_a_Fall")))


def _director_not_a_person(g: Graph) -> None:
    g.remove((URIRef(ID + "person/Q3189954"), RDF.type, None))


BROKEN = [
    pytest.param(
        _drop_name,
        str(FILM),
        "sh:MinCountConstraintComponent",
        "schema:name",
        id="film-without-title",
    ),
    pytest.param(
        _plain_year,
        str(FILM),
        "sh:DatatypeConstraintComponent",
        "rg:year",
        id="year-not-gYear",
    ),
    pytest.param(
        _bad_verdict,
        str(REVIEW),
        "sh:InConstraintComponent",
        "rg:verdict",
        id="verdict-outside-scheme",
    ),
    pytest.param(
        _dbpedia_same_as,
        str(FILM),
        "sh:PatternConstraintComponent",
        "owl:sameAs",
        id="sameAs-not-wikidata",
    ),
    pytest.param(
        _director_not_a_person,
        str(FILM),
        "sh:ClassConstraintComponent",
        "schema:director",
        id="director-not-person",
    ),
]


@pytest.mark.parametrize(("breaks", "focus", "constraint", "path"), BROKEN)
def test_violation_names_entity_rule_and_sentence(
    review_graph: Graph,
    breaks: Callable[[Graph], None],
    focus: str,
    constraint: str,
    path: str,
) -> None:
    breaks(review_graph)
    report = validate_graph(review_graph)
    assert not report.conforms
    found = [v for v in report.violations if v.constraint == constraint]
    assert found, report.text()
    violation = found[0]
    assert violation.focus == f"<{focus}>"
    assert violation.path == path
    assert violation.shape.startswith("rgsh:")
    assert violation.sentence is not None and SENTENCE in violation.sentence
    assert violation.review == f"<{REVIEW}>"
    text = report.text()
    assert focus in text and constraint in text and SENTENCE in text


def test_confidence_outside_unit_interval_is_reported(review_graph: Graph) -> None:
    evidence = next(review_graph.subjects(RDF.type, RG.Evidence))
    review_graph.remove((evidence, RG.confidence, None))
    review_graph.add((evidence, RG.confidence, Literal("1.5", datatype=XSD.decimal)))
    report = validate_graph(review_graph)
    assert [v.constraint for v in report.violations] == [
        "sh:MaxInclusiveConstraintComponent"
    ]
    assert report.violations[0].value == '"1.5"^^xsd:decimal'


def test_evidence_of_an_extracted_fact_needs_its_sentence(review_graph: Graph) -> None:
    evidence = next(
        e
        for e in review_graph.subjects(RDF.type, RG.Evidence)
        if (e, RDF.predicate, SCHEMA.director) in review_graph
    )
    review_graph.remove((evidence, RG.sentence, None))
    report = validate_graph(review_graph)
    assert not report.conforms
    assert {v.constraint for v in report.violations} == {"sh:OrConstraintComponent"}
    assert "rg:sentence" in report.violations[0].message


def test_validate_store_checks_the_union_or_one_graph(
    sample_store: GraphStore, review_graph: Graph
) -> None:
    assert validate_store(sample_store).conforms
    _drop_name(review_graph)
    review_graph.add((FILM, RG.year, Literal("twenty", datatype=XSD.string)))
    bad = "https://w3id.org/reelgraph/graph/review/broken"
    sample_store.replace_graph(bad, review_graph)
    assert not validate_store(sample_store, graph_iri=bad).conforms
    assert validate_store(
        sample_store, graph_iri=review_graph_iri("anatomy-guardian")
    ).conforms
    with pytest.raises(ValidationError, match="No graph"):
        validate_store(sample_store, graph_iri=bad + "-missing")


def test_ensure_valid_raises_with_the_report(review_graph: Graph) -> None:
    _plain_year(review_graph)
    with pytest.raises(ValidationError) as info:
        ensure_valid(review_graph, label="review anatomy-guardian")
    assert "review anatomy-guardian" in str(info.value)
    assert info.value.report is not None and not info.value.report.conforms


def test_every_node_shape_targets_a_class_of_the_ontology() -> None:
    shapes = load_shapes()
    ontology = Graph().parse(ONTOLOGY_DIR / "reelgraph.ttl")
    declared = set(ontology.subjects(RDF.type, OWL.Class)) | set(
        ontology.subjects(
            RDF.type, URIRef("http://www.w3.org/2000/01/rdf-schema#Class")
        )
    )
    referenced = set(ontology.objects()) | set(ontology.subjects())
    targets = set(shapes.objects(None, SH.targetClass))
    assert len(targets) == 11
    missing = {t for t in targets if t not in declared and t not in referenced}
    assert not missing


def test_cli_validate_exit_codes_and_report_on_stdout(
    tmp_path: Path, load_sample: Any, review_graph: Graph
) -> None:
    store_dir = tmp_path / "kg"
    with GraphStore.open(store_dir) as store:
        load_sample(store)
    runner = CliRunner()
    ok = runner.invoke(cli, ["validate", "--store", str(store_dir)])
    assert ok.exit_code == 0, ok.output
    assert "conforms" in ok.output
    _drop_name(review_graph)
    with GraphStore.open(store_dir) as store:
        store.replace_graph(
            "https://w3id.org/reelgraph/graph/review/broken", review_graph
        )
    bad = runner.invoke(
        cli, ["validate", "--store", str(store_dir), "--graph", "broken"]
    )
    assert bad.exit_code == 1, bad.output
    assert "sh:MinCountConstraintComponent on schema:name" in bad.output
    assert SENTENCE in bad.output
