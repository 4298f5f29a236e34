"""queries/*.rq: headers, self-contained prefixes, and the answers on a known graph.

Every named query runs on the fixture store (``QUERY_FIXTURE_TRIG`` in conftest) with
Oxigraph, and the parameterless ones also with rdflib's engine over the same quads
(default graph = union), which shows they are plain SPARQL 1.1 that another tool runs.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from rdflib import Dataset
from rdflib.plugins.sparql import prepareQuery

from graph.errors import QueryError
from graph.query import NamedQuery, list_queries, run_query

QUERIES = list_queries()
BY_NAME = {q.name: q for q in QUERIES}
ID = "https://w3id.org/reelgraph/id/"


def _values(result: Any, column: str) -> list[str]:
    index = result.variables.index(column)
    return [row[index].value if row[index] is not None else "" for row in result.rows]


def test_there_are_at_least_fifteen_named_queries() -> None:
    assert len(QUERIES) >= 15


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.name)
def test_header_and_name(query: NamedQuery) -> None:
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", query.name)
    lines = query.text.splitlines()
    assert lines[0].startswith("# title: ") and query.title
    assert any(line.startswith("# description: ") for line in lines[:4])
    assert any(line.startswith("# params:") for line in lines[:8])
    assert query.description, query.name


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.name)
def test_declares_every_prefix_it_uses_and_parses_in_rdflib(query: NamedQuery) -> None:
    body = "\n".join(
        line for line in query.text.splitlines() if not line.lstrip().startswith("#")
    )
    declared = set(re.findall(r"^PREFIX\s+(\w*):", body, re.M))
    without_strings = re.sub(r'"[^"\n]*"|<[^>\s]*>', "", body)
    used = set(re.findall(r"(?<![\w?$])([A-Za-z]\w*):\w", without_strings))
    assert used <= declared, f"undeclared prefixes {used - declared}"
    prepareQuery(query.text)  # rdflib's own parser accepts it: no Oxigraph-only syntax


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.name)
def test_params_are_projected_so_engines_can_bind_them(query: NamedQuery) -> None:
    head = query.text.split("WHERE", 1)[0]
    for param in query.params:
        assert f"?{param}" in head or f"?{param} " in query.text, param
        select = re.search(r"SELECT[^{]*", query.text)
        assert select and f"?{param}" in select.group(0), (query.name, param)


CASES = [
    pytest.param(
        "film-cast",
        {"film": "Anatomy of a Fall"},
        "character",
        ["Sandra Voyter", "Vincent"],
        id="film-cast",
    ),
    pytest.param(
        "person-filmography",
        {"person": "Sandra Hüller"},
        "character",
        ["Ines Conradi", "Sandra Voyter"],
        id="person-filmography",
    ),
    pytest.param(
        "person-filmography",
        {"person": "ann critic"},
        "title",
        ["Anatomy of a Fall", "Les Petites Victoires", "Toni Erdmann"],
        id="filmography-of-a-critic",
    ),
    pytest.param(
        "films-by-director",
        {"director": "Justine Triet"},
        "reviews",
        ["2"],
        id="films-by-director",
    ),
    pytest.param(
        "festival-lineup",
        {"festival": "cannes", "year": "2023"},
        "award",
        ["Palme d'Or"],
        id="festival-lineup",
    ),
    pytest.param(
        "festival-editions",
        {"festival": "Cannes"},
        "prizes",
        ["FIPRESCI Prize: Toni Erdmann", "Palme d'Or: Anatomy of a Fall"],
        id="festival-editions",
    ),
    pytest.param(
        "co-stars",
        {"person": "Sandra Hüller"},
        "coStarName",
        ["Peter Simonischek", "Swann Arlaud"],
        id="co-stars",
    ),
    pytest.param(
        "director-actor-collaborations",
        {"director": "Maren Ade"},
        "actorName",
        ["Peter Simonischek", "Sandra Hüller"],
        id="director-actor",
    ),
    pytest.param(
        "films-by-theme",
        {"theme": "marriage"},
        "title",
        ["Anatomy of a Fall"],
        id="films-by-theme",
    ),
    pytest.param(
        "places-as-settings",
        {"place": "gren"},
        "within",
        ["France"],
        id="places-as-settings",
    ),
    pytest.param(
        "reviews-by-critic",
        {"critic": "cine daily"},
        "verdict",
        ["mixed"],
        id="reviews-by-publication",
    ),
    pytest.param(
        "most-reviewed-films",
        {},
        "reviews",
        ["2", "1", "1"],
        id="most-reviewed",
    ),
    pytest.param(
        "unlinked-entities",
        {"kind": "film"},
        "label",
        ["Les Petites Victoires"],
        id="unlinked",
    ),
    pytest.param(
        "wikidata-year-disagreements",
        {},
        "wikidataYears",
        ["2015"],
        id="year-disagreement",
    ),
    pytest.param(
        "wikidata-director-disagreements",
        {},
        "directorName",
        ["Maren Ade"],
        id="director-disagreement",
    ),
    pytest.param(
        "fact-evidence",
        {"subject": "Anatomy of a Fall", "object": "Justine Triet"},
        "sentence",
        [
            "The Palme d'Or went to Anatomy of a Fall, the fourth feature by "
            "Justine Triet."
        ],
        id="fact-evidence",
    ),
    pytest.param(
        "link-decisions",
        {"entity": "Justine Triet"},
        "reasons",
        ["label-exact, occupation-film"],
        id="link-decisions",
    ),
    pytest.param(
        "wikidata-filmography",
        {"person": f"{ID}person/Q900020"},
        "filmTitle",
        ["Toni Erdmann", "Anatomy of a Fall"],
        id="wikidata-filmography",
    ),
    pytest.param(
        "wikidata-co-stars",
        {"person": "Sandra Hüller"},
        "coStar",
        ["Milo Machado Graner", "Peter Simonischek"],
        id="wikidata-co-stars",
    ),
]


@pytest.mark.parametrize(("name", "bindings", "column", "expected"), CASES)
def test_named_query_answers(
    query_store: Any,
    name: str,
    bindings: dict[str, str],
    column: str,
    expected: list[str],
) -> None:
    result = run_query(query_store, name, bindings=bindings)
    values = _values(result, column)
    if name in {"most-reviewed-films", "wikidata-filmography"}:
        assert values == expected  # the order is part of the answer
    else:
        assert sorted(values) == sorted(expected)


def test_every_named_query_is_covered() -> None:
    covered = {case.values[0] for case in CASES}
    extra = {"entity-neighbourhood", "store-overview"}  # tested below
    assert set(BY_NAME) == covered | extra


def test_store_overview_counts(query_store: Any) -> None:
    result = run_query(query_store, "store-overview")
    counts = dict(zip(_values(result, "kind"), _values(result, "count"), strict=True))
    assert counts["films"] == "3" and counts["reviews"] == "3"
    assert counts["named graphs"] == "4"


def test_neighbourhood_of_a_film(query_store: Any) -> None:
    result = run_query(
        query_store, "entity-neighbourhood", bindings={"entity": "Toni Erdmann"}
    )
    film = f"{ID}film/Q900003"
    objects = {t.object.value for t in result.triples if t.subject.value == film}
    assert {f"{ID}person/Q900011", f"{ID}person/Q900020", "Toni Erdmann"} <= objects
    roles = {
        t.object.value for t in result.triples if t.predicate.value.endswith("Name")
    }
    assert "Ines Conradi" in roles  # role nodes come along
    assert not any("evidence" in t.subject.value for t in result.triples)


def test_neighbourhood_needs_its_entity(query_store: Any) -> None:
    assert BY_NAME["entity-neighbourhood"].required == ("entity",)
    with pytest.raises(QueryError, match=r"needs \?entity"):
        run_query(query_store, "entity-neighbourhood")


@pytest.fixture(scope="module")
def rdflib_union(query_fixture_trig: str) -> Dataset:
    dataset = Dataset(default_union=True)
    dataset.parse(data=query_fixture_trig, format="trig")
    return dataset


# GROUP_CONCAT(DISTINCT str(?x)) rather than (DISTINCT ?x): rdflib 7 raises on the
# latter when ?x is unbound in a group, which SPARQL 1.1 defines (the value is skipped).
PORTABLE = [
    "most-reviewed-films",
    "festival-lineup",
    "festival-editions",
    "reviews-by-critic",
    "link-decisions",
    "co-stars",
    "director-actor-collaborations",
    "wikidata-year-disagreements",
    "wikidata-director-disagreements",
    "places-as-settings",
    "film-cast",
    "films-by-theme",
]


@pytest.mark.parametrize("name", PORTABLE)
def test_same_answer_in_rdflib(
    query_store: Any, rdflib_union: Dataset, name: str
) -> None:
    ours = run_query(query_store, name)
    theirs = rdflib_union.query(BY_NAME[name].text)
    first = ours.variables[0]
    expected = sorted(_values(ours, first))
    assert sorted(str(row[first]) for row in theirs) == expected
