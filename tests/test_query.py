"""graph/query.py and ``reelgraph query``: loading, binding, errors, formats."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic

from graph.cli import cli
from graph.errors import QueryError
from graph.query import (
    NamedQuery,
    error_position,
    list_queries,
    load_query,
    parse_header,
    parse_value,
    run_query,
)
from graph.query_format import display_width, format_result

BASE = "https://w3id.org/reelgraph/id/"


def _column(result: Any, name: str) -> list[str]:
    index = result.variables.index(name)
    return [row[index].value for row in result.rows if row[index] is not None]


def test_parse_header_joins_continuation_lines() -> None:
    text = "# title: T\n# description: one\n#   two\n# params: ?a $b\nSELECT * {}"
    assert parse_header(text) == ("T", "one two", ("a", "b"))


def test_load_query_by_name_path_and_text(tmp_path: Path) -> None:
    by_name = load_query("film-cast")
    assert by_name.name == "film-cast" and by_name.params == ("film",)
    assert load_query(str(by_name.path)).text == by_name.text
    inline = load_query("ASK { ?s ?p ?o }")
    assert inline.path is None and inline.name == "query"


def test_unknown_query_lists_the_available_names() -> None:
    with pytest.raises(QueryError) as info:
        load_query("cast")
    message = str(info.value)
    assert "Unknown query 'cast'" in message
    assert "film-cast" in message and "festival-lineup" in message


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("<urn:x:1>", ox.NamedNode("urn:x:1"), id="angle-iri"),
        pytest.param(f"{BASE}film/x", ox.NamedNode(f"{BASE}film/x"), id="http-iri"),
        pytest.param("Anatomy of a Fall", ox.Literal("Anatomy of a Fall"), id="text"),
        pytest.param("2023", ox.Literal("2023"), id="number-stays-text"),
        pytest.param("http://a b", ox.Literal("http://a b"), id="not-an-iri"),
    ],
)
def test_parse_value(value: str, expected: Any) -> None:
    assert parse_value(value) == expected


def test_bindings_select_by_title_case_insensitively(query_store: Any) -> None:
    result = run_query(query_store, "film-cast", bindings={"film": "ANATOMY OF A FALL"})
    assert sorted(_column(result, "character")) == ["Sandra Voyter", "Vincent"]
    assert set(_column(result, "title")) == {"Anatomy of a Fall"}


def test_bindings_accept_an_iri(query_store: Any) -> None:
    iri = f"<{BASE}film/les-petites-victoires-2023>"
    result = run_query(query_store, "film-cast", bindings={"film": iri})
    assert sorted(_column(result, "actorName")) == ["Julia Piaton", "Michel Blanc"]


def test_binding_is_never_pasted_into_the_text(query_store: Any) -> None:
    hostile = 'x")) } } UNION { ?movie ?p ?o } #'
    result = run_query(query_store, "film-cast", bindings={"film": hostile})
    assert result.rows == []


def test_unknown_parameter_names_the_declared_ones(query_store: Any) -> None:
    with pytest.raises(QueryError, match=r"no parameter \?title.*\?film"):
        run_query(query_store, "film-cast", bindings={"title": "x"})


def test_syntax_error_reports_line_and_column(query_store: Any) -> None:
    with pytest.raises(QueryError) as info:
        run_query(query_store, "SELECT * WHERE {\n  ?s ?p }")
    assert "line 2, column" in str(info.value)
    assert error_position(str(info.value)) is not None


def test_parameter_must_be_projected_with_a_clear_message(query_store: Any) -> None:
    query = NamedQuery("q", "q", "", ("x",), None, "SELECT ?s WHERE { ?s ?p ?x }")
    with pytest.raises(QueryError, match="sub-SELECT"):
        run_query(query_store, query, bindings={"x": "a"})


def test_max_results_truncates(query_store: Any) -> None:
    result = run_query(query_store, "SELECT ?s WHERE { ?s ?p ?o }", max_results=3)
    assert len(result.rows) == 3 and result.truncated


def test_select_formats_round_trip_through_a_results_parser(query_store: Any) -> None:
    result = run_query(query_store, "film-cast", bindings={"film": "Toni Erdmann"})
    expected = {(r[0].value, r[1].value) for r in result.rows}
    for fmt, parser in [
        ("json", ox.QueryResultsFormat.JSON),
        ("xml", ox.QueryResultsFormat.XML),
        ("tsv", ox.QueryResultsFormat.TSV),
    ]:
        text = format_result(result, fmt)
        parsed = ox.parse_query_results(text.encode(), format=parser)
        rows = {(s["title"].value, s["actorName"].value) for s in parsed}
        assert rows == expected, fmt


def test_csv_and_table_are_plain(query_store: Any) -> None:
    result = run_query(query_store, "most-reviewed-films")
    csv_text = format_result(result, "csv")
    assert csv_text.splitlines()[0] == "title,year,reviews,mentions,verdicts,movie"
    assert "Anatomy of a Fall,2023,2,0," in csv_text
    table = format_result(result, "table")
    lines = table.splitlines()
    assert lines[0].split() == [
        "title",
        "year",
        "reviews",
        "mentions",
        "verdicts",
        "movie",
    ]
    assert lines[-1] == "(3 rows)"
    assert lines[2].index("2023") == lines[0].index("year")  # aligned columns


def test_ask_formats(query_store: Any) -> None:
    yes = run_query(query_store, "ASK { ?f a <https://schema.org/Movie> }")
    no = run_query(query_store, "ASK { ?f a <https://schema.org/Nothing> }")
    assert (yes.boolean, no.boolean) == (True, False)
    assert format_result(yes) == "true\n"
    assert json.loads(format_result(no, "json")) == {"head": {}, "boolean": False}


def test_construct_formats_agree(query_store: Any) -> None:
    result = run_query(
        query_store, "entity-neighbourhood", bindings={"entity": "Justine Triet"}
    )
    assert result.kind == "graph" and result.triples
    graphs = {}
    for fmt, rdflib_format in [
        ("turtle", "turtle"),
        ("ntriples", "nt"),
        ("jsonld", "json-ld"),
        ("rdfxml", "xml"),
    ]:
        graphs[fmt] = Graph().parse(
            data=format_result(result, fmt), format=rdflib_format
        )
    for fmt, graph in graphs.items():
        same = isomorphic(graph, graphs["ntriples"])
        assert same, (
            fmt,
            [sorted(g) for g in graph_diff(graph, graphs["ntriples"])[1:]],
        )
    with pytest.raises(QueryError, match="turtle"):
        format_result(result, "csv")


def test_list_queries_are_sorted_and_complete() -> None:
    names = [q.name for q in list_queries()]
    assert names == sorted(names) and len(names) >= 15


# --- command line ---------------------------------------------------------------------


def _invoke(args: list[str], store: Path) -> Any:
    return CliRunner().invoke(cli, [*args, "--store", str(store)])


def test_cli_list_shows_names_and_descriptions() -> None:
    result = CliRunner().invoke(cli, ["query", "--list"])
    assert result.exit_code == 0, result.output
    assert (
        "festival-lineup" in result.output
        and "params: ?festival ?year" in result.output
    )


def test_cli_runs_a_named_query_with_parameters(query_store_path: Path) -> None:
    args = [
        "query",
        "festival-lineup",
        "-p",
        "festival",
        "cannes",
        "-p",
        "year",
        "2016",
    ]
    result = _invoke([*args, "--format", "csv"], query_store_path)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert len(lines) == 2 and lines[1].startswith(
        "Cannes Film Festival,2016,Toni Erdmann"
    )


def test_cli_ask_exit_status(query_store_path: Path) -> None:
    yes = _invoke(
        ["query", "ASK { ?s a <https://schema.org/Movie> }"], query_store_path
    )
    no = _invoke(["query", "ASK { ?s a <https://schema.org/None> }"], query_store_path)
    assert (yes.exit_code, yes.output) == (0, "true\n")
    assert (no.exit_code, no.output) == (1, "false\n")


def test_cli_construct_prints_turtle(query_store_path: Path) -> None:
    args = ["query", "entity-neighbourhood", "-p", "entity", "Maren Ade"]
    result = _invoke(args, query_store_path)
    assert result.exit_code == 0, result.output
    graph = Graph().parse(data=result.output, format="turtle")
    names = {str(o) for o in graph.objects() if str(o) in {"Maren Ade", "Toni Erdmann"}}
    assert names == {"Maren Ade", "Toni Erdmann"}


def test_cli_unknown_query_fails_with_the_list(query_store_path: Path) -> None:
    result = _invoke(["query", "filmcast"], query_store_path)
    assert result.exit_code != 0
    assert isinstance(result.exception, QueryError)
    assert "film-cast" in str(result.exception)


def test_cli_query_help_has_an_example() -> None:
    result = CliRunner().invoke(cli, ["query", "--help"])
    assert result.exit_code == 0 and "Example:" in result.output


def test_issue_5_syntax_errors_are_readable(query_store: Any) -> None:
    with pytest.raises(QueryError) as info:
        run_query(query_store, "SELECT * WHERE { ?s foo:bar ?o }")
    message = str(info.value)
    assert "unknown prefix" in message and "\\u{" not in message
    with pytest.raises(QueryError, match="ends too early"):
        run_query(query_store, "SELECT ?s WHERE { ?s ?p ?o ")


def test_issue_5_updates_are_refused_before_running(query_store: Any) -> None:
    with pytest.raises(QueryError, match="SPARQL Update"):
        run_query(query_store, "INSERT DATA { <http://a> <http://b> <http://c> }")
    assert not run_query(query_store, "ASK { <http://a> ?p ?o }").boolean


def test_issue_5_table_aligns_wide_characters_and_tabs(query_store: Any) -> None:
    result = run_query(
        query_store,
        'SELECT ?a ?b WHERE { VALUES (?a ?b) { ("기생충" 1) ("x\\ty" 2) } }',
    )
    lines = format_result(result, "table").splitlines()
    # The second column starts at the same terminal column on every row.
    starts = {display_width(line[: line.rindex(" ") + 1]) for line in lines[2:4]}
    assert len(starts) == 1
    assert "\t" not in "".join(lines)
