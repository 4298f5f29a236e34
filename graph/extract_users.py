"""Extract stage, people in user reviews written in lower case.

Contract: :func:`find_user_people` reads a text that
:func:`~graph.extract_case.recase_lowercase` has re-capitalised. In such a text
every capitalised word is a name the recaser found, so a single word is enough:

- "ok Villeneuve actually did it", "but Rajamouli directs action like ...",
  "Darabont also did the green mile": a director by surname;
- "Zendaya as Chani is the heart", "Chalamet finally gets to be scary as Paul,": a
  one-word actor and the part;
- "Alia Bhatt and Ajay Devgn are in it for ten minutes": cast without a part;
- "Bob Gunton as the warden": cast with an unnamed part.

:func:`find_is_who` reads any text: "Olivia Morris is Jenny who ...": an actor and
the part.
"""

from __future__ import annotations

import re
from functools import lru_cache

from graph.extract_people import PersonFact
from graph.extract_text import FULL_NAME, NAME_WORD

_START = r"(?:^|(?<=[.!?,;:]\s)|(?<=\n)|(?<=\bbut\s)|(?<=\bok\s)|(?<=\band\s))"
_WORD = r"[A-Z][a-zà-ÿ'-]+"
_ONE = rf"({_WORD})"


@lru_cache(maxsize=1)
def _rules() -> dict[str, re.Pattern[str]]:
    """Compiled patterns (compiled on first use, never at import)."""
    return {
        "director.user_surname": re.compile(
            rf"{_START}({_WORD}(?: {_WORD})?)\s+"
            r"(?:(?:actually|really|just|finally|truly|clearly|once again|again)\s+)?"
            r"(?:directs|directed (?:it|this)|did (?:it|this)|also (?:did|directed|"
            r"made))\b",
            re.M,
        ),
        "cast.user_single": re.compile(
            rf"{_START}{_ONE}\s+(?:(?:finally|really|actually|also)\s+)?"
            r"(?:(?:gets to be|is)\s+(?:[a-z]+\s+)?)?as\s+"
            rf"({NAME_WORD}(?: {NAME_WORD})?)(?=\s*[,.;!]|\s+(?:is|was|in|has|and)\b)",
            re.M,
        ),
        "cast.user_in_it": re.compile(
            rf"({FULL_NAME})(?:\s+and\s+({FULL_NAME}))?\s+(?:is|are)\s+"
            r"(?:(?:barely|only|also|just|briefly|hardly)\s+)?in it\b"
        ),
        "cast.user_as_the": re.compile(rf"({FULL_NAME})\s+as\s+the\s+[a-z]+\b"),
        "cast.is_who": re.compile(
            rf"({FULL_NAME})\s+is\s+({NAME_WORD})(?=\s+who\s+(?!is\b|was\b))"
        ),
    }


def find_user_people(text: str) -> list[PersonFact]:
    """Directors and cast of a re-capitalised lower-case review (module docstring)."""
    rules = _rules()
    out: list[PersonFact] = []
    for m in rules["director.user_surname"].finditer(text):
        out.append(
            PersonFact(
                "director", m.group(1), m.start(1), m.end(1),
                "director.user_surname", 0.8,
            )
        )  # fmt: skip
    for m in rules["cast.user_single"].finditer(text):
        out.append(
            PersonFact(
                "cast", m.group(1), m.start(1), m.end(1), "cast.user_single", 0.8,
                m.group(2),
            )
        )  # fmt: skip
    for m in rules["cast.user_in_it"].finditer(text):
        for group in (1, 2):
            if m.group(group):
                out.append(
                    PersonFact(
                        "cast", m.group(group), m.start(group), m.end(group),
                        "cast.user_in_it", 0.75,
                    )
                )  # fmt: skip
    for m in rules["cast.user_as_the"].finditer(text):
        out.append(
            PersonFact(
                "cast", m.group(1), m.start(1), m.end(1), "cast.user_as_the", 0.7
            )
        )
    return out


def find_is_who(text: str) -> list[PersonFact]:
    """ "Olivia Morris is Jenny who has a crush on ...": an actor and the part."""
    return [
        PersonFact(
            "cast", m.group(1), m.start(1), m.end(1), "cast.is_who", 0.75, m.group(2)
        )
        for m in _rules()["cast.is_who"].finditer(text)
    ]
