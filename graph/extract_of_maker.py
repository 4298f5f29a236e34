"""Extract stage, "Title of Director": a translation's film named with its makers.

Contract: :func:`find_of_maker_titles` returns :class:`TitleFact` records (rule
``film.of_maker``, role ``unknown``, the first maker as director) for the French
"Titre de Réalisateur" a machine translation writes as "Title of Director": "Holy
Spider of Ali Abbasi", "Close, of the Belgian Lukas Dhont", "The Eight Mountains, of
Felix van Groeningen and Charlotte Vandermeersch". A title that is "The/A" and one
word before an uncommaed "of" ("The Diary of Anne Frank", "The Wolf of Wall
Street") is one title, and a name that goes on in capitals is no maker.
"""

from __future__ import annotations

import re
from functools import lru_cache

from graph.extract_people import trim_name
from graph.extract_text import FULL_NAME, TITLE_RUN, fold, is_name_like
from graph.extract_title_base import TitleFact, looks_like_title

#: Words of a festival, a prize or a jury: "Festival of Cannes", "Price of the Jury".
_NOT_FILM = re.compile(
    r"\b(?:Festival|Fest|Prize|Price|Palme|Award|Jury|Lion|Bear|Leopard|Grand|"
    r"Competition|Section|Week|Fortnight|Edition|Cinema|Theatre|Palace|Palais)\b"
)


@lru_cache(maxsize=1)
def _of_maker() -> re.Pattern[str]:
    return re.compile(
        rf"(?:\"([^\"\n]{{2,60}})\"|({TITLE_RUN}))(,?)\s+of\s+"
        rf"(?:the\s+(?:[A-Z][a-zé]+\s+){{1,2}})?({FULL_NAME})"
        rf"(?:\s+and\s+({FULL_NAME}))?(?![ ]?[\w'’-])(?![ ][A-Z])"
    )


def find_of_maker_titles(
    text: str, *, not_titles: frozenset[str] = frozenset()
) -> list[TitleFact]:
    """The films "Title of Director" names (see the module docstring).

    Args:
        text: the normalised review text.
        not_titles: folded names that are never titles (people, festivals).
    """
    out: list[TitleFact] = []
    for m in _of_maker().finditer(text):
        g = 1 if m.group(1) else 2
        title = m.group(g).strip()
        words = title.split()
        maker = trim_name(m.group(4))
        if (
            not looks_like_title(title)
            or not (is_name_like(words[0]) or len(words) > 1)
            or fold(title) in not_titles
            or _NOT_FILM.search(title)
            or not is_name_like(maker)
            or fold(maker) == fold(title)
            or not m.group(3)
            and len(words) == 2
            and words[0] in {"The", "A", "An"}
        ):
            continue
        at = m.start(g)
        out.append(TitleFact(title, at, at + len(title), "film.of_maker", 0.7,
                             "unknown", director=maker))  # fmt: skip
    return out
