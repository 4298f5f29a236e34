"""People rules for real-world phrasings (issue #3): appositives, credit blocks,
round-up paragraphs, comparisons. Each test is a short text we wrote, with a near
miss the rule must not fire on; all run on ``spacy.blank("en")``."""

from __future__ import annotations

import pytest
from rules_helpers import run_rules as run

from graph.models import Extraction, FilmMention


def films(x: Extraction) -> dict[str, FilmMention]:
    return {f.title: f for f in x.films}


def pairs(film: FilmMention) -> set[tuple[str, str | None]]:
    return {(c.actor, c.character) for c in film.cast}


def directors(film: FilmMention) -> list[str]:
    return [d.name for d in film.directors]


def test_appositive_between_actor_and_plays(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cold Water review\n\nCold Water is a quiet film. Ruth Berg, a newcomer with "
        "a steady gaze, plays Ada. Tom Hale, in the role of a lifetime, plays Ben. "
        "Mara Olsen plays with genre. Ada, the sister of Ben, played by Lena Moss, "
        "stays home."
    )
    got = pairs(films(run(blank_nlp, text))["Cold Water"])
    assert ("Ruth Berg", "Ada") in got
    assert ("Tom Hale", "Ben") in got
    assert ("Lena Moss", "Ada") in got or ("Lena Moss", None) in got
    assert all(actor != "Mara Olsen" for actor, _ in got)


def test_actor_adjective_is_character(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cold Water review\n\nCold Water is a quiet film about a family. Ruth Berg, "
        "overwhelming, is Ada, in her best role. The newcomer Tom Hale is Ben, and he holds "
        "his own. Julia Fox is Julia, his girlfriend, and Lena Moss is Dinah, his "
        "wife. Paris, France is Europe, in a way."
    )
    got = pairs(films(run(blank_nlp, text))["Cold Water"])
    assert {("Ruth Berg", "Ada"), ("Tom Hale", "Ben"), ("Julia Fox", "Julia"),
            ("Lena Moss", "Dinah")} <= got  # fmt: skip
    assert len(got) == 4


def test_director_word_before_a_conjunction_is_not_a_title(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cold Water review\n\nIn Cold Water, Tom Hale plays Ben, a theatre director, "
        "and Ruth Berg is Ada, the actress who leaves him. The director Mara Olsen "
        "keeps it tight."
    )
    film = films(run(blank_nlp, text))["Cold Water"]
    assert directors(film) == ["Mara Olsen"]
    assert ("Ruth Berg", "Ada") in pairs(film)


def test_capitalised_french_film_de(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« Eau froide » : la critique\n\nUne nuit, au port. Le film de Mara Olsen "
        "l'annonce dès le début. Ruth Berg est Ada, une pêcheuse."
    )
    x = run(blank_nlp, text, language="fr")
    assert [d.name for f in x.films for d in f.directors] == ["Mara Olsen"]


def test_credit_block_lines(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cold Water review: a quiet triumph\n\nCold Water\nDirector: Mara Olsen\n"
        "Screenwriter: Paul Stone\nProducer: Anna Weiss\n"
        "Cast: Ruth Berg (Ada), Tom Hale, Lena Moss\n\nA quiet film about a port."
    )
    film = films(run(blank_nlp, text))["Cold Water"]
    assert directors(film) == ["Mara Olsen"]
    assert pairs(film) == {
        ("Ruth Berg", "Ada"),
        ("Tom Hale", None),
        ("Lena Moss", None),
    }


def test_french_credit_block(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« Eau froide » : la critique\n\nRéalisation : Mara Olsen\n"
        "Avec : Ruth Berg, Tom Hale\nMusique : Paul Stone\n\nUn film calme."
    )
    x = run(blank_nlp, text, language="fr")
    assert [d.name for f in x.films for d in f.directors] == ["Mara Olsen"]
    assert {c.actor for f in x.films for c in f.cast} == {"Ruth Berg", "Tom Hale"}


def test_described_role_colon_list_and_small_parts(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cold Water review\n\nCold Water is a quiet film. Tom Hale, as an older, "
        "gentler lawyer, gets the best jokes. It gathers a family: Ruth Berg, Lena "
        "Moss, Ida Park and Jon Bell. Eva Lund and Max Roth are lovely in small parts. "
        "The jury: Paul Stone, Anna Weiss and Karl Berg. Mara Olsen, as a director, "
        "is careful."
    )
    cast = {c.actor for c in films(run(blank_nlp, text))["Cold Water"].cast}
    assert cast == {"Tom Hale", "Ruth Berg", "Lena Moss", "Ida Park", "Jon Bell",
                    "Eva Lund", "Max Roth"}  # fmt: skip


def test_first_feature_of_a_single_name_and_siblings(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    one = (
        "Cold Water review\n\nI caught Cold Water on Tuesday. It is the first "
        "feature of Kogo, who made video essays. The first film of the year was worse."
    )
    assert directors(films(run(blank_nlp, one))["Cold Water"]) == ["Kogo"]
    two = (
        "Cold Water review\n\nI caught Cold Water on Tuesday. Josh and Benny Stone "
        "make films that feel like a panic attack. Ruth and Tom went home."
    )
    assert set(directors(films(run(blank_nlp, two))["Cold Water"])) == {
        "Josh Stone",
        "Benny Stone",
    }


def test_cast_of_a_compared_film_is_dropped(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cold Water review\n\nIn Cold Water, Ruth Berg (Ada) waits. Mara Olsen, who "
        "did the same with Lena Moss (Queen Anne) in Old Roads, keeps it cold. She "
        "studied with Karl Berg, and the cast is fine. Tom Hale shines with Ida Park "
        "in Paris, in the main roles."
    )
    cast = {c.actor for c in films(run(blank_nlp, text))["Cold Water"].cast}
    assert "Lena Moss" not in cast and "Karl Berg" not in cast
    assert {"Ruth Berg", "Ida Park"} <= cast


ROUND_UP = (
    "The three films that made 2031\n\nBy Ann Lee | Film Notes | 20 December 2031\n\n"
    "Three films I will see again.\n\n"
    "1. Cold Water\nMara Olsen has been circling grief for years, and here she "
    "looks straight at it. Ruth Berg plays Ada.\n\n"
    "2. Salt Houses\nTom Hale returns to the sea with a western about a lighthouse. "
    "Lena Moss plays Ida.\n\n"
    "3. Iron Orchard\nEva Lund gives the performance of her life as a farmer. It is "
    "slow.\n\n"
    "4. Old Roads\nKarl Berg's whodunit is pure pleasure. Max Roth plays Ben."
)


def test_director_opening_a_round_up_section(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    got = films(run(blank_nlp, ROUND_UP))
    assert directors(got["Cold Water"]) == ["Mara Olsen"]
    assert directors(got["Salt Houses"]) == ["Tom Hale"]
    assert directors(got["Iron Orchard"]) == []  # a performer opens that section
    assert directors(got["Old Roads"]) == ["Karl Berg"]


def test_single_review_opening_sentence_is_no_director(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A quiet triumph\n\nCold Water\nMara Olsen has never been better than in "
        "this film about a port."
    )
    assert all(not f.directors for f in run(blank_nlp, text).films)


LOWER = (
    "cold water (2031) - my review\n\n"
    "ok so i finally saw this with my sister. directed by mara olsen and tom hale and "
    "its basically about a port. ruth berg plays ada who runs a bar with her husband "
    "ben (lena moss) and it gets weird. karl berg is gus, her dad, and he is great. "
    "ida park is nell the bar lady. director eva lund knows how to shoot a boat. "
    "she gets fired by max roth (otto, the worst man alive) and cries. the monster "
    "at the end (monstro maxi) is wild. paris texas is great, a good film to see."
)


def test_lowercase_review_names_pairs_and_directors(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    film = run(blank_nlp, LOWER).films[0]
    assert set(directors(film)) == {"Mara Olsen", "Tom Hale", "Eva Lund"}
    assert pairs(film) == {
        ("Ruth Berg", "Ada"),
        ("Lena Moss", "Ben"),
        ("Karl Berg", "Gus"),
        ("Ida Park", "Nell"),
        ("Max Roth", "Otto"),
    }


def test_ages_asides_and_one_character_many_actors(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cold Water review\n\nI saw the new Mara Olsen (it opened on Friday) at last. "
        "Young Ada is Ruth Berg and she is amazing. Tom Hale is grown-up Ben. Gus is "
        "played at three ages by Lena Moss, Ida Park and Jon Bell. Eva Lund (the "
        "mother in Old Roads) plays Nell, a baker. Karl Berg plays her as an adult and "
        "Max Roth as an old woman. The new Year of the Horse is Chinese."
    )
    film = films(run(blank_nlp, text))["Cold Water"]
    assert directors(film) == ["Mara Olsen"]
    assert {("Ruth Berg", "Ada"), ("Tom Hale", "Ben"), ("Lena Moss", "Gus"),
            ("Ida Park", "Gus"), ("Jon Bell", "Gus"), ("Eva Lund", "Nell")} <= pairs(
        film)  # fmt: skip
    assert ("Karl Berg", "Max Roth") not in pairs(film)


def test_crew_is_never_director_and_sibling_debut(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cold Water review: a quiet triumph\n\nCold Water is the first feature from "
        "Danny and Mike Olsen. It is as much Lund's film as theirs, with a score by "
        "composer Eva Lund.\n\nCrew: Director: Danny Olsen, Mike Olsen. Music: Eva "
        "Lund. Screenplay: Danny Olsen."
    )
    film = films(run(blank_nlp, text))["Cold Water"]
    assert set(directors(film)) == {"Danny Olsen", "Mike Olsen"}


def test_headline_stopword_run_is_no_director(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "'Cold Water' Review: One Stolen Boat Brings a Town to Its Knees in Mara "
        "Olsen's Tense Thriller\n\nMara Olsen's fourth feature is tense."
    )
    x = run(blank_nlp, text)
    assert {d.name for f in x.films for d in f.directors} == {"Mara Olsen"}


def test_french_elliptic_roles(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« Eau froide » : la critique\n\nDans la version de Mara Olsen, le port est "
        "triste. Ruth Berg est d'Artagnan, un jeune Gascon. Tom Hale compose un Aramis "
        "ambigu, et Lena Moss un Porthos gourmand. Ida Park fait de Louis XIII un roi "
        "touchant, Jon Bell une Anne d'Autriche délicate. Reste Eva Lund en Milady de "
        "Winter, qu'on voit peu. Karl Berg est un Français. Max Roth en Seine-Maritime, "
        "c'est loin."
    )
    x = run(blank_nlp, text, language="fr")
    assert [d.name for f in x.films for d in f.directors] == ["Mara Olsen"]
    got = {(c.actor, c.character) for f in x.films for c in f.cast}
    assert got == {
        ("Ruth Berg", "d'Artagnan"),
        ("Tom Hale", "Aramis"),
        ("Lena Moss", "Porthos"),
        ("Ida Park", "Louis XIII"),
        ("Jon Bell", "Anne d'Autriche"),
        ("Eva Lund", "Milady de Winter"),
    }


def test_owner_before_character_and_noun_then_name(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cold Water review\n\nCold Water is a quiet film. Ruth Berg, a newcomer who "
        "had never acted, plays Ada. Tom Hale, as Ada's grandmother Nell, has few "
        "scenes. Lena Moss is the superintendent, Gus, smiling and lethal. Ida, in the "
        "skin of whom we find Eva Lund, arrives late. Jon Bell is the producer, and "
        "smiles."
    )
    got = pairs(films(run(blank_nlp, text))["Cold Water"])
    assert got == {("Ruth Berg", "Ada"), ("Tom Hale", "Nell"), ("Lena Moss", "Gus"),
                   ("Eva Lund", "Ida")}  # fmt: skip


def test_korean_given_names_and_a_claimed_character(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cold Water review\n\nCold Water is a quiet film. Song Kang-ho (the father in "
        "Old Roads) plays Sang-hyeon, a laundry owner. The mother, So-young (Lee "
        "Ji-eun), comes back, with two detectives, Su-jin (Bae Doona) and her partner "
        "(Lee Joo-young). It is a Cannes-based, Oscar-winning crew."
    )
    got = pairs(films(run(blank_nlp, text))["Cold Water"])
    assert got == {("Song Kang-ho", "Sang-hyeon"), ("Lee Ji-eun", "So-young"),
                   ("Bae Doona", "Su-jin"), ("Lee Joo-young", None)}  # fmt: skip


def test_source_author_is_no_director_and_listed_described_roles(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cold Water review\n\nMara Olsen brings artistry to this screen version of "
        "Paul Stone's novel. The problem is the casting of Tom Hale as a wisecracking "
        "sidekick and Ruth Berg as mobster Ada Lane."
    )
    film = films(run(blank_nlp, text))["Cold Water"]
    assert "Paul Stone" not in directors(film)
    assert pairs(film) == {("Tom Hale", None), ("Ruth Berg", "Ada Lane")}


def test_surname_is_back_with_a_film_and_realizer(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cold Water review\n\nSixteen years after (Old Roads, Mara Olsen, 2008), "
        "Olsen is back with a third film, Cold Water. Berg is back in a small role, "
        "as Ada. Ruth Berg plays Ada."
    )
    film = films(run(blank_nlp, text))["Cold Water"]
    assert directors(film) == ["Mara Olsen"]
    mt = (
        "Cold Water review\n\nThe realizer Tom Hale films the port in Cold Water. "
        "Ruth Berg is Ada."
    )
    assert directors(films(run(blank_nlp, mt))["Cold Water"]) == ["Tom Hale"]


def test_person_belongs_to_the_section_film(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = ROUND_UP.replace(
        "Lena Moss plays Ida.", "It is warmer than Cold Water. Lena Moss plays Ida."
    )
    got = films(run(blank_nlp, text))
    assert ("Lena Moss", "Ida") in pairs(got["Salt Houses"])
    assert all(c.actor != "Lena Moss" for c in got["Cold Water"].cast)


def test_more_lowercase_roles(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "cold water (2031) - my review\n\n"
        "ok so me and my sister went to see cold water on opening weekend lol. "
        "ruth berg is Ada (the sad one) and shes great. tom hale gets one scene as "
        "gus and the whole row cried. the plot is the worst part tbh and the ending "
        "drags a little but whatever, i liked the boats and the sea a lot."
    )
    film = run(blank_nlp, text).films[0]
    assert pairs(film) == {("Ruth Berg", "Ada"), ("Tom Hale", "Gus")}


def test_french_lowercase_actor_in_a_role(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "eau froide... bof\n\nbon. j'y suis allée parce que tout le monde en parlait "
        "et franchement j'ai pas compris. le film de mara olsen dure 2h30 et on en "
        "passe la moitié dans un port. ruth berg en avocate, bof. le chien en "
        "vedette, super. bref pas pour moi, je préfère les films ou il se passe "
        "quelque chose."
    )
    x = run(blank_nlp, text, language="fr")
    assert {c.actor for f in x.films for c in f.cast} == {"Ruth Berg"}


PRIZES = (
    "Lisbon 2031: the prizes, film by film\n\nThe jury handed out its prizes.\n\n"
    "1. Cold Water\nRuth Berg won for her role as Ada, a fisherwoman. It is tense. "
    "Mara Olsen ties her story to the war. Martin Stone called it a masterpiece.\n\n"
    "2. Salt Houses\nTom Hale, a former journalist, stayed in the town for a year. "
    "It is his footage.\n\n"
    "3. Iron Orchard\nIt is Ida Park's funny, sad and very British first feature."
)


def test_prize_list_director_later_in_the_section(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    got = films(run(blank_nlp, PRIZES))
    assert directors(got["Cold Water"]) == ["Mara Olsen"]
    assert directors(got["Salt Houses"]) == ["Tom Hale"]
    assert directors(got["Iron Orchard"]) == ["Ida Park"]


BEST_OF = (
    "Our 3 favourite films of 2031\n\nBy Ann Lee | Film Notes | 14 December 2031\n\n"
    "1. Cold Water (Mara Olsen)\nOlsen shot it in a port. Ruth Berg (Ada) and Tom "
    "Hale (Ben) are the parents, and Ida Park, who died in May, is the grandmother. "
    "Her sister, Lena Moss, plays the grown-up Nell.\n\n"
    "2. Salt Houses (Karl Berg)\nEva Lund (Queen Anne Hyde) and Max Roth (Gus) fight "
    "for the house. Jon Bell is Tish and Ann Moss is Fonny, two young lovers. Awarded "
    "by Paul Stone's jury, it is a tender, devastating film.\n\n"
    "3. Iron Orchard (Kim Lee)\nAdam Fox, a teenager the director found in a school, "
    "plays Leo. Mary Hart, who won an Oscar for Children of a Lesser God, plays his "
    "mother Ruth. Late on, Sam meets Otto Kurz, played, in a stroke of genius, by "
    "Tim Berg."
)


def test_numbered_headings_name_directors_not_cast(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    got = films(run(blank_nlp, BEST_OF))
    assert directors(got["Cold Water"]) == ["Mara Olsen"]
    assert directors(got["Salt Houses"]) == ["Karl Berg"]
    assert directors(got["Iron Orchard"]) == ["Kim Lee"]
    cast = {c.actor for f in got.values() for c in f.cast}
    assert not {"Mara Olsen", "Karl Berg", "Kim Lee", "Lesser God", "Otto Kurz"} & cast


def test_roles_in_a_numbered_round_up(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    got = films(run(blank_nlp, BEST_OF))
    assert pairs(got["Cold Water"]) == {("Ruth Berg", "Ada"), ("Tom Hale", "Ben"),
                                        ("Ida Park", None), ("Lena Moss", "Nell")}  # fmt: skip
    assert pairs(got["Salt Houses"]) == {("Eva Lund", "Queen Anne Hyde"),
                                         ("Max Roth", "Gus"), ("Jon Bell", "Tish"),
                                         ("Ann Moss", "Fonny")}  # fmt: skip
    assert ("Adam Fox", "Leo") in pairs(got["Iron Orchard"])


def test_prize_turns_cameo_groups_and_crew_directors(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cold Water review\n\nCold Water is a quiet film, the last under outgoing "
        "directors Paul Stone and Anna Weiss. Ruth Berg won the acting prize for her "
        "chilling turn as Sister Ada. Tom Hale plays the coal merchant Ben Hart, and "
        "Lena Moss plays the mother of Gus. Eva Lund is a vain examining magistrate, "
        "and Max Roth and Jon Bell turn up as rich men. Al Ray, fresh from Old Roads, "
        "turns up late as a mechanic. Karl Berg, with Ida Park as a "
        "singer and Kim Lee as his ailing mother, was the favourite. Later Mara Olsen "
        "cast her as the real-life killer Violette Nord. Nell, played by the musician "
        "Ann Moss, sings."
    )
    film = films(run(blank_nlp, text))["Cold Water"]
    assert directors(film) == []
    got = pairs(film)
    assert {("Ruth Berg", "Sister Ada"), ("Tom Hale", "Ben Hart"), ("Lena Moss", None),
            ("Eva Lund", None), ("Max Roth", None), ("Jon Bell", None),
            ("Ida Park", None), ("Kim Lee", None), ("Ann Moss", "Nell"),
            ("Al Ray", None)} <= got  # fmt: skip
    assert all(actor != "Mara Olsen" for actor, _ in got)


def test_cast_of_a_mentioned_film_and_jury_realizer(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cold Water review\n\nCold Water, of the realizer Mara Olsen, won two prizes, "
        "one for its actor, Ruth Berg. Olsen made films about children before, like "
        '"Old Roads" (2011), with Tom Hale as the kid. The jury, presided by the '
        "Canadian realizer Paul Stone, liked it. Lena Moss turns up in a flashback as "
        "Ada's father."
    )
    film = films(run(blank_nlp, text))["Cold Water"]
    assert directors(film) == ["Mara Olsen"]
    assert {c.actor for c in film.cast} == {"Ruth Berg", "Lena Moss"}


def test_lowercase_director_made_a_movie(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "cold water (2031) ★★★★★\n\nopening day yesterday in a packed room and people "
        "clapped twice, i have never heard anyone clap at a movie like that before.\n\n"
        "ok so mara olsen (she also did the music herself??) made a sea movie thats "
        "actually about grief. ruth berg plays ada and she is great."
    )
    film = run(blank_nlp, text).films[0]
    assert directors(film) == ["Mara Olsen"]


def test_director_and_writer_have_made_a_film_and_numbered_possessive(
    blank_nlp,
) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cold Water review\n\nIn Cold Water, Ruth Berg plays Ada. Mara Olsen and her "
        "writer, Paul Stone, have made a film that looks old. Tom Hale and his dog "
        "made a scene."
    )
    assert directors(films(run(blank_nlp, text))["Cold Water"]) == ["Mara Olsen"]
    other = "Cold Water review\n\nCold Water, Mara Olsen's 68-minute film, is tense."
    assert directors(films(run(blank_nlp, other))["Cold Water"]) == ["Mara Olsen"]


def test_character_is_played_by_and_a_list_tail_role(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cold Water review\n\nIn Cold Water, Karl Berg plays Ben. The girl's name is "
        "Ada. And Ada is played by Ruth Berg, her twin. Tom Hale plays her as an adult "
        "and Lena Moss as an old woman. Berlin is played down."
    )
    got = pairs(films(run(blank_nlp, text))["Cold Water"])
    assert ("Ruth Berg", "Ada") in got and ("Lena Moss", None) in got


def test_its_actresses_list_and_appositive_before_relation(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cold Water review\n\nCold Water won the prize. Its four actresses, Ruth Berg, "
        "who plays both Ada and Nell, Lena Moss, Ida Park and Eva Lund, shared the "
        "prize for best actress. Tom Hale, more known as director of Old Roads, plays "
        "his young lawyer Ben Hart, exasperated."
    )
    film = films(run(blank_nlp, text))["Cold Water"]
    assert {"Ruth Berg", "Lena Moss", "Ida Park", "Eva Lund"} <= {
        c.actor for c in film.cast
    }
    assert ("Tom Hale", "Ben Hart") in pairs(film)


def test_one_part_played_at_several_ages() -> None:
    from graph.extract_prose_people import find_prose_people

    text = (
        "Nils is played at three ages, by Ole Berg at six, Per Holm at 13 and Kai "
        "Lund at 17. Ida Lund is played by Eva Dahl."  # near miss: one actor
    )
    got = [(f.name, f.character) for f in find_prose_people(text)]
    assert got == [("Ole Berg", "Nils"), ("Per Holm", "Nils"), ("Kai Lund", "Nils")]


def test_actor_is_the_described_part() -> None:
    from graph.extract_prose_people import find_prose_people

    text = (
        "Ole Berg is the sleazy fight promoter Tiger. Per Holm is the old-timer Sam, "
        "and Kai Lund is the best thing in Paris. Eva Dahl is the director Ann."
    )
    got = [(f.name, f.character) for f in find_prose_people(text)]
    assert got == [("Ole Berg", "Tiger"), ("Per Holm", "Sam")]


def test_two_parts_and_two_actors_in_parentheses() -> None:
    from graph.extract_prose_people import find_prose_people

    text = (
        "Mr and Mrs Lund (Ole Berg and Eva Dahl) look for him. "
        "Anna and Ben Holm (Kai Lund and Ida Berg) do not."  # near miss: a family
    )
    got = [(f.name, f.character) for f in find_prose_people(text)]
    assert got == [("Ole Berg", "Mr Lund"), ("Eva Dahl", "Mrs Lund")]


def test_director_directs_himself_and_credit_director_writer(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Review: Salt Houses\n\nSalt Houses is a fine film about the sea. Ole Berg "
        "directs himself as Nils, a fisherman who cannot swim.\n\n"
        "Director-screenwriter: A.B. Holm\nProducers: Eva Dahl\n"
    )
    film = films(run(blank_nlp, text))["Salt Houses"]
    assert sorted(directors(film)) == ["A.B. Holm", "Ole Berg"]
    assert pairs(film) == {("Ole Berg", "Nils")}  # near miss: the producer


def test_adjective_after_as_a_is_no_part(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Review: Salt Houses\n\nOle Berg gives a fine turn as a Hungarian architect "
        "in Salt Houses. Nils Lund (Ole Berg), a Jewish refugee, arrives in port. "
        "Per Holm has a small role as Damian, a neighbour."  # near miss: a name
    )
    film = films(run(blank_nlp, text))["Salt Houses"]
    assert pairs(film) == {("Ole Berg", "Nils Lund"), ("Per Holm", "Damian")}


def test_director_of_the_title_just_before_belongs_to_that_film(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Review: Salt Houses (2031)\n\nSalt Houses, directed by Ole Berg, is a fine "
        "film about the sea. It reminded me of Cold Water (1970), Eva Dahl's only "
        "feature. The sequel, Salt Houses Abroad, directed by Per Holm, is fine.\n"
    )
    got = films(run(blank_nlp, text))
    assert directors(got["Salt Houses"]) == ["Ole Berg"]  # near miss: its own title
    assert "Eva Dahl" not in directors(got["Salt Houses"])
    assert "Per Holm" not in directors(got["Salt Houses"])


def test_three_names_after_with_and_a_pair_of_brothers() -> None:
    from graph.extract_prose_people import find_prose_people

    text = (
        "Three linked stories in a small town, with Ole Berg, Eva Dahl and Per Holm. "
        "She has worked with Kai Lund, Ida Berg and Nils Dahl. "  # near miss: a life
        "Ann Lund and Tor Holm are the brothers Toby and Tanner Howard; fine."
    )
    got = [(f.name, f.character) for f in find_prose_people(text)]
    assert got == [
        ("Ole Berg", None), ("Eva Dahl", None), ("Per Holm", None),
        ("Ann Lund", "Toby Howard"), ("Tor Holm", "Tanner Howard"),
    ]  # fmt: skip


def test_list_heading_with_director_has_no_section_director() -> None:
    from graph.extract_sections import find_section_directors
    from graph.extract_title_base import TitleFact

    text = (
        "Best of 2031\n\n1. Salt Houses (dir. Ole Berg)\nA fishing town. Per Holm "
        "and Eva Dahl are the siblings Nils and Ida Lund.\n\n"
        "2. Cold Water\nA lake in summer. Kai Lund directs with a light hand.\n"
    )
    titles = [
        TitleFact(t, text.find(t), text.find(t) + len(t), "t", 0.9)
        for t in ("Salt Houses", "Cold Water")
    ]
    got = [(f.name, f.title_hint) for f in find_section_directors(text, titles)]
    assert got == [("Kai Lund", "Cold Water")]  # near miss: the actors, the heading


def test_cast_list_plays_and_translated_it_is() -> None:
    from graph.extract_prose_people import find_prose_people

    text = (
        "Ole Berg, Eva Dahl and Per Holm play the family, loudly. "
        "Nils, it is Kai Lund, more charming than ever. "
        "Paris, it is a city."  # near miss: no name after "it is"
    )
    got = [(f.name, f.character) for f in find_prose_people(text)]
    assert got == [
        ("Ole Berg", None), ("Eva Dahl", None), ("Per Holm", None),
        ("Kai Lund", "Nils"),
    ]  # fmt: skip


def test_adjectives_prize_lines_and_kin_are_no_parts_or_directors(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Review: Salt Houses\n\nSalt Houses, directed by Ole Berg, son of the "
        "director Kai Berg, is about a Norwegian carpenter (Per Holm) at sea. "
        "His wife Ida (Eva Dahl) waits.\n\nBest Director: Ole Berg (Salt Houses)\n"
    )
    film = films(run(blank_nlp, text))["Salt Houses"]
    assert directors(film) == ["Ole Berg"]  # near miss: the father
    assert pairs(film) == {("Per Holm", None), ("Eva Dahl", "Ida")}


@pytest.mark.parametrize(
    "body",
    [
        "Ole Berg's gleefully repulsive SALT HOUSES is the film of the year.",
        "Salt Houses is fine. Ole Berg, who directed, keeps it short.",
        "Salt Houses is the comedy of heist of Ole Berg.",
        "Salt Houses marks the return of Ole Berg behind the camera.",
    ],
)
def test_more_prose_directors(blank_nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    text = f"Review: Salt Houses\n\n{body} The sea is cold and the town is small.\n"
    assert directors(films(run(blank_nlp, text))["Salt Houses"]) == ["Ole Berg"]


def test_prose_director_near_misses(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Review: Salt Houses\n\nSalt Houses is the drama of Ole Berg, a fisherman. "
        "Eva Dahl, who directed it with Ole Berg's help, and Per Holm's and Kai "
        "Lund's Salt Houses fans agree. The sea is cold and the town is small.\n"
    )
    assert "Ole Berg" not in directors(films(run(blank_nlp, text))["Salt Houses"])


def test_actor_is_a_described_part() -> None:
    from graph.extract_prose_people import find_prose_people

    text = (
        "Ole Berg is a scene-stealing Tedesco, a reactionary who vapes. "
        "Per Holm is a proud Norwegian, a man of few words."  # near miss
    )
    got = [(f.name, f.character) for f in find_prose_people(text)]
    assert got == [("Ole Berg", "Tedesco")]


def test_pronoun_played_by_takes_the_one_named_relative() -> None:
    from graph.extract_prose_people import find_prose_people

    text = (
        "Then her dad Nils, who she never met, climbs the fence. He is played by "
        "Ole Berg. Her mum Ida and her uncle Kai wait. She is played by Eva Dahl."
    )  # near miss: two relatives before "She"
    got = [(f.name, f.character) for f in find_prose_people(text)]
    assert got == [("Ole Berg", "Nils")]


def test_credit_line_director_comma_writer(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Review: Salt Houses\n\nSalt Houses is a fine film about the sea.\n\n"
        "Crew: Director, writer: Ana Berg.\nProducer, writer: Per Holm.\n"
    )
    film = films(run(blank_nlp, text))["Salt Houses"]
    assert directors(film) == ["Ana Berg"]  # near miss: the producer-writer


def test_counterfactual_directed_by_is_no_credit(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Review: Salt Houses\n\nSalt Houses is a loud film about the sea. You'd swear "
        "it had been directed by Per Holm, and it is the dullest thriller that wasn't "
        "directed by Eva Dahl. It was directed by Ana Berg."  # near miss: the real one
    )
    film = films(run(blank_nlp, text))["Salt Houses"]
    assert directors(film) == ["Ana Berg"]


def test_screenplay_and_source_author_are_no_director(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Review: Salt Houses\n\nSalt Houses, from a screenplay by Per Holm, is a loud "
        "film made from Eva Dahl's Salt Houses. Ana Berg's film is long."
    )  # near miss: the possessive with no "made from" before it
    film = films(run(blank_nlp, text))["Salt Houses"]
    assert directors(film) == ["Ana Berg"]


def test_headline_verb_is_no_part_of_the_director(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "'Salt Houses' Review: Ana Berg Turns the Sea Into a Stage\n\n"
        "Salt Houses is a film about the sea."
    )
    film = films(run(blank_nlp, text))["Salt Houses"]
    assert directors(film) == ["Ana Berg"]  # near miss: not "Ana Berg Turns"
