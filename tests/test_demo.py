"""The demo end to end: offline, exports written, queries answered, shapes pass."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.cli import cli
from graph.store import GraphStore

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory: pytest.TempPathFactory, wikidata_mirror: Path):  # type: ignore[no-untyped-def]
    home = tmp_path_factory.mktemp("demo")
    env = {
        "REELGRAPH_HOME": str(home),
        "REELGRAPH_WIKIDATA_ENDPOINT": str(wikidata_mirror),
    }
    out = home / "exports"
    result = CliRunner().invoke(cli, ["demo", "--out-dir", str(out)], env=env)
    return home, out, result


def test_demo_succeeds_and_says_where_files_are(demo_run) -> None:  # type: ignore[no-untyped-def]
    _, out, result = demo_run
    assert result.exit_code == 0, result.output
    assert "Ingested 10 sample review(s)" in result.output
    for name in ("graph.ttl", "graph.jsonld", "network.html"):
        assert (out / name).stat().st_size > 0
        assert str(out / name) in result.output


def test_demo_prints_three_query_answers(demo_run) -> None:  # type: ignore[no-untyped-def]
    _, _, result = demo_run
    answers = re.findall(r"^== (.+) \(reelgraph query ([\w-]+)\)$", result.output, re.M)
    assert len(answers) == 3
    counts = [int(n) for n in re.findall(r"^\((\d+) rows?\)$", result.output, re.M)]
    assert len(counts) == 3 and all(n > 0 for n in counts), result.output


def test_demo_links_old_films_to_the_mirror(demo_run) -> None:  # type: ignore[no-untyped-def]
    home, _, _ = demo_run
    with GraphStore.open(home / "store", read_only=True) as store:
        rows = store.query("SELECT ?e WHERE { ?e a schema:Movie ; owl:sameAs ?q }")
        linked_films = {r["e"].value for r in rows}
    # The mirror (late 2018) holds several sample films: La La Land, Amélie, Moonlight.
    assert linked_films, "no sample film was linked to the local Wikidata mirror"


def test_demo_store_conforms_to_shapes(demo_run) -> None:  # type: ignore[no-untyped-def]
    home, _, _ = demo_run
    result = CliRunner().invoke(cli, ["validate", "--store", str(home / "store")])
    assert result.exit_code == 0, result.output


def test_demo_page_loads_nothing_from_the_network(demo_run) -> None:  # type: ignore[no-untyped-def]
    _, out, _ = demo_run
    page = (out / "network.html").read_text(encoding="utf-8")
    assert not re.search(r"""<(script|link)[^>]+(src|href)=["']?https?://""", page)
    assert "<script" in page  # the drawing code is inline
