"""The seed review through the real English pipeline: every fact exactly right."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from graph.extract import Extractor
from graph.extract_text import fold
from graph.models import Extraction, FilmMention, Review

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seed(seed_path: Path) -> Extraction:
    text = seed_path.read_text(encoding="utf-8")
    review = Review(
        id="seed", text=text, source=str(seed_path),
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
    )  # fmt: skip
    return Extractor().extract(review)


@pytest.fixture(scope="module")
def film(seed: Extraction) -> FilmMention:
    subjects = [f for f in seed.films if f.role == "subject"]
    assert [f.title for f in subjects] == ["Les Petites Victoires"]
    return subjects[0]


def test_director(film: FilmMention) -> None:
    assert [d.name for d in film.directors] == ["Mélanie Auffret"]


def test_cast_and_characters_exactly(film: FilmMention) -> None:
    assert {c.actor: c.character for c in film.cast} == {
        "Julia Piaton": "Alice",
        "Michel Blanc": "Emile",
        "India Hair": None,
        "Lionel Abelanski": None,
        "Sébastien Chassagne": None,
        "Marie Bunel": None,
        "Marie-Pierre Casey": None,
    }


def test_no_other_person_is_cast_or_crew(seed: Extraction) -> None:
    people = {fold(p.name) for f in seed.films for p in f.directors}
    people |= {fold(c.actor) for f in seed.films for c in f.cast}
    assert not people & {"bourvil", "cyrano", "alice", "emile", "roxanne", "british"}


def test_festival_edition_and_section(film: FilmMention) -> None:
    assert [(f.name, f.year, f.section) for f in film.festivals] == [
        ("Alpe d'Huez International Comedy Film Festival", 2023, "competition")
    ]


def test_release_date_from_context_year(film: FilmMention) -> None:
    assert film.release_date is not None and film.release_date.date == "2023-03-01"


def test_themes(film: FilmMention) -> None:
    labels = [t.label for t in film.themes]
    assert "rural desertification" in labels and "illiteracy" in labels
    assert any("closure" in t and "school" in t for t in labels)


def test_places(film: FilmMention) -> None:
    places = {p.name: p.within for p in film.places}
    assert places == {"Kerguen": "Brittany", "Brittany": None}


def test_roxanne_is_only_mentioned_with_the_same_director(seed: Extraction) -> None:
    others = [f for f in seed.films if f.role == "mentioned"]
    assert [f.title for f in others] == ["Roxanne"]
    assert [d.name for d in others[0].directors] == ["Mélanie Auffret"]


def test_verdict_positive(seed: Extraction) -> None:
    assert seed.meta.verdict == "positive"


def test_every_fact_has_evidence_in_the_text(
    seed: Extraction, film: FilmMention
) -> None:
    text = seed.review.text
    facts = [*film.directors, *film.cast, *film.festivals, *film.themes, *film.places]
    for fact in facts:
        assert fact.evidence, fact
        for ev in fact.evidence:
            assert 0 <= ev.start < ev.end <= len(text)
            assert text[ev.start : ev.end].strip() and ev.extractor.count("@") == 1
            assert text[ev.start : ev.end] in ev.sentence or ev.sentence in text
