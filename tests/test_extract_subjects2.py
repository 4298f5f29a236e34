"""Subject decisions and film precision, on ``spacy.blank("en")``: a person's name
read as a film, a name a rule took into a title, an editor's note over the
headline, an earlier work named in a dated list, and the subject of a review no
rule gave one. Each text is invented here, with a near miss."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rules_helpers import run_rules as run

from graph.extract_people import PersonFact
from graph.extract_salience import is_compared
from graph.extract_subjects import without_people
from graph.extract_title_base import TitleFact

if TYPE_CHECKING:
    from spacy.language import Language


def _roles(x: Any) -> dict[str, str]:
    return {f.title: f.role for f in x.films}


def test_a_quoted_surname_of_a_person_is_no_film(blank_nlp: Language) -> None:
    text = (
        "Cold Water review: a chilly drama\n\n"
        'Directed by Mara Olsen, Cold Water is the least "Olsen" film she has made. '
        "Ann Lee plays Mia.\n\n"
        'Cold Water opens Friday. "Harbour Lights" was her first film.'
    )
    roles = _roles(run(blank_nlp, text))
    assert roles.get("Cold Water") == "subject"
    assert "Olsen" not in roles
    # near miss: a quoted title that is nobody's name stays
    assert roles.get("Harbour Lights") == "mentioned"


def test_a_lone_person_title_keeps_the_review_people(blank_nlp: Language) -> None:
    text = (
        "9/10\n\n"
        'Mara Olsen has made the least "Olsen" film of her career. Ann Lee plays '
        "Mia, a diver, and Tom Roe plays her brother Jon."
    )
    films = run(blank_nlp, text).films
    # no other film to hold the cast: the only film stays rather than lose them
    assert [c.actor for f in films for c in f.cast]


def _fact(title: str, rule: str = "film.prose_intro") -> TitleFact:
    return TitleFact(title, 10, 10 + len(title), rule, 0.7, "subject")


def test_a_full_name_before_an_article_is_the_director() -> None:
    people = [PersonFact("cast", "Ann Lee", 0, 7, "cast.as", 0.8)]
    fact = without_people(_fact("Jon Brandt's A Quiet Field"), people)
    assert (fact.title, fact.director, fact.start) == (
        "A Quiet Field",
        "Jon Brandt",
        23,
    )
    # near misses: a possessive title, an owner the review does not give as a person
    assert without_people(_fact("Sophie's Choice"), people).title == "Sophie's Choice"
    kept = without_people(_fact("Jayne Mansfield's Car"), people)
    assert kept.title == "Jayne Mansfield's Car"
    owned = without_people(_fact("Ann Lee's Salt Road"), people)
    assert owned.title == "Salt Road"


def test_a_translation_s_makers_leave_the_title() -> None:
    fact = without_people(_fact("Salt Road of Kleber Dorn and Juliano Ruiz"), [])
    assert fact.title == "Salt Road"
    # near misses: a title whose "of" names one person, or no person
    kept = without_people(_fact("The Diary of Anne Frank"), [])
    assert kept.title == "The Diary of Anne Frank"
    kept = without_people(_fact("Portrait of a Lady on Fire"), [])
    assert kept.title == "Portrait of a Lady on Fire"


def test_an_editor_note_is_no_headline(blank_nlp: Language) -> None:
    text = (
        "[Automatic translation from French]\n\n"
        '"Cold Water": Mara Olsen makes the sea explode\n\n'
        "The first feature of Mara Olsen goes out this Wednesday. Ann Lee plays Mia."
    )
    assert _roles(run(blank_nlp, text)).get("Cold Water") == "subject"


def test_a_dated_list_after_a_comparison_word_is_compared() -> None:
    text = (
        "After Salt Houses (2007), Quiet Hours (2011) and Harbour Lights (Ports, "
        "2014), the director leaves the present. Cold Water (2019) is a costume film."
    )
    assert is_compared(text, text.index("Quiet Hours"))
    assert is_compared(text, text.index("Harbour Lights"))
    # near miss: a dated title opening its own sentence
    assert not is_compared(text, text.index("Cold Water"))


def test_the_fallback_subject_is_no_earlier_work(blank_nlp: Language) -> None:
    text = (
        "Lido, 2019: the sea at night\n\n"
        "Her Quiet Hours (2011) was a study of girls. Now, in 2019, Mara Olsen "
        'returns with "Cold Water", her most beautiful film. Ann Lee plays Mia.'
    )
    roles = _roles(run(blank_nlp, text))
    assert roles.get("Cold Water") == "subject"
    assert roles.get("Quiet Hours") != "subject"


def test_a_numbered_part_stays_in_the_headline_title(blank_nlp: Language) -> None:
    text = (
        "Salt Road: Part Two — the epic of a generation\n\n"
        "I defended Jon Brandt's Salt Road (1984) at parties. This one is better. "
        "Ann Lee plays Mia, and the desert has never looked bigger."
    )
    roles = _roles(run(blank_nlp, text))
    assert roles.get("Salt Road: Part Two") == "subject"
    # the first part, dated and owned, is another film
    assert roles.get("Salt Road") == "mentioned"


def test_a_tagline_then_the_film_names_the_film(blank_nlp: Language) -> None:
    text = (
        "Love among the glaciers: Cold Water\n\n"
        "Mara Olsen's Cold Water is built from archive footage of two divers. "
        "Cold Water never explains them."
    )
    roles = _roles(run(blank_nlp, text))
    assert roles.get("Cold Water") == "subject"
    assert "Love" not in roles


def test_a_sidebar_name_before_for_is_no_title(blank_nlp: Language) -> None:
    text = (
        "Cannes diary\n\n"
        "AN ESCAPE\nInto the Critics' Week for Salt Road, the debut of the Scottish "
        "director Mara Olsen, and out again in tears. Ann Lee plays Mia."
    )
    roles = _roles(run(blank_nlp, text))
    assert "Salt Road" in roles
    assert not any(t.startswith("Week") for t in roles)


def test_a_prize_report_keeps_its_other_winner(blank_nlp: Language) -> None:
    head = "{} for Mara Olsen's Cold Water\n\n"
    body = (
        "It was the most lopsided awards night in years. Mara Olsen's Cold Water "
        "won the Golden Bear. Ann Lee plays Mia, a diver. Cold Water is sombre.\n\n"
        "The Silver Bear Grand Jury Prize went to Jon Brandt's Salt Road, which "
        "Brandt calls his last film.\n"
    )
    report = _roles(
        run(blank_nlp, head.format("Golden Bear and both acting prizes") + body)
    )
    assert report.get("Salt Road") == "subject"
    # near miss: a headline about one film's prize keeps the other winner mentioned
    single = _roles(run(blank_nlp, head.format("A Golden Bear") + body))
    assert single.get("Salt Road") == "mentioned"


def test_a_surname_the_parser_tags_is_no_film() -> None:
    from graph.extract_assemble import FilmDraft
    from graph.extract_subjects import is_person_title

    text = "Mara Olsen liked to write. Olsen died in 2019. Olsen is missed."
    film = FilmDraft(TitleFact("Olsen", 27, 32, "title_model", 0.6, "unknown"))
    assert is_person_title(text, film, [], frozenset({"mara olsen"}))
    # near misses: a two-word title the parser calls a person, a rule's own title
    two = FilmDraft(TitleFact("Le Bonheur", 0, 10, "title_model", 0.6, "unknown"))
    assert not is_person_title(text, two, [], frozenset({"le bonheur"}))
    cued = FilmDraft(TitleFact("Olsen", 27, 32, "film.list_line", 0.8, "subject"))
    assert not is_person_title(text, cued, [], frozenset({"mara olsen"}))


def test_a_possessive_opening_a_cast_paragraph_is_a_film(blank_nlp: Language) -> None:
    text = (
        "Cannes wrap: a vintage year\n\n"
        "Mara Olsen's Cold Water won the Palme d'Or. Ann Lee plays Mia, a diver.\n\n"
        "Pedro Ruiz's Pain and Glory gave Tom Roe the best role of his career. "
        "Tom Roe plays Salvador, an ageing director.\n\n"
        "Sofia Brandt's Tokyo hotel romance is the other talk of the festival. "
        "Bill Stone plays Bob, a tired actor."
    )
    roles = _roles(run(blank_nlp, text))
    assert roles.get("Pain and Glory") == "subject"
    # near miss: a one-word place qualifying a genre noun is no title
    assert "Tokyo" not in roles


def test_a_translation_names_a_film_with_its_maker() -> None:
    from graph.extract_of_maker import find_of_maker_titles

    text = (
        "The Grand Prize went to Salt Road, of the Belgian Lukas Dorn, and Stars at "
        "Dusk of Claire Ruiz. The jury also liked Holy Fire of Ali Brandt. I reread "
        "The Diary of Anne Frank and The Wolf of Wall Street on the train, and the "
        "Festival of Mara Olsen closed."
    )
    found = {f.title: f.director for f in find_of_maker_titles(text)}
    assert found == {
        "Salt Road": "Lukas Dorn",
        "Stars at Dusk": "Claire Ruiz",
        "Holy Fire": "Ali Brandt",
    }


def test_a_shared_prize_and_a_prized_role_link_their_film() -> None:
    from graph.extract_salience import is_prized

    text = (
        "One will regret that Salt Road had to share the Price of the jury with "
        "Cold Water. The prize of interpretation crowned Ann Lee, superb in the "
        "role of a nurse in Holy Fire. She shared a flat with Tom Roe, seen in "
        "Grey Lake."
    )
    for title in ("Cold Water", "Holy Fire"):
        at = text.index(title)
        assert is_prized(text, at, at + len(title))
    # near miss: "shared ... with" and "in" without a prize in the sentence
    at = text.index("Grey Lake")
    assert not is_prized(text, at, at + len("Grey Lake"))


def test_a_heading_s_franchise_prefix_joins_the_title() -> None:
    from graph.extract_subjects import with_heading_prefix

    text = "Out in July\n\nMission: Unlikely - Cold Reckoning Part One (in cinemas)\n"
    at = text.index("Cold")
    fact = TitleFact("Cold Reckoning Part One", at, at + 23, "r", 0.7, "subject")
    assert with_heading_prefix(text, fact).title == (
        "Mission: Unlikely - Cold Reckoning Part One"
    )
    # near miss: a prefix inside a sentence
    prose = "I loved it all: Big Fun - Cold Water opens Friday."
    at = prose.index("Cold")
    fact = TitleFact("Cold Water", at, at + 10, "r", 0.7, "subject")
    assert with_heading_prefix(prose, fact).title == "Cold Water"
