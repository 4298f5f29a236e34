"""People rules for the phrasings of unseen reviews (issue #3, third round): credit
lines, job words before names, prize names, gapped clauses, translated "of the X".
Each test is a short text we wrote, with a near miss the rule must not fire on; all
run on ``spacy.blank("en")``."""

from __future__ import annotations

from rules_helpers import run_rules as run

from graph.extract_people import trim_headline_verb, trim_name
from graph.models import Extraction


def names(x: Extraction, role: str) -> set[str]:
    """Every director ("director") or actor ("cast") of every film."""
    if role == "director":
        return {d.name for f in x.films for d in f.directors}
    return {c.actor for f in x.films for c in f.cast}


def pairs(x: Extraction) -> set[tuple[str, str | None]]:
    return {(c.actor, c.character) for f in x.films for c in f.cast}


def test_credit_line_dir_colon_and_final_period(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cold Water review\n\nCold Water | Dir: Mara Olsen\n\nCold Water is a quiet "
        "film.\n\nWith: Ruth Berg, Tom Hale, Lena Moss.\n\nThe direction: superb."
    )
    x = run(blank_nlp, text)
    assert "Mara Olsen" in names(x, "director")
    assert {"Ruth Berg", "Tom Hale", "Lena Moss"} <= names(x, "cast")


def test_job_word_before_a_name_is_no_part_of_it() -> None:
    assert trim_name("Playwright Ann Berg") == "Ann Berg"
    assert trim_name("Newcomer Tom Hale") == "Tom Hale"
    # a two-word name keeps its first word: "Young" may be a first name
    assert trim_name("Young Tom") == "Young Tom"


def test_headline_copula_makes_no_director() -> None:
    assert trim_headline_verb("Ann Berg Is") == ""
    assert trim_headline_verb("Ann Berg Turns") == "Ann Berg"
    assert trim_headline_verb("Ann Berg") == "Ann Berg"


def test_prize_names_are_never_cast(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        'Venice prizes\n\n"Cold Water" takes the Golden Lion as the jury surprises '
        "everyone. Tom Hale won the Silver Cup for best actor as the sailor Ben Moss "
        '("Cold Water"). Ruth Berg plays Ada.'
    )
    cast = names(run(blank_nlp, text), "cast")
    assert "Ruth Berg" in cast
    assert not {"Golden Lion", "Silver Cup"} & cast


def test_a_character_in_a_weak_with_list_is_no_actor(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        'Cold Water review\n\nIn "Cold Water", Ada elopes with Ben Moss, a preening '
        "lawyer played by Tom Hale in the funniest performance of his career. "
        "The film co-stars with Lena Moss in a small role."
    )
    x = run(blank_nlp, text)
    assert "Ben Moss" not in names(x, "cast")
    assert "Tom Hale" in names(x, "cast")
