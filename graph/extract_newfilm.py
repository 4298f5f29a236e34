"""Extract stage, "her new film, Title, ...": the film a column or profile is about.

Contract: :func:`find_new_film_titles` returns subject
:class:`~graph.extract_title_base.TitleFact` records for a title set off by commas
right after "his/her/their/X's new (or latest) film": the column's occasion, while
the earlier films it recalls ("Her first feature, Title (1994)") stay to other rules.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

from graph.extract_text import TITLE_RUN, fold
from graph.extract_title_base import TitleFact, looks_like_title


@lru_cache(maxsize=1)
def _rule() -> re.Pattern[str]:
    return re.compile(
        r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[A-Z][\w-]+'s?)\s+(?:new|latest|newest)\s+"
        r"(?:film|feature|movie|documentary|picture),\s+\"?"
        rf"(?P<title>{TITLE_RUN})\"?\s*(?=,|\()"
    )


def find_new_film_titles(
    text: str, *, not_titles: Collection[str] = ()
) -> list[TitleFact]:
    """The titles "her new film, Title," introduces (see the module docstring).

    Args:
        text: the normalised review text.
        not_titles: folded names that are never titles (people, festivals).
    """
    out: list[TitleFact] = []
    for m in _rule().finditer(text):
        title = m.group("title").strip()
        if looks_like_title(title) and fold(title) not in not_titles:
            start = m.start("title")
            out.append(
                TitleFact(title, start, start + len(title), "film.new_film", 0.8)
            )
    return out
