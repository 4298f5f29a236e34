"""Films-about rules for real headline and palmarès conventions, on
``spacy.blank("en")``; each test is one small text we wrote, with a near miss."""

from __future__ import annotations

from rules_helpers import run_rules as run

from graph.extract_text import fold
from graph.models import Extraction


def subjects(x: Extraction) -> set[str]:
    return {f.title for f in x.films if f.role == "subject"}


def mentioned(x: Extraction) -> set[str]:
    return {f.title for f in x.films if f.role == "mentioned"}


COLUMN = (
    "Second Look: Morning Tide, or the sailor who would not come home\n\n"
    "Ten years after (Old Rope, Karl Dane, 2012), Dane is back with a second film. "
    "Lena Berg plays Anna Tide, a widow who waits at the harbour.\n"
)


def test_column_label_before_the_title_or_tagline(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    x = run(blank_nlp, COLUMN)
    assert subjects(x) == {"Morning Tide"}
    assert "Old Rope" in mentioned(x)


def test_a_label_that_recurs_in_the_body_is_the_title(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Shark Week: a comedy about a very long week\n\n"
        "Shark Week follows three friends at a beach house. Lena Berg plays Anna.\n"
    )
    assert subjects(run(blank_nlp, text)) == {"Shark Week"}


ASIDES = (
    "The Winter Lodgers: a holiday film for people who hate holiday films\n\n"
    "Peter Vance plays Hal, a night porter nobody likes, and has not had a part "
    "this good since (Cold Water, Mara Olsen, 2004). You can see the models: "
    "(Salt Houses, Tom Keane, 1973) and (Blue Hour, Tom Keane, 1971).\n"
)


def test_paren_asides_are_comparisons_under_a_tagline_headline(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    x = run(blank_nlp, ASIDES)
    assert subjects(x) == {"The Winter Lodgers"}
    assert mentioned(x) == {"Cold Water", "Salt Houses", "Blue Hour"}


def test_a_paren_triple_opening_a_line_is_still_a_subject(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Two films for the weekend\n\n(Cold Water, Mara Olsen, 2004)\n"
        "A widow waits at the harbour.\n\n(Blue Hour, Tom Keane, 1971)\n"
        "A night porter nobody likes.\n"
    )
    assert subjects(run(blank_nlp, text)) == {"Cold Water", "Blue Hour"}


def test_notes_on_title_headline_names_the_title(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Notes on Morning Tide, and on looking at the sea\n\n"
        "I caught Morning Tide on a Tuesday. Lena Berg plays Anna, a widow.\n"
    )
    assert subjects(run(blank_nlp, text)) == {"Morning Tide"}
    near = "Notes on a Scandal, again\n\nI caught Notes on a Scandal on a Tuesday.\n"
    assert subjects(run(blank_nlp, near)) == {"Notes on a Scandal"}


def test_review_label_with_quoted_title(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Review: 'Morning Tide'\n\nLena Berg plays Anna, a widow. The film drifts.\n"
    assert subjects(run(blank_nlp, text)) == {"Morning Tide"}


PALMARES = (
    "Lido 2021: the prizes, one by one\n\n"
    "The jury handed out its prizes last night.\n\n"
    "Morning Tide (Marée du matin), Golden Lion. Mara Olsen adapts a short novel "
    "about a widow. Lena Berg plays Anna.\n\n"
    "The Winter Lodgers, Grand Jury Prize. Peter Vance plays Hal. Tom Keane returns "
    "after ten years away.\n\n"
    "Lena Berg, Best Actress. She carries every scene.\n"
)


def test_palmares_paragraphs_name_each_awarded_film(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    x = run(blank_nlp, PALMARES)
    assert subjects(x) == {"Morning Tide", "The Winter Lodgers"}
    by_title = {f.title: f for f in x.films}
    assert by_title["Morning Tide"].original_title == "Marée du matin"
    assert [d.name for d in by_title["Morning Tide"].directors] == ["Mara Olsen"]
    assert [d.name for d in by_title["The Winter Lodgers"].directors] == ["Tom Keane"]


def test_award_to_a_title_with_its_original_title(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Lido: a Golden Bear for a boat on the Seine\n\n"
        "The jury gave the Golden Bear to On the Water (Sur l'eau), Mara Olsen's "
        "quiet documentary about a day centre moored on the Seine.\n"
    )
    x = run(blank_nlp, text)
    assert [(f.title, f.original_title) for f in x.films if f.role == "subject"] == [
        ("On the Water", "Sur l'eau")
    ]
    near = "Lido diary\n\nThe jury gave the Golden Bear to On Sunday, a late entry.\n"
    assert "On Sunday" not in subjects(run(blank_nlp, near))


def test_headline_run_after_lowercase_the_is_no_title(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A boat on the Seine\n\nNobody expected it. The barge moored on the Seine is a "
        "day centre, and the carers let the patients talk.\n"
    )
    assert subjects(run(blank_nlp, text)) == set()


def test_long_title_opening_with_a_stop_word_directed_by(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Golden Lion for a documentary\n\n"
        "The jury has given its prize to a documentary: All the Quiet and the Noise, "
        "directed by Mara Olsen. It is only the second non-fiction winner, after "
        "Tom Keane's Salt Houses in 2013.\n"
    )
    x = run(blank_nlp, text)
    assert subjects(x) == {"All the Quiet and the Noise"}
    assert mentioned(x) == {"Salt Houses"}
    near = "A quiet year\n\nAll the noise, directed by nobody, came from the street.\n"
    assert subjects(run(blank_nlp, near)) == set()


DASH_LIST = (
    "Best of the festival\n\n"
    "The Salt Road - Mara Olsen\nA fisherwoman loses her boat and walks inland.\n\n"
    "Blue Hour - Tom Keane\nA night porter and a runaway share a long night.\n"
)


def test_title_dash_director_lines_make_a_list(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    x = run(blank_nlp, DASH_LIST)
    assert subjects(x) == {"The Salt Road", "Blue Hour"}
    assert {d.name for f in x.films for d in f.directors} == {"Mara Olsen", "Tom Keane"}
    one = "A quiet year\n\nThe Salt Road - Mara Olsen\nA fisherwoman walks inland.\n"
    assert "The Salt Road" not in subjects(run(blank_nlp, one))  # one line is no list


def test_headline_title_with_its_original_in_parentheses(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Critique : Les Feuilles tombées (Falling Leaves)\n\n"
        "Une comédie douce. Alma Berg joue Ansa, caissière à Helsinki.\n"
    )
    x = run(blank_nlp, text)
    assert [(f.title, f.original_title) for f in x.films] == [
        ("Les Feuilles tombées", "Falling Leaves")
    ]


def test_headline_parentheses_without_a_second_title(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "Salt Road (Netflix): a fisherwoman walks inland\n\nLena Berg plays Anna.\n",
        "Salt Road (Mara Olsen) review: a fisherwoman walks inland\n\n"
        "Olsen's film is slow. Lena Berg plays Anna.\n",
    ):
        x = run(blank_nlp, text)
        assert [(f.title, f.original_title) for f in x.films] == [("Salt Road", None)]


def test_slash_headline_leaves_no_partial_title(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Les Feuilles tombées / Falling Leaves\n\n"
        "Mara Olsen revient avec Les Feuilles tombées, une comédie romantique.\n"
    )
    x = run(blank_nlp, text)
    assert [(f.title, f.original_title) for f in x.films] == [
        ("Les Feuilles tombées", "Falling Leaves")
    ]


def test_quoted_dialogue_is_no_title(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A sequel nobody asked for\n\n"
        '"Get Out Of My House," she says to Hal. Later "Never Again" he shouts. '
        'The film ends with "The Long Walk Home", a song by the Keane Brothers.\n'
    )
    titles = {f.title for f in run(blank_nlp, text).films}
    assert "Get Out Of My House" not in titles
    assert "Never Again" not in titles


def test_known_sentence_case_title_takes_its_second_title(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le Règne sauvage : Tom Keane réinvente le film de monstres\n\n"
        "Avec Le Règne sauvage (The Wild Kingdom), Tom Keane signe un film fantastique. "
        "Lena Berg joue Anna (Marée), une mère.\n"
    )
    x = run(blank_nlp, text)
    assert [(f.title, f.original_title) for f in x.films] == [
        ("Le Règne sauvage", "The Wild Kingdom")
    ]


def test_review_of_title_headline(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ma critique de La Chimère dorée (The Golden Chimera), d'Alice Berg\n\n"
        "Josh Keane joue Arthur, un archéologue anglais.\n"
    )
    x = run(blank_nlp, text)
    film = x.films[0]
    assert (film.title, film.original_title) == (
        "La Chimère dorée",
        "The Golden Chimera",
    )
    assert [d.name for d in film.directors] == ["Alice Berg"]


QUOTED_OPENERS = (
    "Weekend picks: three films worth your time\n\n"
    '"The Salt Road" is a fisherwoman\'s odyssey, and it is gorgeous.\n\n'
    '"Blue Hour" follows a night porter in Dublin. Tom Keane shoots it tight.\n'
)


def test_quoted_titles_opening_paragraphs_are_a_round_up(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    x = run(blank_nlp, QUOTED_OPENERS)
    assert subjects(x) == {"The Salt Road", "Blue Hour"}
    assert [d.name for f in x.films if f.title == "Blue Hour" for d in f.directors] == [
        "Tom Keane"
    ]
    dialogue = (
        "A long night\n\n"
        '"Leave Me Alone," she tells him at the door.\n\n'
        '"Come Back Tomorrow," he answers, and walks away.\n'
    )
    assert subjects(run(blank_nlp, dialogue)) == set()


def test_a_count_of_films_in_the_headline_is_no_title(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Three Danish films for the weekend\n\n"
        "Cold Water (2021)\nA widow waits at the harbour; told in three parts.\n\n"
        "Blue Hour (2019)\nA night porter in a Danish hotel.\n"
    )
    assert subjects(run(blank_nlp, text)) == {"Cold Water", "Blue Hour"}


PASSING_WINNER = (
    "Lido 2024: a Silver Bear for Lena Berg in Cold Water\n\n"
    "Lena Berg plays Anna in Tom Keane's Cold Water, and Cold Water is hers.\n\n"
    "The Golden Bear went to Mara Olsen's Blue Hour, a documentary about a hotel.\n"
)


def test_a_winner_named_once_beside_the_headline_film_is_mentioned(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    x = run(blank_nlp, PASSING_WINNER)
    assert subjects(x) == {"Cold Water"}
    assert "Blue Hour" in mentioned(x)
    palmares = PASSING_WINNER + "The Grand Prix went to Ana Ruiz's Iron Orchard.\n"
    assert subjects(run(blank_nlp, palmares)) == {
        "Cold Water",
        "Blue Hour",
        "Iron Orchard",
    }


def test_films_the_critic_watched_when_no_headline_names_one(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Who cares? Another sequel nobody asked for\n\n"
        "I watched The Salt Road 2 on Friday. Lena Berg plays Anna again. "
        "The Salt Road 2 is worse than the first film.\n"
    )
    assert subjects(run(blank_nlp, text)) == {"The Salt Road 2"}
    once = "My week\n\nI watched Cold Water on Friday and then slept for a day.\n"
    assert subjects(run(blank_nlp, once)) == set()  # named once: no evidence


def test_diary_title_a_genre_by_director(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Sundance diary, day three\n\n"
        "The first film was Cold Water, a Danish drama by Mara Olsen about a widow. "
        "Later came Blue Hour, Tom Keane's second feature, with Peter Vance as Hal.\n"
    )
    x = run(blank_nlp, text)
    assert subjects(x) == {"Cold Water", "Blue Hour"}
    assert [
        d.name for f in x.films if f.title == "Cold Water" for d in f.directors
    ] == ["Mara Olsen"]


def test_headline_title_by_director_then_more(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cannes 2023 : Les Feuilles tombées, d'Aki Berg, en compétition\n\n"
        "Le réalisateur présente Les Feuilles tombées, une comédie romantique.\n"
    )
    x = run(blank_nlp, text)
    assert [(f.title, [d.name for d in f.directors]) for f in x.films] == [
        ("Les Feuilles tombées", ["Aki Berg"])
    ]


def test_ratings_and_adjectives_are_no_titles() -> None:
    from graph.extract_title_base import looks_like_title

    assert not looks_like_title("PG-13")
    assert not looks_like_title("Passover-themed")
    assert looks_like_title("Spider-Man")
    assert looks_like_title("Oslo, August 31st")


def test_a_title_quoted_with_its_comma_inside_is_no_dialogue(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A remake nobody needed\n\n"
        'It copies "Nine Kings," the Argentinian film, scene by scene. '
        '"Move along," it seems to say.\n'
    )
    titles = {f.title for f in run(blank_nlp, text).films}
    assert "Nine Kings" in titles
    assert "Move along" not in titles


PRIZE_LIST = (
    "Lido 2024: the winners\n\n"
    "The Grand Prix went to A Sailor's Return, a quiet drama.\n\n"
    "The winners in the competition:\n\n"
    "Golden Bear: Cold Water (Mara Olsen)\n"
    "Silver Bear for Best Director: Ana Maria De Los Rios Ruiz, Iron Orchard\n"
    "Silver Bear for Best Screenplay: Tom Keane, Blue Hour\n\n"
    "Keane's Blue Hour (Blaue Stunde) was the critics' favourite.\n"
)


def test_prize_list_lines_name_each_winner(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    x = run(blank_nlp, PRIZE_LIST)
    assert subjects(x) == {
        "A Sailor's Return",
        "Cold Water",
        "Iron Orchard",
        "Blue Hour",
    }
    by_title = {f.title: f for f in x.films}
    assert [d.name for d in by_title["Cold Water"].directors] == ["Mara Olsen"]
    assert [d.name for d in by_title["Blue Hour"].directors] == ["Tom Keane"]
    assert by_title["Blue Hour"].original_title == "Blaue Stunde"
    near = "Notes\n\nMy verdict: Cold Water, slow and grey.\n"
    assert "Cold Water" not in subjects(run(blank_nlp, near))


def test_trade_headline_quoted_title_with_an_apostrophe(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "'The Sailors' Rest' Review: A Quiet Harbour Thriller\n\n"
        "Lena Berg plays Anna, who runs a hostel for old sailors.\n"
    )
    assert subjects(run(blank_nlp, text)) == {"The Sailors' Rest"}


def test_quoted_review_title_beats_a_surname_lookalike(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "'Nickel Kings' Review: A Boyhood in Florida\n\n"
        "For an hour of Nickel Kings you see what he sees, in a school for Kings, "
        "where Lena Berg plays his grandmother.\n"
    )
    assert subjects(run(blank_nlp, text)) == {"Nickel Kings"}


def test_label_pipe_title_at_an_anniversary(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Retrospective | Harbour Lights at 30: the film that taught us loneliness\n\n"
        "The result, Harbour Lights (1994), was shot at the Midnight Lights snack bar. "
        "Harbour Lights is still young.\n"
    )
    assert subjects(run(blank_nlp, text)) == {"Harbour Lights"}


def test_tagline_colon_on_title_year(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    for head in ("The mother I never met: on Little Mother (2021)",
                 "Forty years in the desert: Salt, Texas (1984)"):  # fmt: skip
        text = head + "\n\nI watched it on a train, in tears. Lena Berg is Nelly.\n"
        title = head.split(": ")[1].removeprefix("on ").removesuffix(" (2021)")
        assert subjects(run(blank_nlp, text)) == {title.removesuffix(" (1984)")}


BARE_LINES = (
    "The 3 best films of the Lido festival\n\n"
    "By Ana Ruiz | Frame Rate | 30 January 2023\n\n"
    "Cold Water\nMara Olsen's debut follows a widow at the harbour.\n\n"
    "Blue Hour\nA night porter and a runaway share a long night.\n\n"
    "Rye Lane\nTwo strangers walk across south London.\n"
)


def test_bare_title_lines_under_a_round_up_headline(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    assert subjects(run(blank_nlp, BARE_LINES)) == {
        "Cold Water",
        "Blue Hour",
        "Rye Lane",
    }
    single = BARE_LINES.replace("The 3 best films of the Lido festival", "Cold Water")
    assert subjects(run(blank_nlp, single)) == {"Cold Water"}  # no round-up headline


CAPITALS = (
    "LIDO DIARY, DAY 10: a baby, a donkey and two kids\n\n"
    "7.30am. Third coffee, and the queue is round the block.\n\n"
    "COLD WATER. Mara Olsen made a film about a widow, and Lena Berg plays her.\n\n"
    "BLUE HOUR. Tom Keane follows a night porter.\n"
)


def test_capitalised_paragraph_heads_of_a_diary(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    x = run(blank_nlp, CAPITALS)
    assert {fold(t) for t in subjects(x)} == {"cold water", "blue hour"}
    one = "A day at the Lido\n\nNOTE. The queue is round the block.\n"
    assert subjects(run(blank_nlp, one)) == set()


def test_acting_prize_for_a_person_is_no_film(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Lido 2018: the winners\n\n"
        "The Favourite Daughter took the Grand Jury Prize and the Volpi Cup for Best "
        "Actress for Lena Berg. Berg plays Queen Anne.\n"
    )
    assert "Lena Berg" not in {f.title for f in run(blank_nlp, text).films}


def test_guillemet_headline_title_with_a_colon(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« Les Trois Marins : Le Retour » : un pour tous\n\n"
        "Dans la version de Tom Keane (1973), tout était propre. "
        "François Berg est Jean, jeune marin.\n"
    )
    x = run(blank_nlp, text)
    assert subjects(x) == {"Les Trois Marins : Le Retour"}
    assert "Tom Keane" not in {f.title for f in x.films}


def test_lower_case_headline_with_stars(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = "the salt road ★★★★½\n\nok so. went in knowing nothing and cried twice.\n"
    assert subjects(run(blank_nlp, text)) == {"The Salt Road"}
    chat = "ok so here goes: my thoughts\n\nwent in knowing nothing and cried twice.\n"
    assert subjects(run(blank_nlp, chat)) == set()


def test_round_up_paragraphs_name_their_makers(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = BARE_LINES.replace(
        "A night porter and",
        "Tom Keane's funny, sad and very Irish first feature: a porter and",
    ).replace("Two strangers walk", "Eva Lund made it fast. Two strangers walk")
    x = run(blank_nlp, text)
    makers = {f.title: [d.name for d in f.directors] for f in x.films}
    assert makers == {
        "Cold Water": ["Mara Olsen"],
        "Blue Hour": ["Tom Keane"],
        "Rye Lane": ["Eva Lund"],
    }


def test_title_case_tagline_after_a_possessive_is_no_film(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "'Cold Water' Review: A Widow Waits in Mara Olsen's Tense Harbour Thriller\n\n"
        "Cold Water is a film about waiting. Mara Olsen's Cold Water never hurries, "
        "and Tom Keane's The Harbour Movie, which everyone watched, did.\n"
    )
    titles = {f.title for f in run(blank_nlp, text).films}
    assert "Tense Harbour Thriller" not in titles
    assert {"Cold Water", "The Harbour Movie"} <= titles


def test_an_aside_after_a_time_cue_gives_the_returning_director(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    x = run(
        blank_nlp, COLUMN
    )  # "Ten years after (Old Rope, Karl Dane, 2012), Dane is back"
    film = next(f for f in x.films if f.title == "Morning Tide")
    assert [d.name for d in film.directors] == ["Karl Dane"]
    x = run(
        blank_nlp, ASIDES
    )  # "since (Cold Water, Mara Olsen, 2004)": Olsen never alone
    film = next(f for f in x.films if f.title == "The Winter Lodgers")
    assert film.directors == ()


def test_capitalised_column_name_over_the_headline(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "THE LONG TAKE\nCold Water: a widow at the harbour\n\n"
        "Lena Berg plays Anna. It recalls the Jutland of Tom Keane's Salt Road (1980).\n"
    )
    x = run(blank_nlp, text)
    assert subjects(x) == {"Cold Water"}
    assert "Salt Road" in mentioned(x)


def test_quoted_headline_title_keeps_and_and_apostrophes(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    from graph.extract_headline_quotes import quoted_headline_titles

    got = quoted_headline_titles("Fest 2021: 'Nine and Ten' Review - a tense debut")
    assert [q.title for q in got] == ["Nine and Ten"]
    got = quoted_headline_titles("Fest: 'The Porters' Yard' ('Der Hof') Review")
    assert [(q.title, q.original) for q in got] == [("The Porters' Yard", "Der Hof")]
    got = quoted_headline_titles('News: "L\'Ami", the comedy of Jean Roux')
    assert [q.title for q in got] == ["L'Ami"]
    # near misses: a year's apostrophe and a quoted phrase in lower case
    got = quoted_headline_titles("FEST '24: 'Lantern' Is a Quiet Thriller")
    assert [q.title for q in got] == ["Lantern"]
    assert quoted_headline_titles('Lantern review: "a quiet triumph"') == []


def test_quoted_headline_title_is_the_subject(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    x = run(blank_nlp, "Fest 2021: 'Nine and Ten' Review - a tense debut\n\n"
            "Nine and Ten follows two sisters across a winter.")  # fmt: skip
    assert subjects(x) == {"Nine and Ten"}


CAPS = (
    "ESSAYS | FESTIVALS\n\nThe long night\n"
    "Mara Olsen's furious LANTERN HOUSE was the film everyone argued about. "
    "Our critic is on its side.\n\n"
    "Lantern House, which premiered last month, is not subtle. The BBC bought it."
)


def test_title_in_capitals_inside_the_standfirst(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    x = run(blank_nlp, CAPS)
    assert subjects(x) == {"Lantern House"}
    # near miss: the label line and an acronym are never films
    titles = {fold(f.title) for f in x.films}
    assert "festivals" not in titles and "bbc" not in titles


def test_translated_festival_names_are_no_films() -> None:
    from graph.extract_listitems import is_not_a_film

    assert is_not_a_film("Mostra of Venice") and is_not_a_film("Festival of Cannes")
    assert not is_not_a_film("Festival Express")  # near miss: a film's own title


def test_caps_dateline_is_no_title(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    x = run(blank_nlp, "Lantern wins the prize\n\nVERONA, 8 May (our envoy Ann Lee)\n\n"
            "It is Lantern that won in Verona, the city of the lovers, this year.")  # fmt: skip
    assert "Verona" not in {f.title for f in x.films}


def test_possessive_never_crosses_a_line_nor_cuts_at_an_apostrophe(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    x = run(blank_nlp, "Fest 2016 winners: the top prize for 'Mud Road'\n\n"
            "Full list of prizes.\n\nMud Road won. Best actress went to Ann Lee for "
            "Paul Ortega's Ma' Rosalind, a drama. Paul Ortega's Ma' Rosalind is long.")  # fmt: skip
    titles = {f.title for f in x.films}
    assert "Full" not in titles and "Ma" not in titles


ASIDE = (
    "Three films to see this week: 'Mud Road' and more\n\nNEW\n"
    "Mud Road - Paul Ortega's drama opens Friday.\n\n"
    "Pale Sun - Ann Lee's second film, a comedy. (Fans: Tom Berg's Red Dog opens "
    "in May.)"
)


def test_round_up_film_inside_an_aside_is_not_reviewed(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    x = run(blank_nlp, ASIDE)
    assert "Red Dog" not in subjects(x)
    assert "Mud Road" in subjects(x)  # near miss: the listed film stays


def test_finally_watched_headline_takes_the_body_full_title(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    x = run(blank_nlp, "Bells, Soup and 200 Minutes: I Finally Watched Anna Kessel\n\n"
            "Until last week I had never seen Anna Kessel, 12 rue du Port, 4000 Liege. "
            "I watched Anna Kessel at night and made soup.")  # fmt: skip
    assert subjects(x) == {"Anna Kessel, 12 rue du Port, 4000 Liege"}
    # near miss: a list of films after a comma is no longer title
    x = run(blank_nlp, "I Finally Watched Mud Road\n\nI had never seen Mud Road, "
            "Pale Sun, or Red Dog until this week.")  # fmt: skip
    assert subjects(x) == {"Mud Road"}


DIARY = (
    "Festival diary: notes from the front\n\nONE\n"
    "Woke at six for Pale Sun, Ann Lee's second film in competition. It is good.\n\n"
    "TWO\nTom Berg is 80 and made the boldest film here. Red Dog follows a stray "
    "across a winter city. The film follows it all the way.\n\n"
    "THREE\nI saw two films. The other was Salt and Iron, and I will not forget it."
)


def test_round_up_prose_introduces_films(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    x = run(blank_nlp, DIARY)
    assert {"Red Dog", "Salt and Iron"} <= subjects(x)
    assert "The film" not in {f.title for f in x.films}  # near miss: generic opener


def test_prose_intro_needs_a_round_up() -> None:
    from graph.extract_roundup_prose import find_prose_titles

    text = "Mud Road review\n\nRed Dog follows a stray across a city."
    assert find_prose_titles(text, body_start=15, round_up=False) == []
    got = find_prose_titles(text, body_start=15, round_up=True, not_titles={"red dog"})
    assert got == []  # near miss: a person's name is no title


def test_caps_dateline_with_a_dash_is_no_title(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    x = run(blank_nlp, "Fest 2024: Ann Lee's Mud Road wins\n\nVERONA — The jury of "
            "Verona gave its prize to Mud Road, a drama. Mud Road is long.")  # fmt: skip
    assert "Verona" not in {f.title for f in x.films}


def test_rating_only_headline_then_a_lowercase_title(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    from graph.extract_user_title import find_lowercase_subject, is_rating_line

    assert is_rating_line("★★★★☆ 4/5") and not is_rating_line("Mud Road ★★★★")
    text = "★★★★☆ 4/5\nby ann · may 2\n\nwow. mud road is the rare sequel that works."
    got = find_lowercase_subject(text, body_start=10)
    assert [t.title for t in got] == ["Mud Road"]
    # near miss: a generic subject is no title
    text = "★★★★☆ 4/5\n\nok. the ending is the best film moment ever. this movie is a mess."
    assert find_lowercase_subject(text, body_start=10) == []
    x = run(blank_nlp, "★★★★☆ 4/5\nby ann · may 2\n\nwow. mud road is the rare sequel "
            "that works, and ann lee is great in it.")  # fmt: skip
    assert subjects(x) == {"Mud Road"}


def test_quoted_speech_and_emphasis_are_no_titles() -> None:
    from graph.extract_caps import find_caps_titles
    from graph.extract_headline_quotes import quoted_headline_titles

    assert quoted_headline_titles('Fest 2024: "It Was A Nightmare," Says Ann Lee') == []
    text = (
        "Head\n\nAnn Lee is REALLY good in MUD ROAD, a drama we argued about for "
        "weeks.\n\nReally, Mud Road is fine. Really."
    )
    got = find_caps_titles(text, body_start=4, not_titles=set())
    assert [t.title for t in got] == ["Mud Road"]  # near miss: "REALLY" is emphasis


def test_sentence_case_quoted_title_and_rating_with_byline() -> None:
    from graph.extract_headline_quotes import quoted_headline_titles
    from graph.extract_user_title import is_rating_line

    got = quoted_headline_titles('Cannes: "Maison de la mer", the Palme of Ann Lee')
    assert [q.title for q in got] == ["Maison de la mer"]
    # near miss: a quoted sentence is no title
    assert quoted_headline_titles('Cannes: "It was a shock" for the jury') == []
    assert is_rating_line("★★★★☆ 4/5 | reviewed by filmfan99")
    assert not is_rating_line("Mud Road ★★★★ | reviewed by filmfan99")


def test_round_up_standout_is_reviewed() -> None:
    from graph.extract_roundup_prose import find_prose_titles

    text = (
        "Best of the fest\n\nAnother standout was Salt Road, a debut. The film is long."
    )
    got = find_prose_titles(text, body_start=16, round_up=True)
    assert [t.title for t in got] == ["Salt Road"]


def test_day_labels_and_festival_editions_are_no_films() -> None:
    from graph.extract_listitems import is_not_a_film

    assert is_not_a_film("Day 4") and is_not_a_film("Berlinale 2023")
    assert not is_not_a_film("Day Shift") and not is_not_a_film("Blade Runner 2049")


def test_diary_sequence_cues_introduce_films() -> None:
    from graph.extract_roundup_prose import find_prose_titles

    text = (
        "Fest diary: Day 4\n\nTuesday began with Salt Road. It is loud.\n\n"
        "Finally, Red Dog. It is long. Then, as ever, lunch."
    )
    got = find_prose_titles(text, body_start=17, round_up=True)
    assert [t.title for t in got] == ["Salt Road", "Red Dog"]  # not "as ever"


def test_caps_title_takes_its_possessive_director() -> None:
    from graph.extract_caps import find_caps_titles

    text = (
        "Fest 2023 | Competition\n\nAnn Lee's tender AFIRE (Roter Himmel) is a "
        "summer comedy that darkens.\n\nAfire takes place by the sea."
    )
    got = find_caps_titles(text, body_start=23, not_titles=set())
    assert [(t.title, t.director) for t in got] == [("Afire", "Ann Lee")]


def test_festival_names_weekday_cues_and_question_headlines(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    from graph.extract_headline import headline_of
    from graph.extract_headline_quotes import quoted_headline_titles
    from graph.extract_listitems import is_not_a_film
    from graph.extract_roundup_prose import find_prose_titles

    assert is_not_a_film("Toronto Film Festival") and is_not_a_film(
        "Festival de Cannes"
    )
    assert not is_not_a_film("Festival Express")  # near miss: a title
    text = "My diary, week 2\n\nMonday: Salt Road. Sublime.\n\nTuesday: rain."
    got = find_prose_titles(text, body_start=16, round_up=True)
    assert [t.title for t in got] == ["Salt Road"]
    got = find_prose_titles(
        "Diary\n\nAnn Lee follows a porter.", body_start=5, round_up=True,
        persons={"ann lee"},
    )  # fmt: skip
    assert got == []  # near miss: a person named once is no title
    head = headline_of("Is 'Salt Road' the film of the year?\n\nSalt Road is.", None)
    assert head is not None and head[0].startswith("Is 'Salt Road'")
    assert headline_of("Why does everyone love this?\n\nIt is fine.", None) is None
    got = quoted_headline_titles('Fest 2025 : " Un simple accident ", la Palme')
    assert [q.title for q in got] == ["Un simple accident"]


def test_round_up_genre_appositive_and_stars_cue() -> None:
    from graph.extract_assemble import is_round_up
    from graph.extract_roundup_prose import find_prose_titles

    text = (
        "Fest 2024: our verdicts so far\n\nAnn Lee brought Salt Road, a gentle "
        "portrait of a porter. Red Dog stars Tom Berg as a thief.\n\n"
        "Tom Berg brought Maria, his wife, to the party."
    )
    assert is_round_up("Fest 2024: our verdicts so far")
    assert not is_round_up("Salt Road review: a gentle portrait")
    got = find_prose_titles(text, body_start=30, round_up=True)
    assert sorted(t.title for t in got) == ["Red Dog", "Salt Road"]  # not "Maria"


def test_fallback_subject_when_no_rule_found_a_title() -> None:
    from graph.extract_fallback import find_fallback_subject

    text = (
        "Nothing prepares you\n\nThere is a moment in Salt Road when the camera "
        "waits. Ann Lee's film follows a porter. Salt Road is unbearable."
    )
    got = find_fallback_subject(text, body_start=20, not_titles={"ann lee"})
    assert [t.title for t in got] == ["Salt Road"]
    text = "Film of the week\n\nRed Dog — Ann Lee reunites with Tom Berg."
    got = find_fallback_subject(text, body_start=16)
    assert [t.title for t in got] == ["Red Dog"]
    # near miss: a person named twice without a film cue is no title
    text = "A quiet one\n\nTom Berg walks. Tom Berg talks about the weather."
    assert find_fallback_subject(text, body_start=11) == []


def test_quoted_headline_title_takes_the_maker_after_it() -> None:
    from graph.extract_headline_quotes import quoted_headline_titles

    got = quoted_headline_titles('Fest: the prize to "Salt Road" of Ann Lee-Berg')
    assert [(q.title, q.director) for q in got] == [("Salt Road", "Ann Lee-Berg")]
    got = quoted_headline_titles("Fest: 'Salt Road' offers a way out")
    assert [(q.title, q.director) for q in got] == [("Salt Road", None)]  # near miss


def test_pipe_prefix_festival_notebook_and_biopic_subjects(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    from graph.extract_listitems import is_not_a_film

    x = run(blank_nlp, "FEST 2023 | Salt Road review: Ann Lee's party ends badly\n\n"
            "Tom Berg plays Oliver. Salt Road is a house.")  # fmt: skip
    assert subjects(x) == {"Salt Road"}
    assert is_not_a_film("New York Film Festival Notebook")
    assert not is_not_a_film("Film Stars Don't Die in Liverpool")  # near miss
    x = run(blank_nlp, "Fest notebook: day 3\n\nMaestro, Ann Lee's Tom Berg biopic, "
            "opened. Ann Lee's Tom Berg biopic is long.")  # fmt: skip
    assert "Tom Berg" not in {f.title for f in x.films}


PRIZE_PROSE = (
    "Lakeside Awards 2031: the winners\n\n"
    "The jury handed the Silver Heron Grand Jury Prize to A Winter's Errand, "
    "Ola Brandt's slow comedy. Writer Piet Maas took the Silver Heron for Best "
    "Screenplay for Tidewater, and Lena Roth won the Silver Heron for Outstanding "
    "Artistic Contribution for The Salt Road by Ines Carvalho, her finest work.\n"
)


def test_prose_prizes_keep_only_the_film_after_a_long_prize_name(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    found = {f.title for f in run(blank_nlp, PRIZE_PROSE).films}
    assert {"A Winter's Errand", "Tidewater", "The Salt Road"} <= found
    assert not any("Prize" in t or "Contribution" in t or " by " in t for t in found)


def test_a_prize_name_alone_is_no_film(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    # near miss: "Award for" with nothing title-like after it trims nothing
    text = "Quiet Bay review\n\nQuiet Bay won the Audience Award for its warmth.\n"
    assert subjects(run(blank_nlp, text)) == {"Quiet Bay"}


def test_trim_prize_leads_cuts_the_prize_off_a_title() -> None:
    from graph.extract_awards import trim_prize_leads
    from graph.extract_title_base import TitleFact

    long = TitleFact("Golden Heron Jury Prize to The Salt Road", 10, 50, "x", 0.5)
    assert trim_prize_leads([long])[0].title == "The Salt Road"
    assert trim_prize_leads([long])[0].start == 10 + len("Golden Heron Jury Prize to ")
    # near miss: "to" inside a title with no prize word stays whole
    kept = TitleFact("Letters to Juliet", 0, 17, "x", 0.5)
    assert trim_prize_leads([kept])[0].title == "Letters to Juliet"


def test_drop_nested_titles_keeps_the_whole_title() -> None:
    from graph.extract_title_base import TitleFact, drop_nested_titles

    whole = TitleFact("Lyon, Oregon", 5, 17, "x", 0.8)
    part = TitleFact("Oregon", 11, 17, "y", 0.5)
    assert drop_nested_titles([whole, part]) == [whole]
    # near miss: the same words elsewhere in the text are another mention
    elsewhere = TitleFact("Oregon", 40, 46, "y", 0.5)
    assert drop_nested_titles([whole, elsewhere]) == [whole, elsewhere]


NEW_FILM_COLUMN = (
    "THE SLOW LANE\n\nA column on a patient director.\n\n"
    "Ana Vidal has filmed small lives for decades, and her new film, Paper Birds, "
    "which opens Friday, may be her best. Her first feature, Low Tide (1999), "
    "went unnoticed.\n"
)


def test_her_new_film_comma_title_is_the_subject(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    from graph.extract_newfilm import find_new_film_titles

    assert [f.title for f in find_new_film_titles(NEW_FILM_COLUMN)] == ["Paper Birds"]
    assert "Paper Birds" in subjects(run(blank_nlp, NEW_FILM_COLUMN))
    # near miss: an earlier film set off by commas is no "new film"
    assert find_new_film_titles("Her first film, Low Tide, flopped.") == []
