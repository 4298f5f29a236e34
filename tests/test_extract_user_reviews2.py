"""Lower-case user reviews whose headline says what the user just saw, with the
headline given by the input (as ``reelgraph extract`` and ingest give it) or not.

The texts are written for these tests; films and people are invented.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from rules_helpers import run_rules as run

from graph.extract_case import recase_lowercase

if TYPE_CHECKING:
    from spacy.language import Language

HEADLINE = "just got back from cold water and i am not ok"
BODY = (
    "mara olsen wrote and directed this and it's her first film?? ann lee as nora is "
    "incredible, and paul dunn as marc just sits there with his whole heart on his "
    "face. the ending at the harbour killed me, just go"
)
TEXT = f"{HEADLINE}\n\n{BODY}\n"


def test_the_seen_film_of_a_lower_case_headline_is_capitalised() -> None:
    recased = recase_lowercase(TEXT)
    assert recased.startswith("just got back from Cold Water and i am not ok")
    # "just", a word the body repeats, is no title
    assert "Just" not in recased


@pytest.mark.parametrize("headline", [None, HEADLINE])
def test_the_film_is_found_with_or_without_the_inputs_headline(
    blank_nlp: Language, headline: str | None
) -> None:
    films = run(blank_nlp, TEXT, headline=headline).films
    assert [(f.title, f.role) for f in films] == [("Cold Water", "subject")]
    assert [d.name for d in films[0].directors] == ["Mara Olsen"]


def test_a_headline_that_saw_a_person_names_no_film(blank_nlp: Language) -> None:
    text = TEXT.replace(HEADLINE, "just got back from the beach and i am not ok")
    assert not [f for f in run(blank_nlp, text).films if "beach" in f.title.lower()]
