"""A maker's possessive names the director of a film the body introduces (refs #3).

The names are invented for these tests.
"""

from __future__ import annotations

from rules_helpers import run_rules


def test_possessive_director_of_a_film_the_headline_does_not_name(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Grumpy teacher, sad kid, snowy school. Works anyway.\n\n"
        'Mara Olsen\'s "Cold Water" is set at a ferry harbour in winter.'
    )
    films = {
        f.title: [d.name for d in f.directors] for f in run_rules(blank_nlp, text).films
    }
    assert films["Cold Water"] == ["Mara Olsen"]


def test_possessive_of_a_compared_film_is_not_the_reviewed_films(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        'Cold Water review\n\nLike Jo Berg\'s "Salt Houses" before it, "Cold Water" '
        "is set at a ferry harbour in winter."
    )
    x = run_rules(blank_nlp, text)
    reviewed = [f for f in x.films if f.role == "subject"]
    assert [f.title for f in reviewed] == ["Cold Water"]
    assert "Jo Berg" not in [d.name for d in reviewed[0].directors]
