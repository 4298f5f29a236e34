"""People rules for the phrasings of unseen reviews (issue #3, third round): credit
lines, job words before names, prize names, gapped clauses, translated "of the X".
Each test is a short text we wrote, with a near miss the rule must not fire on; all
run on ``spacy.blank("en")``."""

from __future__ import annotations

from rules_helpers import run_rules as run

from graph.extract_people import trim_headline_verb, trim_name
from graph.models import Extraction


def names(x: Extraction, role: str) -> set[str]:
    """Every director ("director") or actor ("cast") of every film."""
    if role == "director":
        return {d.name for f in x.films for d in f.directors}
    return {c.actor for f in x.films for c in f.cast}


def pairs(x: Extraction) -> set[tuple[str, str | None]]:
    return {(c.actor, c.character) for f in x.films for c in f.cast}


def test_credit_line_dir_colon_and_final_period(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cold Water review\n\nCold Water | Dir: Mara Olsen\n\nCold Water is a quiet "
        "film.\n\nWith: Ruth Berg, Tom Hale, Lena Moss.\n\nThe direction: superb."
    )
    x = run(blank_nlp, text)
    assert "Mara Olsen" in names(x, "director")
    assert {"Ruth Berg", "Tom Hale", "Lena Moss"} <= names(x, "cast")


def test_job_word_before_a_name_is_no_part_of_it() -> None:
    assert trim_name("Playwright Ann Berg") == "Ann Berg"
    assert trim_name("Newcomer Tom Hale") == "Tom Hale"
    # a two-word name keeps its first word: "Young" may be a first name
    assert trim_name("Young Tom") == "Young Tom"


def test_headline_copula_makes_no_director() -> None:
    assert trim_headline_verb("Ann Berg Is") == ""
    assert trim_headline_verb("Ann Berg Turns") == "Ann Berg"
    assert trim_headline_verb("Ann Berg") == "Ann Berg"


def test_prize_names_are_never_cast(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        'Venice prizes\n\n"Cold Water" takes the Golden Lion as the jury surprises '
        "everyone. Tom Hale won the Silver Cup for best actor as the sailor Ben Moss "
        '("Cold Water"). Ruth Berg plays Ada.'
    )
    cast = names(run(blank_nlp, text), "cast")
    assert "Ruth Berg" in cast
    assert not {"Golden Lion", "Silver Cup"} & cast


def test_a_character_in_a_weak_with_list_is_no_actor(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        'Cold Water review\n\nIn "Cold Water", Ada elopes with Ben Moss, a preening '
        "lawyer played by Tom Hale in the funniest performance of his career. "
        "The film co-stars with Lena Moss in a small role."
    )
    x = run(blank_nlp, text)
    assert "Ben Moss" not in names(x, "cast")
    assert "Tom Hale" in names(x, "cast")


def clause_facts(text: str) -> set[tuple[str, str, str | None]]:
    from graph.extract_people_clauses import find_clause_people

    return {(f.role, f.name, f.character) for f in find_clause_people(text)}


def test_translated_title_of_the_nationality_director() -> None:
    got = clause_facts(
        'The Grand Prix goes to "Cold Water" of the Iranian Ann Berg and to "Warm '
        'Milk" of Tom Hale. "Flow", the long metrage of animation of the Latvian '
        'Mara Olsen, won. The song of "Cold Water" of the evening was loud. The two '
        'had been seen together in "Old Song" of Ben Stone.'
    )
    assert {("director", "Ann Berg", None), ("director", "Tom Hale", None),
            ("director", "Mara Olsen", None)} <= got  # fmt: skip
    assert len(got) == 3


def test_direction_and_acting_prizes() -> None:
    got = clause_facts(
        "The prize of the mise en scène returns to Ann Berg for the musical. Tom Hale "
        "won the Silver Cup for best actor as a sailor, and Ruth Berg the Silver Cup "
        "for best actress. The Norwegian Lena Moss receives the prize of female "
        "interpretation, and the American Ben Stone that of male interpretation. "
        "Mara Olsen won the prize for best screenplay."
    )
    assert ("director", "Ann Berg", None) in got
    assert {("cast", n, None) for n in ("Tom Hale", "Ruth Berg", "Lena Moss",
                                         "Ben Stone")} <= got  # fmt: skip
    assert not any(name == "Mara Olsen" for _r, name, _c in got)


def test_gapped_second_actor() -> None:
    got = clause_facts(
        "Ruth Berg plays his mother Ada, a pianist, and Tom Hale his father Ben, an "
        "engineer. Lena Moss plays Eva, and Mara Olsen the prosecutor. Ann Berg "
        "directed it, and Ben Stone the next one."
    )
    assert ("cast", "Tom Hale", "Ben") in got
    assert ("cast", "Mara Olsen", None) in got
    assert not any(name == "Ben Stone" for _r, name, _c in got)


def test_apposition_before_the_verb() -> None:
    got = clause_facts(
        "Ann Berg, named best director at Cannes this year, makes a romance out of a "
        "murder case. Tom Hale, who wrote it, directed it. Jean-Luc and Mara Olsen, "
        "twice winners, return with their angriest film. Ben Stone, who shot it, "
        "makes Texas look like a film set. Lena Moss, a friend, made dinner. Ruth "
        "Berg, who won the acting prize for it, is Hirayama, a cleaner. Eva Holm, who "
        "directed it, is Danish."
    )
    directors = {n for r, n, _c in got if r == "director"}
    assert {"Ann Berg", "Tom Hale", "Mara Olsen", "Jean-Luc Olsen"} <= directors
    assert not {"Ben Stone", "Lena Moss"} & directors
    assert ("cast", "Ruth Berg", "Hirayama") in got
    assert not any(r == "cast" and n == "Eva Holm" for r, n, _c in got)


def test_career_and_possessive_described_character() -> None:
    got = clause_facts(
        "Ann Berg has been making films for fifty years. Tom Hale's Chief Brody, a "
        "New York cop afraid of water, is the hero. Mara Olsen's Joker, a comic-book "
        "origin story, won."
    )
    assert ("director", "Ann Berg", None) in got
    assert ("cast", "Tom Hale", "Chief Brody") in got
    assert not any(n == "Mara Olsen" for _r, n, _c in got)


def test_nationality_is_no_part_of_a_name() -> None:
    got = clause_facts(
        '"Cold Water" of Tran Anh Hung and "Warm Milk" of Christian Ber Holm.'
    )
    assert {("director", "Tran Anh Hung", None),
            ("director", "Christian Ber Holm", None)} == got  # fmt: skip


def test_possessive_of_a_prize_winner_or_adaptation(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cold Water review\n\nCold Water is the film of the week. Ann Berg's Palme "
        "d'Or winner is even better the second time. Tom Hale's German-language "
        "adaptation of the novel is grim. Ruth Berg's Oscar speech was short."
    )
    got = names(run(blank_nlp, text), "director")
    assert {"Ann Berg", "Tom Hale"} <= got
    assert "Ruth Berg" not in got


def test_honorific_character_and_known_as(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cold Water review\n\nCold Water is a quiet film. The speech Tom Hale, as Mr. "
        "Perlman, gives his son is fine. Ruth Berg is Ada, 17 and bored. You might "
        "know Lena and Mara Olsen as RackaRacka, two twins."
    )
    got = pairs(run(blank_nlp, text))
    assert ("Tom Hale", "Mr. Perlman") in got or ("Tom Hale", "Perlman") in got
    assert ("Ruth Berg", "Ada") in got
    assert not any(actor == "Mara Olsen" for actor, _c in got)


def test_with_a_writer_or_a_dated_film_is_no_cast(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cold Water review\n\nCold Water, co-written with Ann Berg, is a film with "
        "Tom Hale and Ruth Berg in the main roles. After a detour into the thriller "
        "with Night Moves (2013), the cast changes."
    )
    cast = names(run(blank_nlp, text), "cast")
    assert {"Tom Hale", "Ruth Berg"} <= cast
    assert not {"Ann Berg", "Night Moves"} & cast


def test_role_of_after_an_adjective(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cold Water review\n\nCold Water is a period film. Tom Hale is excellent in "
        "the role of the commander Henry, the forger. Ruth Berg is good in the end."
    )
    got = pairs(run(blank_nlp, text))
    assert ("Tom Hale", "Henry") in got
    assert not any(actor == "Ruth Berg" for actor, _c in got)


def test_credit_line_under_a_section_heading(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The best films of the year: our top two\n\n2. Cold Water\nDir: Ann Berg\n\n"
        "Tom Hale says he is retiring, and what a way to go.\n\n1. Warm Milk\n"
        "Dir: Mara Olsen\n\nA fine film."
    )
    x = run(blank_nlp, text)
    assert "Tom Hale" not in names(x, "director")
    assert {"Ann Berg", "Mara Olsen"} <= names(x, "director")


def test_pair_as_and_called_and_apposition_plays() -> None:
    got = clause_facts(
        "Tom Hale and Ruth Berg as neighbours in 1960s Oslo, Mr. Holm and Mrs. Dahl, "
        "who meet. Lena Moss as an IRS auditor called Ada Brun. Mara Olsen, very "
        "sober, without her usual smile, incarnates Picquart with authority. Ann "
        "Berg and Eva Holm as a team were fine. Ben Stone, a friend, plays with fire."
    )
    assert {("cast", "Tom Hale", "Mr. Holm"), ("cast", "Ruth Berg", "Mrs. Dahl"),
            ("cast", "Lena Moss", "Ada Brun"),
            ("cast", "Mara Olsen", "Picquart")} <= got  # fmt: skip
    assert not any(n in {"Ann Berg", "Eva Holm", "Ben Stone"} for _r, n, _c in got)


def test_job_word_inside_parentheses(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cold Water review\n\nCold Water opens with Yoav (newcomer Tom Hale) in an "
        "empty flat, and his father Ben (the legendary Ann Berg, who is 93!!). The "
        "plan (the first of many) fails."
    )
    got = pairs(run(blank_nlp, text))
    assert ("Tom Hale", "Yoav") in got
    assert ("Ann Berg", "Ben") in got


def test_prize_with_part_and_translated_relative() -> None:
    got = clause_facts(
        "Tom Hale won the Silver Cup for best actor as the sailor Ben Moss in an "
        "adaptation. She passes for the lost son of a fireman, Vincent, that Ruth "
        "Berg plays with a body of iron. Ada, whom Lena Moss met, smiled."
    )
    assert ("cast", "Tom Hale", "Ben Moss") in got
    assert ("cast", "Ruth Berg", "Vincent") in got
    assert not any(n == "Lena Moss" for _r, n, _c in got)


def test_genre_with_names_its_cast_and_age_before_made(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cold Water review\n\nThe jury loved Cold Water, the musical comedy with Tom "
        "Hale and Ruth Berg. Ann Berg is 84 and has made the most daring film in "
        "competition. Lena Moss dined with Mara Olsen and Eva Holm."
    )
    x = run(blank_nlp, text)
    assert {"Tom Hale", "Ruth Berg"} <= names(x, "cast")
    assert not {"Mara Olsen", "Eva Holm"} & names(x, "cast")
    assert "Ann Berg" in names(x, "director")


def test_playing_turn_as_and_lends_voice() -> None:
    got = clause_facts(
        "Ruth Moss, playing a widowed ferry pilot named Ada, is the anchor. Karl "
        "Dahl's turn as the harbour master Sven is funny. Lena Holm lends her voice "
        "to Mira, a seagull. Tom Hale's work as a director is fine. Eva Holm's turn "
        "to speak came late."
    )
    assert {("cast", "Ruth Moss", "Ada"), ("cast", "Karl Dahl", "Sven"),
            ("cast", "Lena Holm", "Mira")} <= got  # fmt: skip
    assert not any(n in {"Tom Hale", "Eva Holm"} for _r, n, _c in got)


def test_two_actors_star_as_two_parts(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cold Water review\n\nCold Water is a chilly film. Eva Strand and Nils Berg "
        "star as Greta and Olaf, the feuding neighbours."
    )
    got = pairs(run(blank_nlp, text))
    assert {("Eva Strand", "Greta"), ("Nils Berg", "Olaf")} <= got
    assert ("Nils Berg", "Greta") not in got


def test_epithet_after_directed_by_and_jury_helmer(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cold Water review\n\nCold Water, directed by first-timer Ann Berg, is a "
        "chilly film. Helmer Tom Hale, the jury president, left early. Its star, "
        "Ruth Moss, plays a farmer named Ada, opposite Lena Holm."
    )
    x = run(blank_nlp, text)
    assert names(x, "director") == {"Ann Berg"}
    assert ("Ruth Moss", "Ada") in pairs(x)
    assert "Lena Holm" in names(x, "cast")


def test_paren_as_after_the_actor() -> None:
    got = clause_facts(
        "Sofia Reyes stars opposite Julio Mena (as her estranged husband Raúl). The "
        "plan (as always) fails."
    )
    assert ("cast", "Julio Mena", "Raúl") in got
    assert len([f for f in got if f[1] == "Julio Mena"]) >= 1
    assert not any(n == "The" for _r, n, _c in got)


def test_translated_prize_report() -> None:
    got = clause_facts(
        "The film follows Elena, a nurse, that the actress Ruth Berg incarnates with "
        'intensity. The prize of the best actress went to Lena Holm for "The Water", '
        "of Tom Hale. The Lion of silver of the best realization returns to the "
        'Chilean Ann Berg for "North". The prize of the best screenplay went to Mara '
        "Olsen."
    )
    assert {("cast", "Ruth Berg", "Elena"), ("cast", "Lena Holm", None),
            ("director", "Tom Hale", None),
            ("director", "Ann Berg", None)} <= got  # fmt: skip
    assert not any(n == "Mara Olsen" for _r, n, _c in got)


def test_directorial_debut_of_an_actor_and_cameos(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cold Water review\n\nCold Water marks the directorial debut of actor Ann "
        "Berg, who also co-stars as the farmer's widow. Filmmaker Tom Hale, a friend "
        "of hers, makes a cameo as a priest. Ruth Moss plays Ada."
    )
    x = run(blank_nlp, text)
    assert names(x, "director") == {"Ann Berg"}
    assert {"Ann Berg", "Tom Hale", "Ruth Moss"} <= names(x, "cast")


def test_described_parts_and_asides(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cold Water review\n\nCold Water is a chilly film. But the revelation is Ann "
        "Berg as a lonely ranch hand, in the finest performance of the year. Tom "
        "Hale — yes, the singer — turns up as Eric, who runs the kiln. Ruth Moss "
        "turns up for one strange scene in an Italian villa, as a countess. Lena "
        "Holm makes a very funny composition of Bertillon. Mara Olsen, in a rare "
        "dramatic role, is her husband. Eva Holm as a child lived in Oslo."
    )
    x = run(blank_nlp, text)
    assert {"Ann Berg", "Tom Hale", "Ruth Moss", "Lena Holm", "Mara Olsen"} <= names(
        x, "cast"
    )
    assert ("Tom Hale", "Eric") in pairs(x)
    assert ("Lena Holm", "Bertillon") in pairs(x)
    assert "Eva Holm" not in names(x, "cast")


def test_french_review_phrasings(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« Le Long Champ » : la moisson des regrets\n\nPremier long métrage de la "
        "comédienne Ann Berg, « Le Long Champ » filme la moisson. Tom Hale, "
        "bouleversant, incarne Tomás, aux côtés de Ruth Moss, qui prête ses traits à "
        "Carmen. Le chef opérateur Lena Holm soigne les images. Réalisé par Ann Berg, "
        "le film a reçu le prix du jury."
    )
    x = run(blank_nlp, text, language="fr")
    assert names(x, "director") == {"Ann Berg"}
    assert {("Tom Hale", "Tomás"), ("Ruth Moss", "Carmen")} <= pairs(x)
    assert "Lena Holm" not in names(x, "cast")


def test_crew_jobs_are_no_gapped_or_described_parts() -> None:
    got = clause_facts(
        "Tom Hale is the director, and Ruth Berg the producer. Ann Berg's turn as a "
        "director is assured. Lena Holm, playing a film critic, is fun. Eva Holm, "
        "playing Ada, meets the director."
    )
    assert not any(n in {"Ruth Berg", "Ann Berg"} for _r, n, _c in got)
    assert ("cast", "Eva Holm", "Ada") in got
    assert ("cast", "Lena Holm", None) in got  # playing a critic is a part


def test_collective_of_directors() -> None:
    got = clause_facts(
        "Outside the competition, Cold Water, made by a Palestinian-Israeli "
        "collective of Ann Berg, Tom Hale and Ruth Moss, won. A team of Lena Holm "
        "and Eva Holm catered."
    )
    assert {n for r, n, _c in got if r == "director"} == {
        "Ann Berg", "Tom Hale", "Ruth Moss"
    }  # fmt: skip


def test_part_with_an_aside_then_played_by() -> None:
    got = clause_facts(
        "Home is Ada, Ben's mother, played by Ruth Berg, whose habit grows. Na Ling, "
        "now called Nora and played by Tom Hale, writes. He marries Mollie, while his "
        "uncle William Dahl, played by Lena Holm, plots."
    )
    assert ("cast", "Ruth Berg", "Ada") in got
    assert ("cast", "Tom Hale", "Nora") in got
    assert not any(n == "Lena Holm" and c == "Mollie" for _r, n, c in got)


def test_two_actors_play_unnamed_parts(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cold Water review\n\nCold Water is a chilly film. Ann Berg and Tom Hale play "
        "her parents, who let it happen. Ruth Moss and Lena Holm play with genre."
    )
    cast = names(run(blank_nlp, text), "cast")
    assert {"Ann Berg", "Tom Hale"} <= cast
    assert not {"Ruth Moss", "Lena Holm"} & cast


def test_cast_lists_in_prose() -> None:
    got = clause_facts(
        "The cast - Ann Berg, Tom Hale, Ruth Moss - is excellent. Lena Holm leads a "
        "cast that includes Eva Strand and Nils Berg. Maja Fors and Oskar Lind round "
        "out the ensemble. In the lead role, Pia Lund is a revelation. The jury - "
        "Karl Dahl and Sara Blom - met. Jon Ask leads the jury."
    )
    cast = {n for r, n, _c in got if r == "cast"}
    assert {"Ann Berg", "Tom Hale", "Ruth Moss", "Lena Holm", "Eva Strand",
            "Nils Berg", "Maja Fors", "Oskar Lind", "Pia Lund"} <= cast  # fmt: skip
    assert not {"Karl Dahl", "Sara Blom", "Jon Ask"} & cast


def test_co_star_and_a_collaborator_with(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cold Water review\n\nCold Water, a film by Ann Berg, opens on a lake. Berg, "
        "who co-directed her first feature with Ruth Moss, now works alone. Lena "
        "Holm's Cold Water co-star Karl Dahl is also superb."
    )
    x = run(blank_nlp, text)
    assert names(x, "director") == {"Ann Berg"}
    assert {"Lena Holm", "Karl Dahl"} <= names(x, "cast")
    assert "Ruth Moss" not in names(x, "cast")


def test_source_works_name_authors_not_directors(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        'Cold Water review\n\nCold Water is based on the book "Wiseguy" by Ann Berg. '
        "It ranks among Tom Hale's finest screen adaptations, and lacks Ruth Moss's "
        "epic story. This adaptation of Lena Holm's stage drama drags. Eva Strand's "
        "German-language adaptation of the novel is the real thing."
    )
    got = names(run(blank_nlp, text), "director")
    assert "Eva Strand" in got
    assert not {"Ann Berg", "Tom Hale", "Ruth Moss", "Lena Holm"} & got


def test_a_director_character_with_its_actor(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cold Water review\n\nCold Water is directed by Ann Berg. On set, the director "
        "Carl Dahl (Tom Hale) hires a young star."
    )
    x = run(blank_nlp, text)
    assert names(x, "director") == {"Ann Berg"}


def test_title_by_director_in_prize_prose() -> None:
    got = clause_facts(
        "Ruth Moss took the prize for best actress for Warm Milk, by her husband Ann "
        "Berg. The Special Jury Prize went to La Mafia non è più by Tom Hale. The "
        "award for Best Screenplay by Lena Holm was a surprise.\n\nGolden Bear goes "
        "to Cold Water\n\nby Eva Strand, for Kinoblatt"
    )
    directors = {(n, c) for r, n, c in got if r == "director"}
    assert {("Ann Berg", None), ("Tom Hale", None)} <= directors
    assert not any(n in {"Lena Holm", "Eva Strand"} for n, _c in directors)


def test_possessive_titles_in_prize_lines_and_with_years() -> None:
    got = clause_facts(
        "The Golden Lion went to Ann Berg's Cold Water, a thriller. The first "
        "runner-up was Tom Hale's Warm Milk. The season opens with Ruth Moss's Red "
        "Tide (1962). Lena Holm's Ada is a marvel. It was Eva Strand's Blue Hour, "
        "and Mara Olsen's Ada (Tom Hale) sings."
    )
    directors = {n for r, n, _c in got if r == "director"}
    assert {"Ann Berg", "Tom Hale", "Ruth Moss"} <= directors
    assert not {"Lena Holm", "Mara Olsen"} & directors


def test_adjective_before_a_role_noun(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cold Water review\n\nCold Water is a slow burn. Tom Hale is fantastic as the "
        "grieving dad. Ruth Moss works as a hotel and bar critic in real life."
    )
    cast = names(run(blank_nlp, text), "cast")
    assert "Tom Hale" in cast
    assert "Ruth Moss" not in cast


def test_long_particle_names_and_translated_voices() -> None:
    got = clause_facts(
        "The Silver Bear for Best Director went to Ana Luisa de los Santos Arias for "
        'Pepe. The prize went to "Snail" of the Australian Tom Hale, the story of '
        "Grace, to the voice of Ruth Moss. The room has the voice of reason."
    )
    assert ("director", "Ana Luisa de los Santos Arias", None) in got
    assert ("cast", "Ruth Moss", None) in got


def test_possessive_after_a_bare_to_is_no_prize_line() -> None:
    got = clause_facts(
        "The film, a sequel to Ann Berg's 1979 horror film, drags. Maneuvering to End "
        "Britain's Role in the trade. The jury gave the Golden Lion of this 76th "
        "edition to Tom Hale's Warm Milk."
    )
    directors = {n for r, n, _c in got if r == "director"}
    assert directors == {"Tom Hale"}


def test_sentence_adverb_is_no_part_of_a_name() -> None:
    assert trim_name("Undoubtedly Ann Berg") == "Ann Berg"
    assert trim_name("Kelly Marie Tran") == "Kelly Marie Tran"


def test_translated_french_casting_verbs(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        '"Cold Water", the new opus of Ann Berg, moves the Croisette\n\n"Cold Water" '
        "is carried by Ruth Moss, impressive in the role of Elena. Tom Hale lends his "
        "features to Mateo, the brother. Lena Holm camps a grandmother, and Eva "
        "Strand embodies with sobriety the father. Mara Olsen plays with genre. The "
        'last feature film of Karl Dahl, "North", was also shown.'
    )
    x = run(blank_nlp, text)
    assert {("Ruth Moss", "Elena"), ("Tom Hale", "Mateo")} <= pairs(x)
    assert {"Lena Holm", "Eva Strand"} <= names(x, "cast")
    assert "Mara Olsen" not in names(x, "cast")
    assert {"Ann Berg", "Karl Dahl"} <= names(x, "director")
