"""List-shaped reviews and prize lines, on ``spacy.blank("en")``: films that open
their own line (headings, dash lead-ins), prize lines in both orders, and the
labels that are never films. Each text is invented here, with a near miss."""

from __future__ import annotations

from rules_helpers import run_rules as run

from graph.extract_awards import find_award_titles
from graph.extract_listitems import find_list_items, is_not_a_film

PROSE = "A long paragraph of prose about the film follows here, with several words. "

COUNTDOWN = (
    "The best films of the year\n\nBy Ann Critic | 1 December 2021\n\n"
    "1. Harbour Lights (dir. Maria Olsen)\n" + PROSE + "\n\n"
    "2. The Salt Road (Tomas Brandt, Denmark)\n" + PROSE + "\n\n"
    "3. QUIET HOURS (2021)\n" + PROSE + "\n"
)


def test_numbered_headings_give_films_directors_and_years() -> None:
    items = {t.title: t for t in find_list_items(COUNTDOWN, body_start=0)}
    assert set(items) == {"Harbour Lights", "The Salt Road", "Quiet Hours"}
    assert items["Harbour Lights"].director == "Maria Olsen"
    assert items["The Salt Road"].director == "Tomas Brandt"
    assert items["Quiet Hours"].year == 2021


def test_a_lone_heading_is_no_list() -> None:
    text = "Harbour Lights (dir. Maria Olsen)\n" + PROSE + "\n"
    assert find_list_items(text, body_start=0) == []


LEADS = (
    "NEW IN THEATERS\n"
    "Harbour Lights — Maria Olsen's quiet drama opens Friday, and it is lovely.\n\n"
    "STILL PLAYING\n"
    "The Salt Road (2020) — Tomas Brandt directs a road movie of some charm.\n\n"
    "Paris, Texas (1984) — still the best film about leaving.\n"
)


def test_dash_lead_ins_each_open_a_film() -> None:
    items = {t.title: t for t in find_list_items(LEADS, body_start=0)}
    assert set(items) == {"Harbour Lights", "The Salt Road", "Paris, Texas"}
    assert items["Harbour Lights"].director == "Maria Olsen"
    assert items["The Salt Road"].director == "Tomas Brandt"
    assert items["Paris, Texas"].year == 1984


def test_credit_and_prize_lines_are_no_list_items() -> None:
    text = (
        "Director: Maria Olsen — a credit line, not a film\n"
        "Golden Bear: Harbour Lights — a prize line, not a title\n"
        "It was a grim year — at the movies, though, a good one.\n"
    )
    assert find_list_items(text, body_start=0) == []


def test_labels_and_prizes_are_not_films() -> None:
    assert is_not_a_film("NEW IN THEATERS")
    assert is_not_a_film("THE YEAR IN FILM")
    assert is_not_a_film("Palme d'Or")
    assert not is_not_a_film("BROKER")
    assert not is_not_a_film("Harbour Lights")


PRIZES = (
    "Palme d'Or: Dust and Iron (Karl Dane)\n"
    "Best Director: Maria Olsen (Harbour Lights) and Tomas Brandt (The Salt Road)\n"
    "Best Actress: Lena Berg (Quiet Hours)\n"
    "Grand Prix: I, the Witness (Ida Moreau)\n"
    "Silver Bear for Outstanding Artistic Contribution: Jan Kral (cinematography), "
    "Night Ferry\n"
)


def test_prize_lines_read_each_entry_in_the_order_its_prize_implies() -> None:
    found = {
        t.title: (t.director, t.actor)
        for t in find_award_titles(PRIZES, not_titles=frozenset())
        if t.rule == "film.award_line"
    }
    assert found == {
        "Dust and Iron": ("Karl Dane", None),
        "Harbour Lights": ("Maria Olsen", None),
        "The Salt Road": ("Tomas Brandt", None),
        "Quiet Hours": (None, "Lena Berg"),
        "I, the Witness": ("Ida Moreau", None),
        "Night Ferry": (None, None),
    }


def test_a_known_person_first_is_the_person_whatever_the_prize() -> None:
    line = "Jury Prize: Lena Berg (Quiet Hours)\n"
    found = find_award_titles(line, not_titles=frozenset({"lena berg"}))
    lines = [(t.title, t.director) for t in found if t.rule == "film.award_line"]
    assert lines == [("Quiet Hours", "Lena Berg")]


def test_round_up_of_list_items_makes_each_film_a_subject(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    x = run(blank_nlp, COUNTDOWN)
    subjects = {f.title.casefold() for f in x.films if f.role == "subject"}
    assert {"harbour lights", "the salt road", "quiet hours"} <= subjects
    directors = {d.name for f in x.films for d in f.directors}
    assert {"Maria Olsen", "Tomas Brandt"} <= directors
