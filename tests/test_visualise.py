"""Tests of graph.visualise: views from a real Oxigraph store, pages, GraphML/GEXF."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.cli import cli
from graph.cli_explore import VIZ_VIEWS
from graph.errors import ExportError, QueryError
from graph.visualise import (
    VIEWS,
    build_network,
    render_html,
    summarise_network,
    write_network,
)

ID = "https://w3id.org/reelgraph/id/"
ANATOMY = ID + "film/Q116232425"
SANDRA = ID + "person/sandra-hüller"


def labels(graph: nx.Graph) -> set[str]:
    return {data["label"] for _n, data in graph.nodes(data=True)}


def page_data(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    found = re.search(
        r'<script type="application/json" id="rg-data">(.*?)</script>', text
    )
    assert found, "the page has no data block"
    data: dict[str, Any] = json.loads(found.group(1))
    return data


# --- views ----------------------------------------------------------------------------


def test_cli_view_choices_match_library() -> None:
    assert tuple(VIEWS) == VIZ_VIEWS


def test_films_people_is_bipartite_with_character_labels(viz_store: Any) -> None:
    graph = build_network(viz_store, view="films-people")
    films = {n for n, d in graph.nodes(data=True) if d["kind"] == "film"}
    assert nx.is_bipartite(graph)
    assert all((u in films) != (v in films) for u, v in graph.edges)
    edge = graph.edges[SANDRA, ANATOMY]
    assert edge["relation"] == "acted in"
    assert edge["label"] == "acted in (as Sandra)"
    assert graph.nodes[ANATOMY]["wikidata"] == "Q116232425"
    assert "year: 2023" in graph.nodes[ANATOMY]["details"]


def test_director_edge_carries_review_and_sentence(viz_store: Any) -> None:
    graph = build_network(viz_store)
    (line,) = graph.edges[ID + "person/justine-triet", ANATOMY]["provenance"]
    assert line.startswith("Review of Anatomy of a Fall: ")
    assert "“Anatomy of a Fall is directed by Justine Triet.”" in line
    assert "director.by@1" in line and "0.9" in line


def test_person_who_directs_and_acts_has_both_kind(viz_store: Any) -> None:
    graph = build_network(viz_store)
    assert graph.nodes[ID + "person/justine-triet"]["kind"] == "person"
    assert graph.nodes[SANDRA]["kind"] == "actor"
    assert graph.nodes[ID + "person/maren-ade"]["kind"] == "director"


def test_role_filter_keeps_one_kind_of_credit(viz_store: Any) -> None:
    graph = build_network(viz_store, role="director")
    assert {d["relation"] for _u, _v, d in graph.edges(data=True)} == {"directed"}
    assert SANDRA not in graph


def test_co_cast_links_actors_of_a_film(viz_store: Any) -> None:
    graph = build_network(viz_store, view="co-cast")
    assert {d["kind"] for _n, d in graph.nodes(data=True)} == {"actor"}
    edge = graph.edges[SANDRA, ID + "person/swann-arlaud"]
    assert edge["weight"] == 1
    assert edge["provenance"] == ("film: Anatomy of a Fall",)
    assert graph.has_edge(SANDRA, ID + "person/peter-simonischek")


def test_director_actor_collaborations(viz_store: Any) -> None:
    graph = build_network(viz_store, view="director-actor")
    assert graph.edges[ID + "person/maren-ade", SANDRA]["label"] == "directed (1 film)"
    assert graph.has_edge(ID + "person/justine-triet", SANDRA)
    assert not graph.has_edge(SANDRA, ID + "person/swann-arlaud")


def test_festivals_view_has_editions_sections_and_awards(viz_store: Any) -> None:
    graph = build_network(viz_store, view="festivals")
    cannes, edition = ID + "festival/Q42369", ID + "edition/cannes-2023"
    assert graph.nodes[cannes]["kind"] == "festival"
    assert graph.nodes[edition]["kind"] == "edition"
    assert graph.edges[edition, cannes]["relation"] == "edition of"
    won = graph.edges[ANATOMY, edition]
    assert won["relation"] == "won"
    assert won["label"] == "selected (competition; Palme d'Or)"
    assert (
        graph.edges[ID + "film/perfect", edition]["label"] == "selected (competition)"
    )
    assert graph.has_edge(ID + "film/evil", ID + "festival/berlinale")


@pytest.mark.parametrize(
    ("view", "subject", "kind"),
    [
        pytest.param("themes", ID + "theme/grief", "theme", id="themes"),
        pytest.param("places", ID + "place/grenoble", "place", id="places"),
    ],
)
def test_subject_views(viz_store: Any, view: str, subject: str, kind: str) -> None:
    graph = build_network(viz_store, view=view)
    assert graph.nodes[subject]["kind"] == kind
    assert ANATOMY in graph[subject]


def test_theme_shared_by_two_films(viz_store: Any) -> None:
    graph = build_network(viz_store, view="themes")
    assert set(graph[ID + "theme/grief"]) == {ANATOMY, ID + "film/erdmann"}


# --- filters and focus ----------------------------------------------------------------


def test_year_filter(viz_store: Any) -> None:
    graph = build_network(viz_store, year=2016)
    assert labels(graph) == {
        "Toni Erdmann",
        "Maren Ade",
        "Sandra Hüller",
        "Peter Simonischek",
    }


def test_festival_and_year_filters_combine(viz_store: Any) -> None:
    graph = build_network(viz_store, view="festivals", festival="cannes", year="2023")
    assert labels(graph) == {
        "Anatomy of a Fall",
        "Perfect Days",
        "Cannes Film Festival 2023",
        "Cannes Film Festival",
    }


def test_unknown_festival_lists_known_ones(viz_store: Any) -> None:
    with pytest.raises(QueryError, match="Available: .*Berlin International Film"):
        build_network(viz_store, festival="Venice")


@pytest.mark.parametrize(
    "focus",
    [
        pytest.param("Sandra Hüller", id="label"),
        pytest.param("sandra hüller", id="label-case"),
        pytest.param(SANDRA, id="iri"),
        pytest.param("Hüller", id="unique-part"),
    ],
)
def test_focus_ego_network(viz_store: Any, focus: str) -> None:
    graph = build_network(viz_store, focus=focus, depth=1)
    assert labels(graph) == {"Sandra Hüller", "Anatomy of a Fall", "Toni Erdmann"}
    assert graph.nodes[SANDRA]["focus"] is True


def test_focus_by_qid_and_depth(viz_store: Any) -> None:
    near = labels(build_network(viz_store, focus="Q116232425", depth=1))
    assert "Sandra Hüller" in near and "Toni Erdmann" not in near
    assert "Toni Erdmann" in labels(
        build_network(viz_store, focus="Q116232425", depth=2)
    )
    assert build_network(viz_store, focus="Q116232425", depth=0).number_of_nodes() == 1


def test_focus_not_found_suggests(viz_store: Any) -> None:
    with pytest.raises(QueryError, match="Did you mean: Sandra Hüller"):
        build_network(viz_store, focus="Sandra Hüler")


def test_focus_ambiguous_lists_candidates(viz_store: Any) -> None:
    with pytest.raises(QueryError, match=r"matches \d+ nodes: .*Maren Ade"):
        build_network(viz_store, focus="ma")


def test_invalid_choices(viz_store: Any) -> None:
    with pytest.raises(ValueError, match="Available: films-people"):
        build_network(viz_store, view="cast")
    with pytest.raises(QueryError, match="films-people view only"):
        build_network(viz_store, view="co-cast", role="actor")


# --- HTML -----------------------------------------------------------------------------


def test_page_is_self_contained(viz_store: Any, tmp_path: Path) -> None:
    out = render_html(build_network(viz_store), tmp_path / "net.html")
    text = out.read_text(encoding="utf-8")
    markup = re.sub(r"<(script|style)\b[^>]*>.*?</\1>", "", text, flags=re.S)
    assert re.search(r"<(link|iframe|img|object)\b", markup, re.I) is None
    assert re.search(r"\b(src|href)\s*=", markup, re.I) is None
    assert "@import" not in text and "bootstrap" not in text.lower()
    assert "new vis.Network(" in text and "vis-network" in text
    assert "default-src &#x27;none&#x27;" in text
    assert text.lower().count("</script") == 3
    assert oct(out.stat().st_mode & 0o777) == oct(0o644)


def test_titles_and_labels_are_escaped(
    viz_store: Any, viz_evil_title: str, tmp_path: Path
) -> None:
    title = "<script>alert(1)</script> <a href='x'>t</a>"
    out = render_html(build_network(viz_store), tmp_path / "net.html", title=title)
    text = out.read_text(encoding="utf-8")
    assert "<script>alert(1)" not in text
    assert viz_evil_title not in text
    assert 'href="https://evil.example/"' not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &lt;a href=&#x27;x&#x27;&gt;" in text
    data = page_data(out)
    evil = [n for n in data["nodes"] if n["label"].startswith("<script>")]
    assert evil[0]["label"] == viz_evil_title[:59] + "…"
    assert evil[0]["title"].splitlines()[0] == viz_evil_title


def test_tooltips_carry_provenance(viz_store: Any, tmp_path: Path) -> None:
    data = page_data(render_html(build_network(viz_store), tmp_path / "net.html"))
    titles = [e["title"] for e in data["edges"]]
    assert any("“Anatomy of a Fall is directed by Justine Triet.”" in t for t in titles)
    assert any(t.startswith("acted in (as Sandra)") for t in titles)


def test_size_follows_degree(viz_store: Any, tmp_path: Path) -> None:
    data = page_data(render_html(build_network(viz_store), tmp_path / "net.html"))
    size = {n["label"]: n["size"] for n in data["nodes"]}
    assert size["Anatomy of a Fall"] > size["Perfect Days"] > 0


def test_small_page_has_physics_and_edge_labels(viz_store: Any, tmp_path: Path) -> None:
    data = page_data(render_html(build_network(viz_store), tmp_path / "net.html"))
    assert data["physics"] is True and data["options"]["physics"]["enabled"] is True
    assert all("label" in e for e in data["edges"])


def test_large_page_is_laid_out_without_physics(
    viz_film_network: Any, tmp_path: Path
) -> None:
    graph = viz_film_network(200)
    assert len(graph) > 300
    data = page_data(render_html(graph, tmp_path / "big.html"))
    assert data["options"]["physics"] == {"enabled": False}
    assert len(data["nodes"]) == len(graph)
    positions = {(n["x"], n["y"]) for n in data["nodes"]}
    assert len(positions) == len(graph)
    assert data["communityCount"] > 1
    assert not any("label" in e for e in data["edges"])


def test_above_cap_a_summary_and_a_notice(
    viz_film_network: Any, tmp_path: Path
) -> None:
    graph = viz_film_network(40)
    out = render_html(graph, tmp_path / "cap.html", max_nodes=50, summary_nodes=30)
    data = page_data(out)
    assert len(data["nodes"]) == 30
    text = out.read_text(encoding="utf-8")
    assert f"This network has {len(graph):,} nodes" in text
    assert "Showing the 30 best-connected nodes" in text


def test_summary_keeps_highest_degree_nodes(viz_film_network: Any) -> None:
    graph = viz_film_network(40)
    summary = summarise_network(graph, keep=10)
    cutoff = min(d for _n, d in graph.degree(summary.nodes))
    assert len(summary) == 10
    assert all(d <= cutoff for n, d in graph.degree() if n not in summary)


def test_empty_graph_renders(tmp_path: Path) -> None:
    out = render_html(nx.Graph(), tmp_path / "empty.html")
    data = page_data(out)
    assert data["nodes"] == [] and data["edges"] == []
    assert "Nothing to draw: this view has no nodes." in out.read_text(encoding="utf-8")


def test_failed_write_leaves_no_temporary_file(viz_store: Any, tmp_path: Path) -> None:
    target = tmp_path / "taken"
    target.mkdir()
    with pytest.raises(ExportError, match="Cannot write"):
        render_html(build_network(viz_store), target)
    assert target.is_dir()
    assert list(tmp_path.iterdir()) == [target]


# --- GraphML / GEXF -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "read"),
    [
        pytest.param("graphml", nx.read_graphml, id="graphml"),
        pytest.param("gexf", nx.read_gexf, id="gexf"),
    ],
)
def test_network_files_parse_back(
    viz_store: Any, viz_evil_title: str, tmp_path: Path, fmt: str, read: Any
) -> None:
    graph = build_network(viz_store)
    back = read(write_network(graph, tmp_path / f"net.{fmt}", fmt=fmt))
    assert set(back.nodes) == set(graph.nodes)
    assert back.number_of_edges() == graph.number_of_edges()
    assert back.nodes[ID + "film/evil"]["label"] == viz_evil_title
    assert back.nodes[ID + "person/baddirector"]["label"] == "BadDirector"
    provenance = back.edges[ID + "person/justine-triet", ANATOMY]["provenance"]
    assert "directed by Justine Triet" in provenance


def test_control_characters_do_not_break_xml(tmp_path: Path) -> None:
    graph = nx.Graph()
    graph.add_edge("a\x00", "b", label="x\x01y\x1f", provenance=("s\x0bt", "u"))
    back = nx.read_graphml(write_network(graph, tmp_path / "c.graphml", fmt="graphml"))
    assert back.edges["a", "b"] == {"label": "xy", "provenance": "st; u"}


# --- command line ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "marker"),
    [
        pytest.param("net.html", "new vis.Network(", id="html"),
        pytest.param("net.graphml", "<graphml", id="graphml"),
        pytest.param("net.gexf", "<gexf", id="gexf"),
    ],
)
def test_cli_viz_writes_by_extension(
    viz_store: Any, tmp_path: Path, name: str, marker: str
) -> None:
    out = tmp_path / name
    args = ["viz", "--store", str(viz_store.path), "--out", str(out)]
    result = CliRunner().invoke(
        cli, [*args, "--view", "co-cast", "--focus", "Sandra Hüller"]
    )
    assert result.exit_code == 0, result.output
    assert marker in out.read_text(encoding="utf-8")
    assert f"Wrote {out}" in result.output


def test_cli_viz_reports_unknown_focus(viz_store: Any, tmp_path: Path) -> None:
    args = ["viz", "--store", str(viz_store.path), "--out", str(tmp_path / "x.html")]
    result = CliRunner().invoke(cli, [*args, "--focus", "Nobody At All"])
    assert result.exit_code != 0
    assert isinstance(result.exception, QueryError)
    assert not (tmp_path / "x.html").exists()


@settings(max_examples=25, deadline=None)
@given(label=st.text(min_size=1, max_size=40).map(lambda t: f"<{t}</script>"))
def test_any_label_stays_inside_the_data_block(
    label: str, tmp_path_factory: Any
) -> None:
    graph = nx.Graph()
    graph.add_edge("https://example.org/a", "https://example.org/b", label=label)
    graph.nodes["https://example.org/a"].update(label=label, kind="film")
    out = render_html(graph, tmp_path_factory.mktemp("prop") / "p.html", title=label)
    text = out.read_text(encoding="utf-8")
    assert text.lower().count("</script") == 3
    data = page_data(out)
    node = next(n for n in data["nodes"] if n["title"].startswith(label))
    assert node["title"].splitlines()[0] == label.splitlines()[0]
    assert data["edges"][0]["title"].startswith(label.splitlines()[0])
