"""All-lower-case user reviews: capitals restored from cues, same length, and the
extractor then reads them like any review (``spacy.blank`` pipeline, fast)."""

from __future__ import annotations

import hashlib

from graph.extract import assemble
from graph.extract_case import is_lowercase_text, recase_lowercase
from graph.extract_nlp import parse_docs
from graph.models import Extraction, Review

USER = (
    "salt houses (2031) - my review\n\n"
    "ok so i finally saw salt houses at my local cinema and wow. its directed by "
    "mara olsen who also did cold water and you can tell. tom keane plays edward, a "
    "fisherman who cant swim, and ruth berg as ada is the best thing in it. the "
    "ending dragged a bit tho and the music was too loud for me honestly. 8/10"
)


def run(nlp, text: str) -> Extraction:  # type: ignore[no-untyped-def]
    r = Review(
        id="t", text=text, source="test",
        content_hash=hashlib.sha256(text.encode()).hexdigest(), language="en",
    )  # fmt: skip
    return assemble(r, parse_docs(nlp, [r.text], "en")[0])


def test_normal_text_is_left_alone() -> None:
    text = "Review: Salt Houses\n\n" + "Tom Keane plays Edward in Salt Houses. " * 5
    assert not is_lowercase_text(text)
    assert recase_lowercase(text) == text


def test_lowercase_text_gets_names_and_title_capitalised_same_length() -> None:
    out = recase_lowercase(USER)
    assert len(out) == len(USER)
    for phrase in ("Salt Houses", "Mara Olsen", "Tom Keane", "Edward", "Ruth Berg"):
        assert phrase in out, phrase
    assert "Ada" in out and "the ending" in out and "fisherman" in out


def test_lowercase_user_review_is_extracted(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    film = next(f for f in run(blank_nlp, USER).films if f.role == "subject")
    assert film.title == "Salt Houses"
    assert [d.name for d in film.directors] == ["Mara Olsen"]
    assert {c.actor: c.character for c in film.cast} == {
        "Tom Keane": "Edward",
        "Ruth Berg": "Ada",
    }


def test_headline_title_before_an_ellipsis(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le Jardin Noir... honnêtement je n'ai pas aimé\n\n"
        "Le film de Anne Morel dure deux heures et c'est long."
    )
    film = next(f for f in run(blank_nlp, text).films if f.role == "subject")
    assert film.title == "Le Jardin Noir"


def test_double_bill_headline_names_both_films(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "cold water part two + salt houses double bill at my local, my thoughts\n\n"
        "so i saw cold water part two and salt houses back to back on sunday. cold "
        "water part two first: ruth berg is TERRIFYING as ada-marie, and the sea "
        "scenes are insane. then salt houses, where tom keane plays jorge. both great "
        "but six hours is a lot for my back lol"
    )
    got = {f.title: f for f in run(blank_nlp, text).films if f.role == "subject"}
    assert set(got) == {"Cold Water Part Two", "Salt Houses"}
    assert {c.actor: c.character for c in got["Cold Water Part Two"].cast} == {
        "Ruth Berg": "Ada-Marie"
    }
    assert {c.actor: c.character for c in got["Salt Houses"].cast} == {
        "Tom Keane": "Jorge"
    }
