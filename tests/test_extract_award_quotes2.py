"""Prize reports translated from French: sentence-case quoted titles with their maker,
and the "staging" prize (mise en scène) that names a director.

The texts are written for these tests; films and people are invented.
"""

from __future__ import annotations

from graph.extract_award_quotes import find_prize_sentence_titles


def _found(text: str) -> dict[str, str | None]:
    return {t.title: t.director for t in find_prize_sentence_titles(text)}


def test_a_sentence_case_title_with_its_maker_is_awarded() -> None:
    text = (
        'The Grand prize of the jury went to "Salt does not keep" of the Danish '
        "Ann Lee."
    )
    assert _found(text) == {"Salt does not keep": "Ann Lee"}
    # without a maker after it, a quoted sentence-case phrase is no title
    text = 'The Grand prize of the jury went to a film "about salt and the sea".'
    assert _found(text) == {}


def test_the_staging_prize_names_the_director() -> None:
    text = 'The Lion of silver of the staging went to Jo Doe for "Cold Water".'
    assert _found(text) == {"Cold Water": "Jo Doe"}
