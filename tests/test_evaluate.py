"""Scoring the extractor against gold files: counts, matching rules, CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.cli import cli
from graph.errors import GraphError
from graph.evaluate import read_gold, score_reviews


def gold_json(**film: object) -> dict[str, object]:
    base = {"title": "Past Lives", "original_title": None, "role": "subject",
            "directors": [], "cast": [], "festivals": [], "themes": [], "places": [],
            "release_date": None}  # fmt: skip
    base.update(film)
    return {"review": {"verdict": "positive"}, "films": [base]}


def scores(
    gold: dict[str, object], pred: dict[str, object]
) -> dict[str, tuple[int, int, int]]:
    report = score_reviews([("r", gold, pred)])
    return {f.name: (f.tp, f.fp, f.fn) for f in report.fields}


def test_names_match_case_and_accent_insensitively() -> None:
    gold = gold_json(directors=[{"name": "Céline Song"}])
    pred = gold_json(directors=[{"name": "CELINE SONG"}])
    assert scores(gold, pred)["directors"] == (1, 0, 0)


def test_original_title_counts_as_the_film() -> None:
    gold = gold_json(title="Anatomy of a Fall", original_title="Anatomie d'une chute")
    pred = gold_json(title="Anatomie d'une chute")
    assert scores(gold, pred)["films_about"] == (1, 0, 0)


def test_mentioned_films_are_not_scored_as_subjects() -> None:
    gold = gold_json()
    pred = {"review": {}, "films": [gold_json()["films"][0] | {"role": "mentioned"}]}  # type: ignore[index, operator]
    assert scores(gold, pred)["films_about"] == (0, 0, 1)


def test_festival_aliases_and_year() -> None:
    gold = gold_json(
        festivals=[{"name": "Berlin International Film Festival", "year": 2024}]
    )
    pred = gold_json(festivals=[{"name": "Berlinale", "year": 2024}])
    wrong = gold_json(festivals=[{"name": "Berlinale", "year": 2023}])
    assert scores(gold, pred)["festival_year"] == (1, 0, 0)
    assert scores(gold, wrong)["festival_year"] == (0, 1, 1)


def test_pairs_and_themes_partial_matching() -> None:
    gold = gold_json(cast=[{"actor": "Greta Lee", "character": "Nora Moon"}],
                     themes=["closure of a village school"])  # fmt: skip
    pred = gold_json(cast=[{"actor": "Greta Lee", "character": "Nora"}],
                     themes=["closure of the school", "love"])  # fmt: skip
    got = scores(gold, pred)
    assert got["pairs"] == (1, 0, 0)
    assert got["themes"] == (1, 1, 0)


def test_macro_f1_is_the_mean_of_core_fields() -> None:
    gold = gold_json(directors=[{"name": "Céline Song"}])
    report = score_reviews([("r", gold, gold_json())])
    f1 = {f.name: f.f1 for f in report.fields}
    assert f1["directors"] == 0.0 and f1["films_about"] == 1.0
    assert report.macro_f1 == pytest.approx(0.8)


def test_bad_gold_line_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(
        '{"id": "a", "text": "x", "gold": {}}\n{"id": "b"}\n', encoding="utf-8"
    )
    with pytest.raises(GraphError, match=r"gold.jsonl:2"):
        read_gold(path)


@pytest.mark.slow
def test_cli_evaluate_on_the_seed_gold(tmp_path: Path, seed_path: Path) -> None:
    gold_file = Path(__file__).parent / "data" / "eval" / "seed.gold.json"
    gold = json.loads(gold_file.read_text(encoding="utf-8"))["gold"]
    text = seed_path.read_text(encoding="utf-8")
    line = tmp_path / "seed.jsonl"
    line.write_text(
        json.dumps({"id": "seed", "text": text, "gold": gold}) + "\n", encoding="utf-8"
    )
    result = CliRunner().invoke(cli, ["evaluate", str(line), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["macro_f1"] == 1.0
    assert data["fields"]["cast"]["tp"] == 7


@pytest.mark.slow
def test_cli_evaluate_pools_several_gold_files(tmp_path: Path, seed_path: Path) -> None:
    gold_file = Path(__file__).parent / "data" / "eval" / "seed.gold.json"
    gold = json.loads(gold_file.read_text(encoding="utf-8"))["gold"]
    text = seed_path.read_text(encoding="utf-8")
    files = []
    for name in ("a", "b"):
        path = tmp_path / f"{name}.jsonl"
        row = {"id": f"seed-{name}", "text": text, "gold": gold}
        path.write_text(json.dumps(row) + "\n", encoding="utf-8")
        files.append(str(path))
    result = CliRunner().invoke(cli, ["evaluate", *files, "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["reviews"] == 2
    assert data["fields"]["cast"]["tp"] == 14


def test_cli_evaluate_needs_a_gold_file() -> None:
    result = CliRunner().invoke(cli, ["evaluate"])
    assert result.exit_code == 2
    assert "GOLD" in result.output


def test_issue_3_empty_gold_file_is_an_error_not_a_perfect_score(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from graph.errors import GraphError
    from graph.evaluate import read_gold

    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n", encoding="utf-8")
    with pytest.raises(GraphError, match="holds no gold reviews"):
        read_gold(empty)
