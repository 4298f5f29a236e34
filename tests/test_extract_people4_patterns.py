"""People rules for how critics introduce people in running prose (issue #3):
"Actor's Character", asides before the verb, prize sentences, gapped clauses.
Each test is a short text we wrote, with a near miss the rule must not fire on;
all run on ``spacy.blank("en")``."""

from __future__ import annotations

from rules_helpers import run_rules as run

from graph.models import Extraction, FilmMention


def films(x: Extraction) -> dict[str, FilmMention]:
    return {f.title: f for f in x.films}


def pairs(film: FilmMention) -> set[tuple[str, str | None]]:
    return {(c.actor, c.character) for c in film.cast}


def actors(x: Extraction) -> set[str]:
    return {c.actor for f in x.films for c in f.cast}


def directors(x: Extraction) -> set[str]:
    return {d.name for f in x.films for d in f.directors}


def test_actor_possessive_character(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Salt Harbour review\n\nSalt Harbour is Ines Rook's second feature. Maud "
        "Keller runs the harbour bar and Tobias, a fisherman, drinks there every "
        "night. Lena Dorn's Maud is flinty and funny, and Piet Vos's weary Tobias "
        "is her match. Ines Rook's Salt Harbour premiered at Rotterdam."
    )
    x = run(blank_nlp, text)
    got = pairs(films(x)["Salt Harbour"])
    assert ("Lena Dorn", "Maud") in got
    assert ("Piet Vos", "Tobias") in got
    assert "Ines Rook" not in actors(x)  # the director's film, not a part


def test_actor_possessive_needs_character_evidence(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Grey Dawn review\n\nGrey Dawn is a slow film. It will remind some of Anna "
        "Lind's Before Winter and of Otto Brandt's fourth Silver Bear, and of Jon "
        "Berg's Harbour, which he shot in Oslo."
    )
    x = run(blank_nlp, text)
    assert not actors(x)


def test_actor_possessive_after_in_is_a_film(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cold Spring review\n\nCold Spring is Ada Moe's debut. Ruth Berg plays "
        "Alice, a gardener, in Ada Moe's chilly Little Joe. Little Joe, a small "
        "plant, wilts."
    )
    assert "Ada Moe" not in actors(run(blank_nlp, text))


def test_who_aside_before_the_verb(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Low Tide review\n\nLow Tide is a small film. Tom Hale, who first worked "
        "with Ada Moe on Reed Lake (2015), plays Ben. Mia Lund, who had never acted "
        "before, is astonishing as Sara. Ada Moe, who gave us Reed Lake (2015), "
        "returns with a melodrama. Eva Dahl, who met Ola Berg in Oslo, plays Kim."
    )
    x = run(blank_nlp, text)
    got = pairs(films(x)["Low Tide"])
    assert ("Tom Hale", "Ben") in got
    assert ("Mia Lund", "Sara") in got
    assert "Ada Moe" in directors(x)
    assert ("Eva Dahl", "Kim") in got
    assert "Ola Berg" not in actors(x)  # named inside the aside: no actor


def test_pronoun_parts(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Dry Season review\n\nDry Season follows a ferryman called Oskar and his "
        "sister Ilse. Tom Hale plays him with great calm, and Mia Lund, who also "
        "sings, plays her. Eva Dahl and Ola Berg play her parents.\n\nThe best "
        "reason to go is Karl Sand. He plays Bruno, the mayor. Oskar's dog, Rolf, "
        "is Jan Vik."
    )
    got = pairs(films(run(blank_nlp, text))["Dry Season"])
    assert ("Tom Hale", "Oskar") in got
    assert ("Mia Lund", "Ilse") in got
    assert ("Karl Sand", "Bruno") in got
    assert ("Eva Dahl", "Ilse") not in got  # "her parents": no part of hers


def test_prize_for_playing(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Berlin prizes\n\nThe Golden Bear went to Long Road. Ana Roth won the best "
        "actress prize for playing Vera Holm, a nurse, in Long Road. Piet Vos took "
        "best actor for his giggling, fragile King Olaf in Salt Crown. Jan Vik won "
        "the jury prize for Salt Crown."
    )
    x = run(blank_nlp, text)
    got = {p for f in x.films for p in pairs(f)}
    assert ("Ana Roth", "Vera Holm") in got
    assert ("Piet Vos", "King Olaf") in got
    assert all(actor != "Jan Vik" for actor, _ in got)


def test_parts_in_asides_and_gapped_clauses(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "North Light review\n\nNorth Light is a warm film. Ruth Berg plays Ada, a "
        "pilot, played with great warmth by Lena Moss. Tom Hale, the folk star of "
        "the seventies, growls wonderfully as Kamo. Mia Lund, in her first role, "
        "is his wife Sara, and Eva Dahl his tired sister Ilse. In the role of "
        "Bruno, Karl Sand is perfect. Loved Jan Vik as Olaf."
    )
    got = pairs(films(run(blank_nlp, text))["North Light"])
    assert ("Tom Hale", "Kamo") in got
    assert ("Eva Dahl", "Ilse") in got
    assert ("Karl Sand", "Bruno") in got
    assert ("Jan Vik", "Olaf") in got
    assert ("Lena Moss", "Ada") in got or ("Lena Moss", None) in got


def test_a_part_described_as_director_is_no_director(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Pain review\n\nPain is a tender film. Ola Berg won best actor for playing "
        "Tomas Lind, an ageing director with a bad back. Karin Holm, the Swedish "
        "director, keeps it simple."
    )
    x = run(blank_nlp, text)
    assert "Tomas Lind" not in directors(x)
    assert "Karin Holm" in directors(x)


def test_heading_co_directors_and_original_title(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        # each heading is followed by a paragraph of prose (40+ characters)
        "THE BEST FILMS OF THE YEAR\n\n3. Cold Gems (Jon and Eli Vass)\nTwo hours "
        "of panic in a jewellery shop, and not a minute wasted.\n\n2. Pain Story "
        "(Dolor y historia, Pedro Alba)\nA tender film about an old man and his "
        "mother.\n\n1. Salt House (Prime Video)\nA lurid comedy set in a manor by "
        "the sea.\n"
    )
    x = run(blank_nlp, text)
    assert {"Jon Vass", "Eli Vass", "Pedro Alba"} <= directors(x)
    assert "Prime Video" not in directors(x)  # a service, not a person


def test_sequel_hero_named_like_the_first_film(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Marmalade 2 review\n\nMarmalade 2 is a gentle film. We liked the first "
        "Marmalade (2014) too. Meanwhile Marmalade wins over the cook, Knuckles, "
        "played by Karl Sand."
    )
    got = pairs(films(run(blank_nlp, text))["Marmalade 2"])
    assert ("Karl Sand", "Knuckles") in got


def test_maker_and_surname_lead_ins(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Glass Bay review\n\nGlass Bay is the most enjoyable film Ada Moe has made. "
        "Tom Hale, who directed it and the first Glass Bay, is not its star. Lena "
        "Moss is back. This time Moss plays Ruth. Here Berg plays with fire."
    )
    x = run(blank_nlp, text)
    assert {"Ada Moe", "Tom Hale"} <= directors(x)
    assert ("Lena Moss", "Ruth") in pairs(films(x)["Glass Bay"])
    assert not any(a.endswith("Berg") for a in actors(x))  # "plays with": no part


def test_prize_names_its_film_after_the_person(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        'Lido prizes\n\nThe Golden Lion went to "Salt Crown", Ada Moe\'s comedy. '
        'Piet Vos received the Volpi Cup for best actor for "Memory Lane", and '
        'the jury prize went to "Cold Bay".'
    )
    got = films(run(blank_nlp, text))
    assert "Piet Vos" in {c.actor for c in got["Memory Lane"].cast}
    assert "Piet Vos" not in {c.actor for c in got["Salt Crown"].cast}


def test_this_is_turns_back_to_the_reviewed_film(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Sea Glass review\n\nSea Glass is Ada Moe's new film. After Tomboys (2011) "
        "and Girlhoods (2014), which were about girls, this is Moe's first period "
        "film. Like Tomboys (2011), with Lena Moss as the kid."
    )
    x = films(run(blank_nlp, text))
    assert "Ada Moe" in {d.name for d in x["Sea Glass"].directors}
    assert "Lena Moss" not in {c.actor for c in x["Sea Glass"].cast}


def test_family_or_praised_paren_list_is_cast(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Honey Story review\n\nHoney Story is a kind film. It is up to the Hollands "
        "(Ruth Berg and Tom Hale, both lovely) to save the bear. The trip went via "
        "two towns (Port Ellen and Bow Hill) in the north."
    )
    x = run(blank_nlp, text)
    assert {"Ruth Berg", "Tom Hale"} <= actors(x)
    assert not {"Port Ellen", "Bow Hill"} & actors(x)  # places, no cast cue


def test_nth_long_film_of_a_director(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        'Cannes: the palm for "Cold Fall"\n\nThe jury crowned Cold Fall (Chute '
        "froide), fourth long film of Ada Moe. It was the first film of the day "
        "for the jury."
    )
    x = run(blank_nlp, text)
    assert directors(x) == {"Ada Moe"}
