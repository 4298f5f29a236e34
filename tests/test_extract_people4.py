"""Directors named by a return or a new work: "X, back in form, has made a film",
"X returned with Title, a drama"; and a fact whose own film was not kept.

The texts are written for these tests; films and people are invented.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rules_helpers import run_rules as run

if TYPE_CHECKING:
    from spacy.language import Language


def _directors(text: str, nlp: Language) -> dict[str, list[str]]:
    return {f.title: [d.name for d in f.directors] for f in run(nlp, text).films}


def test_a_film_maker_who_has_made_a_film(blank_nlp: Language) -> None:
    text = (
        "Cold Water review: a quiet storm\n\n"
        "Mara Olsen, back in top form after a shrug of a comedy, has made a film "
        "that looks like it was shot in 1970. Paul Dunn plays Marc."
    )
    assert _directors(text, blank_nlp)["Cold Water"] == ["Mara Olsen"]
    # an actor's debut is no film of theirs
    debut = text.replace("Mara Olsen, back in top form after a shrug of a comedy, "
                         "has made a film", "Paul Dunn made his screen debut in a film")  # fmt: skip
    assert _directors(debut, blank_nlp)["Cold Water"] == []


def test_a_film_maker_who_returned_with_a_title(blank_nlp: Language) -> None:
    text = (
        "Ten films to see this week\n\n"
        "Then came Salt Houses, Tomas Brandt's comedy. Eva Holm plays Mia.\n\n"
        'Meanwhile, Ann Lee returned with "Cold Water", a drama about two ferry '
        "pilots.\n"
    )
    directors = _directors(text, blank_nlp)
    assert directors["Cold Water"] == ["Ann Lee"]
    assert directors["Salt Houses"] == ["Tomas Brandt"]
