"""Consistency checks for the hand-written evaluation data and the demo samples.

The gold files in ``tests/data/eval/`` are what the extractor is scored against, so a
typo in them silently moves every score. These tests check that each file parses, has
the agreed shape (the JSON printed by ``reelgraph extract --format json``), that every
name the gold lists really occurs in its text, and that the set covers the styles the
extraction issue asks for. They also check the sample reviews shipped for
``reelgraph demo``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "tests" / "data" / "eval"
SAMPLES = ROOT / "graph" / "samples"
GOLD_FILES = ("dev.jsonl", "holdout.jsonl", "dev2.jsonl")
SAMPLE_GOLD = "samples.jsonl"
BLIND_GOLD = "blind.jsonl"
BLIND2_GOLD = "blind2.jsonl"
BLIND3_GOLD = "blind3.jsonl"
BLIND4_GOLD = "blind4.jsonl"
BLIND5_GOLD = "blind5.jsonl"
BLIND6_GOLD = "blind6.jsonl"
BLIND7_GOLD = "blind7.jsonl"
BLIND8_GOLD = "blind8.jsonl"
"""Blind sets: checked for shape and ids only, kept out of the coverage counts."""
DEV3_GOLD = "dev3.jsonl"
"""An open tuning and training set: checked for shape and ids only, like the blind sets."""
DEV4_GOLD = "dev4.jsonl"
"""Another open tuning and training set, written like a sealed one: shape and ids only."""
DEV5_GOLD = "dev5.jsonl"
"""An open tuning and training set, first scored as unseen: checked for shape and ids only."""

FESTIVALS = {
    "Alpe d'Huez International Comedy Film Festival",
    "Annecy International Animation Film Festival",
    "Berlin International Film Festival",
    "Cannes Film Festival",
    "Locarno Film Festival",
    "Sundance Film Festival",
    "Telluride Film Festival",
    "Toronto International Film Festival",
    "Venice Film Festival",
}
REVIEW_KEYS = {"critic", "publication", "date", "language", "verdict"}
FILM_KEYS = {
    "title",
    "original_title",
    "year",
    "role",
    "wikidata",
    "directors",
    "cast",
    "festivals",
    "release_date",
    "themes",
    "places",
}
FESTIVAL_KEYS = {"name", "year", "section", "award", "wikidata"}


def normalise(text: str) -> str:
    """Fold case, accents, typographic apostrophes and runs of whitespace."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", stripped).casefold()


def load_records(name: str) -> list[dict[str, Any]]:
    """Read one JSONL gold file, failing with the line number on bad JSON."""
    records = []
    path = EVAL / name
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as exc:
            pytest.fail(f"{path}:{number}: not JSON ({exc})")
    return records


def all_records() -> list[dict[str, Any]]:
    return [r for name in GOLD_FILES for r in load_records(name)]


def occurs(name: str, text: str) -> bool:
    """Whether ``name`` is in ``text`` (both normalised), literally or with a shared surname.

    "Delphine and Muriel Coulin" states both "Delphine Coulin" and "Muriel Coulin".
    """
    if name in text:
        return True
    first, _, last = name.rpartition(" ")
    if not first:
        return False
    shared = rf"\b{re.escape(first)} (?:and|et|&) [\w'-]+ {re.escape(last)}\b"
    return re.search(shared, text) is not None


def named_strings(gold: dict[str, Any]) -> list[str]:
    """Every title, director, actor and character name the gold asserts."""
    names = []
    for film in gold["films"]:
        names += [film["title"]] + (
            [film["original_title"]] if film["original_title"] else []
        )
        names += [d["name"] for d in film["directors"]]
        for member in film["cast"]:
            names.append(member["actor"])
            if member["character"]:
                names.append(member["character"])
    return names


def is_iso_date(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", value))


def check_gold_shape(gold: dict[str, Any], where: str) -> None:
    """Assert the shape of one gold object (shared by the JSONL files and the seed)."""
    assert set(gold) == {"review", "films"}, where
    review = gold["review"]
    assert set(review) >= REVIEW_KEYS, f"{where}: review keys {sorted(review)}"
    assert review["language"] in {"en", "fr"}, where
    assert review["verdict"] in {"positive", "negative", "mixed", None}, where
    assert review["date"] is None or is_iso_date(review["date"]), where
    assert any(f["role"] == "subject" for f in gold["films"]), (
        f"{where}: no subject film"
    )
    for film in gold["films"]:
        label = f"{where} / {film.get('title')}"
        assert set(film) >= FILM_KEYS, f"{label}: film keys {sorted(film)}"
        assert film["role"] in {"subject", "mentioned"}, label
        assert isinstance(film["title"], str) and film["title"].strip(), label
        assert film["year"] is None or 1890 <= film["year"] <= 2030, label
        assert film["release_date"] is None or is_iso_date(film["release_date"]), label
        assert film["wikidata"] is None or re.fullmatch(r"Q\d+", film["wikidata"]), (
            label
        )
        assert all(isinstance(t, str) and t for t in film["themes"] + film["places"]), (
            label
        )
        assert all(set(d) == {"name", "wikidata"} for d in film["directors"]), label
        assert all(
            set(c) == {"actor", "character", "wikidata"} for c in film["cast"]
        ), label
        for festival in film["festivals"]:
            assert set(festival) >= FESTIVAL_KEYS, label
            assert festival["name"] in FESTIVALS, (
                f"{label}: festival {festival['name']!r}"
            )
            assert festival["year"] is None or 1930 <= festival["year"] <= 2030, label
            section = festival["section"]
            assert section is None or section == section.lower(), (
                f"{label}: {section!r}"
            )


RECORDS = all_records()
SAMPLE_RECORDS = load_records(SAMPLE_GOLD)
EVERY_RECORD = (
    RECORDS
    + SAMPLE_RECORDS
    + load_records(BLIND_GOLD)
    + load_records(BLIND2_GOLD)
    + load_records(BLIND3_GOLD)
    + load_records(BLIND4_GOLD)
    + load_records(BLIND5_GOLD)
    + load_records(BLIND6_GOLD)
    + load_records(BLIND7_GOLD)
    + load_records(BLIND8_GOLD)
    + load_records(DEV3_GOLD)
    + load_records(DEV4_GOLD)
    + load_records(DEV5_GOLD)
)


@pytest.mark.parametrize(
    "name",
    (
        *GOLD_FILES,
        SAMPLE_GOLD,
        BLIND_GOLD,
        BLIND2_GOLD,
        BLIND3_GOLD,
        BLIND4_GOLD,
        BLIND5_GOLD,
        BLIND6_GOLD,
        BLIND7_GOLD,
        BLIND8_GOLD,
        DEV3_GOLD,
        DEV4_GOLD,
        DEV5_GOLD,
    ),
)
def test_gold_file_has_one_record_per_line(name: str) -> None:
    lines = (EVAL / name).read_text(encoding="utf-8").splitlines()
    assert lines and all(line.strip() for line in lines), f"{name} has blank lines"
    assert len(load_records(name)) == len(lines)


def test_ids_are_unique_across_every_gold_set() -> None:
    ids = [r["id"] for r in EVERY_RECORD]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert not duplicates, f"duplicate ids: {duplicates}"


@pytest.mark.parametrize("record", [pytest.param(r, id=r["id"]) for r in EVERY_RECORD])
def test_record_has_the_extract_json_shape(record: dict[str, Any]) -> None:
    assert {"id", "text", "gold"} <= set(record)
    assert isinstance(record["text"], str) and record["text"].strip()
    check_gold_shape(record["gold"], record["id"])


@pytest.mark.parametrize("record", [pytest.param(r, id=r["id"]) for r in EVERY_RECORD])
def test_every_gold_name_occurs_in_its_text(record: dict[str, Any]) -> None:
    text = normalise(record["text"])
    missing = [
        n for n in named_strings(record["gold"]) if not occurs(normalise(n), text)
    ]
    assert not missing, f"{record['id']}: not in text: {missing}"


@pytest.mark.parametrize("record", [pytest.param(r, id=r["id"]) for r in EVERY_RECORD])
def test_review_metadata_occurs_in_its_text(record: dict[str, Any]) -> None:
    review = record["gold"]["review"]
    text = normalise(record["text"])
    for key in ("critic", "publication"):
        if review[key]:
            assert normalise(review[key]) in text, (
                f"{record['id']}: {key} {review[key]!r}"
            )


def test_set_is_large_enough() -> None:
    assert len(RECORDS) >= 40
    assert len(load_records("holdout.jsonl")) >= 8


def test_set_has_french_reviews() -> None:
    french = [r["id"] for r in RECORDS if r["gold"]["review"]["language"] == "fr"]
    assert len(french) >= 5, french


def test_set_has_multi_film_reviews() -> None:
    multi = [
        r["id"]
        for r in RECORDS
        if sum(f["role"] == "subject" for f in r["gold"]["films"]) >= 2
    ]
    assert len(multi) >= 5, multi


def test_set_has_reviews_without_festival() -> None:
    none = [
        r["id"] for r in RECORDS if not any(f["festivals"] for f in r["gold"]["films"])
    ]
    assert len(none) >= 5, none


def test_set_has_mentioned_films_and_release_dates() -> None:
    mentioned = [
        r for r in RECORDS if any(f["role"] == "mentioned" for f in r["gold"]["films"])
    ]
    dated = [r for r in RECORDS if any(f["release_date"] for f in r["gold"]["films"])]
    assert len(mentioned) >= 10
    assert len(dated) >= 5


def test_texts_vary_in_length() -> None:
    lengths = sorted(len(r["text"].split()) for r in RECORDS)
    assert lengths[0] <= 60, lengths[:3]
    assert lengths[-1] >= 450, lengths[-3:]


# --- the seed review ----------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_gold() -> dict[str, Any]:
    return json.loads((EVAL / "seed.gold.json").read_text(encoding="utf-8"))


def test_seed_gold_points_at_the_shared_seed(
    seed_gold: dict[str, Any], seed_path: Path
) -> None:
    assert (ROOT / seed_gold["source"]).resolve() == seed_path.resolve()


def test_seed_gold_has_the_shape_and_names_from_the_seed(
    seed_gold: dict[str, Any], seed_path: Path
) -> None:
    check_gold_shape(seed_gold["gold"], "seed")
    text = normalise(seed_path.read_text(encoding="utf-8"))
    missing = [
        n for n in named_strings(seed_gold["gold"]) if not occurs(normalise(n), text)
    ]
    assert not missing, missing


def test_seed_gold_states_the_issue_facts(seed_gold: dict[str, Any]) -> None:
    films = {f["title"]: f for f in seed_gold["gold"]["films"]}
    assert set(films) == {"Les Petites Victoires", "Roxanne"}
    subject, roxanne = films["Les Petites Victoires"], films["Roxanne"]
    assert (subject["role"], roxanne["role"]) == ("subject", "mentioned")
    assert [d["name"] for d in subject["directors"]] == ["Mélanie Auffret"]
    cast = {c["actor"]: c["character"] for c in subject["cast"]}
    assert cast == {
        "Julia Piaton": "Alice",
        "Michel Blanc": "Emile",
        "India Hair": None,
        "Lionel Abelanski": None,
        "Sébastien Chassagne": None,
        "Marie Bunel": None,
        "Marie-Pierre Casey": None,
    }
    (festival,) = subject["festivals"]
    assert (festival["name"], festival["year"], festival["section"]) == (
        "Alpe d'Huez International Comedy Film Festival",
        2023,
        "competition",
    )
    assert subject["release_date"] == "2023-03-01"
    assert subject["places"] == ["Kerguen", "Brittany"]
    assert seed_gold["gold"]["review"]["verdict"] == "positive"


# --- demo samples -------------------------------------------------------------------


SAMPLE_FILES = sorted(SAMPLES.glob("*.txt"))


def test_demo_ships_eight_to_twelve_samples() -> None:
    assert 8 <= len(SAMPLE_FILES) <= 12


@pytest.mark.parametrize("path", [pytest.param(p, id=p.name) for p in SAMPLE_FILES])
def test_sample_has_headline_and_reasonable_length(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    headline = text.splitlines()[0]
    assert headline.strip() and len(headline) <= 120 and not headline.endswith(".")
    assert 150 <= len(text.split()) <= 450


def test_samples_readme_lists_every_sample() -> None:
    readme = (SAMPLES / "README.md").read_text(encoding="utf-8")
    unlisted = [p.name for p in SAMPLE_FILES if f"`{p.name}`" not in readme]
    assert not unlisted, unlisted


def test_name_check_accepts_shared_surnames_only() -> None:
    text = normalise("by the sisters Delphine and Muriel Coulin, with Vincent Lindon")
    assert occurs("delphine coulin", text)
    assert occurs("muriel coulin", text)
    assert not occurs("vincent coulin", text)
    assert not occurs("sandra huller", normalise("Sandra Voyter and Hüller"))


def test_sample_gold_covers_every_sample_with_its_current_text() -> None:
    by_source = {r["source"]: r["text"] for r in SAMPLE_RECORDS}
    assert sorted(by_source) == [f"graph/samples/{p.name}" for p in SAMPLE_FILES]
    stale = [
        source
        for source, text in by_source.items()
        if (ROOT / source).read_text(encoding="utf-8") != text
    ]
    assert not stale, f"sample text changed, update samples.jsonl: {stale}"
