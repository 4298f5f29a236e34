"""Export: every format round-trips, output is deterministic, writes are atomic."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from graph.build import review_graph_iri, wikidata_graph_iri
from graph.cli import cli
from graph.describe import describe_dataset, quickstatements
from graph.errors import ExportError
from graph.export import (
    FORMATS,
    clean_text,
    export_store,
    resolve_format,
    resolve_graph,
    serialize_quads,
    write_atomic,
)
from graph.store import GraphStore, from_ox

RDF_FORMATS = [name for name in FORMATS if name != "wikidata-qs"]
RDFLIB_NAMES = {
    "turtle": "turtle",
    "ntriples": "nt",
    "nquads": "nquads",
    "trig": "trig",
    "jsonld": "json-ld",
    "rdfxml": "xml",
}


def union_of(quads: Any) -> Graph:
    out = Graph()
    for q in quads:
        out.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
    return out


def parse_rdflib(data: bytes, fmt: str) -> tuple[Graph, set[str]]:
    """(union of triples, graph names) as rdflib reads the export."""
    if FORMATS[fmt].quads:
        ds = Dataset()
        ds.parse(data=data, format=RDFLIB_NAMES[fmt])
        union = Graph()
        names = set()
        for s, p, o, g in ds.quads():
            union.add((s, p, o))
            names.add(str(g))
        return union, names
    return Graph().parse(data=data, format=RDFLIB_NAMES[fmt]), set()


def parse_oxigraph(data: bytes, fmt: str) -> tuple[Graph, set[str]]:
    quads = list(ox.parse(data, format=FORMATS[fmt].rdf or ox.RdfFormat.JSON_LD))
    names = {
        q.graph_name.value for q in quads if isinstance(q.graph_name, ox.NamedNode)
    }
    return union_of(quads), names


def assert_isomorphic(expected: Graph, actual: Graph) -> None:
    if not isomorphic(expected, actual):
        _, only_expected, only_actual = graph_diff(
            to_isomorphic(expected), to_isomorphic(actual)
        )
        pytest.fail(
            f"not isomorphic\nonly expected: {sorted(only_expected)[:5]}\n"
            f"only actual: {sorted(only_actual)[:5]}"
        )


@pytest.mark.parametrize("fmt", [pytest.param(f, id=f) for f in RDF_FORMATS])
@pytest.mark.parametrize(
    "parser", [pytest.param(p, id=p) for p in ("rdflib", "oxigraph")]
)
def test_every_format_round_trips_isomorphically(
    sample_store: GraphStore, fmt: str, parser: str
) -> None:
    expected = union_of(sample_store.quads())
    data = export_store(sample_store, None, fmt=fmt).data
    assert data
    parsed, names = (parse_rdflib if parser == "rdflib" else parse_oxigraph)(data, fmt)
    assert_isomorphic(expected, parsed)
    if FORMATS[fmt].quads:
        assert names == set(sample_store.named_graphs())


def test_export_is_byte_identical_whatever_the_insertion_order(
    sample_graphs: list[tuple[str, Graph]], sample_wikidata_graph: Graph
) -> None:
    forward, backward = GraphStore.open(None), GraphStore.open(None)
    for iri, g in sample_graphs:
        forward.replace_graph(iri, g)
    for iri, g in reversed(sample_graphs):
        backward.replace_graph(iri, g)
    for fmt in RDF_FORMATS:
        first = export_store(forward, None, fmt=fmt).data
        assert first == export_store(forward, None, fmt=fmt).data, fmt
        assert first == export_store(backward, None, fmt=fmt).data, fmt


def test_turtle_uses_the_project_prefixes_and_groups_subjects(
    sample_store: GraphStore,
) -> None:
    text = export_store(sample_store, None, fmt="turtle").data.decode()
    assert "@prefix schema: <https://schema.org/> ." in text
    assert "@prefix rg: <https://w3id.org/reelgraph/ontology#> ." in text
    header = [line for line in text.splitlines() if line.startswith("@prefix")]
    assert header == sorted(header)
    assert '"Anatomy of a Fall"' in text
    film = "<https://w3id.org/reelgraph/id/film/Q116905995>"
    assert text.count(f"\n{film} ") == 1  # one block per subject


def test_jsonld_inlines_the_project_context_and_compacts(
    sample_store: GraphStore,
) -> None:
    doc = json.loads(export_store(sample_store, None, fmt="jsonld").data)
    assert isinstance(doc["@context"], dict)  # never a remote context URL
    assert doc["@context"]["schema"] == "https://schema.org/"
    graphs = {g["@id"]: g["@graph"] for g in doc["@graph"]}
    nodes = {n["@id"]: n for n in graphs[review_graph_iri("anatomy-guardian")]}
    film = nodes["https://w3id.org/reelgraph/id/film/Q116905995"]
    assert film["@type"] == "Movie"
    assert film["year"] == "2023"  # coerced to xsd:gYear by the context
    assert film["sameAs"] == "wd:Q116905995"
    assert film["director"] == "https://w3id.org/reelgraph/id/person/Q3189954"


def test_control_characters_are_replaced_so_every_parser_accepts_the_file() -> None:
    store = GraphStore.open(None)
    g = Graph()
    s, p = (
        URIRef("https://w3id.org/reelgraph/id/film/x"),
        URIRef("https://schema.org/name"),
    )
    g.add((s, p, Literal("bell\x07 nul\x00 vt\x0b ff\x0c ok\ttab\nline\ufffe")))
    g.add((s, p, Literal("carriage\rreturn\r\n and  spaces  ")))
    g.add((s, p, Literal("fine é ✓ \U0001f3ac", lang="fr")))
    store.replace_graph("https://w3id.org/reelgraph/graph/review/x", g)
    expected = Graph()
    for t in g:
        o = t[2]
        expected.add((t[0], t[1], Literal(clean_text(str(o)), lang=o.language)))
    for fmt in RDF_FORMATS:
        data = export_store(store, None, fmt=fmt).data
        assert_isomorphic(expected, parse_rdflib(data, fmt)[0])
        assert_isomorphic(expected, parse_oxigraph(data, fmt)[0])


texts = st.text(
    alphabet=st.one_of(
        st.characters(blacklist_categories=("Cs",)),
        st.sampled_from("\r\n\t\x00\x0b\"\\<>&'{}@# \u2028\x85"),
    ),
    max_size=40,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    values=st.lists(
        st.tuples(texts, st.sampled_from([None, "en", "fr-CA", "xsd:integer"])),
        min_size=1,
        max_size=4,
    )
)
def test_random_literals_round_trip_in_every_format(values: list[Any]) -> None:
    store = GraphStore.open(None)
    g = Graph()
    subject = URIRef("https://w3id.org/reelgraph/id/film/h")
    for i, (text, tag) in enumerate(values):
        p = URIRef(f"https://w3id.org/reelgraph/ontology#p{i}")
        if tag == "xsd:integer":
            literal = Literal(
                str(len(text)),
                datatype=URIRef("http://www.w3.org/2001/XMLSchema#integer"),
            )
        else:
            literal = Literal(text, lang=tag)
        g.add((subject, p, literal))
    store.replace_graph("https://w3id.org/reelgraph/graph/review/h", g)
    expected = Graph()
    for s, p, o in union_of(store.quads()):
        expected.add(
            (s, p, Literal(clean_text(str(o)), lang=o.language, datatype=o.datatype))
        )
    for fmt in RDF_FORMATS:
        data = export_store(store, None, fmt=fmt).data
        assert_isomorphic(expected, parse_rdflib(data, fmt)[0])
        assert_isomorphic(expected, parse_oxigraph(data, fmt)[0])


def test_one_review_graph_exports_only_its_facts(sample_store: GraphStore) -> None:
    iri = resolve_graph("anatomy-guardian")
    result = export_store(sample_store, None, fmt="nquads", graph=iri)
    parsed = list(ox.parse(result.data, format=ox.RdfFormat.N_QUADS))
    assert parsed and {q.graph_name.value for q in parsed} == {iri}
    assert_isomorphic(union_of(sample_store.quads(iri)), union_of(parsed))


def test_unknown_graph_names_the_available_ones(sample_store: GraphStore) -> None:
    with pytest.raises(ExportError, match="graph/review/anatomy-guardian"):
        export_store(sample_store, None, fmt="turtle", graph=resolve_graph("nope"))


def test_format_comes_from_the_extension_and_errors_list_choices() -> None:
    assert resolve_format(None, Path("kg.trig")).name == "trig"
    assert resolve_format(None, "kg.jsonld").name == "jsonld"
    assert resolve_format("TTL").name == "turtle"
    with pytest.raises(ExportError, match="turtle, ntriples, nquads"):
        resolve_format("yaml")
    with pytest.raises(ExportError, match="pass --format"):
        resolve_format(None, "kg.bin")


def test_export_writes_atomically_and_keeps_the_old_file_on_failure(
    tmp_path: Path, sample_store: GraphStore
) -> None:
    out = tmp_path / "kg.rdf"
    written = export_store(sample_store, out, fmt=None)
    assert written.path == out and written.format == "rdfxml"
    before = out.read_bytes()
    # A predicate RDF/XML cannot express makes the export fail half-way.
    g = Graph()
    g.add((URIRef("https://ex.org/s"), URIRef("https://ex.org/p/"), Literal("v")))
    sample_store.replace_graph("https://w3id.org/reelgraph/graph/review/odd", g)
    with pytest.raises(ExportError, match="RDF/XML cannot express"):
        export_store(sample_store, out)
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kg.rdf"]


def test_write_atomic_leaves_previous_file_when_the_writer_dies(tmp_path: Path) -> None:
    target = tmp_path / "out.ttl"
    target.write_bytes(b"previous")

    def half_then_fail(fh: Any) -> None:
        fh.write(b"partial output")
        raise RuntimeError("disk gone")

    with pytest.raises(RuntimeError):
        write_atomic(target, half_then_fail)
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["out.ttl"]


def test_quickstatements_list_only_facts_wikidata_lacks(
    sample_store: GraphStore,
) -> None:
    lines = quickstatements(sample_store)
    url = '"https://example.org/reviews/anatomy"'
    assert f'Q116905995\tP161\tQ94882\tP4633\t"Sandra"\tS854\t{url}' in lines
    assert f"Q116905995\tP840\tQ1289\tS854\t{url}" in lines
    assert f"Q116905995\tP921\tQ176773\tS854\t{url}" in lines
    assert f"Q116905995\tP577\t+2023-08-23T00:00:00Z/11\tS854\t{url}" in lines
    assert not [line for line in lines if "\tP57\t" in line]  # Wikidata has it
    assert lines == sorted(set(lines))


def test_describe_counts_triples_entities_classes_and_graphs(
    sample_store: GraphStore,
) -> None:
    from rdflib.namespace import VOID

    d = describe_dataset(sample_store, sparql_endpoint="http://127.0.0.1:7878/query")
    dataset = URIRef("https://w3id.org/reelgraph/dataset")
    distinct = len(union_of(sample_store.quads()))
    assert int(d.value(dataset, VOID.triples)) == distinct
    subsets = set(d.objects(dataset, VOID.subset))
    assert {str(s) for s in subsets} == set(sample_store.named_graphs())
    assert URIRef("http://127.0.0.1:7878/query") in set(
        d.objects(dataset, VOID.sparqlEndpoint)
    )
    movie = URIRef(f"{dataset}/class/schema-Movie")
    assert int(d.value(movie, VOID.entities)) == 2  # Q116905995 and Toni Erdmann


def test_cli_export_to_file_and_stdout(tmp_path: Path, load_sample: Any) -> None:
    store_dir = tmp_path / "kg"
    with GraphStore.open(store_dir) as store:
        load_sample(store)
    runner = CliRunner()
    out = tmp_path / "kg.nt"
    result = runner.invoke(
        cli, ["export", "--store", str(store_dir), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    stdout = runner.invoke(cli, ["export", "--store", str(store_dir), "--format", "nt"])
    assert stdout.exit_code == 0, stdout.output
    assert out.read_bytes() == stdout.stdout_bytes
    described = runner.invoke(cli, ["describe", "--store", str(store_dir)])
    assert described.exit_code == 0, described.output
    assert "void:triples" in described.output


def test_serialize_quads_wants_a_store_for_quickstatements() -> None:
    with pytest.raises(ValueError, match="export_store"):
        serialize_quads([], "wikidata-qs")


def test_wikidata_graph_keyword_resolves() -> None:
    assert resolve_graph("wikidata") == wikidata_graph_iri()
