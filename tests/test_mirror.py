"""Tests of graph.mirror: bulk load into a folder, label index, in-process SPARQL."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from graph.errors import WikidataError
from graph.mirror import Mirror, fold_label, is_mirror, load_mirror, normalise_label
from graph.wikidata import WikidataClient

SMALL_TTL = """\
@prefix wd: <http://www.wikidata.org/entity/> .
@prefix wdt: <http://www.wikidata.org/prop/direct/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
wd:Q484048 rdfs:label "Amélie"@en ; skos:altLabel "Le Fabuleux Destin d'Amélie Poulain"@en ;
    wdt:P31 wd:Q11424 ; wdt:P57 wd:Q217324 .
wd:Q217324 rdfs:label "Jean-Pierre Jeunet"@en .
"""


@pytest.fixture
def small_mirror(tmp_path: Path) -> Path:
    source = tmp_path / "small.ttl.gz"
    with gzip.open(source, "wt", encoding="utf-8") as out:
        out.write(SMALL_TTL)
    mirror = tmp_path / "mirror"
    report = load_mirror([source], mirror=mirror)
    assert report.triples == 5
    assert report.labels == 3
    return mirror


def test_load_writes_manifest_and_index(small_mirror: Path) -> None:
    assert is_mirror(small_mirror)
    manifest = json.loads((small_mirror / "reelgraph-mirror.json").read_text())
    assert manifest["triples"] == 5
    found = Mirror(small_mirror).lookup_labels(
        {"amelie", "fabuleux destin d amelie poulain"}
    )
    assert found == {
        "amelie": ["Amélie"],
        "fabuleux destin d amelie poulain": ["Le Fabuleux Destin d'Amélie Poulain"],
    }


def test_mirror_answers_same_sparql_as_wdqs(small_mirror: Path, tmp_path: Path) -> None:
    client = WikidataClient(str(small_mirror), cache_dir=tmp_path / "cache")
    rows = client.select(
        "PREFIX wd: <http://www.wikidata.org/entity/>\n"
        "PREFIX wdt: <http://www.wikidata.org/prop/direct/>\n"
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        "SELECT ?d ?name WHERE { wd:Q484048 wdt:P57 ?d . ?d rdfs:label ?name }"
    )
    assert rows == [
        {
            "d": {"type": "uri", "value": "http://www.wikidata.org/entity/Q217324"},
            "name": {
                "type": "literal",
                "value": "Jean-Pierre Jeunet",
                "xml:lang": "en",
            },
        }
    ]
    assert client.stats.requests == 1


def test_load_rejects_unknown_format(tmp_path: Path) -> None:
    bad = tmp_path / "data.csv"
    bad.write_text("a,b\n")
    with pytest.raises(WikidataError, match="unknown RDF format"):
        load_mirror([bad], mirror=tmp_path / "m")


def test_load_reports_syntax_errors_with_file(tmp_path: Path) -> None:
    bad = tmp_path / "broken.nt"
    bad.write_text("<http://a> <http://b> .\n")
    with pytest.raises(WikidataError, match="broken.nt"):
        load_mirror([bad], mirror=tmp_path / "m")


def test_not_a_mirror_names_the_fix(tmp_path: Path) -> None:
    with pytest.raises(WikidataError, match="reelgraph wikidata mirror load"):
        Mirror(tmp_path)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        pytest.param("The Piano", "piano", id="article"),
        pytest.param("Les Petites Victoires", "petites victoires", id="french-article"),
        pytest.param("AMÉLIE", "amelie", id="case-accent"),
        pytest.param("Alpe d’Huez", "alpe d huez", id="curly-apostrophe"),
        pytest.param("The", "the", id="lone-article-kept"),
    ],
)
def test_normalise_label(text: str, key: str) -> None:
    assert normalise_label(text) == key


def test_fold_keeps_articles() -> None:
    assert fold_label("The Piano!") == "the piano"


@pytest.mark.slow
def test_shared_mirror_has_seed_person(wikidata_mirror: Path) -> None:
    mirror = Mirror(wikidata_mirror)
    assert mirror.lookup_labels({"michel blanc"}) == {"michel blanc": ["Michel Blanc"]}
    manifest = json.loads((wikidata_mirror / "reelgraph-mirror.json").read_text())
    assert manifest["triples"] == 1_943_014


def test_cli_mirror_load(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from graph.cli import cli

    source = tmp_path / "small.ttl"
    source.write_text(SMALL_TTL, encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        ["wikidata", "mirror", "load", str(source), "--mirror", str(tmp_path / "m")],
    )
    assert result.exit_code == 0, result.output
    assert "5 triples, 3 labels indexed" in result.output
    assert is_mirror(tmp_path / "m")


BROKEN_TTL = SMALL_TTL + "wd:Q1 rdfs:label <unterminated .\n"


def test_failed_load_leaves_no_mirror_behind(tmp_path: Path) -> None:
    source = tmp_path / "broken.ttl"
    source.write_text(BROKEN_TTL, encoding="utf-8")
    with pytest.raises(WikidataError, match=r"broken\.ttl"):
        load_mirror([source], mirror=tmp_path / "m")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.ttl"]


def test_failed_load_into_existing_mirror_changes_nothing(
    small_mirror: Path, tmp_path: Path
) -> None:
    source = tmp_path / "broken.ttl"
    source.write_text(
        BROKEN_TTL.replace("Q484048", "Q999").replace("Q217324", "Q998"),
        encoding="utf-8",
    )
    with pytest.raises(WikidataError, match="unchanged"):
        load_mirror([source], mirror=small_mirror)
    mirror = Mirror(small_mirror)
    try:
        assert mirror.lookup_labels({"amelie"}) == {"amelie": ["Amélie"]}
        body = json.loads(mirror.select_json("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"))
        assert body["results"]["bindings"][0]["n"]["value"] == "5"
    finally:
        mirror.close()


def test_adding_to_a_mirror_keeps_earlier_files(
    small_mirror: Path, tmp_path: Path
) -> None:
    extra = tmp_path / "extra.ttl"
    extra.write_text(
        "@prefix wd: <http://www.wikidata.org/entity/> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        'wd:Q1 rdfs:label "Universe"@en .\n',
        encoding="utf-8",
    )
    report = load_mirror([extra], mirror=small_mirror)
    assert report.triples == 6
    manifest = json.loads((small_mirror / "reelgraph-mirror.json").read_text())
    assert [Path(f).name for f in manifest["files"]] == ["small.ttl.gz", "extra.ttl"]


def test_folder_with_other_content_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "todo.txt").write_text("keep me", encoding="utf-8")
    source = tmp_path / "small.ttl"
    source.write_text(SMALL_TTL, encoding="utf-8")
    with pytest.raises(WikidataError, match="not a mirror"):
        load_mirror([source], mirror=folder)
    assert [p.name for p in folder.iterdir()] == ["todo.txt"]


def test_empty_folder_becomes_a_mirror(tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    source = tmp_path / "small.ttl"
    source.write_text(SMALL_TTL, encoding="utf-8")
    assert load_mirror([source], mirror=folder).triples == 5
    assert is_mirror(folder)
