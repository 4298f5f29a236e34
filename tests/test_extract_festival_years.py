"""Festival edition years the text gives only indirectly (refs #3)."""

from __future__ import annotations

import pytest

from graph.extract_festivals import ordinal_year
from tests.rules_helpers import run_rules

BERLIN = "Berlin International Film Festival"


def _festivals(nlp, text: str, date: str) -> set[tuple[str, int | None]]:  # type: ignore[no-untyped-def]
    """(festival, edition year) of every film of ``text``, reviewed on ``date``."""
    x = run_rules(nlp, text, date=date)
    return {(f.name, f.year) for film in x.films for f in film.festivals}


@pytest.mark.parametrize(
    ("festival", "ordinal", "year"),
    [
        (BERLIN, 52, 2002),
        (BERLIN, 74, 2024),
        ("Cannes Film Festival", 48, 1995),
        ("Cannes Film Festival", 76, 2023),
        ("Venice Film Festival", 59, 2002),
        ("Toronto International Film Festival", 47, 2022),
    ],
)
def test_ordinal_gives_the_edition_year(festival: str, ordinal: int, year: int) -> None:
    assert ordinal_year(festival, ordinal, None) == year


@pytest.mark.parametrize(
    ("festival", "ordinal", "context_year"),
    [
        # the early Cannes and Venice editions skipped years: no safe year
        ("Cannes Film Festival", 3, None),
        ("Venice Film Festival", 33, None),
        # an edition after the review's own year is a misreading
        (BERLIN, 80, 2024),
        # a festival whose numbering is not known
        ("Sundance Film Festival", 40, None),
    ],
)
def test_ordinal_without_a_safe_year(
    festival: str, ordinal: int, context_year: int | None
) -> None:
    assert ordinal_year(festival, ordinal, context_year) is None


def test_old_edition_by_ordinal_in_a_recent_review(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Spirited Away review\n\n"
        "The film shared the Golden Bear at the 52nd Berlinale with another film."
    )
    festivals = _festivals(blank_nlp, text, "2024-07-07")
    assert (BERLIN, 2002) in festivals


def test_another_event_in_the_festival_city_is_not_the_festival(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Brutalist review\n\n"
        "It premiered at the 81st Venice Film Festival. An epilogue set at the 1980 "
        "Venice Architecture Biennale closes the film."
    )
    festivals = _festivals(blank_nlp, text, "2024-09-01")
    assert festivals == {("Venice Film Festival", 2024)}


def test_a_film_fresh_from_another_festival(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "TIFF 2022: The Whale review\n\n"
        "The Whale arrived from Venice with its buzz intact, and Toronto loved it."
    )
    festivals = _festivals(blank_nlp, text, "2022-09-19")
    assert ("Venice Film Festival", 2022) in festivals


def test_arriving_from_a_city_is_not_a_festival_without_one(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Summertime review\n\nA stranger arrived from Venice and rented the flat."
    x = run_rules(blank_nlp, text, date="2022-09-19")
    assert all(not film.festivals for film in x.films)


def test_played_a_festival_back_in_a_month(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Talk to Me review\n\n"
        "It played Sundance in the Midnight section back in January, to screams."
    )
    festivals = _festivals(blank_nlp, text, "2023-07-26")
    assert ("Sundance Film Festival", 2023) in festivals


@pytest.mark.parametrize(
    "sentence",
    [
        "In 1995, La Haine won the Best Director prize at Cannes.",
        "Back in the spring of 1995, the film caused a stir on the Croisette.",
    ],
)
def test_a_year_earlier_in_the_festival_sentence(blank_nlp, sentence: str) -> None:  # type: ignore[no-untyped-def]
    festivals = _festivals(blank_nlp, f"La Haine review\n\n{sentence}", "2025-03-14")
    assert festivals == {("Cannes Film Festival", 1995)}


def test_a_film_citation_is_no_edition_year(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Anora review\n\nLike Ly's debut (made in 2019) it premiered at Cannes."
    x = run_rules(blank_nlp, text)
    assert all(f.year != 2019 for film in x.films for f in film.festivals)
