"""People rules for asides and for directors tied to a found title (issue #3):
"His wife Hedwig is X", "X is his gentle father Burt", "X, as his nurse Liz, is",
"A and B are the couple, C and D", "C and D are both voiced by X", "Y's Title",
"Title, also new, is Y's story", "Title, the first feature by Y", "Title won Y her
first Palme d'Or". Each test is a short text we wrote, with a near miss the rule
must not fire on; all run on ``spacy.blank("en")``."""

from __future__ import annotations

from rules_helpers import run_rules as run

from graph.models import Extraction, FilmMention


def films(x: Extraction) -> dict[str, FilmMention]:
    return {f.title: f for f in x.films}


def pairs(x: Extraction) -> set[tuple[str, str | None]]:
    return {(c.actor, c.character) for f in x.films for c in f.cast}


def actors(x: Extraction) -> set[str]:
    return {c.actor for f in x.films for c in f.cast}


def directors(x: Extraction) -> set[str]:
    return {d.name for f in x.films for d in f.directors}


def test_kin_introduced_before_actor(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Garden Wall review\n\nGarden Wall is Ines Rook's second feature. The "
        "commandant is played by Piet Vos. His wife Hedwig is Lena Dorn, who tends "
        "her flowers. Her sister Anna is Norwegian."
    )
    got = pairs(run(blank_nlp, text))
    assert ("Lena Dorn", "Hedwig") in got
    assert not any(c == "Anna" for _a, c in got)


def test_actor_is_described_relative(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Home Movies review\n\nHome Movies is Ines Rook's memoir. Mia Lund plays "
        "his mother Mitzi, and Tom Hale is his gentle, bookish father Burt."
    )
    assert ("Tom Hale", "Burt") in pairs(run(blank_nlp, text))
    near = (
        "Home Movies review\n\nHome Movies is Ines Rook's memoir. Mia Lund plays "
        "his mother Mitzi, and Tom Hale is his gentle, bookish father. Burt waits."
    )
    assert ("Tom Hale", "Burt") not in pairs(run(blank_nlp, near))


def test_as_aside_before_the_verb(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Big Room review\n\nBig Room is Ines Rook's chamber drama. Lena Dorn, as "
        "his friend and nurse Liz, is the film's best argument. Piet Vos, as that "
        "boy grown up, Joe, is a revelation."
    )
    got = pairs(run(blank_nlp, text))
    assert ("Lena Dorn", "Liz") in got
    assert ("Piet Vos", "Joe") in got
    near = (
        "Big Room review\n\nBig Room is Ines Rook's chamber drama. Lena Dorn, as "
        "his friend and nurse, is superb. Liz, her patient, dies."
    )
    assert ("Lena Dorn", "Liz") not in pairs(run(blank_nlp, near))


def test_pair_of_actors_are_a_pair_of_parts(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Long Island review\n\nLong Island is Ines Rook's thriller. Lena Dorn and "
        "Tom Hale are the visiting couple, Amanda and Clay, and they are scared."
    )
    got = pairs(run(blank_nlp, text))
    assert {("Lena Dorn", "Amanda"), ("Tom Hale", "Clay")} <= got
    near = (
        "Long Island review\n\nLong Island is Ines Rook's thriller. Lena Dorn and "
        "Tom Hale are the producers, and Amanda and Clay are its heroes."
    )
    assert not pairs(run(blank_nlp, near)) & {("Lena Dorn", "Amanda")}


def test_two_parts_voiced_by_one_actor(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Bath House review\n\nBath House is Ines Rook's animated fable. Yubi and "
        "Zeni are both voiced by Mari Sato, which is a lovely joke."
    )
    got = pairs(run(blank_nlp, text))
    assert {("Mari Sato", "Yubi"), ("Mari Sato", "Zeni")} <= got
    near = "Bath House review\n\nBath House is Ines Rook's fable. Yubi and Zeni are both drawn by Mari Sato."
    assert not actors(run(blank_nlp, near))


def test_owner_of_a_found_title(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        'Cannes wrap\n\nThe Palme went to "Cold Water" and the jury prize to '
        '"A Quiet Life". Not everything worked: '
        'Terry Malden\'s "A Quiet Life" is beautiful and forty minutes too long.'
    )
    x = run(blank_nlp, text)
    assert "Terry Malden" in {d.name for d in films(x)["A Quiet Life"].directors}
    near = (
        "Dune Two review\n\nDune Two is Ines Rook's sequel, adapted from Frank "
        'Hollis\'s "Dune Two" novel.'
    )
    assert "Frank Hollis" not in directors(run(blank_nlp, near))


def test_title_is_owners_story(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        'Cannes diary\n\n"A Quiet Life", also in competition, is Terry Malden\'s '
        'story of an Austrian farmer. "Cold Water" is Ines Rook\'s debut.'
    )
    x = run(blank_nlp, text)
    assert "Terry Malden" in {d.name for d in films(x)["A Quiet Life"].directors}


def test_title_first_feature_by_described_maker(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        'Berlin dispatch\n\n"Past Years", the first feature by the Korean-Canadian '
        'playwright Celia Song, barely raises its voice. "Past Years" is tender.'
    )
    x = run(blank_nlp, text)
    assert directors(x) == {"Celia Song"}
    near = (
        'Berlin dispatch\n\n"Past Years", the first feature in the lineup, barely '
        'raises its voice. "Past Years" is tender, with Celia Song.'
    )
    assert "Celia Song" not in directors(run(blank_nlp, near))


def test_title_won_owner_a_top_prize(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        'Cannes column\n\n"Sad Triangle" won Ruben Oster his second Palme d\'Or in '
        'May. "Sad Triangle" is a satire of the rich.'
    )
    assert "Ruben Oster" in directors(run(blank_nlp, text))
    near = (
        'Cannes column\n\n"Sad Triangle" won Ruben Oster his second Volpi Cup in '
        'May. "Sad Triangle" is a satire of the rich.'
    )
    assert "Ruben Oster" not in directors(run(blank_nlp, near))


def test_list_lends_support(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ghost House review\n\nGhost House is Ines Rook's comedy. Tom Hale, Mia Lund "
        "and Piet Vos lend support, and it is fun."
    )
    assert {"Tom Hale", "Mia Lund", "Piet Vos"} <= actors(run(blank_nlp, text))
    near = (
        "Ghost House review\n\nGhost House is Ines Rook's comedy. Tom Hale and Mia "
        "Lund lend their names to the credits as producers."
    )
    assert not actors(run(blank_nlp, near))


def test_has_the_part_of(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ring Day review\n\nRing Day is Ines Rook's boxing film. Tom Hale has the "
        "thankless part of Elis, the manager."
    )
    assert ("Tom Hale", "Elis") in pairs(run(blank_nlp, text))
    near = (
        "Ring Day review\n\nRing Day is Ines Rook's boxing film. Tom Hale has the "
        "rights of Elis Berg's novel."
    )
    assert "Tom Hale" not in actors(run(blank_nlp, near))


def test_title_comma_owner_portrait(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        'Venice report\n\nThe jury handed the Golden Lion to "Casa", Alfonso Ruiz\'s '
        'intimate, enormous portrait of a household. "Casa" is long.'
    )
    assert "Alfonso Ruiz" in directors(run(blank_nlp, text))
    near = (
        'Venice report\n\nThe jury handed the Golden Lion to "Casa", Alfonso Ruiz\'s '
        'favourite of the year. "Casa" is long.'
    )
    assert "Alfonso Ruiz" not in directors(run(blank_nlp, near))


def test_directed_this_time_by_three(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Web Verse review\n\nWeb Verse, directed this time by Joaquim Dos Santos, "
        "Kemp Powers and Justin K. Thompson, picks up with Miles."
    )
    got = directors(run(blank_nlp, text))
    assert {"Joaquim Dos Santos", "Kemp Powers", "Justin K. Thompson"} <= got


def test_collaborators_with_are_not_cast(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Casa review\n\nCasa is Alfonso Ruiz's memoir. Ruiz, who shot the film "
        "after years of working with Emil Lubez, builds it around Cleo. Greta Berg "
        "wrote this one with Noah Bach, and it stars Mia Lund as Cleo."
    )
    got = actors(run(blank_nlp, text))
    assert "Mia Lund" in got
    assert not {"Emil Lubez", "Noah Bach"} & got


def test_director_possessive_relative_is_no_director(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A Parting review\n\nA Parting is Asghar Farzi's drama. Termeh is played by "
        "Sarina Farzi, the director's own daughter."
    )
    x = run(blank_nlp, text)
    assert "Sarina Farzi" not in directors(x)
    assert "Sarina Farzi" in actors(x)


def test_ranked_character_outside_parenthesis(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Leaving review\n\nLeaving is Park Chan's thriller. Detective Hae-jun (Park "
        "Hae-il), a Busan insomniac, investigates a fall."
    )
    got = pairs(run(blank_nlp, text))
    assert ("Park Hae-il", "Detective Hae-jun") in got


def test_original_title_parenthesis_is_no_actor(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A Parting review\n\nAsghar Farzi's A Parting (Jodaeiye Nader az Simin) won "
        "the Golden Bear, and the cast is superb."
    )
    assert "Jodaeiye Nader" not in actors(run(blank_nlp, text))


def test_described_aside_is_played_by(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Flower Moon review\n\nFlower Moon is Martin Scor's epic. Ernest takes orders "
        "from his uncle, William Hale. Hale, the cattleman who calls himself the "
        "friend of the Osage, is played by Robert Niro with a smile."
    )
    got = pairs(run(blank_nlp, text))
    assert ("Robert Niro", "Hale") in got
    assert ("Robert Niro", "Osage") not in got


def test_returns_as_is_an_actor_not_the_maker(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "This week in cinemas\n\nBy Ann Lee | The Post | 1 March 2024\n\n"
        "IN CINEMAS\n\nDune Three ★★★★★\nDenis Vill finishes what he started in "
        "2021, and it is big. Rebecca Ferg returns as Paul's mother Jessica.\n\n"
        "Quiet Days ★★★★\nWim Wend films a toilet cleaner in Tokyo.\n\n"
        "Madame Net ★\nIt is bad.\n"
    )
    x = run(blank_nlp, text)
    assert "Rebecca Ferg" not in directors(x)
    assert "Wim Wend" in directors(x)  # "X films ...": the maker


def test_leads_the_family_and_make_up_the_suspects(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cellar review\n\nCellar is Bong Jun's satire. Song Kang-ho leads the Kim "
        "family, who con their way in. Tom Hale, Mia Lund and Piet Vos make up the "
        "suspects."
    )
    got = actors(run(blank_nlp, text))
    assert {"Song Kang-ho", "Tom Hale", "Mia Lund", "Piet Vos"} <= got
    near = (
        "Cellar review\n\nCellar is Bong Jun's satire. Ruben Ost, Tom Hale and Mia "
        "Lund make up the jury."
    )
    assert not actors(run(blank_nlp, near))


def test_comeback_as_a_part(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Everything review\n\nEverything is Dan Kwon's comedy. Ke Huy Quan's "
        "comeback as her husband Waymond is the year's happiest story."
    )
    assert ("Ke Huy Quan", "Waymond") in pairs(run(blank_nlp, text))


def test_prize_to_maker_for_title(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cannes palmares\n\nThe jury closed the festival by giving the Palme d'Or "
        'to Justine Trio for "A Fall", a courtroom drama, and Best Actress to Merve '
        'Dizz for "Dry Grass".'
    )
    x = run(blank_nlp, text)
    assert "Justine Trio" in directors(x)
    assert "Merve Dizz" not in directors(x)


def test_came_back_with_title(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        'Cannes diary\n\nLukas Dhon, whose "Lass" (2018) premiered here, came back '
        'in the main competition with "Near", about two boys. "Near" is tender.'
    )
    x = run(blank_nlp, text)
    assert "Lukas Dhon" in {d.name for d in films(x)["Near"].directors}
    near = (
        'Cannes diary\n\nLukas Dhon came back from the beach with a tan. "Near" is '
        "tender."
    )
    assert "Lukas Dhon" not in directors(run(blank_nlp, near))


def test_two_particles_in_a_name(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Hippo review\n\nHippo, directed by Nelson Carl de los Santos Arias, is "
        "narrated by a ghost. It is strange."
    )
    assert directors(run(blank_nlp, text)) == {"Nelson Carl de los Santos Arias"}
    near = (
        "Hippo review\n\nHippo, directed by Nelson Carl, is set in the town of los "
        "Santos. It is strange."
    )
    assert directors(run(blank_nlp, near)) == {"Nelson Carl"}


def test_prize_went_to_actor_for_a_part(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        'Cannes palmares\n\nThe Palme d\'Or went to "A Fall". The acting prizes '
        "went to Koji Yaku, for his Tokyo toilet cleaner Hirayama in Wim Wend's "
        '"Quiet Days". "Quiet Days" is lovely.'
    )
    x = run(blank_nlp, text)
    assert ("Koji Yaku", "Hirayama") in {
        (c.actor, c.character) for c in films(x)["Quiet Days"].cast
    }
    near = (
        'Cannes palmares\n\nThe Palme d\'Or went to "A Fall". The prize went to '
        'Koji Yaku, for his Tokyo friends, in "Quiet Days".'
    )
    assert "Koji Yaku" not in actors(run(blank_nlp, near))


def test_title_cut_short_is_no_actor(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        'Berlin 2024\n\nThe Golden Bear went to "Dahomey". Emily Wats won the '
        "supporting prize for Small Things Like These, the festival's opening "
        "film, as a chilling Mother Superior."
    )
    assert "Small Things" not in actors(run(blank_nlp, text))


def test_a_comma_after_the_director_is_no_list(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cold Water review\n\nDirected by Mara Olsen, Cold Water is a chilly drama. "
        "Directed this time by Jo Berg, Ann Lee and Eli Vass, Salt Houses is warmer."
    )
    names = {d.name for f in run(blank_nlp, text).films for d in f.directors}
    assert "Cold Water" not in names
    assert {"Mara Olsen", "Jo Berg", "Ann Lee", "Eli Vass"} <= names
