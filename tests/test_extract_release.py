"""Release dates of round-ups: each reviewed film gets the date stated after it.

The texts are written for these tests; films and people are invented.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rules_helpers import run_rules as run

if TYPE_CHECKING:
    from spacy.language import Language

ROUND_UP = (
    "Three films to see this month\n\n"
    "By Ann Lee | 2 January 2031\n\n"
    "Cold Water, Mara Olsen's second feature, is a drama about two ferry pilots. "
    "Paul Dunn plays Marc. It opens on 6 January.\n\n"
    "Salt Houses, Tomas Brandt's comedy, follows a family of cooks. "
    "Eva Holm plays Mia. It is out on 13 January.\n\n"
    "Quiet Hours, Lena Park's thriller, is a slow burn. Jo Berg plays Karl. "
    "(Park fans: Tomas Brandt's The Long Road opens on 27 January.)\n"
)


def _dates(text: str, nlp: Language) -> dict[str, str | None]:
    return {f.title: f.release_date.date if f.release_date else None
            for f in run(nlp, text, date="2031-01-02").films}  # fmt: skip


def test_each_film_of_a_round_up_gets_its_own_date(blank_nlp: Language) -> None:
    dates = _dates(ROUND_UP, blank_nlp)
    assert dates["Cold Water"] == "2031-01-06"
    assert dates["Salt Houses"] == "2031-01-13"


def test_a_date_beside_another_film_is_not_the_reviewed_films(
    blank_nlp: Language,
) -> None:
    # the aside dates the mentioned film, so the film under review gets no date
    assert _dates(ROUND_UP, blank_nlp).get("Quiet Hours") is None


def test_a_one_film_review_keeps_its_first_date(blank_nlp: Language) -> None:
    text = (
        "Cold Water review: a quiet storm\n\n"
        "Mara Olsen's Cold Water is a drama about two ferry pilots. "
        "Paul Dunn plays Marc. It opens on 6 January, a week before it streams "
        "on 13 January.\n"
    )
    assert _dates(text, blank_nlp)["Cold Water"] == "2031-01-06"


def test_a_weekday_counts_from_the_review_date_beside_dated_releases(
    blank_nlp: Language,
) -> None:
    # 2 January 2031 is a Thursday: "opens Friday" is 3 January
    text = ROUND_UP.replace("It opens on 6 January.", "It opens this Friday.")
    dates = _dates(text, blank_nlp)
    assert dates["Cold Water"] == "2031-01-03"
    assert dates["Salt Houses"] == "2031-01-13"


def test_a_bare_weekday_gives_no_date(blank_nlp: Language) -> None:
    text = "Cold Water review\n\nBy Ann Lee | 2 January 2031\n\nIt opens Friday."
    assert _dates(text, blank_nlp)["Cold Water"] is None


def test_a_weekday_in_the_past_is_the_last_one(blank_nlp: Language) -> None:
    text = (
        "Cold Water review\n\nBy Ann Lee | 2 January 2031\n\n"
        "Mara Olsen's drama was released this Monday to empty rooms."
    )
    # the Monday before Thursday 2 January 2031
    assert _dates(text, blank_nlp)["Cold Water"] == "2030-12-30"
