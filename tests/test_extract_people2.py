"""People rules for real-world phrasings (issue #3): appositives, credit blocks,
round-up paragraphs, comparisons. Each test is a short text we wrote, with a near
miss the rule must not fire on; all run on ``spacy.blank("en")``."""

from __future__ import annotations

import hashlib

from graph.extract import assemble
from graph.extract_nlp import parse_docs
from graph.models import Extraction, FilmMention, Review


def run(nlp, text: str, language: str = "en") -> Extraction:  # type: ignore[no-untyped-def]
    r = Review(
        id="t", text=text, source="test",
        content_hash=hashlib.sha256(text.encode()).hexdigest(), language=language,
    )  # fmt: skip
    return assemble(r, parse_docs(nlp, [r.text], language)[0])


def films(x: Extraction) -> dict[str, FilmMention]:
    return {f.title: f for f in x.films}


def pairs(film: FilmMention) -> set[tuple[str, str | None]]:
    return {(c.actor, c.character) for c in film.cast}


def directors(film: FilmMention) -> list[str]:
    return [d.name for d in film.directors]


def test_appositive_between_actor_and_plays(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cold Water review\n\nCold Water is a quiet film. Ruth Berg, a newcomer with "
        "a steady gaze, plays Ada. Tom Hale, in the role of a lifetime, plays Ben. "
        "Mara Olsen plays with genre. Ada, the sister of Ben, played by Lena Moss, "
        "stays home."
    )
    got = pairs(films(run(blank_nlp, text))["Cold Water"])
    assert ("Ruth Berg", "Ada") in got
    assert ("Tom Hale", "Ben") in got
    assert ("Lena Moss", "Ada") in got or ("Lena Moss", None) in got
    assert all(actor != "Mara Olsen" for actor, _ in got)


def test_actor_adjective_is_character(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cold Water review\n\nCold Water is a quiet film about a family. Ruth Berg, "
        "overwhelming, is Ada, in her best role. The newcomer Tom Hale is Ben, and he holds "
        "his own. Julia Fox is Julia, his girlfriend, and Lena Moss is Dinah, his "
        "wife. Paris, France is Europe, in a way."
    )
    got = pairs(films(run(blank_nlp, text))["Cold Water"])
    assert {("Ruth Berg", "Ada"), ("Tom Hale", "Ben"), ("Julia Fox", "Julia"),
            ("Lena Moss", "Dinah")} <= got  # fmt: skip
    assert len(got) == 4


def test_director_word_before_a_conjunction_is_not_a_title(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cold Water review\n\nIn Cold Water, Tom Hale plays Ben, a theatre director, "
        "and Ruth Berg is Ada, the actress who leaves him. The director Mara Olsen "
        "keeps it tight."
    )
    film = films(run(blank_nlp, text))["Cold Water"]
    assert directors(film) == ["Mara Olsen"]
    assert ("Ruth Berg", "Ada") in pairs(film)


def test_capitalised_french_film_de(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« Eau froide » : la critique\n\nUne nuit, au port. Le film de Mara Olsen "
        "l'annonce dès le début. Ruth Berg est Ada, une pêcheuse."
    )
    x = run(blank_nlp, text, "fr")
    assert [d.name for f in x.films for d in f.directors] == ["Mara Olsen"]
