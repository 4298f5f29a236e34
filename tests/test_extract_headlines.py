"""Headline and subhead rules: which films a review is about, on ``spacy.blank("en")``
so they run fast; each test is one small text we wrote."""

from __future__ import annotations

import pytest
from rules_helpers import run_rules as run

from graph.extract_headline import headline_of
from graph.models import Extraction, FilmMention


def films(x: Extraction) -> dict[str, FilmMention]:
    return {f.title: f for f in x.films}


def subjects(x: Extraction) -> set[str]:
    return {f.title for f in x.films if f.role == "subject"}


def test_a_question_headline_split_by_a_dash_is_a_headline() -> None:
    text = "Quiet Harbour - best movie of the year???\n\nI loved it.\n"
    assert headline_of(text, None) == ("Quiet Harbour - best movie of the year???", 0)
    assert headline_of("I loved it!\n\nMore text.\n", None) is None


USER_LOWER = (
    "salt houses by the sea - best movie ive seen in years???\n\n"
    "ok so i finally watched salt houses by the sea last night and wow. the whole "
    "thing is set in a tiny fishing village and every single shot looks like a "
    "painting. i cried twice and my friend cried three times. go see it in a "
    "cinema if you can, it is worth every penny. 10/10\n"
)


def test_lowercase_user_headline_names_the_film(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    assert subjects(run(blank_nlp, USER_LOWER)) == {"Salt Houses by the Sea"}


TAGLINE = (
    "The Winter Lodgers: a holiday film for people who hate holiday films\n\n"
    "Mara Olsen's new film is set at a mountain hotel in 1971. Peter Vance plays "
    "Hal, a night porter nobody likes. The Winter Lodgers is warm without being "
    "soft.\n"
)


def test_title_colon_tagline_headline_is_the_subject(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    assert subjects(run(blank_nlp, TAGLINE)) == {"The Winter Lodgers"}


ROUND_UP = (
    "Our favourite films of 2031\n\n"
    "It was a strong year for small films.\n\n"
    "1. Cold Water\n"
    "Mara Olsen's drama about two sisters on a ferry is her best work.\n\n"
    "2) Northern Glass\n"
    "Peter Vance plays a glassblower who loses his sight.\n\n"
    "- Iron Orchard\n"
    "A slow, beautiful film about a farm in winter.\n\n"
    "Salt Houses (2031)\n"
    "The comedy of the year.\n\n"
    "The Quiet Harbour (Anna Lindqvist, 2031)\n"
    "Fishermen, fog and a lost boat.\n"
)


def test_numbered_and_bulleted_subheads_are_subjects(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    got = run(blank_nlp, ROUND_UP)
    assert subjects(got) >= {
        "Cold Water", "Northern Glass", "Iron Orchard", "Salt Houses", "The Quiet Harbour",
    }  # fmt: skip
    assert films(got)["Salt Houses"].year == 2031


def test_a_lone_dash_line_is_no_subhead(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cold Water review: sisters at sea\n\n"
        "Mara Olsen's Cold Water is a drama about two sisters. Cold Water is slow.\n\n"
        "- Saturday Matinee\n"
    )
    assert subjects(run(blank_nlp, text)) == {"Cold Water"}


CITING = (
    "Cold Water review: a quiet masterpiece\n\n"
    "Mara Olsen's Cold Water follows two sisters on a ferry. It shares the yearning "
    "of older films (Northern Glass, Peter Vance, 1995), and nothing has been so "
    "tender since The Quiet Harbour. Cold Water is a marvel.\n"
)


def test_films_cited_in_parentheses_are_only_mentioned(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    got = run(blank_nlp, CITING)
    assert subjects(got) == {"Cold Water"}
    assert films(got)["Northern Glass"].role == "mentioned"
    assert [d.name for d in films(got)["Northern Glass"].directors] == ["Peter Vance"]


def test_a_cited_film_without_a_headline_film_is_still_reviewed(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Notes from the north\n\n"
        "The best thing I saw was a drama (Northern Glass, Peter Vance, 2031) about a "
        "glassblower. Northern Glass is slow and lovely.\n"
    )
    assert "Northern Glass" in subjects(run(blank_nlp, text))


def test_english_slash_original_headline_is_one_film(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Lisbon 2031: The Salt Houses / As Casas de Sal review\n\n"
        "Mara Olsen's The Salt Houses follows a family of fishermen. The Salt Houses "
        "is patient and kind.\n"
    )
    got = run(blank_nlp, text)
    assert subjects(got) == {"The Salt Houses"}
    assert films(got)["The Salt Houses"].original_title == "As Casas de Sal"


def test_original_title_with_english_in_parentheses_is_one_film(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "La Casa Fría (The Cold House) review\n\n"
        "Mara Olsen's La Casa Fría is set in a village in winter. La Casa Fría is "
        "cold and lovely.\n"
    )
    got = run(blank_nlp, text)
    assert [f.title for f in got.films if f.role == "subject"] == ["La Casa Fría"]
    assert films(got)["La Casa Fría"].original_title == "The Cold House"


def test_and_inside_a_headline_title_does_not_split_it(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "All the Salt and the Sorrow review - a painter takes on a town\n\n"
        "Mara Olsen's documentary All the Salt and the Sorrow follows a painter. "
        "All the Salt and the Sorrow is angry and tender.\n"
    )
    assert subjects(run(blank_nlp, text)) == {"All the Salt and the Sorrow"}


USER_THE = (
    "the winter lodgers: the loneliest christmas film ever, up close\n\n"
    "so i finally watched the winter lodgers last night and i still feel sad. the "
    "film shows a night porter and a teacher stuck in an empty hotel over the "
    "holidays. you never see the snow stop, you only hear it. i do not know if i "
    "can ever watch it again but everyone should see it once.\n"
)


def test_lowercase_headline_title_may_start_with_the(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    assert subjects(run(blank_nlp, USER_THE)) == {"The Winter Lodgers"}


PORTRAIT = (
    "Ada Brennic: the painter who took on the mine owners\n\n"
    "Mara Olsen's documentary The Salt and the Sorrow follows Ada Brennic, whose "
    "campaign against the mine owners is the film's spine. The Salt and the Sorrow "
    "ends by the river, where Brennic walks alone.\n"
)


def test_the_person_a_documentary_is_about_is_no_film(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    got = run(blank_nlp, PORTRAIT)
    titles = {f.title for f in got.films}
    assert "Ada Brennic" not in titles and "Brennic" not in titles
    assert subjects(got) == {"The Salt and the Sorrow"}
    assert [d.name for d in films(got)["The Salt and the Sorrow"].directors] == [
        "Mara Olsen"
    ]


def test_a_title_repeated_by_its_last_word_is_still_a_film(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le Procès Vance: a courtroom drama\n\n"
        "Mara Olsen's Le Procès Vance retells a trial of 1975, in which Vance "
        "defended himself.\n"
    )
    assert subjects(run(blank_nlp, text)) == {"Le Procès Vance"}


ELIDED = (
    "Lisbon 2031: the winners\n\n"
    "The Golden Wave went to Mara Olsen's Cold Water; the Grand Jury Prize to Peter "
    "Vance's Northern Glass; and the Silver Wave for Iron Orchard.\n"
)


def test_a_prize_list_with_elided_verbs_names_every_winner(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    got = run(blank_nlp, ELIDED)
    assert subjects(got) == {"Cold Water", "Northern Glass", "Iron Orchard"}
    assert [d.name for d in films(got)["Northern Glass"].directors] == ["Peter Vance"]


PLAIN_BODY = (
    "\n\nThe director has made something special here. The cast is superb and the "
    "pacing is patient. It is a film about family, grief and memory.\n"
)


@pytest.mark.parametrize(
    ("headline", "title"),
    [
        ("The Winter Lodgers – Mara Olsen's epic of greed", "The Winter Lodgers"),
        ("Cold Water — a harrowing survival story", "Cold Water"),
        ("Northern Glass - 8/10", "Northern Glass"),
        ("Iron Orchard ★★★☆☆ – a satire that is all surface", "Iron Orchard"),
        ("Salt Houses: Mara Olsen returns to the sea", "Salt Houses"),
    ],
)
def test_title_dash_tagline_headline_names_the_film_unrepeated(  # type: ignore[no-untyped-def]
    blank_nlp, headline: str, title: str
) -> None:
    assert subjects(run(blank_nlp, headline + PLAIN_BODY)) == {title}


def test_title_stars_actor_as_character_keeps_the_title_a_film(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cold Water review - a love story in the spaces between\n\n"
        "Mara Olsen's debut feature is patient. Cold Water stars Ada Brennic as Nora. "
        "Cold Water is lovely.\n"
    )
    got = run(blank_nlp, text)
    assert subjects(got) == {"Cold Water"}
    cast = {(c.actor, c.character) for c in films(got)["Cold Water"].cast}
    assert ("Ada Brennic", "Nora") in cast


COLUMN = (
    "The Winter Lodgers: a holiday film for people who hate holiday films\n\n"
    "Mara Olsen's The Winter Lodgers reunites her with Peter Vance for the first "
    "time since Salt Houses (2004). Like Anna Lindqvist's Northern Glass, it is a "
    "film about misfits. The Winter Lodgers is her warmest film.\n"
)


def test_a_tagline_saying_films_makes_no_round_up(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    got = run(blank_nlp, COLUMN)
    assert subjects(got) == {"The Winter Lodgers"}


def test_subheads_with_director_only_or_in_bold_are_subjects(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "My top 3 of the year\n\n"
        "1. Cold Water (Mara Olsen)\nTwo sisters at sea.\n"
        "2. Northern Glass (Peter Vance)\nA glassblower goes blind.\n\n"
        "**Iron Orchard**\nA farm in winter.\n\n"
        "**Salt Houses**\nA village by the sea.\n\n"
        "**Verdict**\nA good year.\n"
    )
    got = run(blank_nlp, text)
    assert subjects(got) == {
        "Cold Water",
        "Northern Glass",
        "Iron Orchard",
        "Salt Houses",
    }
    assert [d.name for d in films(got)["Cold Water"].directors] == ["Mara Olsen"]


def test_a_possessive_before_title_year_is_the_director(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Lovers on the bridge again\n\n"
        "Mara Olsen's Les Amants du Quai (1991) stars Ada Brennic. The river at "
        "night is the real star of Les Amants du Quai.\n"
    )
    got = films(run(blank_nlp, text))
    assert "Mara Olsen's Les Amants du Quai" not in got
    assert got["Les Amants du Quai"].role == "subject"
    assert got["Les Amants du Quai"].year == 1991
    assert [d.name for d in got["Les Amants du Quai"].directors] == ["Mara Olsen"]


USER_BAR = (
    "cold water | 7/10\n\n"
    "cold water is a weird one. i went in knowing nothing and came out shaking. the "
    "acting is great, the music is great, the ending made me cry in the car park. my "
    "friend hated it but she is wrong. go see it on the biggest screen you can find.\n"
)


def test_lowercase_headline_with_a_bar_and_score_names_the_film(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    assert subjects(run(blank_nlp, USER_BAR)) == {"Cold Water"}


def test_a_river_written_with_a_lower_case_the_is_no_film(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Liffey at night: Cold Water\n\n"
        "In Mara Olsen's Cold Water, the Liffey is a character. Cold Water follows two "
        "sisters on a barge. Olsen films the river at dawn, and the Liffey glows.\n"
    )
    got = run(blank_nlp, text)
    assert "The Liffey" not in films(got)
    assert subjects(got) == {"Cold Water"}


@pytest.mark.parametrize(
    "text",
    [
        "Olsen returns: Cold Water\n\nMara Olsen's Cold Water stars Ada Brennic as "
        "Nora. Olsen has never been better. Cold Water is a delight.\n",
        "Brennic shines in Cold Water\n\nAda Brennic plays Nora in Mara Olsen's film. "
        "Cold Water is a delight.\n",
    ],
)
def test_a_surname_in_the_headline_is_no_film(blank_nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    got = run(blank_nlp, text)
    assert subjects(got) == {"Cold Water"}


def test_a_lone_surname_headline_is_no_film(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Brennic\n\nThe documentary is a portrait of Ada Brennic. Brennic fought the "
        "mine owners for ten years.\n"
    )
    assert "Brennic" not in films(run(blank_nlp, text))


def test_original_slash_english_headline_in_sentence_case_is_one_film(
    blank_nlp,
) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Les maisons de sel / The Salt Houses\n\n"
        "Mara Olsen's film stars Ada Brennic. It won the Golden Wave.\n"
    )
    got = run(blank_nlp, text)
    assert len(got.films) == 1 and got.films[0].role == "subject"
    names = {got.films[0].title, got.films[0].original_title}
    assert names == {"Les maisons de sel", "The Salt Houses"}


def test_a_headline_title_after_a_colon_is_no_director(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Olsen returns: The Cold Water Sisters in Winter\n\nMara Olsen's The Cold "
        "Water Sisters in Winter stars Ada Brennic. The Cold Water Sisters in Winter "
        "is a delight.\n"
    )
    film = films(run(blank_nlp, text))["The Cold Water Sisters in Winter"]
    assert [d.name for d in film.directors] == ["Mara Olsen"]


@pytest.mark.parametrize(
    "headline",
    [
        "Cold Water Is the Best Film of the Year",
        "Why Cold Water Is the Best Film of the Year",
        "Cold Water, reviewed: Ada Brennic is a marvel",
    ],
)
def test_a_sentence_headline_names_its_film(blank_nlp, headline: str) -> None:  # type: ignore[no-untyped-def]
    assert subjects(run(blank_nlp, headline + PLAIN_BODY)) == {"Cold Water"}


def test_a_sentence_headline_about_an_actor_names_the_film(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ada Brennic Is the Best Thing in Cold Water\n\nMara Olsen's Cold Water stars "
        "Ada Brennic as Nora. Ada Brennic is astonishing. Cold Water is slow.\n"
    )
    assert subjects(run(blank_nlp, text)) == {"Cold Water"}


def test_a_blog_masthead_and_its_tagline_are_not_the_headline() -> None:
    text = (
        "NIGHT SHIFT\nnotes on films seen too late\n\n"
        "Diary #3: Cold Orchard (1979)\n\nI watched Cold Orchard again.\n"
    )
    assert headline_of(text, None) == (
        "Diary #3: Cold Orchard (1979)",
        text.find("Diary"),
    )
    tagged = "NIGHT SHIFT — notes on films\n\nCOLD ORCHARD (1979) REVIEW\n\nGood.\n"
    assert headline_of(tagged, None) == (
        "COLD ORCHARD (1979) REVIEW",
        tagged.find("COLD"),
    )
    # near miss: a capitalised line under the masthead is the headline, no tagline
    plain = "NIGHT SHIFT\nCold Orchard review\n\nDiary #3: more text\n"
    assert headline_of(plain, None) == ("Cold Orchard review", plain.find("Cold"))


def test_a_diary_headline_drops_the_year_after_its_title(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Cold Orchard 2021\n\nReview by mo\n\ncold orchard made me cry twice.\n"
    assert subjects(run(blank_nlp, text)) == {"Cold Orchard"}
    # near miss: a year the body repeats belongs to the title
    kept = "Harbour 2049\n\nReview by mo\n\nHarbour 2049 made me cry twice.\n"
    assert subjects(run(blank_nlp, kept)) == {"Harbour 2049"}
