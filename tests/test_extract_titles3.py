"""Title rules for running prose: possessives with a cue, long titles, release cues,
mastheads and loose headline words, on ``spacy.blank("en")``; each test is one small
text we wrote, with a near miss it must not fire on."""

from __future__ import annotations

from rules_helpers import run_rules as run

from graph.extract_headline import headline_of
from graph.extract_possessive import extend_title, find_possessive_titles
from graph.extract_showing import find_showing_titles
from graph.models import Extraction


def titles(x: Extraction) -> set[str]:
    return {f.title for f in x.films}


def subjects(x: Extraction) -> set[str]:
    return {f.title for f in x.films if f.role == "subject"}


def test_a_possessive_title_that_wins_a_prize_is_a_film() -> None:
    text = (
        "PARK CITY - Mara Olsen's The Salt Road won the audience award on Sunday. "
        "The runner-up was Tom Keane's Blue Hour, and Eva Lund's Anna came third."
    )
    found = {t.title: t.director for t in find_possessive_titles(text, people=[])}
    assert found == {"The Salt Road": "Mara Olsen"}  # runner-ups: the prize rules
    text = "It was Ada Moss's Golden Bear moment, and Jo Doe's Palme d'Or came later."
    assert find_possessive_titles(text, people=[]) == []
    # near miss: no prize, no year, no repeat, no film word around it
    assert not find_possessive_titles("We met Mara Olsen's Uncle Bob there.", people=[])


def test_a_possessive_keeps_its_subtitle_and_comma_parts() -> None:
    assert (
        extend_title("Glass Onion: A Knives Out Mystery, and", "Glass Onion", 11)
        == "Glass Onion: A Knives Out Mystery"
    )
    text = "Next comes Jo Doe's Rosa Kern, 12 rue du Port, 3000 Lyon (1975), at last."
    found = [t.title for t in find_possessive_titles(text, people=[])]
    assert found == ["Rosa Kern, 12 rue du Port, 3000 Lyon"]
    # near miss: a lower-case clause after a colon is no subtitle
    assert extend_title("Blue Hour: the story of", "Blue Hour", 9) == "Blue Hour"


def test_a_qualifier_before_a_genre_noun_is_no_title() -> None:
    text = "Then came Tom Keane's Oslo comedy, a film about a woman who cannot decide."
    assert find_possessive_titles(text, people=[]) == []
    text = "Then came Tom Keane's Oslo Nights, a film about a woman who cannot decide."
    assert [t.title for t in find_possessive_titles(text, people=[])] == ["Oslo Nights"]


def test_an_author_is_no_director_but_a_comic_book_story_is_a_film() -> None:
    text = "The prize went to Tom Keane's Joker Road, a comic-book origin story."
    assert [t.title for t in find_possessive_titles(text, people=[])] == ["Joker Road"]
    text = "It is made from Tom Keane's Joker Road, a novel everyone read."
    assert find_possessive_titles(text, people=[]) == []


def test_a_year_after_a_possessive_names_the_title_not_the_day(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The season opens on Thursday with Mara Olsen's Cold Water (1962), a film "
        "about waiting. Lena Berg plays Anna.\n"
    )
    x = run(blank_nlp, text)
    assert "Cold Water" in titles(x)
    assert not any("Thursday" in t for t in titles(x))


def test_a_release_cue_names_the_film() -> None:
    text = (
        "There is a moment halfway through Cold Water, which opens in British "
        "cinemas on Friday, when Anna stops. In Blue Hour (in cinemas next month) "
        "nothing happens. Rye Lane is at cinemas nationwide from Friday. "
        "Old Rope, which opened in 1975, is long forgotten."
    )
    found = {t.title: t.role for t in find_showing_titles(text)}
    assert found == {
        "Cold Water": "subject",
        "Blue Hour": "subject",
        "Rye Lane": "subject",
        "Old Rope": "unknown",
    }
    # near misses: a cinema, a person, a pronoun
    text = "The Lumen Cinema, which opens at nine, is cold. It is in cinemas now."
    assert find_showing_titles(text) == []
    assert (
        find_showing_titles(
            "Lena Berg, now on Netflix, smiles.", not_titles={"lena berg"}
        )
        == []
    )


def test_a_column_label_or_dateline_is_no_headline() -> None:
    text = "Repertory | Film\n\nWomen behind the camera: a season\n\nBody text here.\n"
    assert headline_of(text, None) == ("Women behind the camera: a season", 18)
    text = "BERLIN — Saturday 16 February 2019\n\nGolden Bear goes to X\n\nBody.\n"
    assert headline_of(text, None)[0] == "Golden Bear goes to X"  # type: ignore[index]
    # near miss: a title with its review label stays the headline
    text = "Past Lives | Review\n\nBody text here.\n"
    assert headline_of(text, None)[0] == "Past Lives | Review"  # type: ignore[index]


def test_a_loose_headline_word_is_no_title(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Lido verdict: Cold Water takes the Golden Lion\n\n"
        "Nobody on the Lido expected it. Cold Water, directed by Mara Olsen, won.\n"
    )
    x = run(blank_nlp, text)
    assert "Lido" not in titles(x)
    text = "Fifty years in the water: rewatching Cold Water\n\nFifty years later, Cold Water still bites.\n"
    x = run(blank_nlp, text)
    assert subjects(x) == {"Cold Water"}
    # near miss: a one-word title the body names on its own stays
    text = "Saltburn review: a cruel house party\n\nSaltburn is a film about a house.\n"
    assert subjects(run(blank_nlp, text)) == {"Saltburn"}
    text = (
        "Barbie: a pink triumph\n\nGreta Doe's Barbie is a blast from start to end.\n"
    )
    assert subjects(run(blank_nlp, text)) == {"Barbie"}  # a possessive is no name


def test_a_profile_headline_names_a_person_not_a_film(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Lena Berg, or the art of not explaining yourself\n\n"
        "The key to Berg's career is refusal. Cold Water, which opens on Friday, "
        "proves it.\n"
    )
    x = run(blank_nlp, text)
    assert "Lena Berg" not in titles(x)
    assert "Cold Water" in subjects(x)


def test_a_prize_sentence_quotes_its_films() -> None:
    from graph.extract_award_quotes import find_prize_sentence_titles

    text = (
        'The Grand Prix was shared between "Cold Water" of the Danish Mara Olsen and '
        '"Blue Hour" of Tom Keane. The prize of the mise en scène returns to Eva Lund '
        'for "Rye Lane". She is the second woman to win the prize, after Ada Moss for "Old '
        'Rope" in 1993. Everyone talked about "Salt" at dinner.'
    )
    found = {t.title: (t.role, t.director) for t in find_prize_sentence_titles(text)}
    assert found == {
        "Cold Water": ("subject", "Mara Olsen"),
        "Blue Hour": ("subject", "Tom Keane"),
        "Rye Lane": ("subject", "Eva Lund"),
        "Old Rope": ("mentioned", None),
    }


def test_a_title_that_wins_or_runs_up_is_awarded() -> None:
    from graph.extract_award_quotes import find_prize_sentence_titles

    text = (
        "Mara Olsen's The Salt Road won the People's Choice Award on Sunday. The first "
        "runner-up was Tom Keane's Blue Hour, and the second runner-up Eva Lund's "
        "Rye Lane. Saltburn takes the Golden Lion. Lena Berg won the Volpi Cup, "
        "and Berg won the acting prize. Lena Berg takes the Golden Lion."
    )
    found = {t.title: t.director for t in find_prize_sentence_titles(text)}
    assert found == {
        "The Salt Road": "Mara Olsen",
        "Blue Hour": "Tom Keane",
        "Rye Lane": "Eva Lund",
        "Saltburn": None,
    }


def test_a_festival_report_label_is_no_film(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        'Palmarès of Cannes: the Palme to "Cold Water" of Mara Olsen\n\n'
        'The jury crowned "Cold Water" in Cannes on Saturday.\n'
    )
    x = run(blank_nlp, text)
    assert subjects(x) == {"Cold Water"}
    # near miss: a film whose title has a report word but no festival stays
    text = "Diary of a Maid: the servant speaks\n\nDiary of a Maid is a film.\n"
    assert subjects(run(blank_nlp, text)) == {"Diary of a Maid"}


def test_an_actor_owning_the_first_word_of_a_title_owns_a_character() -> None:
    from graph.extract_films import find_titles

    text = (
        "It opens with Ada Moss's Rosa from 5 to 7 (1962), in which Lena Berg's Rosa "
        "waits. Rosa walks. Later, Ada Moss's Rosa Kern (1970) is shown too."
    )
    found = find_titles(text, headline=None, known_title=None, people=[])
    owned = {(t.title, t.director) for t in found if t.rule == "film.possessive"}
    assert ("Rosa", "Lena Berg") not in owned
    assert ("Rosa from 5 to 7", "Ada Moss") in owned


WATCH_COLUMN = (
    "WHAT TO WATCH\n\n"
    "The week's best films: from a Turkish holiday to a Kestrel on BBC Two\n\n"
    "FILM OF THE WEEK\nCold Water (12A) ★★★★★\nIn cinemas from Friday\n\n"
    "Mara Olsen's debut is a film made of fragments, and it never explains itself.\n\n"
    "STREAMING PICK\nBlue Hour, Netflix ★★★★\n\n"
    "Tom Keane, named best director at Locarno, makes a thriller out of a "
    "bus ride, and it works.\n"
)


def test_star_rated_entries_of_a_column_are_its_films(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    x = run(blank_nlp, WATCH_COLUMN)
    assert subjects(x) == {"Cold Water", "Blue Hour"}
    makers = {f.title: [d.name for d in f.directors] for f in x.films}
    assert makers == {"Cold Water": ["Mara Olsen"], "Blue Hour": ["Tom Keane"]}


def test_a_rating_only_user_review_names_its_film_in_lower_case() -> None:
    from graph.extract_user_title import find_lowercase_subject

    text = (
        "9/10\nslow but worth every minute (yes all 3 hours)\n\nuser_1 4 May 2022\n\n"
        "Warning: Spoilers\n\ni almost didnt watch this but im glad. cold water is "
        "directed by Mara Olsen and its about a widow who waits and waits forever.\n"
    )
    found = find_lowercase_subject(text, body_start=4)
    assert [t.title for t in found] == ["Cold Water"]
    text = "10/10\n\nsaw rrr first day first show, crowd went crazy, so good.\n"
    assert [t.title for t in find_lowercase_subject(text, body_start=5)] == ["Rrr"]
    # near misses: a pronoun is directed by nobody, "saw it" names nothing
    text = "10/10\n\nsaw it first day, crowd went crazy. it is directed by Jo Doe.\n"
    assert find_lowercase_subject(text, body_start=5) == []


def test_a_prize_sentence_names_films_after_an_actor_or_a_best_prize() -> None:
    from graph.extract_award_quotes import find_prize_sentence_titles

    text = (
        "The Silver Bear for Best Supporting Performance went to Lea Moss, chilling "
        "as Sister Ann, in Tom Keane's Small Hours, which opened the festival. "
        "Ada Berg won the Volpi Cup for best actress for Gloria Rosa, by her husband "
        "Jo Doe. The Special Jury Prize went to La notte non è più quella by Eva Lund."
    )
    found = {t.title: t.director for t in find_prize_sentence_titles(text)}
    assert found["Small Hours"] == "Tom Keane"
    assert found["Gloria Rosa"] == "Jo Doe"
    assert found["La notte non è più quella"] == "Eva Lund"
    assert "Lea Moss" not in found and "Sister Ann" not in found


def test_an_ner_person_without_a_person_cue_vetoes_no_title() -> None:
    from graph.extract_title_base import corroborated_persons

    text = (
        "It went to Lea Moss for Gloria Rosa, by her husband Jo Doe. The actress Ada Berg "
        "smiled; Tom Keane plays a priest, and Nan Field never left. Field stayed."
    )
    persons = [
        "Lea Moss",
        "Gloria Rosa",
        "Jo Doe",
        "Ada Berg",
        "Tom Keane",
        "Nan Field",
    ]
    assert corroborated_persons(text, persons, ["Jo Doe"]) == {
        "lea moss", "jo doe", "ada berg", "tom keane", "nan field",
    }  # fmt: skip


def test_a_credit_line_under_a_list_entry_names_its_director(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The best films of the year: our top three\n\n"
        "3. Cold Water\nDir: Mara Olsen\n\nA widow waits at the harbour.\n\n"
        "2. Blue Hour\nDirector: Tom Keane\n\nA bus ride at night.\n\n"
        "1. Rye Lane\n\nEva Lund's romcom is a joy; Jo Doe is in it.\n"
    )
    x = run(blank_nlp, text)
    makers = {f.title: [d.name for d in f.directors] for f in x.films}
    assert makers["Cold Water"] == ["Mara Olsen"]
    assert makers["Blue Hour"] == ["Tom Keane"]
    assert "Jo Doe" not in makers["Rye Lane"]


def test_a_translated_prize_names_quoted_films_with_their_second_title() -> None:
    from graph.extract_award_quotes import find_prize_sentence_titles

    text = (
        'The Palm of Gold, itself, went to "Sans sel" (Without Salt) of the Swedish '
        'Mara Olsen. The Cristal of the long metrage went to "Blue Hour" of Tom '
        'Keane. We then saw "Rye Lane" with friends.'
    )
    found = {t.title: t.director for t in find_prize_sentence_titles(text)}
    assert found == {"Sans sel": "Mara Olsen", "Blue Hour": "Tom Keane"}


PROGRAMME = (
    "The season opens with Mara Olsen's Cold Water (1962), a film about waiting. "
    "Next week comes Tom Keane's Blue Hour (1975), and the retrospective closes "
    "with Eva Lund's Rye Lane (1999).\n"
)


def test_a_season_of_dated_possessive_titles_presents_them() -> None:
    found = find_possessive_titles(PROGRAMME, people=[])
    intro = {t.title for t in found if t.rule == "film.intro_programme"}
    assert intro == {"Cold Water", "Blue Hour", "Rye Lane"}
    # near miss: a career column recalls old films of several directors
    column = PROGRAMME.replace("The season opens", "Her career began").replace(
        "the retrospective closes", "it ended"
    )
    found = find_possessive_titles(column, people=[])
    assert not [t for t in found if t.rule == "film.intro_programme"]


def test_a_film_in_competition_is_a_dispatch_film() -> None:
    from graph.extract_showing import find_competing_titles

    text = (
        "4pm. Mara Olsen, who won the Palme here with Old Rope in 2018, is back in "
        "competition with Cold Water, told three times. Later, Tom Keane was in "
        "competition with Netflix for my attention."
    )
    found = find_competing_titles(text)
    assert [(t.title, t.director) for t in found] == [("Cold Water", "Mara Olsen")]


def test_a_prize_that_went_to_a_long_name_for_a_title() -> None:
    from graph.extract_award_quotes import find_prize_sentence_titles

    text = (
        "The Silver Bear for Best Director went to Ana Luz de los Santos Rey for "
        "Pepe, narrated by a hippo. The Silver Bear for acting went to Lea Moss for "
        "Best Leading Performance."
    )
    found = {t.title: t.director for t in find_prize_sentence_titles(text)}
    assert found == {"Pepe": "Ana Luz de los Santos Rey"}


def test_a_venue_or_a_surname_is_no_film() -> None:
    from graph.extract_award_quotes import find_prize_sentence_titles

    for text in (
        "Cannes, which opens on Tuesday, is sunny.",
        "The Curzon Soho, which opens at noon, is full.",
        "Netflix, now on Netflix, smiles.",
    ):
        assert find_showing_titles(text) == [], text
    text = "Hirokazu Kore-eda is back. Kore-eda won the Palme d'Or in May."
    assert find_prize_sentence_titles(text) == []
    text = "Todd Doe's Joker is loud. Joker takes the Golden Lion."
    assert [t.title for t in find_prize_sentence_titles(text)] == ["Joker"]


DIARY = (
    "Notebook: a week of catching up\n\n"
    "Monday. Finally watched Mara Olsen's Cold Water, all three hours of it.\n\n"
    "Tuesday. Something lighter, and put on Blue Hour again. Not lighter.\n\n"
    "Wednesday. Work. Nothing.\n\n"
    "Thursday. Rye Lane (2000), because a friend had never seen it.\n"
)


def test_each_day_of_a_viewing_diary_names_its_film() -> None:
    from graph.extract_diary import find_diary_titles

    found = {t.title: t.director for t in find_diary_titles(DIARY)}
    assert found == {"Cold Water": "Mara Olsen", "Blue Hour": None, "Rye Lane": None}
    # near miss: two day labels are no diary
    two = DIARY.split("Wednesday")[0]
    assert find_diary_titles(two) == []


def test_a_numbered_entry_gives_its_second_title(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Our top three of the year\n\n"
        "3. 120 Days (120 jours de mer)\nDir: Mara Olsen\n\nA crew at sea.\n\n"
        "2. Blue Hour\n\nA bus ride.\n\n"
        "1. Rye Lane (spoilers)\n\nA walk.\n"
    )
    x = run(blank_nlp, text)
    films = {f.title: f.original_title for f in x.films}
    assert films["120 Days"] == "120 jours de mer"
    assert "Rye Lane" not in films or films["Rye Lane"] is None
