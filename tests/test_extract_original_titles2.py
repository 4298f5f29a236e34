"""An original title in parentheses after a title with an apostrophe.

The text is written for this test; the film and people are invented.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rules_helpers import run_rules as run

if TYPE_CHECKING:
    from spacy.language import Language

TEXT = (
    "'The Sailors' Rest' Review: a tense harbour drama\n\n"
    "Ann Lee's The Sailors' Rest (Das Seemannsheim) begins with a small theft. "
    "Paul Dunn plays Karl, the cook.\n"
)


def test_the_original_title_after_an_apostrophe_title(blank_nlp: Language) -> None:
    (film,) = run(blank_nlp, TEXT).films
    assert (film.title, film.original_title) == (
        "The Sailors' Rest",
        "Das Seemannsheim",
    )
    # the parenthesis is no "character (actor)" pair
    assert {c.actor for c in film.cast} == {"Paul Dunn"}
