"""Review-level rules (festival editions from context, release dates, verdicts,
places, themes) on ``spacy.blank("en")``: each test is one short text we wrote, with
a near miss the rule must not fire on."""

from __future__ import annotations

import pytest
from rules_helpers import run_rules as run

from graph.extract_edition import later_edition_year, relative_edition_year
from graph.models import Extraction


def editions(x: Extraction) -> set[tuple[str, int | None]]:
    return {
        (f.name, f.year) for film in x.films if film.role == "subject"
        for f in film.festivals
    }  # fmt: skip


# --- festival editions from context --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "year", "month", "expected"),
    [
        pytest.param("It premiered at Telluride this summer.", 2023, 11, 2023,
                     id="this-summer"),
        pytest.param("It was in competition at Cannes last May.", 2017, 1, 2016,
                     id="last-month-name-in-january"),
        pytest.param("It was in competition at Cannes last May.", 2017, 9, 2017,
                     id="last-month-name-in-september"),
        pytest.param("It opened at Venice in September.", 2019, 12, 2019,
                     id="in-month"),
        pytest.param("It won the top prize last month at Cannes.", 2023, 6, 2023,
                     id="before-name"),
        pytest.param("It played at Cannes last year.", 2023, 3, 2022, id="last-year"),
        pytest.param("Il était à Cannes en mai dernier.", 2024, 1, 2023,
                     id="french-dernier"),
        pytest.param("It heads to Toronto in September.", 2023, 8, 2023,
                     id="coming-month-is-this-year"),
        pytest.param("It will screen at Sundance next January.", 2023, 11, 2024,
                     id="next-month-name"),
        pytest.param("It plays at Cannes next year.", 2023, 11, 2024,
                     id="next-year"),
        pytest.param("It played at Cannes to great acclaim.", 2023, 6, None,
                     id="no-time-phrase"),
    ],
)  # fmt: skip
def test_relative_edition_year(
    text: str, year: int, month: int, expected: int | None
) -> None:
    names = ("Telluride", "Cannes", "Venice", "Toronto", "Sundance")
    start = next(text.find(n) for n in names if n in text)
    end = text.find(" ", start)
    end = end if end > 0 else len(text) - 1
    got = relative_edition_year(text, start, end, context_year=year, review_month=month)
    assert got == expected


def test_relative_edition_year_needs_the_review_year() -> None:
    text = "It premiered at Telluride this summer."
    assert relative_edition_year(text, 16, 25, context_year=None) is None


def test_later_year_in_the_clause() -> None:
    text = "She won at Venice when it opened the festival in 2016, and deserved it."
    assert later_edition_year(text, 17, len(text)) == 2016


def test_later_year_not_across_a_citation() -> None:
    text = "It played at Cannes, like (The Kid, 1921) in 1999."
    assert later_edition_year(text, 19, len(text)) is None


def test_dated_dispatch_gives_this_summers_edition(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Marriage Story review\n\nBy Ann Vale | 20 December 2019\n\n"
        "Marriage Story is Noah Baumbach's best. The film premiered in competition "
        "at Venice this summer, and its argument scene is already famous."
    )
    got = editions(run(blank_nlp, text))
    assert ("Venice Film Festival", 2019) in got


def test_city_and_time_without_festival_word_is_no_festival(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Marriage Story review\n\nBy Ann Vale | 20 December 2019\n\n"
        "Marriage Story is Noah Baumbach's best. The couple met at Venice this "
        "summer, on a rainy night."
    )
    assert editions(run(blank_nlp, text)) == set()


def test_trade_venue_line_gives_the_review_year(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "'Io Capitano' Review: a migrant odyssey\n\nBy Dana Lee\nSeptember 6, 2023\n\n"
        "Matteo Garrone's Io Capitano follows two boys from Dakar.\n\n"
        "Venue: Venice Film Festival (Competition)\nCast: Seydou Sarr"
    )
    assert editions(run(blank_nlp, text)) == {("Venice Film Festival", 2023)}


def test_present_premiere_in_a_dated_dispatch(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "'Nickel Boys' Review\n\nBy Teresa Oak\nAugust 31, 2024\n\n"
        "RaMell Ross's Nickel Boys, premiering at Telluride, is told in the first "
        "person. It is a bold film."
    )
    assert editions(run(blank_nlp, text)) == {("Telluride Film Festival", 2024)}


def test_past_premiere_without_time_gives_no_year(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "'Nickel Boys' Review\n\nBy Teresa Oak\nAugust 31, 2024\n\n"
        "RaMell Ross's earlier Hale County premiered at Sundance. Nickel Boys is "
        "told in the first person."
    )
    assert ("Sundance Film Festival", 2024) not in editions(run(blank_nlp, text))


def test_translated_festival_of_city(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cannes: Souleymane rewarded\n\nL'Histoire de Souleymane, of the realizer "
        "Boris Lojkine, has received two prizes of the 77th Festival of Cannes."
    )
    assert ("Cannes Film Festival", 2024) in editions(run(blank_nlp, text))


def test_city_with_time_phrase_counts_when_the_festival_is_named(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Priscilla review\n\nPosted 12 October 2023\n\nSofia Coppola's Priscilla, "
        "after all the noise at Venice last month, is quiet. Cailee Spaeny won the "
        "Volpi Cup at Venice for it."
    )
    assert editions(run(blank_nlp, text)) == {("Venice Film Festival", 2023)}


PRIZES = (
    "The winners\n\nLido, 12 September 2031.\n\n"
    "Salt Houses, by Ana Vale, won the Golden Lion on Saturday night at the 88th "
    "Venice Film Festival. Ruth Berg plays Ada.\n\n"
    "The Grand Jury Prize went to Tom Ruiz's Iron Orchard. Leo Park plays Sam."
)


def test_prize_list_gives_every_awarded_film_its_prize(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    x = run(blank_nlp, PRIZES)
    got = {
        f.title: [(z.name, z.year, z.award) for z in f.festivals]
        for f in x.films
        if f.role == "subject"
    }
    assert got["Iron Orchard"] == [("Venice Film Festival", 2031, "Grand Jury Prize")]
    assert got["Salt Houses"] == [("Venice Film Festival", 2031, "Golden Lion")]


def test_prize_name_is_the_longest_match() -> None:
    from graph.extract_festivals import award_in

    assert award_in("The Grand Jury Prize went to it.") == "Grand Jury Prize"
    assert award_in("It was a fine night.") is None


LOWER = (
    "la la land review\n\n"
    "ok so i finally watched la la land and i get it. its directed by damien chazelle. "
    "emma stone plays mia, a barista. emma stone won best actress at venice for this "
    "when it opened the festival in 2016 and she deserves it. the songs are great. "
    "we went to venice in 2018 for a holiday and it rained. anyway go see it."
)


def test_lowercase_review_names_its_festival(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    assert editions(run(blank_nlp, LOWER)) == {("Venice Film Festival", 2016)}


def test_prize_with_year_names_the_edition(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Anatomy of a Fall review\n\nI went because it won the Palme d'Or 2023 and "
        "everybody talked about it. Justine Triet's Anatomy of a Fall is long."
    )
    assert editions(run(blank_nlp, text)) == {("Cannes Film Festival", 2023)}


def test_prize_with_relative_date_names_the_edition(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Anatomy of a Fall review\n\nIt won the Palme d'Or last May, and Justine "
        "Triet's Anatomy of a Fall deserved it."
    )
    got = editions(run(blank_nlp, text, date="2024-01-10"))
    assert got == {("Cannes Film Festival", 2023)}


def test_later_month_in_the_festival_clause(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Close review\n\nLukas Dhont's Close played at Cannes, where it won the "
        "Grand Prix in May, and it is tender."
    )
    got = editions(run(blank_nlp, text, date="2022-11-02"))
    assert got == {("Cannes Film Festival", 2022)}


def test_french_ordinal_edition(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Close, de Lukas Dhont\n\nClose, de Lukas Dhont, était en compétition à la "
        "75e édition du Festival de Cannes."
    )
    assert ("Cannes Film Festival", 2022) in editions(run(blank_nlp, text))


def test_prize_without_year_names_no_edition(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Anatomy of a Fall review\n\nI went because it won the Palme d'Or and "
        "everybody talked about it. Justine Triet's Anatomy of a Fall is long."
    )
    assert editions(run(blank_nlp, text)) == set()


def test_city_with_in_year_is_a_setting_not_a_festival(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Good Bye, Lenin! review\n\nWolfgang Becker's Good Bye, Lenin! is set in "
        "Berlin in 1989, when a son moves to Berlin in 1990 to hide the news."
    )
    assert editions(run(blank_nlp, text)) == set()


# --- release dates -------------------------------------------------------------------


def release(x: Extraction) -> str | None:
    film = next(f for f in x.films if f.role == "subject")
    return film.release_date.date if film.release_date else None


@pytest.mark.parametrize(
    ("body", "date", "expected"),
    [
        pytest.param("Moonlight opened in American cinemas on October 21.",
                     "2016-10-24", "2016-10-21", id="opened-in-national-cinemas"),
        pytest.param("Moonlight has been in French cinemas since July 14.",
                     "2016-07-18", "2016-07-14", id="in-cinemas-since"),
        pytest.param("Le film Moonlight sort aujourd'hui en salles.",
                     "2016-11-23", "2016-11-23", id="french-today"),
        pytest.param("Moonlight, de Barry Jenkins, le 1er février en salles.",
                     "2017-01-20", "2017-02-01", id="date-before-cue"),
        pytest.param("Moonlight is out in the UK on 1 January, an odd choice.",
                     "2016-10-24", "2017-01-01", id="coming-date-is-next-year"),
        pytest.param("Moonlight came out on 1 February and I only saw it now.",
                     "2016-10-24", "2016-02-01", id="past-date-keeps-the-year"),
        pytest.param("Moonlight, qui sort ce mercredi en salles, est beau.",
                     "2023-04-03", "2023-04-05", id="french-this-wednesday"),
        pytest.param("Moonlight is a tender film. Exit in the rooms le 9 octobre.",
                     "2016-05-20", "2016-10-09", id="machine-translated-sortie"),
        pytest.param("The festival opened on May 16 with Moonlight, a gala night.",
                     "2016-05-20", None, id="festival-opening-is-no-release"),
    ],
)  # fmt: skip
def test_release_date(blank_nlp, body: str, date: str, expected: str | None) -> None:  # type: ignore[no-untyped-def]
    x = run(blank_nlp, f"Moonlight review\n\n{body} Barry Jenkins directs.", date=date)
    assert release(x) == expected


# --- verdict -------------------------------------------------------------------------


def verdict_of(text: str) -> str | None:
    from graph.extract_text import Sentence, TextIndex
    from graph.extract_verdict import find_verdict

    return find_verdict(text, TextIndex(text, [Sentence(0, len(text), text)]))[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("A slow film.\n\nGrade: B+", "positive", id="letter-grade"),
        pytest.param("The flying is great.\n\noverall its a 7/10", "mixed",
                     id="seven-of-ten-is-mixed"),
        pytest.param("A long film.\n\nFive stars.", "positive", id="stars-in-words"),
        pytest.param("A long film.\n\nnote : 2/5", "negative", id="two-of-five"),
        pytest.param("A fine cast, a great score. The film is cleverer than it is "
                     "moving, and its ending is better than the film around it.",
                     "mixed", id="hedges"),
        pytest.param("Nothing happens for an hour.\n\nGo.", "positive",
                     id="closing-go"),
        pytest.param("The actors are fine, I suppose.\n\nBof, pas pour moi.",
                     "negative", id="closing-pan"),
        pytest.param("Not an easy film. A great one.", "positive",
                     id="negation-stays-in-its-sentence"),
        pytest.param("It is sumptuous and tender.\n\nUn film généreux et bancal.",
                     "mixed", id="closing-weighs-both-ways"),
        pytest.param("A dull affair from start to finish.", "negative",
                     id="one-fault-and-no-praise"),
        pytest.param("It won the Grand Prix on Saturday.", None,
                     id="capitalised-prize-is-no-judgement"),
        pytest.param("A slow start.\n\nAnyway: go. It's on until Thursday.",
                     "positive", id="go-after-a-colon"),
        pytest.param("Cassel est drôle.\n\nVerdict : un grand divertissement, un "
                     "peu trop gris. À voir en salle.", "mixed",
                     id="qualified-recommendation"),
        pytest.param("The editing never lets a scene run a second too long. A "
                     "gripping film.", "positive", id="negated-fault-is-praise"),
        pytest.param("A dull, tedious film.\n\nProducer: Ann Lee. Camera: Bo Chen. "
                     "Music: Al Roy. With: Jo Park.", "negative",
                     id="credits-are-no-closing"),
        pytest.param("It opens on 10/10/2023 in a fine print.", "positive",
                     id="a-date-is-no-rating"),
    ],
)  # fmt: skip
def test_verdict(text: str, expected: str | None) -> None:
    assert verdict_of(text) == expected


# --- places --------------------------------------------------------------------------


def places_of(text: str, *names: str) -> list[str]:
    """Places found when the NER tags every occurrence of ``names`` as GPE."""
    import re

    from graph.extract_places import find_places
    from graph.extract_text import Sentence, TextIndex

    spans = [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.\s*", text)]
    index = TextIndex(text, [Sentence(a, b, text[a:b]) for a, b in spans])
    entities = tuple(
        (m.start(), m.end(), "GPE")
        for n in names
        for m in re.finditer(re.escape(n), text)
    )
    return [p.name for p in find_places(text, index, entities=entities)]


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        pytest.param("The film follows a judge who works in Tehran.", ("Tehran",),
                     ["Tehran"], id="after-a-locative"),
        pytest.param("Later, Julia Fox is Julia, his girlfriend.", ("Julia",), [],
                     id="character-is-no-place"),
        pytest.param("Later, in Ana Ozon's new comedy she steals a murder.",
                     ("Ana Ozon's",), [], id="possessive-is-a-person"),
        pytest.param("Marseille, 1815. A sailor is arrested.", ("Marseille",),
                     ["Marseille"], id="place-and-year-line"),
        pytest.param("It is good. Japan.", ("Japan",), [], id="credits-line"),
        pytest.param("The judge, a woman, was shot in secret in Tehran.",
                     ("Tehran",), ["Tehran"], id="shot-in-secret-is-no-location"),
        pytest.param("The comedy was shot in Tehran over a summer.", ("Tehran",),
                     [], id="shooting-location"),
        pytest.param("A family of fishermen in Gloucester, Essex.",
                     ("Gloucester", "Essex"), ["Gloucester", "Essex"],
                     id="apposed-to-a-place"),
        pytest.param("Calum takes his daughter to a Turkish resort.", (), ["Turkey"],
                     id="demonym-and-setting-noun"),
        pytest.param("A Turkish actor plays him.", (), [], id="demonym-alone"),
        pytest.param("Intro.\n\nNew England, December 1970. A teacher stays.", (),
                     ["New England"], id="place-and-date-opener"),
        pytest.param("It opens in a chalet above Grenoble.", ("Grenoble",),
                     ["Grenoble"], id="above"),
        pytest.param("She won the Volpi Cup at Venice for it.", (), [],
                     id="festival-city-in-a-prize-sentence"),
        pytest.param("Jin flies in, and a Paris-set love story follows.", ("Paris",),
                     ["Paris"], id="x-set"),
    ],
)  # fmt: skip
def test_places(text: str, names: tuple[str, ...], expected: list[str]) -> None:
    assert places_of(text, *names) == expected


# --- themes --------------------------------------------------------------------------


def themes_of(text: str) -> set[str]:
    from graph.extract_meta import find_themes
    from graph.extract_text import Sentence, TextIndex

    index = TextIndex(text, [Sentence(0, len(text), text)])
    return {t.label for t in find_themes(text, index)}


def test_theme_list_after_a_cue() -> None:
    got = themes_of("A deserved prize for a film about art, anger and survival.")
    assert {"art", "anger", "survival"} <= got


def test_theme_portrait_of() -> None:
    assert "power" in themes_of("For an hour the film is a portrait of power.")


def test_theme_list_without_and_keeps_only_the_first() -> None:
    got = themes_of("It is a film about grief, which Ana knows well, Paris, rain.")
    assert "grief" in got and "rain" not in got


def test_character_description_is_no_theme() -> None:
    got = themes_of("Anora is a film about a young stripper who marries.")
    assert not any("stripper" in t for t in got)


def test_verb_phrase_is_no_theme() -> None:
    got = themes_of(
        "The story of two boys told three times, and what it might cost them."
    )
    assert not any("boys" in t or "cost" in t for t in got)


def test_abbreviated_month_in_a_trade_dateline(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "'Lounge' Review\n\nReviewed at Berlin Film Festival (Panorama), Feb. 19, "
        "2023. Running time: 98 MIN.\n\nIlker Catak's Lounge is a thriller."
    )
    assert run(blank_nlp, text).meta.date == "2023-02-19"


def test_festival_city_can_be_a_setting(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Past Lives review\n\nCeline Song's Past Lives is tender. Nora's family "
        "emigrates to Toronto when she is twelve."
    )
    film = next(f for f in run(blank_nlp, text).films if f.role == "subject")
    assert "Toronto" in [p.name for p in film.places]
