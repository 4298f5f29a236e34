"""Extraction rules for prose-heavy reviews (palmarès, apposition, relations), on
``spacy.blank("en")`` so they run fast: each test is one small text we wrote."""

from __future__ import annotations

import pytest
from rules_helpers import run_rules as run

from graph.models import Extraction, FilmMention


def films(x: Extraction) -> dict[str, FilmMention]:
    return {f.title: f for f in x.films}


PALMARES = (
    "Lisbon 2031: the jury's choices\n\n"
    "The festival closed last night. The Grand Prize went to Tomas Verhoek's The "
    "Quiet Harbour, a slow drama about fishermen. The Silver Wave for best director "
    "went to Anna Lindqvist for Northern Glass, her third feature. Marco Bellini was "
    "named best actor for Iron Orchard. The jury gave the Golden Wave to Ruth "
    "Okafor's Salt Houses. Okafor already won the Golden Bear in 2024 for Old Roads."
)


def test_prize_prose_names_every_winning_film(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    got = films(run(blank_nlp, PALMARES))
    for title in ("The Quiet Harbour", "Northern Glass", "Iron Orchard", "Salt Houses"):
        assert got[title].role == "subject", title
    assert [d.name for d in got["The Quiet Harbour"].directors] == ["Tomas Verhoek"]
    assert [d.name for d in got["Northern Glass"].directors] == ["Anna Lindqvist"]
    assert [d.name for d in got["Salt Houses"].directors] == ["Ruth Okafor"]
    assert [c.actor for c in got["Iron Orchard"].cast] == ["Marco Bellini"]


def test_prize_won_in_an_earlier_year_is_only_a_mention(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    got = films(run(blank_nlp, PALMARES))
    assert "Old Roads" not in got or got["Old Roads"].role == "mentioned"


def test_sentence_case_foreign_title_after_prize(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Rome 2031: prizes\n\nThe festival ended. The Volpi Cup for best actor went "
        "to Paul Mercier for Jouer avec la mer, a tender drama."
    )
    got = films(run(blank_nlp, text))
    assert got["Jouer avec la mer"].role == "subject"
    assert [c.actor for c in got["Jouer avec la mer"].cast] == ["Paul Mercier"]


def test_director_word_before_went_to_is_not_a_title(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Lisbon 2031: prizes\n\nThe Blue Room, a stark drama, opened the festival. "
        "The prize for best director went to Anna Lindqvist for Northern Glass."
    )
    got = films(run(blank_nlp, text))
    assert [d.name for d in got["Northern Glass"].directors] == ["Anna Lindqvist"]
    assert all("Anna Lindqvist" not in [d.name for d in f.directors]
               for t, f in got.items() if t != "Northern Glass")  # fmt: skip


def test_section_name_is_never_a_director(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cannes 2031: prizes\n\nThe jury was generous. The Camera d'Or went to Ostra, "
        "from Un Certain Regard, by the Chilean Ines Valdivia."
    )
    got = films(run(blank_nlp, text))
    assert "Certain Regard" not in [d.name for d in got["Ostra"].directors]


def cast_of(x: Extraction, title: str) -> dict[str, str | None]:
    return {c.actor: c.character for c in films(x)[title].cast}


def test_relation_before_the_character(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Review: Salt Houses\n\nSalt Houses is a family film. Nora Haddad plays his "
        "wife Leila. Omar Ziani is their eldest son, Karim, who stays. Lina Sabbagh "
        "is very funny as Karim's sister Rana."
    )
    cast = cast_of(run(blank_nlp, text), "Salt Houses")
    assert cast["Nora Haddad"] == "Leila"
    assert cast["Omar Ziani"] == "Karim"
    assert cast["Lina Sabbagh"] == "Rana"


def test_appositive_between_character_and_played_by(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Review: Salt Houses\n\nSalt Houses follows Walter Brenner, the mayor of "
        "Grenzdorf, played by Jonas Keller, and Ida, a shy teacher played by Maren "
        "Vogt."
    )
    cast = cast_of(run(blank_nlp, text), "Salt Houses")
    assert cast["Jonas Keller"] == "Walter Brenner"
    assert cast["Maren Vogt"] == "Ida"


def test_actor_is_character_with_a_description(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Review: Salt Houses\n\nSalt Houses is a courtroom drama. Paul Mercier is "
        "Victor Lamb, a lawyer without scruples. Paul Mercier is superb."
    )
    assert cast_of(run(blank_nlp, text), "Salt Houses") == {
        "Paul Mercier": "Victor Lamb"
    }


def test_surname_plays_character_only_when_resolved(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Review: Salt Houses\n\nSalt Houses is a drama with Tom Keane in the lead role. Keane plays Edward, a "
        "clerk. Bright plays Ada."
    )
    cast = cast_of(run(blank_nlp, text), "Salt Houses")
    assert cast["Tom Keane"] == "Edward"
    assert "Bright" not in cast


def test_headline_introducing_the_director(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Mara Olsen returns, six years after Cold Water, with The Glass Orchard\n\n"
        "The Danish director has made only three features. Olsen's film follows "
        "Ada, played by Ruth Berg, through one winter."
    )
    got = films(run(blank_nlp, text))
    film = got["The Glass Orchard"]
    assert film.role == "subject"
    assert [d.name for d in film.directors] == ["Mara Olsen"]
    assert "Mara Olsen" not in got


def test_possessive_title_with_an_article(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Oslo 2031: a prize for Ruth Berg in A Quiet Man\n\nRuth Berg's performance "
        "in Mara Olsen's A Quiet Man was the talk of the festival."
    )
    film = films(run(blank_nlp, text))["A Quiet Man"]
    assert film.role == "subject"
    assert [d.name for d in film.directors] == ["Mara Olsen"]


def test_title_after_director_word_is_not_a_director(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Review: Cold Water\n\nCold Water is tense. Her previous film as a director, "
        "A Star Went Out (2019), was gentler."
    )
    names = {d.name for f in run(blank_nlp, text).films for d in f.directors}
    assert not any("Went Out" in n for n in names), names


def test_actor_director_keeps_director_and_role(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Review: Maestra\n\nIn Maestra, Lena Brook has directed herself as Clara "
        "Weiss, a conductor, and the result is dazzling."
    )
    film = films(run(blank_nlp, text))["Maestra"]
    assert [d.name for d in film.directors] == ["Lena Brook"]
    assert {c.actor: c.character for c in film.cast} == {"Lena Brook": "Clara Weiss"}


def test_section_possessive_in_headline_is_no_title(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cannes 2031: Le Jardin Noir of Anne Morel opens the Directors' Fortnight "
        "[critique]\n\nThe film opened the section on Wednesday."
    )
    got = films(run(blank_nlp, text))
    assert "Fortnight" not in got
    assert [d.name for d in got["Le Jardin Noir"].directors] == ["Anne Morel"]


def test_french_round_up_titles_roles_and_directors(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Trois films à revoir\n\n"
        "Le Secret d'Hélène Marchal (1998)\n"
        "Paul Girard a filmé une ville de province. Claire Roux est Hélène, "
        "institutrice.\n\n"
        "La Rue (1990)\n"
        "Deux ans plus tôt, le même Marc Aubry était derrière la caméra. La Rue suit "
        "trois amis.\n"
    )
    got = films(run(blank_nlp, text))
    assert "Trois" not in got
    secret = got["Le Secret d'Hélène Marchal"]
    assert [d.name for d in secret.directors] == ["Paul Girard"]
    assert {c.actor: c.character for c in secret.cast} == {"Claire Roux": "Hélène"}
    assert [d.name for d in got["La Rue"].directors] == ["Marc Aubry"]


def _festival_years(x: Extraction) -> set[tuple[str, int | None]]:
    return {(f.name, f.year) for film in x.films for f in film.festivals}


def test_festival_month_after_the_review_month_is_last_year(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Review: Cold Water\n\nPublished 20 January 2032\n\nCold Water, Mara Olsen's "
        "third film, won the Grand Prix at Cannes in May and opens this week."
    )
    assert ("Cannes Film Festival", 2031) in _festival_years(run(blank_nlp, text))


def test_french_festival_month_takes_the_review_year(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cold Water : un film glacial\n\nPar Anne Roy, 23 novembre 2031\n\n"
        "Primé à la Mostra de Venise en septembre, le film de Mara Olsen sort "
        "aujourd'hui. Cold Water est glacial."
    )
    assert ("Venice Film Festival", 2031) in _festival_years(run(blank_nlp, text))


def test_character_may_share_the_film_title(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Review: Kowalski\n\nKowalski is a biopic of the engineer. Tom Keane as "
        "Kowalski is remarkable, and Ruth Berg plays his wife Ada."
    )
    assert cast_of(run(blank_nlp, text), "Kowalski")["Tom Keane"] == "Kowalski"


def test_title_by_siblings_nationality_and_that_made(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Rome 2031: prizes\n\nThe jury gave its awards. The Golden Wave went to Salt "
        "Houses, by the sisters Anna and Lena Brook. The Grand Prize went to Ostra, "
        "from Orizzonti, by the Chilean Ines Valdivia. Paul Mercier was named best "
        "actor for Cold Water, the thriller that Mara Olsen made in Norway."
    )
    got = films(run(blank_nlp, text))
    assert {d.name for d in got["Salt Houses"].directors} == {
        "Anna Brook",
        "Lena Brook",
    }
    assert [d.name for d in got["Ostra"].directors] == ["Ines Valdivia"]
    assert [d.name for d in got["Cold Water"].directors] == ["Mara Olsen"]


def test_plays_both_directing_as_and_role_nouns(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Review: Salt Houses\n\nSalt Houses is a strange film. Nora Haddad, who "
        "plays both Leila and Rana, is astonishing. Mara Olsen, directing Tom Keane, "
        "her longtime partner, as Edward Lamb, keeps it tight. Paul Mercier, en "
        "avocat de la défense, is superb."
    )
    x = run(blank_nlp, text)
    film = films(x)["Salt Houses"]
    pairs = {(c.actor, c.character) for c in film.cast}
    assert ("Tom Keane", "Edward Lamb") in pairs
    assert ("Nora Haddad", "Leila") in pairs or ("Nora Haddad", "Rana") in pairs
    assert "Paul Mercier" in {c.actor for c in film.cast}


def test_best_director_list_line(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cannes 2031: the palmarès\n\nPalme d'Or: Salt Houses, Anna Brook.\n"
        "Best director: Tom Keane for Cold Water, a quiet film.\n"
    )
    got = films(run(blank_nlp, text))
    assert got["Cold Water"].role == "subject"
    assert [d.name for d in got["Cold Water"].directors] == ["Tom Keane"]


ROUND_UP = (
    "Three films to catch this weekend\n\n"
    "The best of the week is *The Quiet Harbour* (Tomas Verhoek, 2031), a slow "
    "drama with Nora Haddad as Leila. Also worth a look: _Cold Water_ (Mara Olsen, "
    "2030), starring Paul Mercier and Ruth Berg. Finally, \u201cSalt Houses\u201d, "
    "directed by Anna Brook, is a comedy in which Tom Keane plays Edward."
)


def test_markdown_italics_mark_titles(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    got = films(run(blank_nlp, ROUND_UP))
    assert [d.name for d in got["The Quiet Harbour"].directors] == ["Tomas Verhoek"]
    assert [d.name for d in got["Cold Water"].directors] == ["Mara Olsen"]


def test_round_up_film_introduced_with_director_is_a_subject(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    film = films(run(blank_nlp, ROUND_UP))["Salt Houses"]
    assert film.role == "subject"
    assert [d.name for d in film.directors] == ["Anna Brook"]
    assert {c.actor: c.character for c in film.cast} == {"Tom Keane": "Edward"}


@pytest.mark.parametrize(
    "body",
    [
        "Cold Water is the third feature from Danish filmmaker Mara Olsen. Ruth Berg "
        "stars as Ada, a fisherwoman.",
        "With Cold Water, the Danish director Mara Olsen finally delivers. Ruth Berg "
        "plays Ada, a fisherwoman.",
        "In Cold Water, Mara Olsen follows a fisherwoman through one winter. Ruth "
        "Berg plays Ada.",
    ],
)
def test_film_introduced_with_its_director(blank_nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    x = run(blank_nlp, "A quiet triumph, at last\n\n" + body)
    film = films(x)["Cold Water"]
    assert film.role == "subject"
    assert [d.name for d in film.directors] == ["Mara Olsen"]
    assert {c.actor: c.character for c in film.cast} == {"Ruth Berg": "Ada"}


def test_place_after_in_is_not_a_title(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    x = run(blank_nlp, "Notes\n\nIn Paris, Mara Olsen follows a fisherwoman home.")
    assert "Paris" not in films(x)


def test_translated_film_of_director(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cannes 2031: the new film of Mara Olsen divides the Croisette\n\n"
        "Cold Water, the new film of Mara Olsen, was presented this Tuesday in "
        "competition. Ruth Berg is Ada, a fisherwoman."
    )
    got = films(run(blank_nlp, text))
    assert "Mara Olsen" not in got
    assert [d.name for d in got["Cold Water"].directors] == ["Mara Olsen"]


@pytest.mark.parametrize(
    "body",
    [
        "I finally watched Cold Water last night. Mara Olsen directed it with care.",
        "Cold Water (2031)\nDirected by Mara Olsen\nStarring Ruth Berg\n\nA fine film.",
    ],
)
def test_director_of_it_and_credit_block(blank_nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    x = run(blank_nlp, "Why I loved Cold Water\n\n" + body)
    assert [d.name for d in films(x)["Cold Water"].directors] == ["Mara Olsen"]


def test_round_up_headline_makes_every_introduced_film_a_subject(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Oslo 2031: five films to watch in the competition\n\nThe festival opens on "
        "Thursday. Among the highlights: Mara Olsen's Cold Water, a drama about a "
        "fisherwoman (Ruth Berg); Tom Keane's Salt Houses, with Paul Mercier as a "
        "widower; and Ostra, the debut of Chilean director Ines Valdivia."
    )
    got = films(run(blank_nlp, text))
    expected = {"Cold Water": "Mara Olsen", "Salt Houses": "Tom Keane",
                "Ostra": "Ines Valdivia"}  # fmt: skip
    for title, director in expected.items():
        assert got[title].role == "subject", title
        assert [d.name for d in got[title].directors] == [director]


def test_possessive_character_of_a_named_actor_only(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Review: Cold Water\n\nCold Water is a drama starring Ruth Berg. Berg's Ada "
        "is a marvel of restraint. Mara Olsen's Jonas is a sketch, not a person."
    )
    film = films(run(blank_nlp, text))["Cold Water"]
    assert {c.actor: c.character for c in film.cast} == {"Ruth Berg": "Ada"}
    assert "Ada" not in films(run(blank_nlp, text))


def test_actor_possessive_is_not_a_film(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Review: Cold Water\n\nCold Water is a drama. Ruth Berg's Ada is a marvel. "
        "Jonas (played by Tom Keane) is her husband."
    )
    assert set(films(run(blank_nlp, text))) == {"Cold Water"}


def test_french_sentence_case_title_and_roles(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Critique : Les Maisons de sel, de Tom Keane\n\nAvec Les Maisons de sel, Tom "
        "Keane signe une comédie douce. Paul Mercier y joue Jorge, un veuf. Nora "
        "Haddad incarne sa sœur, Rosa."
    )
    film = films(run(blank_nlp, text))["Les Maisons de sel"]
    assert [d.name for d in film.directors] == ["Tom Keane"]
    cast = {c.actor: c.character for c in film.cast}
    assert cast == {"Paul Mercier": "Jorge", "Nora Haddad": "Rosa"}


def test_director_and_country_in_parentheses(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Oslo 2031 diary, day 4\n\nFirst, Cold Water (Mara Olsen, Denmark), in which "
        "Ruth Berg plays a fisherwoman. Then a walk by the fjord (Ruth Berg, Ada)."
    )
    got = films(run(blank_nlp, text))
    assert [d.name for d in got["Cold Water"].directors] == ["Mara Olsen"]
    assert all("Ruth Berg" not in [d.name for d in f.directors] for f in got.values())


def test_round_up_keeps_each_festival_edition_with_its_film(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Looking back: two films\n\nCold Water (2021)\nMara Olsen's drama won a prize "
        "at Cannes in 2021.\n\nSalt Houses (2022)\nTom Keane's debut premiered in the "
        "Critics' Week at Cannes in 2022.\n"
    )
    got = films(run(blank_nlp, text))
    assert [(f.name, f.year) for f in got["Cold Water"].festivals] == [
        ("Cannes Film Festival", 2021)
    ]
    assert [(f.name, f.year) for f in got["Salt Houses"].festivals] == [
        ("Cannes Film Festival", 2022)
    ]


def test_month_year_dateline_and_first_feature_by(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cold Water and the sea\n\nPosted on my film diary, July 2031\n\nI almost "
        "missed Cold Water. It premiered at the Sundance Film Festival in January. "
        "The film is the first feature by Mara Olsen, a playwright."
    )
    film = films(run(blank_nlp, text))["Cold Water"]
    assert [(f.name, f.year) for f in film.festivals] == [
        ("Sundance Film Festival", 2031)
    ]
    assert [d.name for d in film.directors] == ["Mara Olsen"]


def test_more_indirect_roles(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Review: Cold Water\n\nCold Water is a drama. Ruth Berg, who won a prize for "
        "Ostra, plays her mother Ada. Jonas, an old friend and lawyer played with "
        "quiet unease by Tom Keane, defends her. Erik, a sulky boy voiced by Paul "
        "Mercier, sulks. Nora Haddad is Leila, Ada's sister. The mayor Lars Holm, a "
        "hilarious Anna Brook, runs the town. Lena Brook, as the grandmother, is a "
        "joy. Ines Valdivia, en gendarme nommée Julia, amuses."
    )
    cast = cast_of(run(blank_nlp, text), "Cold Water")
    assert cast["Ruth Berg"] == "Ada"
    assert cast["Tom Keane"] == "Jonas"
    assert cast["Paul Mercier"] == "Erik"
    assert cast["Nora Haddad"] == "Leila"
    assert cast["Anna Brook"] == "Lars Holm"
    assert "Lena Brook" in cast
    assert cast["Ines Valdivia"] == "Julia"


def test_orders_of_a_named_officer_keep_the_character(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Review: Cold Water\n\nCold Water is a drama. She works under the orders of "
        "Colonel Weber, played by Tom Keane. She lives near Oslo, played by nobody."
    )
    assert cast_of(run(blank_nlp, text), "Cold Water")["Tom Keane"] == "Colonel Weber"


def test_screenplay_prize_goes_to_the_author(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Lisbon 2031: prizes\n\nThe festival closed. Mara Olsen took the screenplay "
        "prize for Cold Water. Ruth Berg won the prize for best actress for Ostra."
    )
    got = films(run(blank_nlp, text))
    assert [d.name for d in got["Cold Water"].directors] == ["Mara Olsen"]
    assert [c.actor for c in got["Ostra"].cast] == ["Ruth Berg"]
    assert not got["Ostra"].directors


def test_earlier_prize_at_another_festival_is_dropped(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cannes 2031: Cold Water wins the Palme\n\nMara Olsen's Cold Water won the "
        "Palme d'Or last night. Olsen won the Golden Bear in Berlin in 2027 with "
        "Ostra."
    )
    got = films(run(blank_nlp, text))
    assert {(f.name, f.year) for f in got["Cold Water"].festivals} == {
        ("Cannes Film Festival", 2031)
    }
