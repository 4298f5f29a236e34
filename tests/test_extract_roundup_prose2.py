"""Round-up prose: films a scene-setting phrase, a maker's possessive, a return or a
viewing introduces ("Over in Un Certain Regard, X follows", "Jo Doe's X follows",
"returned with X, a romance", "I also caught X, in which").

The texts are written for these tests; films and people are invented.
"""

from __future__ import annotations

from graph.extract_roundup_prose import find_prose_titles


def _titles(
    text: str,
    *,
    not_titles: frozenset[str] = frozenset(),
    persons: frozenset[str] = frozenset(),
    round_up: bool = True,
) -> list[str]:
    found = find_prose_titles(
        text, body_start=0, round_up=round_up, not_titles=not_titles, persons=persons
    )
    return [t.title for t in found]


def test_a_scene_setting_phrase_before_a_synopsis() -> None:
    text = "It was a long day. Over in the sidebar, Salt Houses follows three cooks."
    assert _titles(text) == ["Salt Houses"]
    # a person who follows someone is no film
    text = "It was a long day. Over in the bar, Jo Doe follows her."
    assert _titles(text, not_titles=frozenset({"jo doe"})) == []


def test_a_makers_possessive_outweighs_an_ner_person_tag() -> None:
    owned = "It was a long day. Ann Lee's Cold Water follows two ferry pilots."
    assert _titles(owned, persons=frozenset({"cold water"})) == ["Cold Water"]
    # without the maker, a run NER calls a person and the text names once stays out
    bare = "It was a long day. Cold Water follows two ferry pilots."
    assert _titles(bare, persons=frozenset({"cold water"})) == []


def test_a_return_outweighs_a_people_rules_with_guess() -> None:
    text = "Elsewhere, Ann Lee returned with Quiet Hours, a deadpan romance."
    assert _titles(text, not_titles=frozenset({"quiet hours"})) == ["Quiet Hours"]
    # NER's person tag still vetoes: "returned with Jo Doe, her co-star"
    text = "Elsewhere, Ann Lee returned with Jo Doe, her co-star."
    assert _titles(text, persons=frozenset({"jo doe"})) == []


def test_a_film_the_critic_caught() -> None:
    text = "I also caught The Ferry, in which Paul Dunn plays a pilot."
    assert _titles(text) == ["The Ferry"]
    text = "I also saw Paul Dunn at the beach."
    assert _titles(text, persons=frozenset({"paul dunn"})) == []


def test_nothing_outside_a_round_up() -> None:
    text = "It was a long day. Over in the sidebar, Salt Houses follows three cooks."
    assert _titles(text, round_up=False) == []
