"""Films-about rules for titles in running prose, kicker headlines and prize lines,
on ``spacy.blank("en")``; each test is one small text we wrote, with a near miss."""

from __future__ import annotations

from rules_helpers import run_rules as run

from graph.extract_clause_titles import find_clause_titles
from graph.extract_title_evidence import (
    sentence_around,
    strip_lead_name,
    used_as_name,
    with_main_title,
    word_count,
)
from graph.extract_top_lines import find_top_line_titles
from graph.models import Extraction

FILLER = "The light is grey and the sea is cold, and nobody says much at all. " * 4


def subjects(x: Extraction) -> set[str]:
    return {f.title for f in x.films if f.role == "subject"}


def titles(x: Extraction) -> set[str]:
    return {f.title for f in x.films}


def test_a_platform_in_parentheses_is_no_second_title(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Three films to stream this weekend\n\n"
        "Low Tide (Netflix)\nA fisherman waits for a storm. " + FILLER + "\n\n"
        "Cold Harbour (Prime Video)\nA ferry breaks down. " + FILLER + "\n\n"
        "Paper Moons (Mubi)\nTwo sisters run a cinema. " + FILLER + "\n"
    )
    x = run(blank_nlp, text)
    assert subjects(x) == {"Low Tide", "Cold Harbour", "Paper Moons"}
    assert all(f.original_title is None and not f.directors for f in x.films)


def test_possessive_cue_verbs_count_and_stay_in_their_sentence(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Festival wrap: the films we loved\n\n"
        "The week ended with news that Ada Kemp's Salt Roads had won the audience "
        "award. " + FILLER + "The sequel had its premiere audience roaring. "
        "Tom Reed's Jack Harlow, in a yellow coat, is invited to an island.\n"
    )
    found = titles(run(blank_nlp, text))
    assert "Salt Roads" in found
    assert "Jack Harlow" not in found  # the cue is in the sentence before


def test_a_possessive_character_the_text_names_is_no_film(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Low Tide review: two friends fall out\n\n"
        "Fergal Doyle decides one morning that he is done with his friend. "
        + FILLER
        + "Low Tide is a comedy. Tom Reed's Fergal is a wall of silence. Fergal sulks.\n"
    )
    x = run(blank_nlp, text)
    assert subjects(x) == {"Low Tide"}
    assert "Fergal" not in titles(x)


def test_a_subtitle_before_the_appositive_joins_its_title(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Festival wrap: five films we loved\n\n"
        "The crowd-pleaser was Night Train: A Harbour Mystery, Ada Kemp's sequel to "
        "Night Ferry (2019), which had the hall roaring. " + FILLER + "\n"
    )
    assert "Night Train: A Harbour Mystery" in subjects(run(blank_nlp, text))
    assert with_main_title("a Kemp sequel: the one", "the one", 15) == (
        "the one",
        15,
    )  # a lowercase run before the colon is no main title


def test_a_sentence_opening_title_described_as_a_film(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ada Kemp makes art about making art\n\n"
        "Clay Birds, which played in competition at Cannes last year, is Kemp's "
        "fourth film with Lena Berg. " + FILLER + "\n"
    )
    assert subjects(run(blank_nlp, text)) == {"Clay Birds"}
    found = find_clause_titles(
        "Low Tide, a documentary about fishermen, opens today. Jo, a drama teacher, "
        "smiles. Finally, a comedy that works. Mara, the drama queen, sulks."
    )
    assert [f.title for f in found] == ["Low Tide"]


def test_a_clause_title_the_text_uses_as_a_name_is_no_film() -> None:
    text = "Ingrid Vale says no. Ingrid, a comedy writer, leaves. Ingrid, a film by no one."
    assert find_clause_titles(text) == []


def test_a_maker_before_a_dated_title_is_cut_off(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Harbour Lights review: a quiet storm\n\n"
        "Ada Kemp returns. Lena Berg, who first worked with Kemp on Water Gardens "
        "(2007), plays the widow. A friend lent me a DVD of Old Rope (2006).\n"
    )
    found = titles(run(blank_nlp, text))
    assert {"Water Gardens", "Old Rope"} <= found
    assert strip_lead_name("Death in Venice", {"kemp"}) == ("Death in Venice", 0)


def test_a_title_review_line_under_a_kicker(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "VENICE 2022 | Competition\n\n"
        "The Salt Roads review: two friends fall out, magnificently\n\n"
        "On a small island, two men stop talking. " + FILLER + "\n"
    )
    assert subjects(run(blank_nlp, text)) == {"The Salt Roads"}


def test_a_title_with_its_original_title_under_a_kicker() -> None:
    text = (
        "CANNES 2019\n\nAda Kemp paints a love story\n\n"
        "Portrait of a Harbour (Portrait d'un port) is the first masterpiece here\n\n"
        + FILLER
        + "\nThe Moon (La Lune) is a painting she loves, in the body.\n"
    )
    found = find_top_line_titles(text, headline=("CANNES 2019", 0))
    assert [(f.title, f.original_title) for f in found] == [
        ("Portrait of a Harbour", "Portrait d'un port")
    ]
    near = "KICKER\n\nSophie (Frankie Corio) is on holiday with her father.\n"
    assert find_top_line_titles(near, headline=("KICKER", 0)) == []


def test_a_festival_review_label_is_no_title(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Berlin Review: 'Harbour Lights'\n\n"
        "There is a moment early in Harbour Lights when a man looks up. " + FILLER
    )
    assert subjects(run(blank_nlp, text)) == {"Harbour Lights"}


def test_prize_lines_with_one_word_names_and_long_titles(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Venice awards: the winners\n\n"
        "The full list of the awards:\n\n"
        "Golden Lion: Salt Roads (Ada Kemp)\n"
        "Best Screenplay: Yonfan, No. 3 Hill Road\n"
        "Special Jury Prize: The Sea Is No Longer What It Used to Be (Tom Reed)\n"
        "Best Actress: Lena Berg, Paper Moons\n"
    )
    assert subjects(run(blank_nlp, text)) == {
        "Salt Roads",
        "No. 3 Hill Road",
        "The Sea Is No Longer What It Used to Be",
        "Paper Moons",
    }


def test_evidence_helpers() -> None:
    t = "It premiered. Jo Doe's Ona is calm."
    assert sentence_around(t, 14, 24, before=40, after=20) == "Jo Doe's Ona is calm."
    assert word_count("Ona smiles. A personal film.", "Ona") == 1
    assert used_as_name(
        "a painter named Marianne arrives. Marianne paints.", "Marianne"
    )
    assert not used_as_name("Saltburn is a house. I loved Saltburn.", "Saltburn")


def test_a_lowercase_title_with_its_year_under_a_diary_byline(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Review by jo_doe ★★★★½\n\nlow tide (2023)\n\n"
        "watched this twice in one week and cried harder the second time, which "
        "should not be possible. lena berg as anna is so good.\n"
    )
    x = run(blank_nlp, text)
    assert subjects(x) == {"Low Tide"}
    near = (
        "Review by jo_doe ★★★★½\n\n"
        "watched this twice in one week and cried harder the second time, which "
        "should not be possible, and then again at home\nlast summer (2023)\n"
    )
    assert "Last Summer" not in titles(run(blank_nlp, near))


def test_star_rated_heading_lines_are_list_items(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The week's films\n\n"
        "★★★★★ Salt Roads\nAda Kemp's comedy about two friends on an island. "
        + FILLER
        + "\n\n★★★ Paper Moons\nTwo sisters run a cinema in a town that has none. "
        + FILLER
        + "\n"
    )
    assert subjects(run(blank_nlp, text)) == {"Salt Roads", "Paper Moons"}
    one = "The week's films\n\n★★★★★ Salt Roads\nAda Kemp's comedy. " + FILLER
    assert "Salt Roads" not in titles(run(blank_nlp, one))  # a lone line is no list


def test_copula_and_maker_clauses_name_a_film() -> None:
    text = (
        "Low Tide was the film everyone adored. Cold Harbour, also in competition, "
        "is Ada Kemp's story of a ferry. Paper Moons, which Tom Reed moved from "
        "Oslo to Rome, is long. Hollywood was the film industry. Lena Berg is the "
        "film's heart."
    )
    found = [f.title for f in find_clause_titles(text)]
    assert found == ["Low Tide", "Cold Harbour", "Paper Moons"]


def test_a_cued_possessive_takes_an_adjective(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Festival wrap: the films we loved\n\n"
        "Best actress went to Lena Berg, who plays Alice, a breeder, in Ada Kemp's "
        "chilly Salt Roads. Tom Reed's furious Fergal and Jo Doe's bitter Mara carry "
        "the argument. " + FILLER
    )
    found = titles(run(blank_nlp, text))
    assert "Salt Roads" in found
    assert not {"Fergal", "Mara"} & found


def test_diary_time_headings_are_no_films() -> None:
    from graph.extract_listitems import is_not_a_film

    assert is_not_a_film("OPENING NIGHT") and is_not_a_film("A DAY LATER")
    assert not is_not_a_film("Opening Night")  # a title in title case stays


def test_appositive_titles_with_stop_word_leads_and_second_titles(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Berlin 2012: the winners\n\n"
        "Just the Wind, Ada Kemp's harrowing account of a family, took the Grand Jury "
        "Prize. Saint Omer, Tom Reed's first fiction, is the film of the festival. "
        "A Royal Affair (En kongelig affære), Jo Doe's lavish Danish costume drama, "
        "won twice. The Golden Bear went to Caesar Must Die (Cesare deve morire), "
        "in which two brothers film a prison. She returned for Old Rope (2010), "
        "Kemp's austere western. " + FILLER
    )
    x = run(blank_nlp, text)
    found = subjects(x)
    assert {"Just the Wind", "Saint Omer", "A Royal Affair", "Caesar Must Die"} <= found
    assert "Danish" not in titles(x)
    assert "Old Rope" not in found  # a dated earlier film is no appositive subject


def test_a_title_with_a_possessive_inside_keeps_it() -> None:
    text = "The Devil's Bath, by the Austrian duo, is an 18th-century horror film."
    assert [f.title for f in find_clause_titles(text)] == ["The Devil's Bath"]


def test_a_repeated_comma_title_is_one_title(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Rewatching Harbour, Maine at forty\n\n"
        "I first saw Harbour, Maine on a VHS tape in 1991. Ada Kemp made it. "
        "Harbour, Maine is still a wonder. We drove to Paris, London and Rome. "
        + FILLER
    )
    x = run(blank_nlp, text)
    assert subjects(x) == {"Harbour, Maine"}
    assert "Paris, London" not in titles(x)  # a list written once is no title


def test_headline_why_title_is_the_makers_best_film(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Before Night Ferry: why Salt Roads is still Ada Kemp's best film\n\n"
        "Everyone discovered Ada Kemp when Night Ferry won a prize. Fewer went back "
        "to Salt Roads, her second feature. " + FILLER
    )
    assert subjects(run(blank_nlp, text)) == {"Salt Roads"}


def test_a_his_her_appositive_names_a_film() -> None:
    text = (
        "Low Tide, her first film shot in Norway, is told twice. Jo Doe, his "
        "old friend from school, waves."
    )
    assert [f.title for f in find_clause_titles(text)] == ["Low Tide"]


def test_a_classics_column_with_dated_openers(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "NEW TO STREAMING: seven classics for the long weekend\n\n"
        "Salt Roads (1953) is where many people start with Ada Kemp. " + FILLER + "\n\n"
        "Night Ferry, Tom Reed's 1958 obsession piece, topped a poll. "
        + FILLER
        + "\n\n"
        "Paper Moons (1970) was written and directed by Jo Doe. " + FILLER + "\n\n"
        "It owes a debt to Old Rope (1966), which is older. " + FILLER + "\n"
    )
    x = run(blank_nlp, text)
    assert subjects(x) == {"Salt Roads", "Night Ferry", "Paper Moons"}
    assert "NEW TO STREAMING" not in titles(x)


def test_a_prize_winner_in_the_headline_is_no_title(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        'Cannes 2023: Ada Kemp receives the Palme for "Salt Roads"\n\n'
        "The jury gave the Palme d'Or on Saturday night to Salt Roads, her fourth "
        "feature. Five years after Night Ferry won the Grand Prix, Kemp is back. "
        + FILLER
    )
    x = run(blank_nlp, text)
    assert subjects(x) == {"Salt Roads"}


def test_a_list_heading_takes_the_maker_its_paragraph_opens_with(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The week's films\n\n"
        "★★★★★ Salt Roads\nAda Kemp reunites two old friends on an island. "
        + FILLER
        + "\n\n★★★ Paper Moons\nTom Reed, eighty and furious, follows a donkey. "
        + FILLER
        + "\n\n★★★★ Old Rope\nThe pick of the week. Jo Doe, who gave us Salt Roads "
        "(2015), returns with a melodrama. "
        + FILLER
        + "\n\n★★ Night Ferry\nLena Berg plays a sailor who never goes home. "
        + FILLER
        + "\n"
    )
    x = run(blank_nlp, text)
    makers = {f.title: {d.name for d in f.directors} for f in x.films}
    assert makers["Salt Roads"] == {"Ada Kemp"}
    assert makers["Paper Moons"] == {"Tom Reed"}
    assert makers["Old Rope"] == {"Jo Doe"}
    assert makers["Night Ferry"] == set()  # an actor's line names no director


def test_a_title_and_subtitle_opening_a_sentence() -> None:
    text = (
        "I'll keep it short. Salt Roads: Night Run is one long chase. Update: "
        "Netflix is down.\nHarbour Lights: Lena Berg is reborn\n\nLena Berg plays a "
        "sailor."
    )
    assert [f.title for f in find_clause_titles(text)] == ["Salt Roads: Night Run"]


def test_an_elided_prize_with_its_winner_and_an_earlier_prize() -> None:
    from graph.extract_awards import find_award_titles

    text = (
        "The Night Ferry won the Grand Jury Prize, and Reed the Silver Lion for Best "
        "Director for Bones of the Sea. Five years after Driftwood won the Grand "
        "Prix at Cannes, Kemp is back. This year Seaglass won the Golden Bear at Berlin."
    )
    roles = {f.title: f.role for f in find_award_titles(text)}
    assert roles.get("Bones of the Sea") == "subject"
    assert roles.get("Driftwood") == "mentioned"
    assert roles.get("Seaglass") == "subject"


def test_a_makers_verb_introduces_a_film(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cannes 2023: the competition so far\n\n"
        "Ada Kemp returned with Salt Roads, a deadpan romance between two workers. "
        "Tom Reed premiered Paper Moons on Thursday. Jo Doe presented Lena Berg with "
        "a prize. Mara Voss, a drama teacher at the school, came too. " + FILLER
    )
    x = run(blank_nlp, text)
    assert subjects(x) == {"Salt Roads", "Paper Moons"}


def test_a_sentence_case_title_with_its_english_title() -> None:
    from graph.extract_clause_titles import find_sentence_case_titles

    text = (
        "Finally, Le Voyage du fils (The Son's Trip), Ada Kemp's courtroom drama, "
        "arrives. Then Paris (France), Tom Reed's home, is far."
    )
    found = [(f.title, f.original_title) for f in find_sentence_case_titles(text)]
    assert found == [("Le Voyage du fils", "The Son's Trip")]


def test_a_list_counted_as_films_names_each_film() -> None:
    from graph.extract_clause_titles import find_counted_list_titles

    text = (
        "The strongest days brought Low Tide, Pepe and A Sailor's Needs, three films "
        "that could not differ more. We met Jo Doe, Lena Berg and Tom Reed, three "
        "friends. We saw Oslo, Rome and Paris, three cities."
    )
    found = [f.title for f in find_counted_list_titles(text)]
    assert found == ["Low Tide", "Pepe", "A Sailor's Needs"]


def test_festivals_platforms_and_ceremonies_take_no_title_cue(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Salt Roads review: a quiet heartbreaker\n\n"
        "Cannes, which opened on Tuesday, looked tired. Netflix, which premiered "
        "three films here, bought nothing. The Oscars, which opened voting in "
        "January, will notice. Salt Roads is a drama. " + FILLER
    )
    x = run(blank_nlp, text)
    assert titles(x) == {"Salt Roads"}


def test_a_numbered_heading_with_two_directors_or_a_second_title(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The best films of the year\n\n"
        "3. Salt Roads (Ada and Mara Kemp)\nTwo sisters walk to the sea. "
        + FILLER
        + "\n\n2. Paper Moons (Lunas de papel, Tom Reed)\nA cinema in a town. "
        + FILLER
        + "\n\n1. Night Ferry (Jo Doe)\nA sailor goes home. "
        + FILLER
        + "\n"
    )
    films = {f.title: f for f in run(blank_nlp, text).films}
    assert {d.name for d in films["Salt Roads"].directors} == {"Ada Kemp", "Mara Kemp"}
    assert films["Salt Roads"].original_title is None
    assert films["Paper Moons"].original_title == "Lunas de papel"
    assert {d.name for d in films["Paper Moons"].directors} == {"Tom Reed"}


def test_two_brothers_take_a_directing_prize() -> None:
    from graph.extract_awards import find_award_titles

    text = (
        "Jean-Paul and Luc Marsh took best director for The Young Sailor, about a "
        "boy. Then Lena Berg took best actress for The Old Rope, about a widow."
    )
    makers = {(f.title, f.director) for f in find_award_titles(text) if f.director}
    assert makers == {
        ("The Young Sailor", "Luc Marsh"),
        ("The Young Sailor", "Jean-Paul Marsh"),
    }
