"""All-lower-case user reviews: capitals restored from cues, same length, and the
extractor then reads them like any review (``spacy.blank`` pipeline, fast)."""

from __future__ import annotations

from rules_helpers import run_rules as run

from graph.extract_case import is_lowercase_text, recase_lowercase

USER = (
    "salt houses (2031) - my review\n\n"
    "ok so i finally saw salt houses at my local cinema and wow. its directed by "
    "mara olsen who also did cold water and you can tell. tom keane plays edward, a "
    "fisherman who cant swim, and ruth berg as ada is the best thing in it. the "
    "ending dragged a bit tho and the music was too loud for me honestly. 8/10"
)


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


SITE_HEADER = (
    "Salt Houses (2031)\nRating: 9/10\n\nloved it\nby some_user\n\n"
    "idk what to say that hasnt been said already. tom keane as edward is perfect and "
    "ruth berg as the landlady so hateable. olsen also did cold water, good but not "
    "this good. ida lund and per holm are in it for like ten minutes total sadly\n"
)


def test_site_header_does_not_hide_a_lowercase_body() -> None:
    assert is_lowercase_text(SITE_HEADER)
    # near miss: a normally written body under the same header
    assert not is_lowercase_text(
        SITE_HEADER.split("idk")[0] + "Tom Keane as Edward is perfect. " * 8
    )


def test_user_review_single_names_and_unnamed_parts(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    film = next(f for f in run(blank_nlp, SITE_HEADER).films if f.role == "subject")
    assert [d.name for d in film.directors] == ["Olsen"]
    cast = {c.actor: c.character for c in film.cast}
    assert cast == {
        "Tom Keane": "Edward", "Ruth Berg": None, "Ida Lund": None, "Per Holm": None,
    }  # fmt: skip


def test_one_word_actor_and_surname_director_are_capitalised() -> None:
    text = (
        "ok lindqvist actually did it. the sequel is better than the first one in "
        "every way. moreau finally gets to be scary as paul, keller as chani is the "
        "heart of the whole thing and the ending is all hers. same as ever the music "
        "is loud, but who cares honestly, go see it on the biggest screen u can"
    )
    out = recase_lowercase(text)
    for word in ("Lindqvist", "Moreau", "Paul", "Keller", "Chani"):
        assert word in out, word
    assert "same as ever" in out  # near miss: no name here


def test_pairs_in_parentheses_and_a_titled_part() -> None:
    text = (
        "the plot is basically two old friends, vik (ravi menon jr) and sam (dev "
        "arora), who end up on opposite sides of the war. tom keane plays the evil "
        "governor jack hale and hes great, and ruth berg plays the kid mira. i liked "
        "it a lot but the second half drags a bit, minus one point for that honestly"
    )
    out = recase_lowercase(text)
    for phrase in ("Vik (Ravi Menon Jr)", "Sam (Dev Arora)", "Jack Hale", "Mira"):
        assert phrase in out, phrase
    assert "evil governor" in out  # near miss: the title stays a word


def test_is_who_names_the_part() -> None:
    from graph.extract_users import find_is_who

    facts = find_is_who(
        "Ida Lund is Jenny who falls for him. Per Holm is Ben who is old."
    )
    assert [(f.name, f.character) for f in facts] == [("Ida Lund", "Jenny")]


def test_two_word_director_and_part_and_paren_corroborated_by_surname() -> None:
    text = (
        "ok so the town floods and he meets nora (ida lund) whos carrying a baby "
        "that isnt even hers. later lund is great in the storm scene. keller as "
        "felix moss is hot posh boy number one. mara olsen also did cold water "
        "(2017) which is also very good, she has a type. he meets the "
        "neighbours (two old men) at the end of the film and the ending is long."
    )
    out = recase_lowercase(text)
    for phrase in ("Nora (Ida Lund)", "Keller", "Felix Moss", "Mara Olsen"):
        assert phrase in out, phrase
    assert "(two old men)" in out  # near miss: no surname elsewhere
